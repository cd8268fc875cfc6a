/**
 * What one .xlsx may hold before it is refused as too large or malformed (issue 12). Each cap is far above
 * what real evaluation forms need (a 申报表 or 自评表 has a few hundred to a few thousand cells, dozens of merges,
 * under twenty sheets) and low enough that reading and checking stay within the reader's memory budget and
 * a few seconds. Past a cap the file gets one line, "文件过大或结构异常：…超过上限…", and the others are still read.
 */
import type { Bilingual } from "../core/locale";
import { XlsxInputError } from "./zipGuard";

export interface ReadLimits {
  /** Cells holding a value or a formula, all sheets together. */
  maxCells: number;
  /**
   * Grid slots, all sheets together: each row is stored from the used range's first column to its own last
   * cell, so a row with cells in A and XFD costs 16,384 slots. This is what bounds memory for wide rows.
   */
  maxGridSlots: number;
  /** Columns a row may reach (Excel's own maximum, XFD). */
  maxColumns: number;
  /** Merged areas, all sheets together. */
  maxMerges: number;
  /** Cells covered by merged areas, all sheets together (a whole-column merge covers 1,048,576). */
  maxMergedCells: number;
  /** Worksheets in one workbook. */
  maxSheets: number;
  /** Characters of formula text once shared formulas are expanded, all cells together. */
  maxFormulaChars: number;
  /** Characters in one formula (Excel's own maximum is 8,192). */
  maxFormulaLength: number;
  /** Characters in one XML tag (element name and attributes): real tags are under a kilobyte. */
  maxTagChars: number;
  /** Uncompressed size up to which a workbook the fast reader cannot read is handed to ExcelJS (bytes). */
  maxFallbackBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxCells: 1_000_000,
  maxGridSlots: 4_000_000,
  maxColumns: 16_384,
  maxMerges: 100_000,
  maxMergedCells: 4_000_000,
  maxSheets: 1_000,
  maxFormulaChars: 10_000_000,
  maxFormulaLength: 8_192,
  maxTagChars: 1_000_000,
  maxFallbackBytes: 20 * 1024 * 1024,
};

/** Per-file time budget of `perf-eval check` (seconds), changed with --timeout. */
export const DEFAULT_TIMEOUT_S = 20;

/** Heap budget of one reader thread (MB); past it the thread is stopped and the file reported. */
export const DEFAULT_READER_HEAP_MB = 1536;

const fmt = (n: number) => n.toLocaleString("en-US");

/** The one line for a file past a limit: what exceeded which cap. */
export function limitText(zhWhat: string, enWhat: string, cap: number | string, enCap?: string): Bilingual {
  const c = typeof cap === "number" ? fmt(cap) : cap;
  const e = enCap ?? c;
  return {
    "zh-CN": `文件过大或结构异常：${zhWhat}超过上限（${c}），未检查 (file too large or malformed: ${enWhat} over the limit of ${e})`,
    "en-US": `file too large or malformed: ${enWhat} over the limit of ${e}; not checked`,
  };
}

/** Thrown past a limit; never caught by the ExcelJS fallback (which would only take longer to fail). */
export class ReadLimitError extends XlsxInputError {
  constructor(zhWhat: string, enWhat: string, cap: number | string) {
    super("too-large", limitText(zhWhat, enWhat, cap));
    this.name = "ReadLimitError";
  }
}

export function isReadLimitError(e: unknown): e is ReadLimitError {
  return e instanceof ReadLimitError;
}

/** Running totals for one workbook, checked as the reader goes so a hostile file stops early. */
export class ReadBudget {
  cells = 0;
  slots = 0;
  merges = 0;
  mergedCells = 0;
  formulaChars = 0;
  constructor(readonly limits: ReadLimits = DEFAULT_READ_LIMITS) {}

  addCell(): void {
    if (++this.cells > this.limits.maxCells) throw new ReadLimitError("单元格数", "cells", this.limits.maxCells);
  }

  column(c: number): void {
    if (c >= this.limits.maxColumns) throw new ReadLimitError("列号", "column number", this.limits.maxColumns);
  }

  addSlots(n: number): void {
    this.slots += n;
    if (this.slots > this.limits.maxGridSlots)
      throw new ReadLimitError(
        "表格区域（各行列数之和）",
        "grid size (columns per row, summed)",
        this.limits.maxGridSlots,
      );
  }

  addMerge(rows: number, cols: number): void {
    if (++this.merges > this.limits.maxMerges)
      throw new ReadLimitError("合并区域数", "merged areas", this.limits.maxMerges);
    this.mergedCells += rows * cols;
    if (this.mergedCells > this.limits.maxMergedCells)
      throw new ReadLimitError("合并单元格总数", "merged cells", this.limits.maxMergedCells);
  }

  sheets(n: number): void {
    if (n > this.limits.maxSheets) throw new ReadLimitError("工作表数", "sheets", this.limits.maxSheets);
  }

  /** Before a formula is stored or a shared one expanded (its copies are about as long as the master). */
  addFormula(chars: number): void {
    if (chars > this.limits.maxFormulaLength)
      throw new ReadLimitError("单个公式的长度", "length of one formula", this.limits.maxFormulaLength);
    this.formulaChars += chars;
    if (this.formulaChars > this.limits.maxFormulaChars)
      throw new ReadLimitError(
        "公式文本总长度（含展开的共享公式）",
        "formula text (shared formulas expanded)",
        this.limits.maxFormulaChars,
      );
  }
}
