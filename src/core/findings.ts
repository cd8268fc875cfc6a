import type { Bilingual } from "./locale";

export type Severity = "error" | "warning" | "info";

/** Rule ids are a contract with the CLI's JSON output and users' scripts: never rename one. */
export const RULE_IDS = [
  "indicator-value-mismatch",
  "rate-mismatch",
  "sum-mismatch",
  "weight-total",
  "score-exceeds-weight",
  "score-rule",
  "grade-mismatch",
  "unquantified-target",
  "missing-category",
  "missing-deviation-reason",
  "balance-mismatch",
  "survey-count",
  "rate-out-of-range",
  "unit-mismatch",
  "number-as-text",
  "vague-target",
  "goal-not-in-indicators",
  "amount-mismatch",
  "misfiled-indicator",
  "target-direction",
  "unmeasurable-indicator",
  "cost-exceeds-budget",
  "template-placeholder",
  "missing-indicator-name",
  "missing-unit",
  "name-value-conflict",
  "unrecognized-table",
  "actual-not-measured",
  "unfilled-form",
  "over-establishment",
  "deadline-after-period",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Reported by the engine itself when a rule throws: that rule's findings are incomplete, and the user is told. */
export const INTERNAL_ERROR = "internal-error";
/** Every id a finding can carry: the rules' and the engine's own. */
export type FindingId = RuleId | typeof INTERNAL_ERROR;

export interface Finding {
  rule: FindingId;
  severity: Severity;
  sheet: string;
  /** A1 address on `sheet`, without the sheet name. */
  cell: string;
  /** Cells this one disagrees with, each "Sheet!A1" (sheet quoted as Excel would when needed). */
  related: string[];
  message: Bilingual;
  /** Which file the finding came from, when several files are checked as one workbook (--merge). */
  file?: string;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: readonly Finding[]): CheckSummary {
  const s: CheckSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") s.errors++;
    else if (f.severity === "warning") s.warnings++;
    else s.infos++;
  }
  return s;
}
