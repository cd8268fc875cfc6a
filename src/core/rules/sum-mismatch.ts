import { defineRule } from "./types";
import { cellNumber, isBlankMark } from "../recognize/cells";
import type { Cell, FundsRole, LabelledAmount } from "../recognize/model";
import { hasNum, totalAgrees, weightedItems } from "./util";

const rule = defineRule({
  id: "sum-mismatch",
  severity: "error",
  meta: {
    title: { "zh-CN": "合计不等于各分项之和", "en-US": "Total is not the sum of its parts" },
    docs: {
      "zh-CN": "合计数不等于其组成部分之和：年度资金总额与其中各行、总分与各项得分之和、资金总额与财政拨款加其他资金。",
      "en-US":
        "A total that is not the sum of its parts: 年度资金总额 versus its 其中 rows, 总分 versus the sum of scores, or a total versus 财政拨款 + 其他资金.",
    },
    messages: {
      funds: {
        "zh-CN": "{name}为{total}，但其中各行合计为{sum}。",
        "en-US": "{name} is {total}, but its 其中 rows add up to {sum}.",
      },
      scoreTotal: {
        "zh-CN": "总分为{total}，但各项得分合计为{sum}。",
        "en-US": "The total score is {total}, but the scores add up to {sum}.",
      },
      weightTotal: {
        "zh-CN": "总分行的分值为{total}，但各项分值合计为{sum}。",
        "en-US": "The total row's weight is {total}, but the weights add up to {sum}.",
      },
      amountTotal: {
        "zh-CN": "{name}为{total}，但{parts}合计为{sum}。",
        "en-US": "{name} is {total}, but {parts} add up to {sum}.",
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    // 年度资金总额 against its 其中 rows, column by column.
    for (const block of model.funds) {
      const total = block.total;
      if (!total || block.parts.length === 0) continue;
      for (const role of ["initial", "budget", "executed"] as FundsRole[]) {
        const t = total.cells[role];
        if (!hasNum(t)) continue;
        const parts = block.parts.map((p) => p.cells[role]).filter((c): c is Cell => !!c && !isBlankMark(c));
        if (parts.length === 0 || !parts.every(hasNum)) continue;
        const { ok, sum } = totalAgrees(t, parts);
        if (!ok)
          ctx.report({
            messageId: "funds",
            data: { name: total.label.text, total: cellNumber(t)!.value, sum },
            sheet: t.sheet,
            row: t.row,
            col: t.col,
            related: parts,
          });
      }
    }
    // 总分 against the sum of the 得分 (and its 分值 against the sum of the weights when those make 100).
    for (const table of model.tables) {
      const tr = table.total;
      if (!tr || table.kind === "declaration") continue;
      const items = weightedItems(model, table);
      // One pass over the items for what the sums need (each step reads cells all over the heap).
      const scores: Cell[] = [];
      const weights: Cell[] = [];
      let scoresRead = true;
      let weightedScored = true;
      for (let k = 0; k < items.length; k++) {
        const i = items[k];
        if (i.score) {
          scores.push(i.score);
          if (!hasNum(i.score)) scoresRead = false;
        }
        if (i.weight && isBlankMark(i.score)) weightedScored = false;
        if (hasNum(i.weight)) weights.push(i.weight);
      }
      // A score left blank or marked 不适用 means the total was rescaled: the plain sum does not apply.
      if (hasNum(tr.score) && scores.length > 0 && scoresRead && weightedScored) {
        const { ok, sum } = totalAgrees(tr.score, scores);
        if (!ok)
          ctx.report({
            messageId: "scoreTotal",
            data: { total: cellNumber(tr.score)!.value, sum },
            sheet: tr.score.sheet,
            row: tr.score.row,
            col: tr.score.col,
            related: scores,
          });
      }
      if (hasNum(tr.weight) && weights.length > 0) {
        const { ok, sum } = totalAgrees(tr.weight, weights);
        // Weights that do not make 100 are weight-total's finding; here only a total row that misstates a correct sum.
        if (!ok && Math.abs(sum - 100) < 1e-9)
          ctx.report({
            messageId: "weightTotal",
            data: { total: cellNumber(tr.weight)!.value, sum },
            sheet: tr.weight.sheet,
            row: tr.weight.row,
            col: tr.weight.col,
            related: weights,
          });
      }
    }
    // Loose 资金总额 against 财政拨款 + 上年结转 + 其他资金 on the same sheet.
    const bySheet = new Map<string, LabelledAmount[]>();
    for (const a of model.amounts) {
      if (a.kind !== "total" && a.kind !== "fiscal" && a.kind !== "other" && a.kind !== "carryover") continue;
      const l = bySheet.get(a.sheet) ?? [];
      l.push(a);
      bySheet.set(a.sheet, l);
    }
    for (const list of bySheet.values()) {
      const totals = list.filter((a) => a.kind === "total");
      const parts = list.filter((a) => a.kind !== "total");
      // One total with its own parts; several totals (中期 and 年度) on one sheet can't be told apart here.
      if (totals.length !== 1 || parts.length < 2) continue;
      if (new Set(parts.map((p) => p.kind)).size !== parts.length) continue;
      const t = totals[0].value;
      const pc = parts.map((p) => p.value);
      if (!hasNum(t) || !pc.every(hasNum)) continue;
      const { ok, sum } = totalAgrees(t, pc);
      if (!ok)
        ctx.report({
          messageId: "amountTotal",
          data: {
            name: totals[0].name,
            total: cellNumber(t)!.value,
            sum,
            parts: parts.map((p) => p.name.replace(/^其中[:：]?/, "")).join("+"),
          },
          sheet: t.sheet,
          row: t.row,
          col: t.col,
          related: pc,
        });
    }
  },
});

export default rule;
