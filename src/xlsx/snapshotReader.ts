/**
 * .xlsx → WorkbookSnapshot with ExcelJS: the same shape the Office.js adapter produces, so every rule runs the
 * same on a file as in Excel.
 *
 * Conventions (matching what Office.js `range.values` gives):
 * - formula cells give their cached result; their formula (with "=") goes to `formulas`;
 * - rich text and hyperlinks give their plain text; error cells give their text ("#DIV/0!");
 * - dates give their Excel serial number (the cell's number format still says it is a date);
 * - the non-top-left cells of a merged area are empty (null), as in Excel;
 * - the used range is the bounding box of cells holding a value, extended to cover merged areas
 *   (formatting alone does not extend it).
 */
import type * as ExcelJS from "exceljs";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { DEFAULT_ZIP_LIMITS, XlsxInputError, guardXlsxBuffer, readGuardedFile, type ZipLimits } from "./zipGuard";

export interface ReadOptions {
  /** Zip safety limits (defaults: 200 MB uncompressed, see DEFAULT_ZIP_LIMITS). */
  limits?: Partial<ZipLimits>;
}

const MS_PER_DAY = 24 * 3600 * 1000;

/** ExcelJS turns date-formatted numbers into Dates; give back the serial number Excel stores. */
function dateToSerial(d: Date, date1904: boolean): number {
  const serial = 25569 + d.getTime() / MS_PER_DAY - (date1904 ? 1462 : 0);
  // Undo the float noise of the ms round trip (ExcelJS rounds to whole ms).
  return Math.round(serial * 1e9) / 1e9;
}

function richTextToPlain(rt: unknown): string {
  if (!Array.isArray(rt)) return "";
  let s = "";
  for (const run of rt) if (run && typeof run.text === "string") s += run.text;
  return s;
}

/** Any ExcelJS cell value (or formula result) → the snapshot's plain value. */
function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("richText" in o) return richTextToPlain(o.richText);
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result, date1904);
    if ("text" in o) return plainValue(o.text, date1904);
    if ("result" in o) return plainValue(o.result, date1904);
  }
  return String(v);
}

interface Collected {
  r: number;
  c: number;
  value: CellValue;
  formula: string | null;
  numFmt: string | null;
}

interface ExcelJSReading {
  Workbook: typeof ExcelJS.Workbook;
  ValueType: typeof ExcelJS.ValueType;
}

let excelJS: ExcelJSReading | null = null;

/**
 * The reading half of ExcelJS, loaded on first use: `perf-eval check`'s main thread only hands files to worker
 * threads and so never pays for it (loading it there delayed the workers' start by most of a second). The
 * package entry also loads its streaming reader and writer (archiver, unzipper, fast-csv...): 660 modules
 * against 278, about 0.4 s more per reader thread. Falls back to the entry if the package layout changes.
 */
function excel(): ExcelJSReading {
  if (!excelJS) {
    /* eslint-disable @typescript-eslint/no-require-imports -- deep paths have no typings; checked at runtime */
    try {
      excelJS = {
        Workbook: require("exceljs/lib/doc/workbook"),
        ValueType: require("exceljs/lib/doc/enums").ValueType,
      };
      if (typeof excelJS.Workbook !== "function" || typeof excelJS.ValueType?.Formula !== "number") excelJS = null;
    } catch {
      excelJS = null;
    }
    excelJS ??= require("exceljs") as ExcelJSReading;
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return excelJS;
}

// Typed as a mutable row so it can sit in the grids; frozen so nothing can write into it.
const EMPTY_ROW = Object.freeze([]) as unknown as never[];

function mergesOf(ws: ExcelJS.Worksheet): MergeArea[] {
  // ExcelJS keeps merges in a private map keyed by master address; `ws.model` would serialize every row.
  const map =
    (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })
      ._merges ?? {};
  const out: MergeArea[] = [];
  for (const m of Object.values(map)) {
    if (!m) continue;
    out.push({ r0: m.top - 1, c0: m.left - 1, r1: m.bottom - 1, c1: m.right - 1 });
  }
  out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return out;
}

function formulaOf(cell: ExcelJS.Cell, ValueType: typeof ExcelJS.ValueType): string | null {
  if (cell.type !== ValueType.Formula) return null;
  let f: string | undefined;
  try {
    f = cell.formula; // master formula, or a shared formula translated to this cell
  } catch {
    f = undefined;
  }
  if (!f) return null;
  return f.startsWith("=") ? f : `=${f}`;
}

/** One worksheet → SheetSnapshot. */
export function sheetToSnapshot(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  const { ValueType } = excel();
  const cells: Collected[] = [];
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged (non-master) cells read as empty, as Office.js reports them.
      if (cell.type === ValueType.Merge) return;
      const value = plainValue(cell.value, date1904);
      const formula = formulaOf(cell, ValueType);
      if (value === null && formula === null) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const fmt = cell.numFmt;
      cells.push({ r, c, value, formula, numFmt: typeof fmt === "string" && fmt !== "" ? fmt : null });
      if (r < minR) minR = r;
      if (r > maxR) maxR = r;
      if (c < minC) minC = c;
      if (c > maxC) maxC = c;
    });
  });
  const merges = mergesOf(ws);
  for (const m of merges) {
    minR = Math.min(minR, m.r0);
    minC = Math.min(minC, m.c0);
    maxR = Math.max(maxR, m.r1);
    maxC = Math.max(maxC, m.c1);
  }

  const state = ws.state;
  const visibility: SheetSnapshot["visibility"] =
    state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible";

  if (maxR < 0) {
    return {
      name: ws.name,
      visibility,
      originRow: 0,
      originCol: 0,
      values: [],
      formulas: [],
      numberFormats: [],
      merges: [],
    };
  }

  const nRows = maxR - minR + 1;
  // Rows without a cell share one frozen empty row: a stray value typed in row 1,048,576 must not cost a
  // million arrays per grid.
  const values: CellValue[][] = new Array<CellValue[]>(nRows).fill(EMPTY_ROW);
  const formulas: (string | null)[][] = new Array<(string | null)[]>(nRows).fill(EMPTY_ROW);
  const numberFormats: (string | null)[][] = new Array<(string | null)[]>(nRows).fill(EMPTY_ROW);
  for (const x of cells) {
    const i = x.r - minR;
    const j = x.c - minC;
    if ((values[i] as unknown) === EMPTY_ROW) {
      values[i] = [];
      formulas[i] = [];
      numberFormats[i] = [];
    }
    const vr = values[i];
    // Rows stay ragged (no trailing empties) but are dense up to their last cell.
    while (vr.length < j) {
      vr.push(null);
      formulas[i].push(null);
      numberFormats[i].push(null);
    }
    vr[j] = x.value;
    formulas[i][j] = x.formula;
    numberFormats[i][j] = x.numFmt;
  }

  const hiddenRows: number[] = [];
  for (let r = minR; r <= maxR; r++) {
    const row = ws.findRow(r + 1);
    if (row && row.hidden) hiddenRows.push(r);
  }
  const hiddenCols: number[] = [];
  const cols = (ws.columns ?? []) as (Partial<ExcelJS.Column> | undefined)[];
  for (let c = minC; c <= maxC && c < cols.length; c++) {
    if (cols[c]?.hidden) hiddenCols.push(c);
  }

  return {
    name: ws.name,
    visibility,
    originRow: minR,
    originCol: minC,
    values,
    formulas,
    numberFormats,
    merges,
    hiddenRows,
    hiddenCols,
  };
}

/** An ExcelJS workbook already in memory → WorkbookSnapshot (sheets in tab order). */
export function workbookToSnapshot(wb: ExcelJS.Workbook, source?: string): WorkbookSnapshot {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets = wb.worksheets.map((ws) => sheetToSnapshot(ws, date1904));
  return source === undefined ? { sheets } : { source, sheets };
}

function mergedLimits(opts?: ReadOptions): ZipLimits {
  return { ...DEFAULT_ZIP_LIMITS, ...(opts?.limits ?? {}) };
}

/** ExcelJS's own errors are multi-line or cryptic; give one line. */
function loadFailure(e: unknown): XlsxInputError {
  const raw = e instanceof Error ? e.message : String(e);
  const line = raw.split(/\r?\n/)[0].slice(0, 200);
  return new XlsxInputError("unreadable", {
    "zh-CN": `无法读取工作簿 (cannot read the workbook: ${line})`,
    "en-US": `cannot read the workbook: ${line}`,
  });
}

/**
 * Worksheet parts the snapshot never uses. ExcelJS skips them while parsing, which saves time on real forms
 * (long data-validation lists, conditional formats) and avoids failing on a broken drawing or table part.
 * Kept: sheetData (values, formulas, styles, hidden rows), cols (hidden columns), mergeCells.
 */
export const IGNORED_SHEET_NODES = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "autoFilter",
  "rowBreaks",
  "hyperlinks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
];

async function loadGuarded(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new (excel().Workbook)();
  try {
    // ExcelJS's typings want its own Buffer alias; a Node Buffer is what it reads.
    await wb.xlsx.load(
      buf as unknown as ExcelJS.Buffer,
      { ignoreNodes: IGNORED_SHEET_NODES } as Partial<ExcelJS.XlsxReadOptions>,
    );
  } catch (e) {
    throw loadFailure(e);
  }
  return wb;
}

/** Reads .xlsx bytes; throws XlsxInputError (with a one-line, bilingual reason) when they are refused. */
export async function readSnapshotFromBuffer(
  buf: Buffer,
  source?: string,
  opts?: ReadOptions,
): Promise<WorkbookSnapshot> {
  guardXlsxBuffer(buf, mergedLimits(opts));
  return workbookToSnapshot(await loadGuarded(buf), source);
}

/** Reads an .xlsx file; `source` in the snapshot is the path as given. */
export async function readSnapshotFromFile(path: string, opts?: ReadOptions): Promise<WorkbookSnapshot> {
  const buf = readGuardedFile(path, mergedLimits(opts));
  return workbookToSnapshot(await loadGuarded(buf), path);
}
