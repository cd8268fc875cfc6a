/**
 * The shape of a check rule, ESLint-style: an id, a default severity, metadata (docs paragraph and message
 * templates in zh-CN and en-US with {placeholders}) and a `check` that reads the recognized model and reports.
 */
import type { RuleId, Severity } from "../findings";
import type { Bilingual } from "../locale";
import type { WorkbookSnapshot } from "../snapshot";
import type { CellPos, WorkbookModel } from "../recognize/model";

/** At most this many related cells per finding: a sum over thousands of rows lists the first ones. */
export const MAX_RELATED = 200;

export type MessageData = Record<string, string | number>;

export interface ReportDescriptor {
  /** Key into `meta.messages`. */
  messageId: string;
  /** Values for the message's {placeholders}; numbers are formatted as written (no float noise). */
  data?: MessageData;
  sheet: string;
  row: number;
  col: number;
  /** Cells this one disagrees with: positions or ready "Sheet!A1" strings. */
  related?: (CellPos | string)[];
  /** Overrides the rule's default severity (weight-total's split warning). */
  severity?: Severity;
}

export interface RuleContext {
  model: WorkbookModel;
  snapshot: WorkbookSnapshot;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleMeta {
  docs: Bilingual;
  messages: Record<string, Bilingual>;
}

export interface RuleModule {
  id: RuleId;
  severity: Severity;
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
