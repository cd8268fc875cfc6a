/** The Office.js workbook adapter: everything the task pane and the ribbon command call. */
export {
  runCheck,
  CheckExtrasError,
  type CheckProgress,
  type CheckStage,
  type RunCheckOptions,
  type RunCheckResult,
} from "./check";
export { readWorkbookSnapshot, parseAreas, type ReadOptions } from "./snapshotReader";
export {
  writeResultsSheet,
  isResultsSheet,
  uniqueSheetName,
  resultRows,
  RESULTS_SHEET_BASE,
  RESULTS_HEADERS,
} from "./resultsSheet";
export {
  highlightFindings,
  clearHighlights,
  HIGHLIGHT_SETTING,
  HIGHLIGHT_COLORS,
  type HighlightRecord,
} from "./highlight";
export { selectCell, selectReference } from "./navigate";
export { UserFacingError, isUserFacingError, toUserFacingError, officeErrorCode, isPayloadLimitError } from "./errors";
export { currentLocale } from "./locale";
