/**
 * Cells collected from a worksheet → the snapshot's grids. Shared by both .xlsx readers (the fast part
 * reader and the ExcelJS one), so they cannot disagree on the used range or the grid shape.
 */
import { toDisplayFormula } from "../core/formulaForms";
import type { CellValue, MergeArea, SheetSnapshot } from "../core/snapshot";
import type { ReadBudget } from "./limits";

// Typed as a mutable row so it can sit in the grids; frozen so nothing can write into it.
const EMPTY_ROW = Object.freeze([]) as unknown as never[];

/** The cells of one sheet that hold a value or a formula, in any order, with their bounding box. */
export class CellCollector {
  private readonly rows: number[] = [];
  private readonly cols: number[] = [];
  private readonly values: CellValue[] = [];
  private readonly formulas: (string | null)[] = [];
  private readonly formats: (string | null)[] = [];
  minR = Infinity;
  minC = Infinity;
  maxR = -1;
  maxC = -1;
  /** The row of the last cell pushed and how far right the grid row reaches (for the slot count). */
  private lastRow = -1;
  private rowReach = 0;

  /**
   * `budget`: the workbook's running totals, checked per cell so a hostile sheet stops early (formula text is
   * counted by the reader, before a shared formula is expanded).
   */
  constructor(private readonly budget: ReadBudget | null = null) {}

  /** 0-based row and column; a "General" number format is kept as null (the same thing, and no string). */
  push(r: number, c: number, value: CellValue, formula: string | null, numFmt: string | null): void {
    const b = this.budget;
    if (b) {
      b.addCell();
      b.column(c);
      // A grid row is dense from column 0 (at most) to its last cell: an upper bound of its slots, counted as
      // the row grows; a row visited twice (cells out of order) counts twice, which only errs on the safe side.
      if (r !== this.lastRow) {
        this.lastRow = r;
        this.rowReach = 0;
      }
      if (c + 1 > this.rowReach) {
        b.addSlots(c + 1 - this.rowReach);
        this.rowReach = c + 1;
      }
    }
    this.rows.push(r);
    this.cols.push(c);
    this.values.push(value);
    // Both readers see formulas as Excel displays them: EVAL.X, not the stored _xldudf_EVAL_X or _xlfn.X.
    this.formulas.push(formula === null ? null : toDisplayFormula(formula));
    this.formats.push(numFmt !== null && isGeneral(numFmt) ? null : numFmt);
    if (r < this.minR) this.minR = r;
    if (r > this.maxR) this.maxR = r;
    if (c < this.minC) this.minC = c;
    if (c > this.maxC) this.maxC = c;
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * The sheet's snapshot. `merges` extend the used range; the non-top-left cells of a merged area read as
   * empty, as Office.js reports them. `hidden` gives the hidden rows and columns once the range is known.
   */
  toSheet(
    name: string,
    visibility: SheetSnapshot["visibility"],
    merges: MergeArea[],
    hidden: (minR: number, maxR: number, minC: number, maxC: number) => { rows: number[]; cols: number[] },
  ): SheetSnapshot {
    merges.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
    // Cells are placed in row order, then column order, so rows stay dense up to their last cell and ragged
    // after it, whatever order the source listed them in.
    const order = this.placementOrder();
    const away = merges.length ? this.mergedAway(order, merges) : null;
    let { minR, minC, maxR, maxC } = this;
    if (away) {
      // The bounding box counts only cells that keep their value.
      minR = minC = Infinity;
      maxR = maxC = -1;
      for (let k = 0; k < this.rows.length; k++) {
        if (away[k]) continue;
        const r = this.rows[k];
        const c = this.cols[k];
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
        if (c < minC) minC = c;
        if (c > maxC) maxC = c;
      }
    }
    for (const m of merges) {
      minR = Math.min(minR, m.r0);
      minC = Math.min(minC, m.c0);
      maxR = Math.max(maxR, m.r1);
      maxC = Math.max(maxC, m.c1);
    }
    if (maxR < 0) {
      return { name, visibility, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [], merges: [] };
    }

    const nRows = maxR - minR + 1;
    // Rows without a cell share one frozen empty row: a stray value typed in row 1,048,576 must not cost a
    // million arrays per grid.
    const values: CellValue[][] = new Array<CellValue[]>(nRows).fill(EMPTY_ROW);
    const formulas: (string | null)[][] = new Array<(string | null)[]>(nRows).fill(EMPTY_ROW);
    const numberFormats: (string | null)[][] = new Array<(string | null)[]>(nRows).fill(EMPTY_ROW);
    for (const k of order) {
      if (away && away[k]) continue;
      const r = this.rows[k];
      const c = this.cols[k];
      const i = r - minR;
      const j = c - minC;
      if ((values[i] as unknown) === EMPTY_ROW) {
        values[i] = [];
        formulas[i] = [];
        numberFormats[i] = [];
      }
      const vr = values[i];
      while (vr.length < j) {
        vr.push(null);
        formulas[i].push(null);
        numberFormats[i].push(null);
      }
      vr[j] = this.values[k];
      formulas[i][j] = this.formulas[k];
      numberFormats[i][j] = this.formats[k];
    }
    const h = hidden(minR, maxR, minC, maxC);
    return {
      name,
      visibility,
      originRow: minR,
      originCol: minC,
      values,
      formulas,
      numberFormats,
      merges,
      hiddenRows: h.rows,
      hiddenCols: h.cols,
    };
  }

  /**
   * Which cells lie inside a merge without being its top-left (1 = merged away), by one sweep down the rows.
   * The merges open at a row are kept sorted by first column and each cell finds its candidate by binary
   * search: merged areas never overlap in a sound file, and a file where they do still costs no more than
   * the rows each merge spans (bounded by the merged-cell limit) plus a logarithm per cell.
   */
  private mergedAway(order: ArrayLike<number>, merges: readonly MergeArea[]): Uint8Array {
    const away = new Uint8Array(this.rows.length);
    let active: MergeArea[] = [];
    let next = 0; // merges are sorted by first row
    let row = -1;
    for (let i = 0; i < order.length; i++) {
      const k = order[i];
      const r = this.rows[k];
      const c = this.cols[k];
      if (r !== row) {
        row = r;
        const before = active.length;
        active = active.filter((m) => m.r1 >= r);
        let changed = active.length !== before;
        while (next < merges.length && merges[next].r0 <= r) {
          if (merges[next].r1 >= r) {
            active.push(merges[next]);
            changed = true;
          }
          next++;
        }
        if (changed) active.sort((a, b) => a.c0 - b.c0);
      }
      // The last open merge starting at or left of c.
      let lo = 0;
      let hi = active.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (active[mid].c0 <= c) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (at >= 0) {
        const m = active[at];
        if (c <= m.c1 && (r !== m.r0 || c !== m.c0)) away[k] = 1;
      }
    }
    return away;
  }

  /** Indices of the cells sorted by (row, column); the identity when they already are (the usual case). */
  private placementOrder(): number[] | Int32Array {
    const n = this.rows.length;
    const order = new Int32Array(n);
    let sorted = true;
    for (let k = 0; k < n; k++) {
      order[k] = k;
      if (
        k > 0 &&
        (this.rows[k] < this.rows[k - 1] || (this.rows[k] === this.rows[k - 1] && this.cols[k] <= this.cols[k - 1]))
      )
        sorted = false;
    }
    if (sorted) return order;
    // Later duplicates of a position win, as when a cell is written twice.
    return Array.from(order).sort((a, b) => this.rows[a] - this.rows[b] || this.cols[a] - this.cols[b] || a - b);
  }
}

function isGeneral(f: string): boolean {
  return f.length === 7 && f.toLowerCase() === "general";
}

/** Hidden columns from `<col>`-style ranges (0-based, inclusive), clipped to the used columns. */
export function hiddenColumns(ranges: readonly { c0: number; c1: number }[], minC: number, maxC: number): number[] {
  if (maxC < minC) return [];
  // Coverage counts by a difference array: linear in ranges + columns, however many ranges overlap.
  const width = maxC - minC + 1;
  const delta = new Int32Array(width + 1);
  for (const g of ranges) {
    const a = Math.max(g.c0, minC);
    const b = Math.min(g.c1, maxC);
    if (a > b) continue;
    delta[a - minC]++;
    delta[b - minC + 1]--;
  }
  const out: number[] = [];
  for (let j = 0, depth = 0; j < width; j++) {
    depth += delta[j];
    if (depth > 0) out.push(j + minC);
  }
  return out;
}
