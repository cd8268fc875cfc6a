/**
 * Shared formulas: an .xlsx stores the formula once, on the first cell of a filled range, and the other cells
 * only point at it (`<f t="shared" si="0"/>`). Each of them means the master's text with its relative
 * references moved by the cell's offset, as Excel shows it: `A1*2` filled down one row is `A2*2`; `$A$1`
 * stays; a reference moved off the sheet becomes `#REF!`.
 */

import { colToLetters, lettersToCol } from "../core/a1";

const MAX_ROW = 1048576;
const MAX_COL = 16384;

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]{1,7})$/;

/** Characters of a bare token: letters, digits, `_`, `.`, `$`, `\`, and anything beyond ASCII (Chinese names). */
function isTokenChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 46 ||
    c === 36 ||
    c === 92 ||
    c > 127
  );
}

function shiftCell(tok: string, dr: number, dc: number): string | null {
  const m = CELL.exec(tok);
  if (!m) return null;
  let col = lettersToCol(m[2]) + 1; // 1-based, as Excel numbers them
  let row = Number(m[4]);
  if (col > MAX_COL || row < 1 || row > MAX_ROW) return null; // a name that only looks like a reference
  if (!m[1]) col += dc;
  if (!m[3]) row += dr;
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return "#REF!";
  return `${m[1]}${colToLetters(col - 1)}${m[3]}${row}`;
}

function shiftColumn(tok: string, dc: number): string | null {
  const m = COLUMN.exec(tok);
  if (!m) return null;
  if (m[1]) return tok;
  const col = lettersToCol(m[2]) + 1 + dc;
  return col < 1 || col > MAX_COL ? "#REF!" : colToLetters(col - 1);
}

function shiftRow(tok: string, dr: number): string | null {
  const m = ROW.exec(tok);
  if (!m) return null;
  if (m[1]) return tok;
  const row = Number(m[2]) + dr;
  return row < 1 || row > MAX_ROW ? "#REF!" : String(row);
}

/** Reads a bare token starting at i; returns its end. */
function tokenEnd(f: string, i: number): number {
  while (i < f.length && isTokenChar(f.charCodeAt(i))) i++;
  return i;
}

/** `formula` (without "=") with its relative references moved by dr rows and dc columns. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // String literal or quoted sheet name; a doubled quote is an escaped one.
      let j = i + 1;
      for (;;) {
        const q = formula.indexOf(ch, j);
        if (q < 0) {
          j = n;
          break;
        }
        if (formula[q + 1] === ch) {
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "[") {
      // Structured reference or external-book index: copied whole, nested brackets included.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!isTokenChar(formula.charCodeAt(i))) {
      out += ch;
      i++;
      continue;
    }
    const end = tokenEnd(formula, i);
    const tok = formula.slice(i, end);
    const next = formula[end];
    if (next === "(" || next === "!") {
      // Function name or sheet name.
      out += tok;
      i = end;
      continue;
    }
    const cell = shiftCell(tok, dr, dc);
    if (cell !== null) {
      out += cell;
      i = end;
      continue;
    }
    // Whole-column (A:C) and whole-row (2:5) ranges: both ends must have the same shape.
    if (next === ":") {
      const end2 = tokenEnd(formula, end + 1);
      const tok2 = formula.slice(end + 1, end2);
      const c1 = shiftColumn(tok, dc);
      const c2 = c1 === null ? null : shiftColumn(tok2, dc);
      if (c1 !== null && c2 !== null) {
        out += `${c1}:${c2}`;
        i = end2;
        continue;
      }
      const r1 = shiftRow(tok, dr);
      const r2 = r1 === null ? null : shiftRow(tok2, dr);
      if (r1 !== null && r2 !== null) {
        out += `${r1}:${r2}`;
        i = end2;
        continue;
      }
    }
    out += tok;
    i = end;
  }
  return out;
}
