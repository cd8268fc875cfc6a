/**
 * Reading numbers out of cells that should hold one (分值, 得分, amounts, counts, rates). Each cell is read at
 * most once: results are cached on the cell object's identity.
 */
import { isErrorText } from "../errors";
import type { CellValue } from "../snapshot";
import type { Cell, IndicatorRow } from "./model";
import { decimalsOf, parseValueShared, type ParsedValue } from "../value";
import type { ActualHint } from "../compare";

interface CellNumber {
  /** The value in base units (percent as a fraction). */
  value: number;
  /** Decimals as displayed or written, in the written unit (97.34% → 2; 0.9734 General → 4). */
  decimals: number;
  /** Written or formatted as a percentage. */
  percent: boolean;
}

/** Decimals a number format shows ("0.00%" → 2, "#,##0.0" → 1), or null when the format says nothing. */
function formatDecimals(format: string | undefined): number | null {
  if (!format || /^general$/i.test(format)) return null;
  const section = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

class LazyDecimals implements CellNumber {
  private d = -1;
  constructor(
    readonly value: number,
    readonly percent: boolean,
  ) {}
  get decimals(): number {
    if (this.d < 0) this.d = decimalsOf(Number((this.percent ? this.value * 100 : this.value).toPrecision(15)));
    return this.d;
  }
}

/**
 * Unformatted small whole numbers (分值 1, 得分 3, counts), one shared read-only object each: a table's weights
 * and scores then cost no object per cell.
 */
const SMALL_INTS: CellNumber[] = Array.from({ length: 1024 }, (_, i) => ({ value: i, decimals: 0, percent: false }));

/** The number a raw cell value holds, or null (text that is not a plain number, booleans, errors, empty). */
function readRaw(raw: CellValue, format?: string): CellNumber | null {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return null;
    if (!format && Number.isInteger(raw)) {
      // -0 keeps its own object: its value must stay -0.
      if (raw >= 0 && raw < SMALL_INTS.length && !Object.is(raw, -0)) return SMALL_INTS[raw];
      return { value: raw, decimals: 0, percent: false };
    }
    const percent = !!format && /%/.test(format.split(";")[0].replace(/"[^"]*"/g, ""));
    const fd = formatDecimals(format);
    if (fd !== null) return { value: raw, decimals: fd, percent };
    // Decimals as the number's shortest text shows them: computed only when a comparison asks.
    return new LazyDecimals(raw, percent);
  }
  if (typeof raw === "string") {
    // Text goes through the core's value parser: "1,234.50", "９０", "97.34%", "195.35万元" read; "≥95%" and dates don't.
    const p = parseText(raw);
    if (!p.quantitative || p.date || p.operator !== null || p.number === null || p.rest) return null;
    return { value: p.number, decimals: p.decimals, percent: p.percent };
  }
  return null;
}

/** The number in a cell, cached per cell. */
export function cellNumber(cell: Cell | undefined): CellNumber | null {
  if (!cell) return null;
  // Cached on the cell itself: a WeakMap over a million cells costs more in garbage collection than the reads.
  if (cell._num !== undefined) return cell._num as CellNumber | null;
  const v = readRaw(cell.raw, cell.format);
  cell._num = v;
  return v;
}

/**
 * A weight or score in points: a weight written as a percentage (权重 10%, or 0.1 formatted as 0%) is 10 points
 * of 100, so it compares with scores and totals like any other weight.
 */
export function points(cell: Cell | undefined): number | null {
  const n = cellNumber(cell);
  if (!n) return null;
  return n.percent ? Number((n.value * 100).toPrecision(15)) : n.value;
}

/** First characters a blank mark may have once whitespace is dropped (see isBlankMark's regex), or whitespace. */
const MARK_START = /^[\s\-—–－/／\\、*＊无不Nn]/;

/** True when a cell is empty or holds only a "not applicable" mark (—, -, /, 无, N/A). */
export function isBlankMark(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (typeof cell.raw === "number") return false;
  if (cell.text === "") return true;
  // A mark can only start with a mark character or whitespace: an anchored one-character test rejects
  // every ordinary text (≥95%, 有效保障) before the scan for whitespace and the full regex.
  if (!MARK_START.test(cell.text)) return false;
  // Most texts hold no whitespace: test before copying.
  const t = /\s/.test(cell.text) ? cell.text.replace(/\s/g, "") : cell.text;
  return t === "" || /^([-—–－/／\\、*＊]+|无|不适用|N\/?A)$/i.test(t);
}

/** True when a cell holds an Excel error value. */
export function isErrorCell(cell: Cell | undefined): boolean {
  return !!cell && isErrorText(cell.raw);
}

/**
 * The core's parse of a text, shared: forms repeat the same values (=100%, ≥90%, 达标) on every row and in
 * every table, and each rule asks again. Callers must not mutate the result.
 */
export function parseText(text: string): ParsedValue {
  return parseValueShared(text) as ParsedValue;
}

/** The core's parse of any cell content, shared (read-only). */
function parseAny(raw: unknown): ParsedValue {
  return parseValueShared(raw) as ParsedValue;
}

/** The core's parse of a cell (indicator values), cached on the cell: six rules ask for every row's values. */
export function parsed(cell: Cell): ParsedValue {
  let p = cell._val as ParsedValue | undefined;
  if (p === undefined) {
    p = parseAny(cell.raw);
    cell._val = p;
  }
  return p;
}

/** A row's indicator value (指标性质|指标值|度量单位 joined when split), parsed once. */
export function targetParse(row: IndicatorRow): ParsedValue {
  if (row.targetText !== undefined) return parseText(row.targetText);
  return row.target ? parsed(row.target) : parseAny(null);
}

const PERCENT_FORMAT: ActualHint = { percentFormat: true };
const NO_PERCENT_FORMAT: ActualHint = { percentFormat: false };

/** readActual's hint for an actual cell (has it a % number format?), one of two shared objects: none per row. */
export function actualHint(cell: Cell): ActualHint {
  return !!cell.format && /%/.test(cell.format) ? PERCENT_FORMAT : NO_PERCENT_FORMAT;
}

/** A row's actual value (with its 度量单位 when split), parsed once. */
export function actualParse(row: IndicatorRow): ParsedValue {
  if (row.actualText !== undefined) return parseText(row.actualText);
  return row.actual ? parsed(row.actual) : parseAny(null);
}
