import type { WorkbookSnapshot } from "./snapshot";
import { summarize, type CheckSummary, type Finding, type RuleId } from "./findings";

export interface CheckOptions {
  /** Run only these rules (all when omitted). */
  rules?: readonly RuleId[];
}

/** Score summary of one recognized self-assessment or evaluation (评分表) table, for the task pane's chart. */
export interface ScoreSummary {
  sheet: string;
  kind: "self-assessment" | "evaluation";
  total: number | null;
  /** Grade computed from the total (优/良/中/差), null when there is no total. */
  grade: string | null;
  /** First-level categories: name as written, summed 得分 and summed 分值. */
  categories: { name: string; score: number; weight: number }[];
}

export interface CheckResult {
  findings: Finding[];
  summary: CheckSummary;
  scores: ScoreSummary[];
}

/** Placeholder until the rule engine lands. */
export function checkWorkbook(_snapshot: WorkbookSnapshot, _options: CheckOptions = {}): CheckResult {
  const findings: Finding[] = [];
  return { findings, summary: summarize(findings), scores: [] };
}
