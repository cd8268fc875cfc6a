import { defineRule } from "./types";
import { cellNumber } from "../recognize/cells";
import { exactSum, hasNum } from "./util";

const rule = defineRule({
  id: "survey-count",
  severity: "error",
  meta: {
    title: { "zh-CN": "调查人数合计不符", "en-US": "Survey counts do not add up" },
    docs: {
      "zh-CN": "调查问卷各选项人数之和与合计或有效问卷数不符，或有效问卷多于发放问卷。",
      "en-US":
        "Survey counts per level do not add up to the stated total or to the valid questionnaires, or there are more valid questionnaires than were issued.",
    },
    messages: {
      total: {
        "zh-CN": "各选项人数合计为{sum}，但合计填写为{total}。",
        "en-US": "The level counts add up to {sum}, but the total says {total}.",
      },
      valid: {
        "zh-CN": "各选项人数合计为{sum}，但有效问卷为{valid}份。",
        "en-US": "The level counts add up to {sum}, but there are {valid} valid questionnaires.",
      },
      issued: {
        "zh-CN": "有效问卷{valid}份多于发放问卷{issued}份。",
        "en-US": "{valid} valid questionnaires exceed the {issued} issued.",
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.surveys) {
      const counts = s.levels.map((l) => l.count);
      if (counts.length === 0 || !counts.every(hasNum)) continue;
      const cells = counts.map((c) => c!);
      const sum = exactSum(cells.map((c) => cellNumber(c)!.value));
      let totalOk = true;
      if (hasNum(s.total)) {
        const t = cellNumber(s.total)!.value;
        if (Math.abs(t - sum) > 1e-9) {
          totalOk = false;
          ctx.report({
            messageId: "total",
            data: { sum, total: t },
            sheet: s.total.sheet,
            row: s.total.row,
            col: s.total.col,
            related: cells,
          });
        }
      }
      if (totalOk && hasNum(s.valid)) {
        const v = cellNumber(s.valid)!.value;
        if (Math.abs(v - sum) > 1e-9)
          ctx.report({
            messageId: "valid",
            data: { sum, valid: v },
            sheet: s.valid.sheet,
            row: s.valid.row,
            col: s.valid.col,
            related: cells,
          });
      }
      if (hasNum(s.valid) && hasNum(s.issued)) {
        const v = cellNumber(s.valid)!.value;
        const i = cellNumber(s.issued)!.value;
        if (v > i)
          ctx.report({
            messageId: "issued",
            data: { valid: v, issued: i },
            sheet: s.valid.sheet,
            row: s.valid.row,
            col: s.valid.col,
            related: [s.issued],
          });
      }
    }
  },
});

export default rule;
