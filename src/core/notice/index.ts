/** Drafting the result notice and the rectification report from a workbook (issue 16). */
export {
  draftNotice,
  addMonth,
  dateText,
  parseDate,
  gradeWord,
  type NoticeDraft,
  type NoticeDate,
  type NoticeOptions,
  type Sentence,
  type SourceRef,
} from "./draft";
export { noticeSheet, rectificationSheet, sourceText, type DraftSheet, type SourceLink } from "./sheets";
export { DEFAULT_SUGGESTIONS, PROBLEM_KINDS, kindOfText, type ProblemKind, type SuggestionTable } from "./suggestions";
export { readFields, readYear, readGoal, goalIsVague, type SourcedText, type FieldKey } from "./fields";
