import { defineRule, type RuleContext } from "./types";
import { shownCell, shownLike } from "./format";
import { cellNumber, isBlankMark } from "../recognize/cells";
import type { Cell, FundsRole, LabelledAmount, TotalRow } from "../recognize/model";
import { hasNum, totalAgrees, weightedItems, type WeightedItem } from "./util";

/** The scores and weights a total row covers, read once. */
function scopeSums(tr: TotalRow, items: readonly WeightedItem[]) {
  const scores: Cell[] = [];
  const weights: Cell[] = [];
  // A score left blank or marked 不适用 means the total was rescaled: the plain sum does not apply.
  let scorable = true;
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
    if (i.score) {
      scores.push(i.score);
      if (!hasNum(i.score)) scorable = false;
    }
    if (i.weight && isBlankMark(i.score)) scorable = false;
    if (hasNum(i.weight)) weights.push(i.weight);
  }
  const score = hasNum(tr.score) && scorable && scores.length > 0 ? totalAgrees(tr.score, scores) : null;
  const weight = hasNum(tr.weight) && weights.length > 0 ? totalAgrees(tr.weight, weights) : null;
  return { scores, weights, score, weight };
}

/**
 * A total row against the scopes it may cover (the rows, or the rows and the funds block's 预算执行 line). It is
 * right when one scope explains both its 得分 and its 分值; otherwise the scope that explains one of the two tells
 * which of them is misstated.
 */
function checkTotal(ctx: RuleContext, tr: TotalRow, scopes: (readonly WeightedItem[])[], block: boolean): void {
  const sums = scopes.map((items) => scopeSums(tr, items));
  const explains = (x: (typeof sums)[number]) => (x.score?.ok ?? true) && (x.weight?.ok ?? true);
  if (sums.some(explains)) return;
  const scoreRight = sums.find((x) => x.score?.ok);
  const weightRight = sums.find((x) => x.weight?.ok);
  if (scoreRight && scoreRight.weight && !scoreRight.weight.ok) {
    // Weights that do not make 100 are weight-total's finding; here a total row that misstates a correct sum,
    // or a block total (合计 90) that is not the sum of its block's weights.
    if (block || Math.abs(scoreRight.weight.sum - 100) < 1e-9)
      ctx.report({
        messageId: block ? "blockWeight" : "weightTotal",
        data: { name: tr.label.text, total: shownCell(tr.weight!), sum: shownLike(scoreRight.weight.sum, tr.weight) },
        sheet: tr.weight!.sheet,
        row: tr.weight!.row,
        col: tr.weight!.col,
        related: scoreRight.weights,
      });
    return;
  }
  const wrong = weightRight ?? sums[0];
  if (!wrong.score || wrong.score.ok) return;
  ctx.report({
    messageId: block ? "blockScore" : "scoreTotal",
    data: { name: tr.label.text, total: shownCell(tr.score!), sum: shownLike(wrong.score.sum, tr.score) },
    sheet: tr.score!.sheet,
    row: tr.score!.row,
    col: tr.score!.col,
    related: wrong.scores,
  });
}

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
      blockScore: {
        "zh-CN": "“{name}”行的得分为{total}，但其所含各项得分合计为{sum}。",
        "en-US": 'The "{name}" row\'s score is {total}, but the scores it covers add up to {sum}.',
      },
      blockWeight: {
        "zh-CN": "“{name}”行的分值为{total}，但其所含各项分值合计为{sum}。",
        "en-US": 'The "{name}" row\'s weight is {total}, but the weights it covers add up to {sum}.',
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
            data: {
              name: total.label.text,
              total: shownCell(t, block.unit),
              sum: shownLike(sum, t, block.unit),
            },
            sheet: t.sheet,
            row: t.row,
            col: t.col,
            related: parts,
          });
      }
    }
    // 总分 (and each block 合计 / 小计) against the sum of the 得分 it covers, and its 分值 against the weights.
    for (const table of model.tables) {
      if (table.kind === "declaration") continue;
      const items = weightedItems(ctx.scope, table);
      for (const sub of table.subtotals ?? []) {
        const scope = items.filter((i) => !i.fromFunds && i.row >= sub.fromRow && i.row <= sub.toRow);
        checkTotal(ctx, sub, [scope], true);
      }
      const tr = table.total;
      if (!tr) continue;
      // After a block 合计 (合计 90, then 总分 100) the 总分 adds that 合计 and the funds line, not the rows again.
      const block = table.subtotals?.filter((x) => x.block).pop();
      if (block) {
        const blockItem: WeightedItem = {
          row: block.row,
          family: "",
          name: block.label.text,
          weight: block.weight,
          score: block.score,
        };
        const funds = items.filter((i) => i.fromFunds);
        checkTotal(ctx, tr, funds.length ? [[...funds, blockItem], [blockItem]] : [[blockItem]], false);
        continue;
      }
      const rowsOnly = items.filter((i) => !i.fromFunds);
      // The 总分 covers the funds block's 预算执行 line too when the table has no 预算执行 row; a form that
      // prints a 合计 of the rows alone is also right. The weights say which one the total means.
      checkTotal(ctx, tr, rowsOnly.length === items.length ? [items] : [items, rowsOnly], false);
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
