/**
 * The shape of a check rule, ESLint-style: an id, a default severity, metadata (docs paragraph and message
 * templates in zh-CN and en-US with {placeholders}) and a `check` that reads the recognized model and reports.
 */
import type { RuleId, Severity } from "../findings";
import type { Bilingual } from "../locale";
import type { WorkbookSnapshot } from "../snapshot";
import type { CellPos, WorkbookModel } from "../recognize/model";
import type { Profile } from "../profile";
import type { CheckScope } from "./scope";

/** At most this many related cells per finding: a sum over thousands of rows lists the first ones. */
export const MAX_RELATED = 200;

export type MessageData = Record<string, string | number>;

export interface ReportDescriptor<M extends string = string> {
  /** Key into `meta.messages`: a typed union per rule, so a misspelt id does not compile. */
  messageId: M;
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

export interface RuleContext<M extends string = string, O = RuleOptions> {
  model: WorkbookModel;
  /** This check's shared results (indicator pairs, weighted items): `scope.model` is `model`. */
  scope: CheckScope;
  snapshot: WorkbookSnapshot;
  /** The evaluation profile (评价口径) of this check: every policy number a rule uses comes from here. */
  profile: Profile;
  /** This rule's options: `defaultOptions` overlaid with the profile's `ruleOptions[id]`, checked against `meta.schema`. */
  options: O;
  report(descriptor: ReportDescriptor<M>): void;
}

export type RuleOptions = Record<string, unknown>;

/** The JSON-schema subset a rule's options are described in (ESLint's `meta.schema`). */
interface OptionSchema {
  type: "object";
  properties: Record<
    string,
    {
      type: "boolean" | "number" | "integer" | "string";
      minimum?: number;
      maximum?: number;
      enum?: readonly string[];
      description: Bilingual;
    }
  >;
  additionalProperties: false;
}

export interface RuleMeta<M extends string = string> {
  /** Short title shown in the pane and on the results sheet. */
  title: Bilingual;
  docs: Bilingual;
  messages: Record<M, Bilingual>;
  /** The options this rule takes (none when omitted). */
  schema?: OptionSchema;
}

export interface RuleModule<M extends string = string, O = RuleOptions> {
  id: RuleId;
  severity: Severity;
  meta: RuleMeta<M>;
  /** Option values used when the profile gives none. */
  defaultOptions?: O;
  check(ctx: RuleContext<M, O>): void;
}

/** Declares a rule: infers its message ids from `meta.messages`, so `report` accepts only those. */
export function defineRule<M extends string, O = RuleOptions>(rule: RuleModule<M, O>): RuleModule<M, O> {
  return rule;
}
