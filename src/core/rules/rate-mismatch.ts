import { defineRule } from "./types";
import type { Cell, LabelledAmount } from "../recognize/model";
import { cellNumber, isBlankMark } from "../recognize/cells";
import { numbersAgree } from "../compare";
import { defaultSatisfactionWeights } from "../rates";
import { fmtPct } from "./format";
import { partsColumn } from "./util";

/**
 * A stated rate as a fraction with the step its written form shows. Percent cells are fractions already;
 * a bare 97.34 beside a rate is percent points. A whole number (0, 1) still shows at least whole percents.
 */
function statedRate(cell: Cell): { value: number; step: number } | null {
  const n = cellNumber(cell);
  if (!n) return null;
  const points = !n.percent && Math.abs(n.value) > 1.5;
  const value = points ? n.value / 100 : n.value;
  let step = Math.pow(10, -Math.min(n.decimals, 12)) * (n.percent || points ? 0.01 : 1);
  step = Math.min(step, 0.01);
  return { value, step };
}

/** Stated at its displayed precision: the computed rate rounded, or cut, to the stated decimals. */
function rateAgrees(stated: number, step: number, computed: number): boolean {
  if (numbersAgree(stated, step, computed, 0)) return true;
  return computed >= stated && computed - stated < step - 1e-12;
}

/** Satisfaction scales seen on real forms besides the defaults, by number of levels (best first). */
const COMMON_SCALES: Record<number, number[][]> = {
  3: [
    [1, 0.5, 0],
    [1, 0.6, 0],
    [1, 0.8, 0],
  ],
  4: [
    [1, 0.8, 0.6, 0],
    [1, 0.75, 0.5, 0.25],
    [1, 0.8, 0.5, 0],
  ],
  5: [
    [1, 0.8, 0.6, 0.4, 0.2],
    [1, 0.75, 0.5, 0.25, 0],
    [1, 0.8, 0.6, 0.4, 0],
  ],
};

function amountIn元(a: LabelledAmount, mixed: boolean): number | null {
  const n = cellNumber(a.value);
  if (!n) return null;
  return mixed && a.unit === "万元" ? n.value * 1e4 : n.value;
}

const rule = defineRule({
  id: "rate-mismatch",
  severity: "error",
  meta: {
    title: { "zh-CN": "比率与其计算依据不符", "en-US": "Rate differs from its inputs" },
    docs: {
      "zh-CN": "填报的比率（执行率、到位率、完成率、满意度等）与由其自身数据重新计算的比率不一致，差异超出其显示精度。",
      "en-US":
        "A stated rate (execution, arrival, completion, satisfaction…) differs from the rate recomputed from its own inputs by more than its displayed precision.",
    },
    messages: {
      mismatch: {
        "zh-CN": "{name}填写为{stated}，按其数据计算应为{computed}。",
        "en-US": "{name} is stated as {stated}, but its inputs give {computed}.",
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    const report = (name: string, cell: Cell, stated: number, computed: number, related: Cell[]) =>
      ctx.report({
        messageId: "mismatch",
        data: { name, stated: fmtPct(stated), computed: fmtPct(computed) },
        sheet: cell.sheet,
        row: cell.row,
        col: cell.col,
        related,
      });

    // 执行率（B/A） in the funds block, on the total and on each 其中 row that states one.
    for (const block of model.funds) {
      for (const row of [block.total, ...block.parts]) {
        const { rate, budget, executed, initial } = row?.cells ?? {};
        if (!row || !rate || !budget || !executed || isBlankMark(rate)) continue;
        const s = statedRate(rate);
        let a = cellNumber(budget)?.value;
        let b = cellNumber(executed)?.value;
        let inputs: Cell[] = [executed, budget];
        // 年度资金总额 left at 0 beside 其中 rows that hold the money (a published form): the rows give the rate.
        if (row === block.total && !a && !b) {
          const budgets = partsColumn(block, "budget");
          const spent = partsColumn(block, "executed");
          if (budgets && spent) {
            a = budgets.value;
            b = spent.value;
            inputs = [...spent.cells, ...budgets.cells];
          }
        }
        if (!s || a === undefined || b === undefined || a <= 0 || b < 0) continue;
        const computed = b / a;
        if (rateAgrees(s.value, s.step, computed)) continue;
        // Some forms divide by 年初预算数 instead of 全年预算数（A）: that reading is not an error of the rate.
        const a0 = cellNumber(initial)?.value;
        if (a0 !== undefined && a0 > 0 && rateAgrees(s.value, s.step, b / a0)) continue;
        report(`${row.label.text}执行率`, rate, s.value, computed, inputs);
      }
    }

    // 资金到位率 and 执行率 written as label/value pairs: recomputed from the nearest amounts on the same sheet.
    const bySheet = new Map<string, LabelledAmount[]>();
    for (const a of model.amounts) bySheet.set(a.sheet, [...(bySheet.get(a.sheet) ?? []), a]);
    for (const list of bySheet.values()) {
      const nearest = (kind: string, row: number) =>
        list
          .filter((a) => a.kind === kind && cellNumber(a.value) !== null)
          .sort((x, y) => Math.abs(x.value.row - row) - Math.abs(y.value.row - row))[0];
      for (const r of list) {
        if (r.kind !== "arrivalRate" && r.kind !== "execRate") continue;
        const s = statedRate(r.value);
        if (!s) continue;
        // 到位率 = 到位 / 预算; 执行率 = 支出 / 到位 (evaluation) or 支出 / 预算 (self-assessment): either reading.
        const num = nearest(r.kind === "arrivalRate" ? "arrived" : "spent", r.value.row);
        const bases = (r.kind === "arrivalRate" ? ["budget", "total"] : ["arrived", "budget", "total"])
          .map((k) => nearest(k, r.value.row))
          .filter((x): x is LabelledAmount => !!x);
        if (!num || bases.length === 0) continue;
        const readings: { computed: number; base: LabelledAmount }[] = [];
        for (const base of bases) {
          const mixed = new Set([num.unit, base.unit].filter(Boolean)).size > 1;
          const n = amountIn元(num, mixed);
          const d = amountIn元(base, mixed);
          if (n === null || d === null || d <= 0 || n < 0) continue;
          readings.push({ computed: n / d, base });
        }
        if (readings.length === 0 || readings.some((x) => rateAgrees(s.value, s.step, x.computed))) continue;
        report(r.name, r.value, s.value, readings[0].computed, [num.value, readings[0].base.value]);
      }
    }

    // 满意度 / 知晓率 of a survey: the weighted rate (its own weights, or the defaults), or the share of the top levels.
    for (const sv of model.surveys) {
      if (!sv.rate) continue;
      const s = statedRate(sv.rate);
      if (!s) continue;
      const counts = sv.levels.map((l) => (l.count && !isBlankMark(l.count) ? cellNumber(l.count)?.value : 0));
      if (counts.length < 2 || counts.some((c) => c === undefined || c < 0)) continue;
      const cs = counts as number[];
      const sum = cs.reduce((x, y) => x + y, 0);
      const denominators = [sum];
      const valid = cellNumber(sv.valid)?.value;
      if (valid !== undefined && valid > 0 && valid !== sum) denominators.push(valid);
      if (sum <= 0) continue;
      const weightSets: number[][] = [];
      const own = sv.levels.map((l) => cellNumber(l.weight)?.value);
      if (own.every((w) => w !== undefined)) {
        const w = own as number[];
        // A loop, not Math.max(...w): a survey's level list is as long as the sheet makes it.
        let top = -Infinity;
        for (const x of w) if (x > top) top = x;
        weightSets.push(top > 1 ? w.map((x) => x / 100) : w);
      } else {
        // No weights written: the domain's defaults, then the other scales in common use.
        const def = defaultSatisfactionWeights(cs.length, ctx.profile.satisfactionWeights);
        if (def) weightSets.push(def);
        weightSets.push(...(COMMON_SCALES[cs.length] ?? []));
      }
      // 满意 + 非常满意 over all answers, and other top-k shares.
      for (let k = 1; k < cs.length; k++) weightSets.push(cs.map((_, i) => (i < k ? 1 : 0)));
      const readings: number[] = [];
      for (const w of weightSets) {
        const weighted = cs.reduce((acc, c, i) => acc + c * w[i], 0);
        for (const d of denominators) readings.push(weighted / d);
      }
      if (readings.some((c) => rateAgrees(s.value, s.step, c))) continue;
      const rc = sv.rate;
      const label =
        model.amounts.find((a) => a.value.sheet === rc.sheet && a.value.row === rc.row && a.value.col === rc.col)
          ?.name ?? "满意度";
      const related = sv.levels.map((l) => l.count).filter((c): c is Cell => !!c);
      report(label, sv.rate, s.value, readings[0], related);
    }
  },
});

export default rule;
