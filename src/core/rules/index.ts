/** Every check rule, in the order of RULE_IDS. */
import { RULE_IDS, type RuleId } from "../findings";
import type { RuleModule } from "./types";
import indicatorValueMismatch from "./indicator-value-mismatch";
import rateMismatch from "./rate-mismatch";
import sumMismatch from "./sum-mismatch";
import weightTotal from "./weight-total";
import scoreExceedsWeight from "./score-exceeds-weight";
import scoreRule from "./score-rule";
import gradeMismatch from "./grade-mismatch";
import unquantifiedTarget from "./unquantified-target";
import missingCategory from "./missing-category";
import missingDeviationReason from "./missing-deviation-reason";
import balanceMismatch from "./balance-mismatch";
import surveyCount from "./survey-count";
import rateOutOfRange from "./rate-out-of-range";
import unitMismatch from "./unit-mismatch";
import numberAsText from "./number-as-text";
import vagueTarget from "./vague-target";
import goalNotInIndicators from "./goal-not-in-indicators";
import amountMismatch from "./amount-mismatch";
import unrecognizedTable from "./unrecognized-table";

const ALL: RuleModule[] = [
  indicatorValueMismatch,
  rateMismatch,
  sumMismatch,
  weightTotal,
  scoreExceedsWeight,
  scoreRule,
  gradeMismatch,
  unquantifiedTarget,
  missingCategory,
  missingDeviationReason,
  balanceMismatch,
  surveyCount,
  rateOutOfRange,
  unitMismatch,
  numberAsText,
  vagueTarget,
  goalNotInIndicators,
  amountMismatch,
  unrecognizedTable,
];

const byId = new Map<RuleId, RuleModule>(ALL.map((r) => [r.id, r]));

/** All rules in RULE_IDS order. */
export const RULES: readonly RuleModule[] = RULE_IDS.map((id) => {
  const r = byId.get(id);
  if (!r) throw new Error(`rule module missing for ${id}`);
  return r;
});

export function getRule(id: RuleId): RuleModule | undefined {
  return byId.get(id);
}

export type { RuleModule, RuleContext, ReportDescriptor, RuleMeta, MessageData } from "./types";
