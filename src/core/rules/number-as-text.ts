import { defineRule } from "./types";
import { cellNumber, isBlankMark, isErrorCell } from "../recognize/cells";
import type { Cell } from "../recognize/model";
import { rowName } from "./util";

const rule = defineRule({
  id: "number-as-text",
  severity: "info",
  meta: {
    title: { "zh-CN": "数值单元格中为无法识别的文本", "en-US": "Number cell holds unreadable text" },
    docs: {
      "zh-CN": "应填数字的单元格（分值、得分、金额、人数）中是无法读成数字的文本或错误值。",
      "en-US":
        "A cell that should hold a number (weight, score, amount, count) holds text that cannot be read as a number, or an error value.",
    },
    messages: {
      text: {
        "zh-CN": "{name}应为数字，但填写的是“{value}”。",
        "en-US": '{name} should be a number but holds "{value}".',
      },
      error: {
        "zh-CN": "{name}为错误值{value}。",
        "en-US": "{name} holds the error value {value}.",
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    // The name is joined only for a cell reported: most cells hold plain numbers.
    const test = (base: string, suffix: string, cell: Cell | undefined) => {
      if (!cell || isBlankMark(cell)) return;
      if (isErrorCell(cell)) {
        ctx.report({
          messageId: "error",
          data: { name: base + suffix, value: cell.text },
          sheet: cell.sheet,
          row: cell.row,
          col: cell.col,
        });
        return;
      }
      if (typeof cell.raw === "string" && cellNumber(cell) === null)
        ctx.report({
          messageId: "text",
          data: { name: base + suffix, value: cell.text.slice(0, 40) },
          sheet: cell.sheet,
          row: cell.row,
          col: cell.col,
        });
    };
    // Indexed, not for-of: this loop runs once per check, largely before it is optimized, where for-of
    // makes an iterator result per row.
    const rows = model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      test(rowName(row), "·分值", row.weight);
      test(rowName(row), "·得分", row.score);
    }
    for (const t of model.tables) {
      if (!t.total) continue;
      test(t.total.label.text, "·分值", t.total.weight);
      test(t.total.label.text, "·得分", t.total.score);
    }
    const fundsNames: Record<string, string> = {
      initial: "年初预算数",
      budget: "全年预算数",
      executed: "全年执行数",
      weight: "分值",
      rate: "执行率",
      score: "得分",
    };
    for (const f of model.funds)
      for (const row of [f.total, ...f.parts]) {
        if (!row) continue;
        for (const [role, cell] of Object.entries(row.cells))
          test(row.label.text, `·${fundsNames[role] ?? role}`, cell);
      }
    for (const s of model.surveys)
      for (const l of s.levels) {
        test(l.label.text, "·人数", l.count);
        test(l.label.text, "·权重", l.weight);
      }
    for (const a of model.amounts) test(a.name, "", a.value);
  },
});

export default rule;
