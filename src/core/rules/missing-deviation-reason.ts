import { defineRule } from "./types";
import { actualHint, actualParse, isBlankMark, targetParse } from "../recognize/cells";
import { meetsNumber, readActual } from "../compare";
import { fmtNum } from "./format";
import { rowName } from "./util";
import { borrowedOperators } from "./shared/pairs";

const rule = defineRule({
  id: "missing-deviation-reason",
  severity: "warning",
  meta: {
    title: { "zh-CN": "未达标但缺少偏差原因分析", "en-US": "Missed target without a reason" },
    docs: {
      "zh-CN": "实际完成值未达到年度指标值，但偏差原因分析及改进措施为空。",
      "en-US": "The actual value misses its target but the deviation analysis (偏差原因分析及改进措施) is empty.",
    },
    messages: {
      missing: {
        "zh-CN": "指标“{name}”未达到指标值{target}（实际{actual}），但未填写偏差原因分析。",
        "en-US": 'Indicator "{name}" misses its target {target} (actual {actual}) with no deviation analysis.',
      },
    },
  },
  check(ctx) {
    const borrowed = borrowedOperators(ctx.scope);
    // Indexed, not for-of: this loop runs once per check, largely before it is optimized, where for-of
    // makes an iterator result per row.
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const table = ctx.model.tables[row.table];
      // Only forms that have the column can be faulted for leaving it empty.
      if (!table || table.columns.reason === undefined || !row.target || !row.actual) continue;
      if (isBlankMark(row.actual)) continue;
      const t = targetParse(row);
      if (!t.quantitative || t.number === null) continue;
      const a = readActual(t, actualParse(row), actualHint(row.actual));
      // No operator written: the one the other table states for it, else a cost is capped from above
      // (成本指标 are ≤ by nature) and anything else from below.
      const op = t.operator ?? borrowed.get(row) ?? (row.category === "成本" ? "<=" : null);
      if (a === null || meetsNumber(op === t.operator ? t : { operator: op, number: t.number }, a) !== false) continue;
      // An empty cell, or one holding only 无 / — / /, explains nothing.
      if (row.reason && !isBlankMark(row.reason)) continue;
      const cell = row.reason ?? { sheet: row.sheet, row: row.row, col: table.columns.reason };
      const actualText =
        row.actualText ?? (typeof row.actual.raw === "number" ? fmtNum(row.actual.raw, 10) : row.actual.text);
      ctx.report({
        messageId: "missing",
        data: { name: rowName(row), target: t.text.trim(), actual: actualText },
        sheet: cell.sheet,
        row: cell.row,
        col: cell.col,
        related: [row.target, row.actual],
      });
    }
  },
});

export default rule;
