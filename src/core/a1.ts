/**
 * A1 references as Excel writes them: cells (B7, $B$7), areas (A1:B2, whole columns A:B, whole rows 1:3) and
 * sheet-qualified references ('Sheet 1'!A1, 自评表!A1:B2, 'O''Brien'!A1). The one parser of them for the core and
 * every adapter (formulas, Office addresses, .xlsx merges, findings' related cells); `qualify` writes them.
 */
import type { MergeArea } from "./snapshot";

/** Excel's limits. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

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
  // Its own small regex: the .xlsx reader calls this for every cell.
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  if (row < 0) return null;
  return { row, col: lettersToCol(m[1]) };
}

/** An area's A1 text without "$": "D12" for one cell, "A1:B2", "A:B" for whole columns, "1:3" for whole rows. */
export function areaToA1(a: MergeArea): string {
  if (a.r0 === 0 && a.r1 === MAX_ROWS - 1) return `${colToLetters(a.c0)}:${colToLetters(a.c1)}`;
  if (a.c0 === 0 && a.c1 === MAX_COLS - 1) return `${a.r0 + 1}:${a.r1 + 1}`;
  const from = toA1(a.r0, a.c0);
  return a.r0 === a.r1 && a.c0 === a.c1 ? from : `${from}:${toA1(a.r1, a.c1)}`;
}

/** A reference read from text. */
export interface Ref {
  /** The sheet as named (quotes and doubled '' undone), or null when the reference names none. */
  sheet: string | null;
  /** The area, 0-based and inclusive, corners in order (a cell has r0 = r1 and c0 = c1). */
  area: MergeArea;
  /** The ends as written, "$" kept ("$B$2", "C8"); `to` only when the reference is written with ":". */
  from: string;
  to?: string;
  /** Whole columns (A:B) or whole rows (1:3). */
  whole?: "columns" | "rows";
  /** Where the reference ends in the text it was read from (exclusive). */
  end: number;
}

/** 'Quoted name'! — any character but a lone quote inside, '' for a quote. */
const QUOTED_SHEET = /'((?:[^']|'')+)'!/y;
/** Unquoted name! — what Excel writes without quotes: no spaces, operators, brackets or quotes. */
const PLAIN_SHEET = /([^\s'!(),:;"=<>+\-*/&^%{}]+)!/y;
const END = "\\$?[A-Za-z]{1,3}\\$?\\d{1,7}|\\$?[A-Za-z]{1,3}|\\$?\\d{1,7}";
/**
 * A cell, column or row, then optionally ":" and another; not followed by a name character, "." or "(" (LOG10(
 * and A1B are names, not references).
 */
const AREA = new RegExp(`(${END})(?::(${END}))?(?![A-Za-z0-9_.(!\\u4e00-\\u9fff])`, "y");

type End = { row: number | null; col: number | null };

function readEnd(s: string): End | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(s);
  if (!m) return null;
  const col = m[1] ? lettersToCol(m[1]) : null;
  const row = m[2] ? Number(m[2]) - 1 : null;
  if (col !== null && (col < 0 || col >= MAX_COLS)) return null;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return null;
  return { row, col };
}

/**
 * The reference that starts at `text[start]` ('Sheet 1'!A1, Sheet1!A1:B2, $B$7, A:B, 3:5), or null when none
 * does. A lone column or row is no reference; both ends of an area are of one kind (cells, columns or rows).
 */
export function readRef(text: string, start = 0): Ref | null {
  let sheet: string | null = null;
  let at = start;
  if (text.charCodeAt(at) === 39 /* ' */) {
    QUOTED_SHEET.lastIndex = at;
    const q = QUOTED_SHEET.exec(text);
    if (!q) return null;
    sheet = q[1].replace(/''/g, "'");
    at = QUOTED_SHEET.lastIndex;
  } else {
    PLAIN_SHEET.lastIndex = at;
    const p = PLAIN_SHEET.exec(text);
    if (p) {
      sheet = p[1];
      at = PLAIN_SHEET.lastIndex;
    }
  }
  AREA.lastIndex = at;
  const m = AREA.exec(text);
  if (!m) return null;
  const a = readEnd(m[1]);
  const b = m[2] === undefined ? a : readEnd(m[2]);
  if (!a || !b) return null;
  // Both cells, both columns or both rows.
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  if (m[2] === undefined && (a.row === null || a.col === null)) return null;
  const whole = a.row === null ? "columns" : a.col === null ? "rows" : undefined;
  const r0 = a.row ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c0 = a.col ?? 0;
  const c1 = b.col ?? MAX_COLS - 1;
  const ref: Ref = {
    sheet,
    area: { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) },
    from: m[1],
    end: AREA.lastIndex,
  };
  if (m[2] !== undefined) ref.to = m[2];
  if (whole) ref.whole = whole;
  return ref;
}

/** The whole text (spaces around it ignored) as one reference, or null. */
export function parseRef(text: string): Ref | null {
  const t = text.trim();
  const r = readRef(t);
  return r && r.end === t.length ? r : null;
}

/** An area without a sheet ("B2:C4", "$A$1", "A:B"), or null (also for a sheet-qualified reference). */
export function parseArea(a1: string): MergeArea | null {
  const r = parseRef(a1);
  return r && r.sheet === null ? r.area : null;
}

/**
 * A list of references separated by commas, as Office.js writes a RangeAreas address ("Sheet1!A1:B4, Sheet1!D1:D4",
 * "'a, b'!$A$1,'a, b'!C3"). Parts that are no reference are skipped.
 */
export function parseRefList(text: string): Ref[] {
  const out: Ref[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "," || ch === " ") {
      i++;
      continue;
    }
    const r = readRef(text, i);
    if (r && (r.end === text.length || /[\s,]/.test(text[r.end]))) {
      out.push(r);
      i = r.end;
      continue;
    }
    // Not a reference: on to the next comma outside quotes.
    let quoted = false;
    while (i < text.length && (quoted || text[i] !== ",")) {
      if (text[i] === "'") quoted = !quoted;
      i++;
    }
  }
  return out;
}

/**
 * Does Excel write this sheet name in quotes? Names of letters, digits, "_" and "." (not starting with a digit,
 * not reading as a cell such as A1 or R1C1) go bare; everything else is quoted.
 */
export function sheetNeedsQuotes(sheet: string): boolean {
  if (!/^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet)) return true;
  return /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^[Rr]\d*[Cc]\d*$/.test(sheet);
}

/** The sheet name as a reference writes it: 'My Sheet', 'O''Brien', 自评表. */
function quoteSheet(sheet: string): string {
  return sheetNeedsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/** A sheet-qualified reference ('My Sheet'!A1), quoting the name when Excel would. */
export function qualify(sheet: string, a1: string): string {
  return `${quoteSheet(sheet)}!${a1}`;
}
