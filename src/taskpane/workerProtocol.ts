/** Messages between the pane and the check worker (plain, structured-cloneable data). */
import type { CheckOptions, CheckResult } from "../core/check";
import type { Finding } from "../core/findings";
import type { SheetSnapshot } from "../core/snapshot";
import type { PackedGrid } from "./gridCodec";

/**
 * Rows per message to the worker, findings per message back: each message stays a short task on the page (cloning
 * 2,000 findings into the page took ~55 ms at a 4× CPU slowdown; 500 take a quarter of that).
 */
export const ROWS_PER_MESSAGE = 500;
export const FINDINGS_PER_MESSAGE = 500;

export type ToWorker =
  | { type: "begin"; source?: string; options: Omit<CheckOptions, "onProgress"> }
  | { type: "sheet"; sheet: Omit<SheetSnapshot, "values" | "formulas" | "numberFormats"> }
  | {
      type: "rows";
      sheet: number;
      /** Rows packed by gridCodec (typed arrays transferred), unpacked in the worker. */
      values: PackedGrid;
      formulas?: PackedGrid;
      formats?: PackedGrid;
    }
  | { type: "run" };

export type FromWorker =
  | { type: "progress"; done: number; total: number }
  | { type: "findings"; items: Finding[] }
  | { type: "done"; result: Omit<CheckResult, "findings"> }
  | { type: "error"; message: string };
