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

/** 0-based column index → letters ("A", "Z", "AA"). */
export function colToLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index; -1 when not letters. */
export function lettersToCol(letters: string): number {
  // Char codes rather than a regex and toUpperCase: the .xlsx reader calls this for every cell.
  const len = letters.length;
  if (len < 1 || len > 3) return -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = letters.charCodeAt(i) | 32; // lower-cases ASCII letters
    if (c < 97 || c > 122) return -1;
    n = n * 26 + (c - 96);
  }
  return n - 1;
}

/** 0-based row/col → "B7". */
export function toA1(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

/** "B7" or "$B$7" → 0-based {row, col}; null when not a single-cell A1 address. */
export function fromA1(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  if (row < 0) return null;
  return { row, col: lettersToCol(m[1]) };
}

/** Quote a sheet name for a cross-sheet reference when Excel would ('My Sheet'!A1). */
export function qualify(sheet: string, a1: string): string {
  const needsQuotes = !/^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet);
  return `${needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet}!${a1}`;
}

/** Value at absolute 0-based row/col, or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.originRow];
  if (!r) return null;
  const v = r[col - sheet.originCol];
  return v === undefined ? null : v;
}
