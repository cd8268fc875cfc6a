import { saysOnlyDone } from "../lexicon";
import { defineRule, type RuleContext } from "./types";
import type { Cell, IndicatorRow } from "../recognize/model";
import { actualHint, actualParse, cellNumber, isBlankMark, targetParse } from "../recognize/cells";
import { meetsNumber, numbersAgree, readActual } from "../compare";
import { quantScore } from "../scoring";
import { execRate } from "../rates";
import { isEvalError } from "../errors";
import { fmtNum, fmtPct, shownCell, shownLike } from "./format";
import { partsColumn, rowName } from "./util";
import { borrowedOperators } from "./shared/pairs";

/** Smallest step a score is written at (9.7 → 0.1; 10 → 1). */
function scoreStep(cell: Cell): number {
  const n = cellNumber(cell);
  return n ? Math.pow(10, -Math.min(n.decimals, 12)) : 0;
}

/**
 * A written score agrees with the rule when it is the expected score rounded to its own decimals, or cut at them
 * (9.4 for 9.47). A whole-number score is rounded, not cut: 5 for 5.96 is a point taken, not a rounding.
 */
function scoreAgrees(score: number, step: number, expected: number): boolean {
  if (numbersAgree(score, step, expected, 0)) return true;
  return step < 1 && expected >= score && expected - score < step - 1e-12;
}

/** The reason or deduction cell says why points were taken. */
function hasReason(row: IndicatorRow): boolean {
  return (!!row.reason && !isBlankMark(row.reason)) || (!!row.deduction && !isBlankMark(row.deduction));
}

/** A qualitative target reached: the actual repeats the target, or says it was reached. */
function qualitativeMet(row: IndicatorRow): boolean {
  const t = text(row, "target").replace(/\s+/g, "");
  const a = text(row, "actual").replace(/\s+/g, "");
  if (a === "" || t === "") return false;
  return a === t || saysOnlyDone(a);
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
  messageId: "mismatch" | "fullForMissed" | "metBelow",
  expected?: number,
): void {
  const score = row.score!;
  const data = {
    name: rowName(row),
    score: s,
    weight: shownCell(row.weight!),
    target: text(row, "target"),
    actual: text(row, "actual"),
  };
  ctx.report({
    messageId,
    data: expected === undefined ? data : { ...data, expected: fmtNum(expected, 2) },
    sheet: score.sheet,
    row: score.row,
    col: score.col,
    related: [row.target!, row.actual!, row.weight!],
  });
}

/**
 * A 资金到位率 row of an evaluation table (no actual column) against the sheet's own 计划 and 实际到位 amounts:
 * full marks while part of the money never arrived is wrong under any scoring standard (whether it scores 分值 ×
 * rate or by steps), so only that is reported.
 */
function checkArrivalRows(ctx: RuleContext<"arrivalFull">): void {
  const { model } = ctx;
  for (const row of model.indicators) {
    if (row.actual || !row.weight || !row.score || !/^(资金)?到位率$/.test(row.level3)) continue;
    const sheetAmounts = model.amounts.filter((a) => a.sheet === row.sheet);
    const budgets = sheetAmounts.filter((a) => a.kind === "budget");
    const arrived = sheetAmounts.filter((a) => a.kind === "arrived");
    // One planned and one arrived amount on the sheet: with more, which pair the row means is a guess.
    if (budgets.length !== 1 || arrived.length !== 1) continue;
    const b = cellNumber(budgets[0].value)?.value;
    const a = cellNumber(arrived[0].value)?.value;
    const w = cellNumber(row.weight)?.value;
    const s = cellNumber(row.score)?.value;
    if (b === undefined || a === undefined || w === undefined || s === undefined || !(b > 0) || !(w > 0)) continue;
    const rate = a / b;
    if (rate >= 1 - 1e-9 || s < w - 1e-9) continue;
    ctx.report({
      messageId: "arrivalFull",
      data: {
        name: rowName(row),
        score: shownCell(row.score),
        rate: fmtPct(rate),
        arrived: shownCell(arrived[0].value, arrived[0].unit),
        budget: shownCell(budgets[0].value, budgets[0].unit),
      },
      sheet: row.score.sheet,
      row: row.score.row,
      col: row.score.col,
      related: [budgets[0].value, arrived[0].value, row.weight],
    });
  }
}

const rule = defineRule({
  id: "score-rule",
  severity: "warning",
  meta: {
    title: { "zh-CN": "得分不符合评分规则", "en-US": "Score does not follow the scoring rule" },
    docs: {
      "zh-CN":
        "得分不符合其指标值与实际完成值对应的评分规则：方向（≥ 或 ≤）、按比例计分、未完成目标却得满分、已完成目标却扣分且未说明原因、预算执行率得分不等于分值×执行率。审核人员按评分规则重算该项得分，或要求填报单位在偏差原因栏说明扣分理由。",
      "en-US":
        "A score does not follow the scoring rule for its target and actual value: direction (≥ or ≤), proportional scoring, full marks for a missed target, a met target scored below its weight with no reason, or a budget-execution score other than weight × rate. A reviewer recomputes the score by the rule, or asks the unit to state the reason for the deduction.",
    },
    messages: {
      mismatch: {
        "zh-CN": "指标“{name}”得分{score}，按指标值{target}与实际完成值{actual}应得{expected}。",
        "en-US": 'Indicator "{name}" scores {score}; its target {target} and actual {actual} give {expected}.',
      },
      metBelow: {
        "zh-CN": "指标“{name}”已达到指标值{target}（实际{actual}），得分{score}却低于分值{weight}，且未说明扣分原因。",
        "en-US":
          'Indicator "{name}" meets its target {target} (actual {actual}) but scores {score} of {weight}, with no reason given for the deduction.',
      },
      fullForMissed: {
        "zh-CN": "指标“{name}”未达到指标值{target}（实际{actual}），却得满分{score}。",
        "en-US": 'Indicator "{name}" misses its target {target} (actual {actual}) but has full marks ({score}).',
      },
      arrivalFull: {
        "zh-CN": "“{name}”得满分{score}，但资金到位率仅为{rate}（实际到位{arrived}，计划{budget}）。",
        "en-US":
          '"{name}" has full marks ({score}) while only {rate} of the funds arrived ({arrived} of {budget} planned).',
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
    const borrowed = borrowedOperators(ctx.scope);
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
      // 预算执行率 as an indicator row scores 分值 × min(rate, 1) whatever its target says (often "—").
      if (row.category === "预算执行" && /执行率/.test(row.level3)) {
        const ap = actualParse(row);
        if (ap.quantitative && ap.number !== null && ap.percent && !hasReason(row)) {
          const expected = w * Math.min(ap.number, 1);
          if (!scoreAgrees(s, scoreStep(score), expected)) reportRow(ctx, row, s, "mismatch", expected);
        }
        continue;
      }
      if (!t.quantitative || t.number === null) {
        // A qualitative target reached may score anywhere in the 达成 tier (80–100 % of its 分值), but points
        // taken from a target the form says was reached need a stated reason, as for a quantified one.
        if (!t.empty && !t.placeholder && w > 0 && s < w - 1e-9 && !hasReason(row) && qualitativeMet(row))
          reportRow(ctx, row, s, "metBelow");
        continue;
      }
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
        else if (met && s < w - 1e-9 && !hasReason(row)) reportRow(ctx, row, s, "metBelow");
        continue;
      }
      const expected = quantScore(op, t.number, a, w);
      if (isEvalError(expected)) continue;
      if (scoreAgrees(s, scoreStep(score), expected)) continue;
      if (!met && w > 0 && s >= w - 1e-9) reportRow(ctx, row, s, "fullForMissed");
      // A met target scored below its 分值 is a deduction for something else: fine when the form says why.
      else if (!(met && s < w && hasReason(row))) reportRow(ctx, row, s, "mismatch", expected);
    }
    checkArrivalRows(ctx);
    // 预算执行率 in the self-assessment's funds block: 分值 × min(B/A, 1).
    for (const block of model.funds) {
      const row = block.total;
      if (!row) continue;
      const { weight, score, budget, executed } = row.cells;
      const w = cellNumber(weight)?.value;
      const s = cellNumber(score)?.value;
      let b = cellNumber(budget)?.value;
      let e = cellNumber(executed)?.value;
      // 年度资金总额 left at 0 while its 其中 rows hold the money (a published form did): the rows say the rate.
      if (!b && !e && block.parts.length > 0) {
        b = partsColumn(block, "budget")?.value;
        e = partsColumn(block, "executed")?.value;
      }
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
        // Amounts as the sheet shows them, with the block's unit (3,824.26万元, not 38242600).
        data: {
          score: shownCell(score),
          executed:
            executed && cellNumber(executed)?.value === e
              ? shownCell(executed, block.unit)
              : shownLike(e, executed, block.unit ?? ""),
          budget:
            budget && cellNumber(budget)?.value === b
              ? shownCell(budget, block.unit)
              : shownLike(b, budget, block.unit ?? ""),
          rate: fmtPct(rate),
          expected: fmtNum(expected, 2),
        },
        sheet: score.sheet,
        row: score.row,
        col: score.col,
        related: [budget!, executed!, weight!],
      });
    }
  },
});

export default rule;
