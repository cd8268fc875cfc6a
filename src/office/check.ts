/**
 * The one check both the ribbon's 一键检查 and the task pane call: read the snapshot (2 syncs), run the core's
 * checkWorkbook, then the optional extras the user turned on (results sheet, highlighting). The check itself
 * never writes to the workbook.
 */
import { checkWorkbook, type CheckOptions, type CheckResult } from "../core/check";
import type { Bilingual, Locale } from "../core/locale";
import type { WorkbookSnapshot } from "../core/snapshot";
import { toUserFacingError, UserFacingError } from "./errors";
import { highlightFindings } from "./highlight";
import { currentLocale } from "./locale";
import { isResultsSheet, replaceResultsSheet } from "./resultsSheet";
import { readWorkbookSnapshot } from "./snapshotReader";
import { isProfileError, type Profile } from "../core/profile";
import { profileUserError } from "./profile";

type CheckStage = "reading" | "checking" | "results-sheet" | "highlighting" | "done";

/** Progress as reported to onProgress: the stage and a fraction 0..1 of the whole run. */
export interface CheckProgress {
  stage: CheckStage;
  fraction: number;
}

interface RunCheckOptions {
  /** Also write the findings to a new 检查结果 sheet. */
  resultsSheet?: boolean;
  /** Also fill the finding cells by severity (undone exactly by clearHighlights). */
  highlight?: boolean;
  onProgress?(progress: CheckProgress): void;
  /** Language of the results sheet; the Office display language by default. */
  locale?: Locale;
  rules?: CheckOptions["rules"];
  /** A profile to check by instead of the workbook's own 评价口径 sheet (the pane's unsaved edits). */
  profile?: Profile;
  /**
   * Read a workbook of more cells than this in blocks of this size, yielding between them (the task pane: one
   * more small request for the sizes, in return for a pane that never freezes). Unset: 2 syncs, one read.
   */
  cellsPerRead?: number;
  /** Further core check options (e.g. an evaluation profile), passed through to checkWorkbook. */
  checkOptions?: Omit<CheckOptions, "rules" | "onProgress">;
  /**
   * Runs the core check; the task pane passes one that runs it in a Web Worker. By default it runs here.
   * `onFraction` reports 0..1 of the check.
   */
  checker?(
    snapshot: WorkbookSnapshot,
    options: CheckOptions,
    onFraction: (fraction: number) => void,
  ): Promise<CheckResult> | CheckResult;
}

/** An extra the user asked for that could not be done, with the reason in both languages. */
interface ExtraFailure {
  extra: "results-sheet" | "highlight";
  message: Bilingual;
}

/** Cells per read request for a big workbook, as the task pane asks: each block is a short task on its thread. */
export const CELLS_PER_READ = 3000;

interface RunCheckResult extends CheckResult {
  /** Name of the results sheet written, when asked for. */
  resultsSheetName?: string;
  /** Cells highlighted, when asked for. */
  highlighted?: number;
  /** Sheets whose cells were not highlighted because they are protected. */
  skippedProtected?: string[];
  /** Extras asked for that failed (each tried on its own: one failing does not skip the other). */
  extrasFailed?: ExtraFailure[];
  /** The results sheet this run replaced, when there was one. */
  replacedResultsSheet?: string;
}

/** A failure in an optional extra after the check itself succeeded: the findings are still available. */
class CheckExtrasError extends UserFacingError {
  constructor(
    cause: UserFacingError,
    readonly result: RunCheckResult,
  ) {
    super(cause.bilingual, cause.code, cause.cause);
  }
}

export async function runCheck(options: RunCheckOptions = {}): Promise<RunCheckResult> {
  const report = (stage: CheckStage, fraction: number) => options.onProgress?.({ stage, fraction });
  report("reading", 0);
  const snapshot = await readWorkbookSnapshot(undefined, {
    onBlock: (done, total) => report("reading", 0.4 * (done / Math.max(1, total))),
    maxCellsPerSync: options.cellsPerRead,
  });
  // Our own results sheets are not part of the evaluator's forms.
  snapshot.sheets = snapshot.sheets.filter((s) => !isResultsSheet(s));
  report("checking", 0.4);
  let result: RunCheckResult;
  try {
    const coreOptions: CheckOptions = {
      ...options.checkOptions,
      rules: options.rules,
      profile: options.profile ?? options.checkOptions?.profile,
    };
    const onFraction = (f: number) => report("checking", 0.4 + 0.5 * Math.min(1, Math.max(0, f)));
    const checked = options.checker
      ? await options.checker(snapshot, coreOptions, onFraction)
      : checkWorkbook(snapshot, { ...coreOptions, onProgress: (d, t) => onFraction(d / t) });
    result = { ...checked };
  } catch (e) {
    // A bad profile stops the check with a message naming the field: never a silent fallback to the default.
    if (isProfileError(e)) throw profileUserError(e);
    throw toUserFacingError(
      e,
      { "zh-CN": "检查", "en-US": "The check" },
      { "zh-CN": "工作簿未被修改。", "en-US": "The workbook was not changed." },
    );
  }
  const failed: ExtraFailure[] = [];
  const failure = (extra: ExtraFailure["extra"], e: unknown) => {
    const err = toUserFacingError(e);
    failed.push({ extra, message: err.bilingual });
    return err;
  };
  let first: UserFacingError | null = null;
  if (options.resultsSheet) {
    report("results-sheet", 0.9);
    try {
      const written = await replaceResultsSheet(result.findings, {
        locale: options.locale ?? currentLocale(),
        profile: result.profile,
        recognized: result.recognized,
      });
      result.resultsSheetName = written.name;
      if (written.replaced) result.replacedResultsSheet = written.replaced;
    } catch (e) {
      first ??= failure("results-sheet", e);
    }
  }
  if (options.highlight && first) {
    // A failed request leaves the workbook as it was: highlighting after one would break that, so it is skipped,
    // and said so.
    failed.push({
      extra: "highlight",
      message: {
        "zh-CN": "因“检查结果”工作表未能写入，为保持工作簿不变，未标记单元格。",
        "en-US": "Skipped because the results sheet could not be written, so that the workbook stays unchanged.",
      },
    });
  } else if (options.highlight) {
    report("highlighting", 0.95);
    try {
      const h = await highlightFindings(result.findings);
      result.highlighted = h.highlighted;
      result.skippedProtected = h.skippedProtected;
    } catch (e) {
      first ??= failure("highlight", e);
    }
  }
  if (failed.length) result.extrasFailed = failed;
  if (first) throw new CheckExtrasError(first, result);
  report("done", 1);
  return result;
}
