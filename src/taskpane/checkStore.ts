/**
 * The last check result and the user's check options, shared by the task pane and the ribbon command.
 * The task pane page runs all entries on one webpack runtime, so this module is a single instance there:
 * a 一键检查 from the ribbon lands in the pane even when the pane opens afterwards. No React here, so the
 * commands bundle stays small.
 */
import type { CheckResult } from "../core/check";

/** What the Office check adapter adds to the core's result. */
export interface CheckExtras {
  resultsSheetName?: string;
  highlighted?: number;
  skippedProtected?: string[];
  /** Extras that could not be done, each with its reason. */
  extrasFailed?: { extra: "results-sheet" | "highlight"; message: { "zh-CN": string; "en-US": string } }[];
  /** The previous results sheet this run replaced. */
  replacedResultsSheet?: string;
}

interface CheckOptionsState {
  resultsSheet: boolean;
  highlight: boolean;
}

export interface CheckRecord {
  /** Absent when the check failed; then `error` says why. */
  result?: CheckResult & CheckExtras;
  error?: unknown;
  at: Date;
  source: "pane" | "ribbon";
}

type Listener = (record: CheckRecord) => void;

let latest: CheckRecord | null = null;
let options: CheckOptionsState = { resultsSheet: false, highlight: false };
const listeners = new Set<Listener>();

/** `error` is set too when an optional extra (results sheet, highlighting) failed after the check succeeded. */
export function publishCheck(
  result: CheckResult & CheckExtras,
  source: CheckRecord["source"],
  error?: unknown,
): CheckRecord {
  latest = error === undefined ? { result, at: new Date(), source } : { result, error, at: new Date(), source };
  for (const l of [...listeners]) l(latest);
  return latest;
}

/**
 * A failed check (e.g. from the ribbon, where there is no other place to show it) reaches the pane too. When the
 * failure carries the findings (the check succeeded, an extra failed), they are kept.
 */
export function publishCheckError(error: unknown, source: CheckRecord["source"]): CheckRecord {
  const partial = (error as { result?: CheckResult } | null)?.result;
  if (partial && Array.isArray(partial.findings)) return publishCheck(partial, source, error);
  latest = { error, at: new Date(), source };
  for (const l of [...listeners]) l(latest);
  return latest;
}

export function latestCheck(): CheckRecord | null {
  return latest;
}

export function subscribeCheck(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getCheckOptions(): CheckOptionsState {
  return options;
}

export function setCheckOptions(next: CheckOptionsState): void {
  options = { ...next };
}
