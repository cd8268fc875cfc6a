import { defineRule } from "./types";
import type { Cell, WorkbookModel } from "../recognize/model";
import { actualParse, cellNumber, isBlankMark, targetParse } from "../recognize/cells";
import { parseValueShared } from "../value";
import { scaleSlip } from "../compare";
import { fmtNum } from "./format";
import { rowName } from "./util";
import { matchedIndicatorPairs, matchedPairComparisons } from "./shared/pairs";

/** One money amount somewhere in the workbook: its group (what it is), its number and its declared unit. */
interface Amount {
  group: string;
  name: string;
  cell: Cell;
  value: number;
  /** 1 for 元, 1e4 for 万元, null when nothing says. */
  factor: 1 | 1e4 | null;
}

const GROUP: Record<string, string> = {
  budget: "budget",
  total: "budget",
  arrived: "arrived",
  spent: "spent",
  balance: "balance",
  fiscal: "fiscal",
  carryover: "carryover",
  other: "other",
};

function unitFactor(u: "元" | "万元" | undefined): 1 | 1e4 | null {
  return u === "万元" ? 1e4 : u === "元" ? 1 : null;
}

function collectAmounts(model: WorkbookModel): Amount[] {
  const out: Amount[] = [];
  const add = (group: string | undefined, name: string, cell: Cell | undefined, factor: 1 | 1e4 | null) => {
    if (!group || !cell || isBlankMark(cell)) return;
    const v = cellNumber(cell)?.value;
    if (v === undefined || v === 0) return;
    out.push({ group, name, cell, value: v, factor });
  };
  for (const a of model.amounts) add(GROUP[a.kind], a.name, a.value, unitFactor(a.unit));
  for (const f of model.funds) {
    const factor = unitFactor(f.unit);
    if (f.total) {
      add("budget", f.total.label.text, f.total.cells.budget, factor);
      add("spent", f.total.label.text, f.total.cells.executed, factor);
    }
    for (const p of f.parts) {
      const g = p.kind === "fiscal" || p.kind === "carryover" || p.kind === "other" ? p.kind : undefined;
      add(g, p.label.text, p.cells.budget, factor);
    }
  }
  return out;
}

/**
 * ×10⁴ (or ×10⁸) apart when both are read in their declared units. When only one side declares its unit the
 * other may be in either, so no slip can be told; when neither does, both are taken as written in the same unit.
 */
function slipBetween(a: Amount, b: Amount): 1e4 | 1e8 | null {
  if ((a.factor === null) !== (b.factor === null)) return null;
  const x = a.value * (a.factor ?? 1);
  const y = b.value * (b.factor ?? 1);
  return scaleSlip(x, y);
}

function show(a: Amount): string {
  return `${fmtNum(a.value, 6)}${a.factor === 1e4 ? "万元" : a.factor === 1 ? "元" : ""}`;
}

function textOf(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? fmtNum(v, 10) : "";
}

const rule = defineRule({
  id: "unit-mismatch",
  severity: "warning",
  meta: {
    title: { "zh-CN": "元与万元混用", "en-US": "元 and 万元 mixed up" },
    docs: {
      "zh-CN": "同一金额在一处以元、另一处以万元书写，两者相差 10⁴ 倍。",
      "en-US":
        "The same amount is written in 元 in one place and in 万元 in another, so that the two differ by a factor of 10⁴.",
    },
    messages: {
      mismatch: {
        "zh-CN": "{name}为{value}，与{other}相差约1万倍，可能混用了元与万元。",
        "en-US": "{name} is {value}, about 10⁴ times {other}: 元 and 万元 may be mixed.",
      },
      mismatchYi: {
        "zh-CN": "{name}为{value}，与{other}相差约1亿倍，可能混用了元与亿元。",
        "en-US": "{name} is {value}, about 10⁸ times {other}: 元 and 亿元 may be mixed.",
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    const messageId = (f: 1e4 | 1e8) => (f === 1e8 ? "mismatchYi" : "mismatch");

    // The same indicator's 指标值 in two tables, ×10⁴ apart (≤90万元 declared, ≤90元 assessed).
    const pairs = matchedIndicatorPairs(ctx.scope);
    // Compared once per check for this rule and indicator-value-mismatch.
    const comparisons = matchedPairComparisons(ctx.scope);
    for (let i = 0; i < pairs.length; i++) {
      if (comparisons[i] !== "scale-slip") continue;
      const ref = pairs[i][0];
      const row = pairs[i][1];
      const a = row.targetText ?? row.target?.raw;
      const b = ref.targetText ?? ref.target?.raw;
      const f = scaleSlip(parseValueShared(a).number!, parseValueShared(b).number!)!;
      ctx.report({
        messageId: messageId(f),
        data: { name: rowName(row), value: textOf(a), other: `${textOf(b)}（${ref.sheet}）` },
        sheet: row.target!.sheet,
        row: row.target!.row,
        col: row.target!.col,
        related: [ref.target!],
      });
    }

    // An actual written with its own unit and scale, ×10⁴ from its target (target ≤90万元, actual 85元).
    // Indexed, not for-of: this loop runs once per check, largely before it is optimized, where for-of
    // makes an iterator result per row.
    const rows = model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row.target || !row.actual || isBlankMark(row.actual)) continue;
      const t = targetParse(row);
      const a = actualParse(row);
      if (!t.quantitative || !a.quantitative || t.date || a.date || t.percent || a.percent) continue;
      // A bare actual is read in the target's unit (90 against ≤90万元 is 90万元): only written units can clash.
      if (a.unit === null && a.scale === 1) continue;
      if (t.unit !== null && a.unit !== null && t.unit !== a.unit) continue;
      // The same number written under a different scale (90万元 target, 85元 actual): the scale was forgotten.
      const ratio = t.scale / a.scale;
      const f = ratio === 1e4 || ratio === 1 / 1e4 ? 1e4 : ratio === 1e8 || ratio === 1 / 1e8 ? 1e8 : null;
      const close =
        t.written !== null &&
        a.written !== null &&
        t.written > 0 &&
        a.written / t.written >= 0.5 &&
        a.written / t.written <= 2;
      if (!f || !close) continue;
      ctx.report({
        messageId: messageId(f),
        data: {
          name: rowName(row),
          value: textOf(row.actualText ?? row.actual.raw),
          other: textOf(row.targetText ?? row.target.raw),
        },
        sheet: row.actual.sheet,
        row: row.actual.row,
        col: row.actual.col,
        related: [row.target],
      });
    }

    // The same amount (budget, spending, 财政拨款…) in two places: a funds block in 万元, a label in 元.
    const amounts = collectAmounts(model);
    const seen = new Set<string>();
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i];
      const key = `${a.cell.sheet}!${a.cell.row}:${a.cell.col}`;
      if (seen.has(key)) continue;
      const against: Amount[] = [];
      let factor: 1e4 | 1e8 | null = null;
      for (let j = 0; j < i; j++) {
        const b = amounts[j];
        if (
          b.group !== a.group ||
          (b.cell.sheet === a.cell.sheet && b.cell.row === a.cell.row && b.cell.col === a.cell.col)
        )
          continue;
        const f = slipBetween(a, b);
        if (f) {
          against.push(b);
          factor = factor ?? f;
        }
      }
      if (!factor || against.length === 0) continue;
      seen.add(key);
      ctx.report({
        messageId: messageId(factor),
        data: { name: a.name, value: show(a), other: show(against[0]) },
        sheet: a.cell.sheet,
        row: a.cell.row,
        col: a.cell.col,
        related: against.map((b) => b.cell),
      });
    }
  },
});

export default rule;
