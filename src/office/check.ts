/**
 * The one check both the ribbon's 一键检查 and the task pane call: read the snapshot (2 syncs), run the core's
 * checkWorkbook, then the optional extras the user turned on (results sheet, highlighting). The check itself
 * never writes to the workbook.
 */
import { checkWorkbook, type CheckOptions, type CheckResult } from "../core/check";
import type { Locale } from "../core/locale";
import { toUserFacingError, UserFacingError } from "./errors";
import { highlightFindings } from "./highlight";
import { currentLocale } from "./locale";
import { isResultsSheet, writeResultsSheet } from "./resultsSheet";
import { readWorkbookSnapshot } from "./snapshotReader";
import { isProfileError, type Profile } from "../core/profile";
import { profileUserError } from "./profile";

export type CheckStage = "reading" | "checking" | "results-sheet" | "highlighting" | "done";

/** Progress as reported to onProgress: the stage and a fraction 0..1 of the whole run. */
export interface CheckProgress {
  stage: CheckStage;
  fraction: number;
}

export interface RunCheckOptions {
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
}

export interface RunCheckResult extends CheckResult {
  /** Name of the results sheet written, when asked for. */
  resultsSheetName?: string;
  /** Cells highlighted, when asked for. */
  highlighted?: number;
  /** Sheets whose cells were not highlighted because they are protected. */
  skippedProtected?: string[];
}

/** A failure in an optional extra after the check itself succeeded: the findings are still available. */
export class CheckExtrasError extends UserFacingError {
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
    onBlock: (done, total) => report("reading", 0.5 * (done / Math.max(1, total))),
  });
  // Our own results sheets are not part of the evaluator's forms.
  snapshot.sheets = snapshot.sheets.filter((s) => !isResultsSheet(s));
  report("checking", 0.5);
  let result: RunCheckResult;
  try {
    result = { ...checkWorkbook(snapshot, { rules: options.rules, profile: options.profile }) };
  } catch (e) {
    // A bad profile stops the check with a message naming the field: never a silent fallback to the default.
    if (isProfileError(e)) throw profileUserError(e);
    throw toUserFacingError(
      e,
      { "zh-CN": "检查", "en-US": "The check" },
      { "zh-CN": "工作簿未被修改。", "en-US": "The workbook was not changed." },
    );
  }
  try {
    if (options.resultsSheet) {
      report("results-sheet", 0.7);
      result.resultsSheetName = await writeResultsSheet(result.findings, {
        locale: options.locale ?? currentLocale(),
        profile: result.profile,
      });
    }
    if (options.highlight) {
      report("highlighting", 0.85);
      const h = await highlightFindings(result.findings);
      result.highlighted = h.highlighted;
      result.skippedProtected = h.skippedProtected;
    }
  } catch (e) {
    throw new CheckExtrasError(toUserFacingError(e), result);
  }
  report("done", 1);
  return result;
}
