import { defineRule, type RuleContext } from "./types";
import type { Cell, IndicatorRow } from "../recognize/model";
import { actualHint, actualParse, cellNumber, isBlankMark, targetParse } from "../recognize/cells";
import { meetsNumber, numbersAgree, readActual } from "../compare";
import { quantScore } from "../scoring";
import { execRate } from "../rates";
import { isEvalError } from "../errors";
import { fmtNum, fmtPct } from "./format";
import { rowName } from "./util";
import { borrowedOperators } from "./indicator-value-mismatch";

/** Smallest step a score is written at (9.7 → 0.1; 10 → 1). */
function scoreStep(cell: Cell): number {
  const n = cellNumber(cell);
  return n ? Math.pow(10, -Math.min(n.decimals, 12)) : 0;
}

/** A written score agrees with the rule when it is the expected score rounded or cut to its own decimals. */
function scoreAgrees(score: number, step: number, expected: number): boolean {
  if (numbersAgree(score, step, expected, 0)) return true;
  return expected >= score && expected - score < step - 1e-12;
}

function text(row: IndicatorRow, which: "target" | "actual"): string {
  const v = which === "target" ? (row.targetText ?? row.target?.raw) : (row.actualText ?? row.actual?.raw);
  return v === null || v === undefined ? "" : typeof v === "number" ? fmtNum(v, 10) : String(v).trim();
}

/**
 * Report a row's score. Message data is made only here, for rows reported: formatting it (or making closures
 * for it) for every row cost more than the check.
 */
function reportRow(
  ctx: RuleContext,
  row: IndicatorRow,
  s: number,
  messageId: "mismatch" | "fullForMissed",
  expected?: number,
): void {
  const score = row.score!;
  const data = { name: rowName(row), score: s, target: text(row, "target"), actual: text(row, "actual") };
  ctx.report({
    messageId,
    data: expected === undefined ? data : { ...data, expected: fmtNum(expected, 2) },
    sheet: score.sheet,
    row: score.row,
    col: score.col,
    related: [row.target!, row.actual!, row.weight!],
  });
}

const rule = defineRule({
  id: "score-rule",
  severity: "warning",
  meta: {
    title: { "zh-CN": "得分不符合评分规则", "en-US": "Score does not follow the scoring rule" },
    docs: {
      "zh-CN": "得分不符合其指标值与实际完成值对应的评分规则：方向（≥ 或 ≤）、按比例计分、未完成目标却得满分。",
      "en-US":
        "A score does not follow the scoring rule for its target and actual value: direction (≥ or ≤), proportional scoring, or full marks for a missed target.",
    },
    messages: {
      mismatch: {
        "zh-CN": "指标“{name}”得分{score}，按指标值{target}与实际完成值{actual}应得{expected}。",
        "en-US": 'Indicator "{name}" scores {score}; its target {target} and actual {actual} give {expected}.',
      },
      fullForMissed: {
        "zh-CN": "指标“{name}”未达到指标值{target}（实际{actual}），却得满分{score}。",
        "en-US": 'Indicator "{name}" misses its target {target} (actual {actual}) but has full marks ({score}).',
      },
      exec: {
        "zh-CN": "预算执行率得分{score}，按全年执行数{executed}与全年预算数{budget}（执行率{rate}）应得{expected}。",
        "en-US":
          "The budget execution score is {score}; executed {executed} of budget {budget} (rate {rate}) gives {expected}.",
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    const borrowed = borrowedOperators(model);
    // Indexed, not for-of: this loop runs once per check, largely before it is optimized, where for-of
    // makes an iterator result per row.
    const rows = model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const { weight, score, target, actual } = row;
      if (!weight || !score || !target || !actual || isBlankMark(actual)) continue;
      const w = cellNumber(weight)?.value;
      const s = cellNumber(score)?.value;
      if (w === undefined || s === undefined || w < 0) continue;
      const t = targetParse(row);
      if (!t.quantitative || t.number === null) continue;
      const a = readActual(t, actualParse(row), actualHint(actual));
      if (a === null) continue;
      // No operator written: the one the other table states for it, else a cost is capped from above
      // (成本指标 are ≤ by nature) and anything else from below.
      const op = t.operator ?? borrowed.get(row) ?? (row.category === "成本" ? "<=" : null);
      // The parse itself when its own operator applies: no object per row.
      const met = meetsNumber(op === t.operator ? t : { operator: op, number: t.number }, a);
      if (met === null) continue;
      // A date missed has no agreed proportion: only full marks are certainly wrong.
      if (t.date) {
        if (!met && w > 0 && s >= w - 1e-9) reportRow(ctx, row, s, "fullForMissed");
        continue;
      }
      const expected = quantScore(op, t.number, a, w);
      if (isEvalError(expected)) continue;
      if (scoreAgrees(s, scoreStep(score), expected)) continue;
      if (!met && w > 0 && s >= w - 1e-9) reportRow(ctx, row, s, "fullForMissed");
      else reportRow(ctx, row, s, "mismatch", expected);
    }
    // 预算执行率 in the self-assessment's funds block: 分值 × min(B/A, 1).
    for (const block of model.funds) {
      const row = block.total;
      if (!row) continue;
      const { weight, score, budget, executed } = row.cells;
      const w = cellNumber(weight)?.value;
      const s = cellNumber(score)?.value;
      const b = cellNumber(budget)?.value;
      const e = cellNumber(executed)?.value;
      if (w === undefined || s === undefined || b === undefined || e === undefined || !score || w < 0) continue;
      const rate = execRate(e, b);
      if (isEvalError(rate)) continue;
      const expected = w * Math.min(rate, 1);
      if (scoreAgrees(s, scoreStep(score), expected)) continue;
      // Forms that divide by 年初预算数 score by that rate; rate-mismatch judges the reading, not this rule.
      const b0 = cellNumber(row.cells.initial)?.value;
      if (b0 !== undefined && b0 > 0 && scoreAgrees(s, scoreStep(score), w * Math.min(e / b0, 1))) continue;
      ctx.report({
        messageId: "exec",
        data: { score: s, executed: e, budget: b, rate: fmtPct(rate), expected: fmtNum(expected, 2) },
        sheet: score.sheet,
        row: score.row,
        col: score.col,
        related: [budget!, executed!, weight!],
      });
    }
  },
});

export default rule;
