/**
 * Reads the workbook into the core's WorkbookSnapshot through Office.js, in a constant number of syncs:
 * sync 1 lists the sheets, sync 2 reads every sheet's used range (values, formulas, number formats, origin)
 * and merged areas at once. Only when Excel refuses sync 2 for its size does the reader fall back to row
 * blocks sized to stay under the payload limit.
 */
import { toDisplayFormula } from "../core/formulaForms";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { parseRefList } from "../core/a1";
import { apiSupported, isPayloadLimitError, toUserFacingError, UserFacingError } from "./errors";

interface ReadOptions {
  /** The payload limit to plan row blocks for in the fallback (Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
  /** Called with (done, total) cell counts while the fallback reads blocks. */
  onBlock?(done: number, total: number): void;
  /**
   * Read a workbook larger than this many cells in row blocks of at most this many cells, yielding to the page
   * between blocks, so a task pane stays responsive and can show progress (small workbooks: still 2 syncs).
   */
  maxCellsPerSync?: number;
}

/** Lets the page handle input and paint between two requests (a macrotask, not a microtask). */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const DEFAULT_LIMIT = 5 * 1024 * 1024;

type Grid = unknown[][];

interface UsedInfo {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export async function readWorkbookSnapshot(
  context?: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  if (!context) return Excel.run((ctx) => readWorkbookSnapshot(ctx, options));
  try {
    return await read(context, options);
  } catch (e) {
    throw toUserFacingError(
      e,
      { "zh-CN": "读取工作簿", "en-US": "Reading the workbook" },
      { "zh-CN": "工作簿未被修改。", "en-US": "The workbook was not changed." },
    );
  }
}

async function read(context: Excel.RequestContext, options: ReadOptions): Promise<WorkbookSnapshot> {
  const withMerges = apiSupported(13);

  // Sync 1: the sheet list.
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const withName = apiSupported(7);
  if (withName) context.workbook.load("name");
  await context.sync();
  const source = withName ? context.workbook.name : undefined;
  const list = sheets.items.map((ws) => ({
    ws,
    name: ws.name,
    visibility: ws.visibility as SheetSnapshot["visibility"],
  }));

  if (options.maxCellsPerSync) {
    // Sizes first (one small request): a big workbook is read in blocks that each stay a short task.
    await yieldToPage();
    const extents = usedExtents(list, withMerges);
    if (list.length) await context.sync();
    await yieldToPage();
    const cells = extents.reduce((n, e) => n + e.used.rowCount * e.used.columnCount, 0);
    if (cells > options.maxCellsPerSync)
      return { ...(await readInBlocks(context, list, withMerges, options, extents)), ...(source ? { source } : {}) };
  }

  // Sync 2: every sheet's used range and merged areas in one request.
  const reads = list.map(({ ws }) => {
    const used = ws.getUsedRange(true);
    used.load("address,rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat");
    const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { used, merged };
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    return { ...(await readInBlocks(context, list, withMerges, options)), ...(source ? { source } : {}) };
  }
  return {
    ...(source ? { source } : {}),
    sheets: list.map(({ name, visibility }, i) => {
      const { used, merged } = reads[i];
      const info: UsedInfo = used;
      const s = toSheet(name, visibility, info, used.values, used.formulas, used.numberFormat);
      s.merges = merged && !merged.isNullObject ? mergeAreas(merged.address) : [];
      return trimSingleEmpty(s);
    }),
  };
}

/**
 * getUsedRange (not …OrNullObject, so nothing is ever chained on a null object) reports A1 for an empty
 * sheet: that is an empty sheet.
 */
function trimSingleEmpty(s: SheetSnapshot): SheetSnapshot {
  if (s.values.length === 1 && s.values[0].length === 1 && s.values[0][0] === null && !s.formulas?.[0]?.[0])
    return { ...s, values: [], formulas: [], numberFormats: [] };
  return s;
}

function toSheet(
  name: string,
  visibility: SheetSnapshot["visibility"],
  info: UsedInfo,
  values: Grid,
  formulas: Grid,
  formats: Grid,
): SheetSnapshot {
  return {
    name,
    visibility,
    originRow: info.rowIndex,
    originCol: info.columnIndex,
    values: values.map((row) => row.map(cellValue)),
    formulas: formulas.map((row, i) => row.map((f, j) => formulaOf(f, values[i]?.[j]))),
    numberFormats: formats.map((row) => row.map((f) => (typeof f === "string" ? f : null))),
    merges: [],
  };
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * Office.js returns constants in `formulas` for cells without a formula. A text constant that happens to start
 * with "=" (a cell formatted as text) reads the same in values and formulas; a real formula never does.
 */
function formulaOf(f: unknown, value: unknown): string | null {
  // A host that hands over the stored form (_xldudf_EVAL_…, _xlfn.…) is read as Excel displays it.
  return typeof f === "string" && f.startsWith("=") && f !== value ? toDisplayFormula(f) : null;
}

/** Merged areas of a RangeAreas address ("Sheet1!A1:B2, 'a, b'!C3:D4"). */
function mergeAreas(address: string): MergeArea[] {
  return parseRefList(address).map((r) => r.area);
}

interface Extent {
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

/** Queues the load of every sheet's used-range position and size and its merged areas (synced by the caller). */
function usedExtents(list: { ws: Excel.Worksheet }[], withMerges: boolean): Extent[] {
  return list.map(({ ws }) => {
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { used, merged };
  });
}

interface Block {
  sheet: number;
  /** Row offset within the used range and number of rows. */
  r: number;
  n: number;
}

/**
 * Fallback for workbooks too large for one request: learn each used range's extent (one small sync), then
 * read row blocks, as many per sync as fit the limit by the observed bytes per cell; a block Excel still
 * refuses is split in half and retried.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  list: { ws: Excel.Worksheet; name: string; visibility: SheetSnapshot["visibility"] }[],
  withMerges: boolean,
  options: ReadOptions,
  /** Extents already loaded and synced (the pane's size request): not asked for again. */
  known?: Extent[],
): Promise<WorkbookSnapshot> {
  const limit = options.payloadLimitBytes ?? DEFAULT_LIMIT;
  const budget = Math.floor(limit * 0.6);
  const maxCells = options.maxCellsPerSync ?? Infinity;

  let extents = known;
  if (!extents) {
    extents = usedExtents(list, withMerges);
    await context.sync();
  }

  const sheets: SheetSnapshot[] = list.map(({ name, visibility }, i) => {
    const { used, merged } = extents[i];
    return {
      ...toSheet(name, visibility, used, [], [], []),
      merges: merged && !merged.isNullObject ? mergeAreas(merged.address) : [],
    };
  });
  const info = extents.map(
    ({ used }) =>
      ({
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      }) as UsedInfo | null,
  );

  const pending: Block[] = [];
  let total = 0;
  info.forEach((u, sheet) => {
    if (!u) return;
    total += u.rowCount * u.columnCount;
    pending.push({ sheet, r: 0, n: u.rowCount });
  });
  const parts: { block: Block; values: Grid; formulas: Grid; formats: Grid }[] = [];
  let bytesPerCell = 48; // a first guess; corrected from what each sync returns
  let done = 0;

  while (pending.length) {
    // Take blocks (splitting the first if needed) until the estimated response fills the budget.
    const group: Block[] = [];
    let est = 0;
    let groupCells = 0;
    while (pending.length) {
      const b = pending[0];
      const cols = info[b.sheet]!.columnCount;
      const rowBytes = cols * bytesPerCell;
      let fitRows = Math.min(Math.floor((budget - est) / rowBytes), Math.floor((maxCells - groupCells) / cols));
      if (fitRows < 1) {
        if (group.length) break;
        fitRows = 1;
      }
      if (b.n > fitRows) {
        pending[0] = { sheet: b.sheet, r: b.r + fitRows, n: b.n - fitRows };
        group.push({ sheet: b.sheet, r: b.r, n: fitRows });
        break;
      }
      pending.shift();
      group.push(b);
      est += b.n * rowBytes;
      groupCells += b.n * cols;
    }
    const ranges = group.map((b) => {
      const u = info[b.sheet]!;
      const rg = list[b.sheet].ws.getRangeByIndexes(u.rowIndex + b.r, u.columnIndex, b.n, u.columnCount);
      rg.load("values,formulas,numberFormat");
      return rg;
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- chunking is the point: each block must be its own request to stay under the payload limit
      await context.sync();
    } catch (e) {
      if (!isPayloadLimitError(e)) throw e;
      // Put the group back; a single block is split, a group is retried with a more cautious estimate.
      if (group.length === 1) {
        const b = group[0];
        if (b.n === 1) {
          throw new UserFacingError(
            {
              "zh-CN": `工作表“${list[b.sheet].name}”的一行数据就超过了 Excel 单次请求的上限，无法读取。`,
              "en-US": `A single row of sheet "${list[b.sheet].name}" exceeds Excel's per-request limit and cannot be read.`,
            },
            "RequestPayloadSizeLimitExceeded",
            e,
          );
        }
        const h = Math.ceil(b.n / 2);
        pending.unshift({ sheet: b.sheet, r: b.r, n: h }, { sheet: b.sheet, r: b.r + h, n: b.n - h });
      } else pending.unshift(...group);
      bytesPerCell *= 2;
      continue;
    }
    let bytes = 0;
    let cells = 0;
    group.forEach((block, i) => {
      const rg = ranges[i];
      const s = sheets[block.sheet];
      // Converted now, block by block: with a cell budget each block is a short task of its own.
      const piece = toSheet(s.name, s.visibility, info[block.sheet]!, rg.values, rg.formulas, rg.numberFormat);
      parts.push({ block, values: piece.values, formulas: piece.formulas!, formats: piece.numberFormats! });
      // The observed size is only needed to plan against the payload limit, not under a cell budget.
      if (maxCells === Infinity) bytes += utf8Length(JSON.stringify([rg.values, rg.formulas, rg.numberFormat]));
      else bytes += block.n * info[block.sheet]!.columnCount * bytesPerCell;
      cells += block.n * info[block.sheet]!.columnCount;
    });
    bytesPerCell = Math.max(bytesPerCell * 0.5, bytes / Math.max(1, cells), 8);
    done += cells;
    options.onBlock?.(done, total);
    if (maxCells !== Infinity && pending.length) await yieldToPage();
  }

  parts.sort((a, b) => a.block.sheet - b.block.sheet || a.block.r - b.block.r);
  for (const p of parts) {
    const s = sheets[p.block.sheet];
    // A loop, not push(...spread): a block may hold hundreds of thousands of rows (call stack limit).
    appendRows(s.values, p.values);
    appendRows(s.formulas!, p.formulas);
    appendRows(s.numberFormats!, p.formats);
  }
  return { sheets: sheets.map(trimSingleEmpty) };
}

function appendRows<T>(into: T[], rows: readonly T[]): void {
  for (let i = 0; i < rows.length; i++) into.push(rows[i]);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
