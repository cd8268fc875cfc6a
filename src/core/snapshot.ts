/**
 * A plain, adapter-independent picture of a workbook: what the checks read. The Office.js adapter and the
 * .xlsx adapter both produce exactly this shape, so every rule runs the same on both.
 */

/** A cell as read: text, number, boolean, or null when empty. Error cells arrive as their text ("#DIV/0!"). */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based absolute sheet coordinates, inclusive. */
export interface MergeArea {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetSnapshot {
  name: string;
  /** "Visible" unless the sheet is hidden; checks still read hidden sheets. */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** 0-based absolute row/column of values[0][0] (the used range may not start at A1). */
  originRow: number;
  originCol: number;
  /** Row-major grid of the used range; rows may be ragged or shorter than the range when trailing cells are empty. */
  values: CellValue[][];
  /** Same shape as values; null (or a missing entry) where the cell holds no formula. Formulas keep their leading "=". */
  formulas?: (string | null)[][];
  /** Same shape as values; "General" or missing where not set. */
  numberFormats?: (string | null)[][];
  merges: MergeArea[];
  /** Hidden rows/columns (0-based absolute), when the adapter knows them. */
  hiddenRows?: number[];
  hiddenCols?: number[];
}

export interface WorkbookSnapshot {
  /** File name or workbook name, for messages. */
  source?: string;
  sheets: SheetSnapshot[];
}

/** Value at absolute 0-based row/col, or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.originRow];
  if (!r) return null;
  const v = r[col - sheet.originCol];
  return v === undefined ? null : v;
}
