import { defineRule } from "./types";
import { actualHint, cellNumber, parsed } from "../recognize/cells";
import type { Cell } from "../recognize/model";
import { headerKey, memo } from "../recognize/headers";
import { readActual } from "../compare";
import { fmtPct } from "./format";
import { rowName } from "./util";

/** Rates that cannot exceed 100 %: a share of a whole (satisfied people, passed items, funds received or spent). */
const CAPPED =
  /(满意度|满意率|知晓率|知晓度|达标率|合格率|认证率|及格率|准确率|正确率|好评率|到位率|执行率|参保率|覆盖率|入学率|验收率|知晓情况)$/;
/** Rates that may be negative: savings and growth. */
const SIGNED = /(节约率|增长率|增幅|变动率|下降率|降低率|变化率|增长)$/;

/** How a rate's name bounds it: capped at 100 %, allowed below 0, or a rate at all. Looked up once per name. */
const bounds = memo((name: string) => {
  const k = headerKey(name).replace(/\([^()]*\)/g, "");
  return { capped: CAPPED.test(k), signed: SIGNED.test(k), rate: /(率|度)$/.test(k) };
});

/** A stated rate as a fraction: percent cells as they are; a bare 97.34 beside a rate label is percent points. */
function asFraction(cell: Cell): number | null {
  const n = cellNumber(cell);
  if (!n) return null;
  if (n.percent) return n.value;
  return Math.abs(n.value) > 1.5 ? n.value / 100 : n.value;
}

const rule = defineRule({
  id: "rate-out-of-range",
  severity: "warning",
  meta: {
    title: { "zh-CN": "比率超出合理范围", "en-US": "Rate out of range" },
    docs: {
      "zh-CN":
        "比率超出可能的范围：满意度、知晓率、达标率、到位率、执行率等不可能高于100%，任何比率不应低于0（成本节约率、增长率除外）。",
      "en-US":
        "A rate outside what is possible: satisfaction, awareness, quality, arrival and execution rates cannot exceed 100 %, and no rate should be negative (except cost saving and growth rates).",
    },
    messages: {
      above: {
        "zh-CN": "{name}为{value}，超过100%。",
        "en-US": "{name} is {value}, above 100 %.",
      },
      below: {
        "zh-CN": "{name}为{value}，低于0。",
        "en-US": "{name} is {value}, below 0.",
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    const test = (name: string, cell: Cell | undefined, value: number | null) => {
      if (!cell || value === null || !Number.isFinite(value)) return;
      // Values inside 0..100 % are fine whatever the name: the name is looked at only when one is outside.
      if (value >= 0 && value <= 1 + 1e-9) return;
      const b = bounds(name);
      if (value > 1 + 1e-9 && b.capped)
        ctx.report({
          messageId: "above",
          data: { name, value: fmtPct(value) },
          sheet: cell.sheet,
          row: cell.row,
          col: cell.col,
        });
      else if (value < -1e-12 && !b.signed && b.rate)
        ctx.report({
          messageId: "below",
          data: { name, value: fmtPct(value) },
          sheet: cell.sheet,
          row: cell.row,
          col: cell.col,
        });
    };
    for (const a of model.amounts) {
      if (a.kind === "arrivalRate" || a.kind === "execRate" || a.kind === "rate")
        test(a.name, a.value, asFraction(a.value));
    }
    for (const f of model.funds) {
      for (const row of [f.total, ...f.parts]) {
        const c = row?.cells.rate;
        if (c) test("执行率", c, asFraction(c));
      }
    }
    for (const s of model.surveys)
      if (s.rate) test(headerKey(s.rate.text) ? "满意度" : "满意度", s.rate, asFraction(s.rate));
    // Indexed, not for-of: this loop runs once per check, largely before it is optimized, where for-of
    // makes an iterator result per row.
    const rows = model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const name = rowName(row);
      if (!row.target) continue;
      const t = parsed(row.target);
      // Only percentage indicators: a count or an amount named …率 is not a share.
      if (!t.quantitative || !t.percent || t.number === null) continue;
      test(name, row.target, t.number);
      // An actual written with a unit of its own (98.5分, 3200户) is not a share of 100 %.
      const ap = row.actual ? parsed(row.actual) : null;
      if (row.actual && ap && ap.quantitative && (ap.percent || ap.unit === null)) {
        const a = readActual(t, ap, actualHint(row.actual));
        test(name, row.actual, a);
      }
    }
  },
});

export default rule;
