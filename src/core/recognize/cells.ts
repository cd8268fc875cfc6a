/**
 * Reading numbers out of cells that should hold one (分值, 得分, amounts, counts, rates). Each cell is read at
 * most once: results are cached on the cell object's identity.
 */
import { isErrorText } from "../errors";
import type { CellValue } from "../snapshot";
import type { Cell } from "./model";
import { decimalsOf, parseValue, type ParsedValue } from "../value";

export interface CellNumber {
  /** The value in base units (percent as a fraction). */
  value: number;
  /** Decimals as displayed or written, in the written unit (97.34% → 2; 0.9734 General → 4). */
  decimals: number;
  /** Written or formatted as a percentage. */
  percent: boolean;
}

const cache = new WeakMap<Cell, CellNumber | null>();

/** Decimals a number format shows ("0.00%" → 2, "#,##0.0" → 1), or null when the format says nothing. */
export function formatDecimals(format: string | undefined): number | null {
  if (!format || /^general$/i.test(format)) return null;
  const section = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

/** The number a raw cell value holds, or null (text that is not a plain number, booleans, errors, empty). */
export function readRaw(raw: CellValue, format?: string): CellNumber | null {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return null;
    const percent = !!format && /%/.test(format.split(";")[0].replace(/"[^"]*"/g, ""));
    const fd = formatDecimals(format);
    const shown = percent ? raw * 100 : raw;
    return { value: raw, decimals: fd ?? decimalsOf(Number(shown.toPrecision(15))), percent };
  }
  if (typeof raw === "string") {
    // Text goes through the core's value parser: "1,234.50", "９０", "97.34%", "195.35万元" read; "≥95%" and dates don't.
    const p = parseValue(raw);
    if (!p.quantitative || p.date || p.operator !== null || p.number === null || p.rest) return null;
    return { value: p.number, decimals: p.decimals, percent: p.percent };
  }
  return null;
}

/** The number in a cell, cached per cell. */
export function cellNumber(cell: Cell | undefined): CellNumber | null {
  if (!cell) return null;
  let v = cache.get(cell);
  if (v === undefined) {
    v = readRaw(cell.raw, cell.format);
    cache.set(cell, v);
  }
  return v;
}

/** Just the value, or null. */
export function num(cell: Cell | undefined): number | null {
  return cellNumber(cell)?.value ?? null;
}

/** True when a cell is empty or holds only a "not applicable" mark (—, -, /, 无, N/A). */
export function isBlankMark(cell: Cell | undefined): boolean {
  if (!cell) return true;
  const t = cell.text.replace(/\s/g, "");
  return t === "" || /^([-—–－/／\\、*＊]+|无|不适用|N\/?A)$/i.test(t);
}

/** True when a cell holds an Excel error value. */
export function isErrorCell(cell: Cell | undefined): boolean {
  return !!cell && isErrorText(cell.raw);
}

const parsedCache = new WeakMap<Cell, ParsedValue>();

/** The core's parse of a cell (indicator values), cached per cell. */
export function parsed(cell: Cell): ParsedValue {
  let p = parsedCache.get(cell);
  if (!p) {
    p = parseValue(cell.raw);
    parsedCache.set(cell, p);
  }
  return p;
}
