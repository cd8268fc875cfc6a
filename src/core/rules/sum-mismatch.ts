import { parseValue, resolution } from "../value";
import { MONEY_FIGURE } from "../lexicon";
import { defineRule, type RuleContext } from "./types";
import { shownCell, shownLike } from "./format";
import { cellNumber, isBlankMark, points } from "../recognize/cells";
import type { Cell, FundsRole, LabelledAmount, TotalRow } from "../recognize/model";
import { exactSum, hasNum, totalAgrees, weightedItems, type WeightedItem } from "./util";

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

/** An amount of money in a text, with its unit: 2026400元, 89.97万元, 1,200元. */
const MONEY_TEXT = new RegExp(MONEY_FIGURE, "g");
/** The total a goal's money sentence states: 共申请预算资金90万元, 总计…, 合计…. */
const GOAL_TOTAL = new RegExp(`(共|总计|合计|共计|总额)[^0-9，。；;,]{0,10}?${MONEY_FIGURE}`, "g");

/** A money figure of a goal's text in 元, with the step it is written to (the core's value parser reads it). */
function yuan(figure: string, scale: string | undefined): { value: number; step: number } {
  const p = parseValue(`${figure.replace(/[,，]/g, "")}${scale ?? ""}元`);
  return { value: p.number ?? NaN, step: resolution(p) };
}

/**
 * A goal text that states a total and then lists its parts after 其中 (within the same sentence): both sums in
 * 元, and whether they agree within the coarser one's precision. Null when the text has no such sentence.
 */
function goalMoneySums(text: string): { total: string; sum: string; ok: boolean } | null {
  const at = text.indexOf("其中");
  if (at < 0) return null;
  const before = [...text.slice(0, at).matchAll(GOAL_TOTAL)].pop();
  // The total is the sentence's own: close before 其中.
  if (!before || at - (before.index! + before[0].length) > 6) return null;
  const end = text.indexOf("。", at);
  const parts = [...text.slice(at, end < 0 ? undefined : end).matchAll(MONEY_TEXT)];
  if (parts.length < 2) return null;
  const total = yuan(before[2], before[3]);
  const values = parts.map((m) => yuan(m[1], m[2]));
  if (!Number.isFinite(total.value) || values.some((v) => !Number.isFinite(v.value))) return null;
  const sum = values.reduce((a, v) => a + v.value, 0);
  const step = Math.max(total.step, ...values.map((v) => v.step));
  const ok = Math.abs(sum - total.value) < step / 2 + 1e-9 * Math.max(1, Math.abs(sum));
  const unit = before[3] === "万" ? "万元" : before[3] === "亿" ? "亿元" : "元";
  const f = unit === "万元" ? 1e4 : unit === "亿元" ? 1e8 : 1;
  return { total: `${before[2]}${unit}`, sum: `${Number((sum / f).toFixed(6))}${unit}`, ok };
}

/** The readable weights of every item (rows and funds line) total 100: the form is whole as printed. */
function wholeMakesHundred(items: readonly WeightedItem[], tolerance: number): boolean {
  const weights = items.filter((i) => hasNum(i.weight)).map((i) => points(i.weight)!);
  return weights.length > 0 && Math.abs(exactSum(weights) - 100) <= Math.max(1e-6, tolerance);
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
      "zh-CN":
        "合计数不等于其组成部分之和：年度资金总额与其中各行、总分与各项得分之和、资金总额与财政拨款加其他资金，以及年度总体目标中“共…元，其中…元、…元”所列金额。",
      "en-US":
        "A total that is not the sum of its parts: 年度资金总额 versus its 其中 rows, 总分 versus the sum of scores, a total versus 财政拨款 + 其他资金, or a goal that states 共…元，其中…元、…元 with parts that do not make the total.",
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
      goalParts: {
        "zh-CN": "{label}写明共{total}，但其中所列各项合计为{sum}。",
        "en-US": "The {label} states a total of {total}, but the parts it lists after 其中 add up to {sum}.",
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
      for (const role of ["initial", "budget", "executed", "prior"] as FundsRole[]) {
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
      // prints a 合计 of the rows alone is also right, but only when the whole form still makes 100: rows of 100
      // beside a funds 分值 of 10 make a 110-point form whose 总分 left the funds line out.
      const rowsAlone = rowsOnly.length < items.length && wholeMakesHundred(items, ctx.profile.tolerances.points);
      checkTotal(ctx, tr, rowsAlone ? [items, rowsOnly] : [items], false);
    }
    // A loose amount against the 其中 rows written under it (实际到位资金 170 over 省财政 170 and 其它 9.6).
    for (const a of model.amounts) {
      if (!a.parts || !hasNum(a.value)) continue;
      const written = a.parts.filter((p): p is { label: Cell; value: Cell } => !!p.value && hasNum(p.value));
      if (written.length === 0) continue;
      const { ok, sum } = totalAgrees(
        a.value,
        written.map((p) => p.value),
      );
      if (!ok)
        ctx.report({
          messageId: "amountTotal",
          data: {
            name: a.name.replace(/\s+/g, ""),
            total: shownCell(a.value, a.unit),
            sum: shownLike(sum, a.value, a.unit),
            parts: written.map((p) => p.label.text.replace(/^其中[:：]?/, "")).join("+"),
          },
          sheet: a.value.sheet,
          row: a.value.row,
          col: a.value.col,
          related: written.map((p) => p.value),
        });
    }
    // A goal written as money: 共申请预算资金2026400元,其中… (the parts listed after 其中, up to the sentence's end).
    for (const g of model.goals) {
      const sums = goalMoneySums(g.text);
      if (!sums || sums.ok) continue;
      ctx.report({
        messageId: "goalParts",
        data: { label: g.label.text.replace(/\s+/g, ""), total: sums.total, sum: sums.sum },
        sheet: g.cell.sheet,
        row: g.cell.row,
        col: g.cell.col,
      });
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
