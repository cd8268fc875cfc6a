/** Score summaries of recognized self-assessment and evaluation tables, for the task pane's chart. */
import type { ScoreSummary } from "../check";
import { moneySum } from "../money";
import { GRADE_WORDS, gradeKey } from "../scoring";
import { cellNumber, points } from "./cells";
import { toA1 } from "../a1";
import type { Cell, IndicatorTable, WorkbookModel } from "./model";

function sum(values: number[]): number {
  // Whole points (the usual scores and weights) add exactly as doubles: exact decimals only when needed.
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isSafeInteger(v)) return moneySum(values) ?? values.reduce((a, b) => a + b, 0);
    acc += v;
    if (!Number.isSafeInteger(acc)) return moneySum(values) ?? values.reduce((a, b) => a + b, 0);
  }
  return acc;
}

function funds(model: WorkbookModel, table: IndicatorTable) {
  let best;
  for (const f of model.funds)
    if (
      f.sheet === table.sheet &&
      f.total &&
      (!best || Math.abs(f.headerRow - table.firstRow) < Math.abs(best.headerRow - table.firstRow))
    )
      best = f;
  return best;
}

export function scoreSummaries(model: WorkbookModel): ScoreSummary[] {
  const out: ScoreSummary[] = [];
  for (const table of model.tables) {
    if (table.kind === "declaration" || table.columns.score === undefined) continue;
    const cats = new Map<string, { scores: number[]; weights: number[] }>();
    const add = (name: string, score: Cell | undefined, weight: Cell | undefined) => {
      let c = cats.get(name);
      if (!c) cats.set(name, (c = { scores: [], weights: [] }));
      const s = points(score);
      const w = points(weight);
      if (s !== undefined && s !== null) c.scores.push(s);
      if (w !== undefined && w !== null) c.weights.push(w);
    };
    // The standard self-assessment keeps 预算执行率's 分值 and 得分 in the funds block.
    if (table.kind === "self-assessment" && !table.rows.some((r) => r.family === "预算执行")) {
      const t = funds(model, table)?.total;
      if (t && cellNumber(t.cells.weight)) add("预算执行率", t.cells.score, t.cells.weight);
    }
    // Indexed, not for-of: this loop runs once per check, largely before it is optimized, where for-of
    // makes an iterator result per row.
    const rows = table.rows;
    for (let i = 0; i < rows.length; i++) add(rows[i].level1 || rows[i].family || "", rows[i].score, rows[i].weight);
    const categories = [...cats].map(([name, c]) => ({ name, score: sum(c.scores), weight: sum(c.weights) }));
    const statedCell = table.total?.score;
    const stated = cellNumber(statedCell)?.value;
    const anyScore = [...cats.values()].some((c) => c.scores.length > 0);
    const computed = anyScore ? sum(categories.map((c) => c.score)) : null;
    // A blank form's formulas may show 0 in 总分: with no 得分 filled in, there is no total to grade.
    const total = anyScore ? (stated ?? computed) : null;
    const key = total === null ? null : gradeKey(total);
    out.push({
      sheet: table.sheet,
      kind: table.kind,
      total,
      grade: key ? GRADE_WORDS[key]["zh-CN"] : null,
      gradeKey: key,
      filled: anyScore,
      computedTotal: computed,
      statedTotal: statedCell
        ? { cell: toA1(statedCell.row, statedCell.col), value: stated ?? null, text: statedCell.text }
        : null,
      categories,
    });
  }
  return out;
}
