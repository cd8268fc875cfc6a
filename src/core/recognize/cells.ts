/**
 * Reading numbers out of cells that should hold one (分值, 得分, amounts, counts, rates). Each cell is read at
 * most once: results are cached on the cell object's identity.
 */
import { isErrorText } from "../errors";
import type { CellValue } from "../snapshot";
import type { Cell } from "./model";

export interface CellNumber {
  /** The value in base units (percent as a fraction). */
  value: number;
  /** Decimals as displayed or written, in the written unit (97.34% → 2; 0.9734 General → 4). */
  decimals: number;
  /** Written or formatted as a percentage. */
  percent: boolean;
}

const cache = new WeakMap<Cell, CellNumber | null>();

/** Full-width digits, signs and separators → ASCII, so "９０．５" reads like "90.5". */
function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  // Shortest round-trip representation; float noise (0.30000000000000004) is capped so it counts as precise.
  const s = String(Math.abs(n));
  const e = /e-(\d+)$/.exec(s);
  if (e) return Math.min(15, Number(e[1]) + (s.split("e")[0].split(".")[1]?.length ?? 0));
  return Math.min(15, s.split(".")[1]?.length ?? 0);
}

/** Decimals a number format shows ("0.00%" → 2, "#,##0.0" → 1), or null when the format says nothing. */
export function formatDecimals(format: string | undefined): number | null {
  if (!format || /^general$/i.test(format)) return null;
  const section = format.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

/** A plain number written as text: "1,234.50", "９０", "97.34%", " -3 ". Units and operators are not read here. */
export function readNumericText(text: string): CellNumber | null {
  const s = toHalfWidth(text).replace(/[\s,]/g, "");
  const m = /^([+-]?)(\d+(?:\.(\d*))?|\.\d+)(%?)$/.exec(s);
  if (!m) return null;
  const n = Number(m[1] + m[2]);
  if (!Number.isFinite(n)) return null;
  const decimals = m[2].startsWith(".") ? m[2].length - 1 : (m[3]?.length ?? 0);
  return m[4] ? { value: n / 100, decimals, percent: true } : { value: n, decimals, percent: false };
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
  if (typeof raw === "string") return readNumericText(raw);
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
