/**
 * .xlsx → WorkbookSnapshot: the same shape the Office.js adapter produces, so every rule runs the same on a
 * file as in Excel. Files are read by the fast part reader (partReader.ts); a file it does not understand is
 * read by ExcelJS instead, under the same conventions.
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
import { CellCollector } from "./grid";
import { DEFAULT_READ_LIMITS, ReadBudget, ReadLimitError, isReadLimitError, type ReadLimits } from "./limits";
import { readWorkbookParts } from "./partReader";
import {
  DEFAULT_ZIP_LIMITS,
  XlsxInputError,
  readGuardedXlsx,
  verifyDeclaredSizes,
  worstCaseExpansion,
  type ZipEntryInfo,
  type ZipLimits,
} from "./zipGuard";

interface ReadOptions {
  /** Zip safety limits (defaults: 200 MB uncompressed, see DEFAULT_ZIP_LIMITS). */
  limits?: Partial<ZipLimits>;
  /**
   * "auto" (default): the part reader, ExcelJS for what it does not understand. "parts" or "exceljs": only
   * that one (tests compare them; the bench times ExcelJS).
   */
  reader?: "auto" | "parts" | "exceljs";
  /** Caps on cells, merges, sheets... (defaults: DEFAULT_READ_LIMITS). */
  read?: Partial<ReadLimits>;
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

function mergesOf(ws: ExcelJS.Worksheet, budget: ReadBudget | null): MergeArea[] {
  // ExcelJS keeps merges in a private map keyed by master address; `ws.model` would serialize every row.
  const map =
    (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })
      ._merges ?? {};
  const out: MergeArea[] = [];
  for (const m of Object.values(map)) {
    if (!m) continue;
    budget?.addMerge(m.bottom - m.top + 1, m.right - m.left + 1);
    out.push({ r0: m.top - 1, c0: m.left - 1, r1: m.bottom - 1, c1: m.right - 1 });
  }
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
function sheetToSnapshot(ws: ExcelJS.Worksheet, date1904 = false, budget: ReadBudget | null = null): SheetSnapshot {
  const { ValueType } = excel();
  const cells = new CellCollector(budget);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged (non-master) cells read as empty, as Office.js reports them.
      if (cell.type === ValueType.Merge) return;
      // A formula's `value` drops a falsy cached result (0, FALSE, ""); `result` keeps it.
      const value = plainValue(cell.type === ValueType.Formula ? cell.result : cell.value, date1904);
      const formula = formulaOf(cell, ValueType);
      if (formula !== null) budget?.addFormula(formula.length - 1);
      if (value === null && formula === null) return;
      const fmt = cell.numFmt;
      cells.push(rowNumber - 1, colNumber - 1, value, formula, typeof fmt === "string" && fmt !== "" ? fmt : null);
    });
  });
  const state = ws.state;
  const visibility: SheetSnapshot["visibility"] =
    state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible";
  return cells.toSheet(ws.name, visibility, mergesOf(ws, budget), (minR, maxR, minC, maxC) => {
    const rows: number[] = [];
    for (let r = minR; r <= maxR; r++) {
      const row = ws.findRow(r + 1);
      if (row && row.hidden) rows.push(r);
    }
    const cols: number[] = [];
    const defined = (ws.columns ?? []) as (Partial<ExcelJS.Column> | undefined)[];
    for (let c = minC; c <= maxC && c < defined.length; c++) if (defined[c]?.hidden) cols.push(c);
    return { rows, cols };
  });
}

/** An ExcelJS workbook already in memory → WorkbookSnapshot (sheets in tab order). */
function workbookToSnapshot(wb: ExcelJS.Workbook, source?: string, budget: ReadBudget | null = null): WorkbookSnapshot {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  budget?.sheets(wb.worksheets.length);
  const sheets = wb.worksheets.map((ws) => sheetToSnapshot(ws, date1904, budget));
  return source === undefined ? { sheets } : { source, sheets };
}

function mergedLimits(opts?: ReadOptions): ZipLimits {
  return { ...DEFAULT_ZIP_LIMITS, ...(opts?.limits ?? {}) };
}

/**
 * ExcelJS's own errors are parser positions or JavaScript exception text ("Cannot read properties of
 * undefined"), meaningless to the user: they get a sentence about the file, and the original goes to `detail`
 * (shown by --debug).
 */
function loadFailure(e: unknown): XlsxInputError {
  if (e instanceof XlsxInputError) return e;
  const err = new XlsxInputError("unreadable", {
    "zh-CN":
      "无法读取工作簿：文件内容已损坏，或不是 Excel 保存的格式 (cannot read the workbook: its content is damaged or not in a format Excel saves)",
    "en-US": "cannot read the workbook: its content is damaged or not in a format Excel saves",
  });
  err.detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return err;
}

/**
 * Worksheet parts the snapshot never uses. ExcelJS skips them while parsing, which saves time on real forms
 * (long data-validation lists, conditional formats) and avoids failing on a broken drawing or table part.
 * Kept: sheetData (values, formulas, styles, hidden rows), cols (hidden columns), mergeCells.
 */
const IGNORED_SHEET_NODES = [
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

/**
 * Part reader first; ExcelJS when it gives up (or when asked for). A file past a read limit is refused at
 * once, and ExcelJS (which builds an object per cell, about a kilobyte each) only gets workbooks small enough
 * for it: a large file the part reader cannot read is refused instead of taking gigabytes to fail.
 */
async function readGuarded(
  buf: Buffer,
  entries: readonly ZipEntryInfo[],
  source: string | undefined,
  opts?: ReadOptions,
): Promise<WorkbookSnapshot> {
  const reader = opts?.reader ?? "auto";
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...(opts?.read ?? {}) };
  let partsError: unknown = null;
  if (reader !== "exceljs") {
    try {
      return readWorkbookParts(buf, entries, source, limits);
    } catch (e) {
      if (reader === "parts" || isReadLimitError(e)) throw e;
      partsError = e;
      // Unusual or damaged parts: ExcelJS reads them or refuses them with its own reason.
    }
  }
  if (reader === "auto") {
    let total = 0;
    for (const e of entries) total += e.uncompressedSize;
    if (total > limits.maxFallbackBytes) {
      const mb = `${Math.round(limits.maxFallbackBytes / 1024 / 1024)} MB`;
      const err = new ReadLimitError(
        "无法快速读取的文件（结构不常见）解压后大小",
        "unpacked size of a file with an unusual structure",
        mb,
      );
      err.detail = partsError instanceof Error ? (partsError.stack ?? partsError.message) : String(partsError);
      throw err;
    }
    // Sizes that lie are caught before ExcelJS inflates anything.
    if (worstCaseExpansion(entries) > limits.maxFallbackBytes) verifyDeclaredSizes(buf, entries);
  }
  const wb = await loadGuarded(buf);
  try {
    return workbookToSnapshot(wb, source, new ReadBudget(limits));
  } catch (e) {
    throw loadFailure(e);
  }
}

/** Reads an .xlsx file; `source` in the snapshot is the path as given. */
export async function readSnapshotFromFile(path: string, opts?: ReadOptions): Promise<WorkbookSnapshot> {
  const { buf, entries } = readGuardedXlsx(path, mergedLimits(opts));
  return readGuarded(buf, entries, path, opts);
}
