/**
 * O(1) access to one sheet's cells by absolute position, merge-aware, with Cell objects created once per
 * position so that per-cell caches (parsed values, numbers) hold for the whole check.
 */
import type { CellValue, SheetSnapshot } from "../snapshot";
import type { Cell } from "./model";

export class SheetReader {
  readonly name: string;
  readonly r0: number;
  readonly c0: number;
  /** Exclusive ends. */
  readonly r1: number;
  readonly c1: number;
  /** Cells made so far, by (row - r0) * width + (col - c0): a dense index is cheaper than a Map of a million. */
  private readonly cells: (Cell | undefined)[] = [];
  private readonly width: number;
  /** Non-top-left cells of merged areas → top-left (row, col), clipped to the used range. */
  private readonly mergeTop = new Map<number, number>();
  private readonly mergeWidth = new Map<number, number>();
  private readonly stride: number;

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.r0 = sheet.originRow;
    this.c0 = sheet.originCol;
    this.r1 = this.r0 + sheet.values.length;
    let w = 0;
    // Indexed: once per sheet over every row, unoptimized, where for-of makes an object per row.
    for (let i = 0; i < sheet.values.length; i++) {
      const row = sheet.values[i];
      if (row && row.length > w) w = row.length;
    }
    this.c1 = this.c0 + w;
    this.stride = Math.max(1, this.c1) + 1;
    this.width = Math.max(1, this.c1 - this.c0);
    for (const m of sheet.merges ?? []) {
      if (!m || !(m.r1 >= m.r0) || !(m.c1 >= m.c0)) continue;
      const top = this.key(m.r0, m.c0);
      this.mergeWidth.set(top, m.c1 - m.c0 + 1);
      const ra = Math.max(m.r0, this.r0);
      const rb = Math.min(m.r1, this.r1 - 1);
      const ca = Math.max(m.c0, this.c0);
      const cb = Math.min(m.c1, this.c1 - 1);
      // A merge outside the used columns or rows covers no cell here: no walk down its rows.
      if (ca > cb || ra > rb) continue;
      for (let r = ra; r <= rb; r++)
        for (let c = ca; c <= cb; c++) if (r !== m.r0 || c !== m.c0) this.mergeTop.set(this.key(r, c), top);
    }
  }

  private key(r: number, c: number): number {
    return r * this.stride + c;
  }

  raw(r: number, c: number): CellValue {
    const row = this.sheet.values[r - this.r0];
    if (!row) return null;
    const v = row[c - this.c0];
    return v === undefined ? null : v;
  }

  /** Width of a merge whose top-left is (r, c); 1 otherwise. */
  mergedWidth(r: number, c: number): number {
    return this.mergeWidth.get(this.key(r, c)) ?? 1;
  }

  /** The top-left position of the merge holding (r, c), or (r, c) itself. */
  source(r: number, c: number): { row: number; col: number } {
    if (this.mergeTop.size === 0) return { row: r, col: c };
    const t = this.mergeTop.get(this.key(r, c));
    if (t === undefined) return { row: r, col: c };
    return { row: Math.floor(t / this.stride), col: t % this.stride };
  }

  /** True when (r, c) is covered by a merge but is not its top-left (Excel shows nothing of its own there). */
  isMergedAway(r: number, c: number): boolean {
    return this.mergeTop.size !== 0 && this.mergeTop.has(this.key(r, c));
  }

  /** Text as shown, merge-aware: the top-left's value for any cell of a merged area. */
  textAt(r: number, c: number): string {
    const s = this.source(r, c);
    return textOf(this.raw(s.row, s.col));
  }

  /** The Cell at (r, c) (not merge-resolved), created once. */
  cell(r: number, c: number): Cell {
    const inside = r >= this.r0 && r < this.r1 && c >= this.c0 && c < this.c1;
    const k = inside ? (r - this.r0) * this.width + (c - this.c0) : -1;
    let cell = k >= 0 ? this.cells[k] : undefined;
    if (!cell) {
      const raw = this.raw(r, c);
      cell = { sheet: this.name, row: r, col: c, raw, text: textOf(raw), _num: undefined, _val: undefined };
      const f = this.sheet.numberFormats?.[r - this.r0]?.[c - this.c0];
      if (f && !/^general$/i.test(f)) cell.format = f;
      const fm = this.sheet.formulas?.[r - this.r0]?.[c - this.c0];
      if (fm) cell.formula = fm;
      if (k >= 0) this.cells[k] = cell;
    }
    return cell;
  }

  /** The merge-resolved Cell: the top-left of a merged area. */
  sourceCell(r: number, c: number): Cell {
    if (this.mergeTop.size === 0) return this.cell(r, c);
    const s = this.source(r, c);
    return this.cell(s.row, s.col);
  }

  rowLength(r: number): number {
    const row = this.sheet.values[r - this.r0];
    return row ? this.c0 + row.length : this.c0;
  }
}

export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    // Most texts carry no outer whitespace: skip the copy trim() would make.
    const n = v.length;
    if (n > 0 && v.charCodeAt(0) > 32 && v.charCodeAt(n - 1) > 32) return v;
    return v.trim();
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return v ? "TRUE" : "FALSE";
}
