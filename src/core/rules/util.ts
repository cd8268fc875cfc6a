/** Helpers shared by the check engine's rules: names for messages, precision-aware number comparisons. */
import { numbersAgree } from "../compare";
import { cellNumber } from "../recognize/cells";
import type { Cell, FundsBlock, FundsRole, IndicatorRow, IndicatorTable, WorkbookModel } from "../recognize/model";
import type { CheckScope } from "./scope";

/** The name to show for an indicator: its 三级 name, else the 二级 or 一级 one. */
export function rowName(row: IndicatorRow): string {
  return row.level3 || row.level2 || row.level1;
}

/** Smallest step a cell's number shows (in base units: percent cells in fractions). */
export function stepOf(cell: Cell): number {
  const n = cellNumber(cell);
  if (!n) return 0;
  return Math.pow(10, -Math.min(n.decimals, 12)) * (n.percent ? 0.01 : 1);
}

/** The value as displayed: rounded to its shown decimals (a 7.9925 formatted "0.00" shows 7.99). */
function shownValue(cell: Cell): number | null {
  const n = cellNumber(cell);
  if (!n) return null;
  // A whole number shows as itself at any decimals: no text round trip per cell of a long table.
  const v = n.value;
  if (Number.isInteger(v) && Math.abs(v) < 1e21 && !Object.is(v, -0)) return v;
  const d = Math.min(n.decimals + (n.percent ? 2 : 0), 12);
  return Number(n.value.toFixed(d));
}

/**
 * Sum without binary noise (0.1 + 0.2 = 0.3): the float sum rounded to 15 significant digits, which keeps every
 * digit a form can show and drops the noise. Linear and allocation-free, for tables of any length.
 */
export function exactSum(values: readonly number[]): number {
  let s = 0;
  // Indexed: called a few times per check with a table's worth of values, mostly unoptimized.
  for (let i = 0; i < values.length; i++) s += values[i];
  return dropNoise(s);
}

function dropNoise(s: number): number {
  return Number.isFinite(s) ? Number(s.toPrecision(15)) : s;
}

/**
 * Does a stated total agree with the sum of its parts, at the precision the total is written?
 * Both the raw parts and the parts as displayed are tried, so rounding shown in the cells never alarms.
 */
export function totalAgrees(total: Cell, parts: readonly Cell[]): { ok: boolean; sum: number } {
  const t = cellNumber(total)!.value;
  // exactSum of both readings in one pass, without an array of each.
  let rawSum = 0;
  let shownSum = 0;
  for (let i = 0; i < parts.length; i++) {
    rawSum += cellNumber(parts[i])!.value;
    shownSum += shownValue(parts[i])!;
  }
  const raw = dropNoise(rawSum);
  const shown = dropNoise(shownSum);
  const step = stepOf(total);
  const ok =
    numbersAgree(t, step, raw, 0) ||
    numbersAgree(t, step, shown, 0) ||
    numbersAgree(shownValue(total)!, step, shown, 0);
  return { ok, sum: Math.abs(raw - t) <= Math.abs(shown - t) ? raw : shown };
}

/** True when the cell holds a readable number. */
export function hasNum(cell: Cell | undefined): cell is Cell {
  return !!cell && cellNumber(cell) !== null;
}

/** The funds block on the same sheet as a table (the self-assessment's 预算执行率 weight lives there). */
export function fundsFor(model: WorkbookModel, table: IndicatorTable) {
  let best;
  for (const f of model.funds) {
    if (f.sheet !== table.sheet) continue;
    if (!best || Math.abs(f.headerRow - table.firstRow) < Math.abs(best.headerRow - table.firstRow)) best = f;
  }
  return best;
}

export interface WeightedItem {
  /** The funds block's 预算执行率 line standing in for a 预算执行 row (not a row of the table). */
  fromFunds?: boolean;
  /** The sheet row of the indicator (-1 for the funds line). */
  row: number;
  family: string;
  category?: string;
  weight?: Cell;
  score?: Cell;
  name: string;
}

/**
 * Weighted items of a self-assessment or evaluation table: its rows, plus the funds block's 预算执行率 line
 * when the table itself has no 预算执行 row (the standard self-assessment keeps that 10 in the funds block).
 */
export function weightedItems(scope: CheckScope, table: IndicatorTable): readonly WeightedItem[] {
  // sum-mismatch and weight-total both ask for every table: built once per check and table (read-only).
  const byTable = scope.once(itemsByTable);
  let items = byTable.get(table);
  if (!items) byTable.set(table, (items = buildWeightedItems(scope.model, table)));
  return items;
}

function itemsByTable(): Map<IndicatorTable, readonly WeightedItem[]> {
  return new Map();
}

function buildWeightedItems(model: WorkbookModel, table: IndicatorTable): WeightedItem[] {
  const items: WeightedItem[] = table.rows.map((r) => ({
    row: r.row,
    family: r.family ?? r.level1,
    category: r.category,
    weight: r.weight,
    score: r.score,
    name: rowName(r),
  }));
  if (table.kind === "self-assessment" && !table.rows.some((r) => r.family === "预算执行")) {
    const f = fundsFor(model, table);
    const t = f?.total;
    if (t && hasNum(t.cells.weight))
      items.unshift({
        fromFunds: true,
        row: -1,
        family: "预算执行",
        weight: t.cells.weight,
        score: t.cells.score,
        name: t.label.text,
      });
  }
  return items;
}

/**
 * A funds block's 其中 rows summed for one column, with the cells that hold numbers: what 年度资金总额 should say
 * when a form left it at 0 (a published form did). Null when no row holds a number there.
 */
export function partsColumn(block: FundsBlock, role: FundsRole): { value: number; cells: Cell[] } | null {
  const cells: Cell[] = [];
  for (const p of block.parts) {
    const c = p.cells[role];
    if (c && cellNumber(c) !== null) cells.push(c);
  }
  return cells.length ? { value: exactSum(cells.map((c) => cellNumber(c)!.value)), cells } : null;
}

/** The money figures of the form's own budget (funds blocks and labelled amounts), in 元, with their step. */
export function budgetFigures(model: WorkbookModel): [number, number][] {
  const out: [number, number][] = [];
  const add = (cell: Cell | undefined, unit: "元" | "万元" | undefined) => {
    const n = cellNumber(cell);
    if (!n || n.percent || n.value === 0) return;
    // Without a unit the figure may be either: a goal amount equal to it in either reading is the budget's.
    for (const f of unit === "元" ? [1] : unit === "万元" ? [1e4] : [1, 1e4])
      out.push([n.value * f, stepOf(cell!) * f]);
  };
  for (const b of model.funds)
    for (const r of [...(b.total ? [b.total] : []), ...b.parts])
      for (const role of ["initial", "budget", "executed"] as const) add(r.cells[role], b.unit);
  for (const a of model.amounts)
    if (/^(budget|arrived|spent|balance|total|fiscal|carryover|other)$/.test(a.kind)) add(a.value, a.unit);
  return out;
}
