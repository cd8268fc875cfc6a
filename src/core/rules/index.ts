/** Every check rule, in the order of RULE_IDS. */
import { INTERNAL_ERROR, RULE_IDS, type FindingId, type RuleId } from "../findings";
import type { RuleModule } from "./types";
import type { Bilingual } from "../locale";
import type { Profile } from "../profile";
import { ruleOptionsFor } from "./options";
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
import misfiledIndicator from "./misfiled-indicator";
import targetDirection from "./target-direction";
import unmeasurableIndicator from "./unmeasurable-indicator";
import costExceedsBudget from "./cost-exceeds-budget";
import templatePlaceholder from "./template-placeholder";
import missingIndicatorName from "./missing-indicator-name";
import missingUnit from "./missing-unit";
import nameValueConflict from "./name-value-conflict";
import unrecognizedTable from "./unrecognized-table";
import actualNotMeasured from "./actual-not-measured";
import unfilledForm from "./unfilled-form";
import overEstablishment from "./over-establishment";
import deadlineAfterPeriod from "./deadline-after-period";

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
  misfiledIndicator,
  targetDirection,
  unmeasurableIndicator,
  costExceedsBudget,
  templatePlaceholder,
  missingIndicatorName,
  missingUnit,
  nameValueConflict,
  unrecognizedTable,
  actualNotMeasured,
  unfilledForm,
  overEstablishment,
  deadlineAfterPeriod,
];

const byId = new Map<RuleId, RuleModule>(ALL.map((r) => [r.id, r]));

/** All rules in RULE_IDS order. */
export const RULES: readonly RuleModule[] = RULE_IDS.map((id) => {
  const r = byId.get(id);
  if (!r) throw new Error(`rule module missing for ${id}`);
  return r;
});

/** Short headings per rule (from each rule's meta), for the findings list and the results sheet. */
export const RULE_TITLES = {
  ...Object.fromEntries(RULES.map((r) => [r.id, r.meta.title])),
  // The engine's own finding (a rule that threw) has no rule module: its title is here.
  [INTERNAL_ERROR]: { "zh-CN": "检查规则内部错误", "en-US": "Internal error in a rule" },
} as Record<FindingId, Bilingual>;

/** Checks a profile's rule options against every rule's schema; throws ProfileError naming the first bad one. */
export function checkRuleOptions(profile: Profile): void {
  for (const r of RULES) ruleOptionsFor(r, profile);
}

export type { RuleModule, RuleContext, ReportDescriptor, RuleMeta, MessageData } from "./types";
export { ruleOptionsFor } from "./options";
