import type { WorkbookSnapshot } from "./snapshot";
import { qualify, toA1 } from "./snapshot";
import { summarize, type CheckSummary, type Finding, type RuleId } from "./findings";
import { recognizeWorkbook } from "./recognize";
import type { CellPos, WorkbookModel } from "./recognize/model";
import { checkRuleOptions, RULES, ruleOptionsFor } from "./rules";
import { bandOf, isProfileSheet, NATIONAL_PROFILE, profileFromSnapshot, type Profile } from "./profile";
import { fillMessage } from "./rules/format";
import { MAX_RELATED, type ReportDescriptor, type RuleModule } from "./rules/types";

export { MAX_RELATED };
import { scoreSummaries } from "./recognize/scores";

export interface CheckOptions {
  /** Run only these rules (all when omitted). */
  rules?: readonly RuleId[];
  /** The evaluation profile (评价口径); default: the workbook's own 评价口径 sheet, else the national default. */
  profile?: Profile;
  /** Severity overrides or "off" on top of the profile's (the CLI's --rule). */
  ruleSettings?: Profile["rules"];
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
  /** Name of the profile the check used (the results sheet states it). */
  profile?: string;
}

function relatedRef(r: CellPos | string): string {
  return typeof r === "string" ? r : qualify(r.sheet, toA1(r.row, r.col));
}

/** Run one rule over a recognized model; a rule that throws loses its own findings, never the whole check. */
export function runRuleOn(
  rule: RuleModule,
  model: WorkbookModel,
  snapshot: WorkbookSnapshot,
  profile: Profile = NATIONAL_PROFILE,
): Finding[] {
  const setting = profile.rules?.[rule.id];
  const options = ruleOptionsFor(rule, profile);
  const out: Finding[] = [];
  const seen = new Set<string>();
  const report = (d: ReportDescriptor) => {
    const template = rule.meta.messages[d.messageId];
    const message = template ? fillMessage(template, d.data) : { "zh-CN": d.messageId, "en-US": d.messageId };
    const f: Finding = {
      rule: rule.id,
      // A profile's severity is what every finding of the rule gets; otherwise the rule's own choice.
      severity: setting && setting !== "off" ? setting : (d.severity ?? rule.severity),
      sheet: d.sheet,
      cell: toA1(d.row, d.col),
      // A sum over thousands of rows would list thousands of cells: the first ones show where to look.
      related: (d.related ?? []).slice(0, MAX_RELATED).map(relatedRef),
      message,
    };
    // The same cell reported twice with the same message (e.g. found by two paths) is one finding.
    const key = `${f.sheet}\u0000${f.cell}\u0000${message["zh-CN"]}\u0000${f.related.join(",")}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  try {
    rule.check({ model, snapshot, profile, options, report });
  } catch {
    // A bug in one rule must not hide every other rule's findings; the rule's own tests catch the bug.
  }
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Recognize the workbook's tables, run the rules, and summarize the scores. Never changes the snapshot.
 * Throws ProfileError (naming the field) when the given or the workbook's profile is bad: no silent default.
 */
export function checkWorkbook(input: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const base = options.profile ?? profileFromSnapshot(input) ?? NATIONAL_PROFILE;
  const profile = options.ruleSettings ? { ...base, rules: { ...base.rules, ...options.ruleSettings } } : base;
  checkRuleOptions(profile);
  // The 评价口径 sheet is settings, not a form.
  const snapshot = input?.sheets?.some(isProfileSheet)
    ? { ...input, sheets: input.sheets.filter((s) => !isProfileSheet(s)) }
    : input;
  const model = recognizeWorkbook(snapshot);
  const wanted = options.rules ? new Set(options.rules) : null;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if ((wanted && !wanted.has(rule.id)) || profile.rules?.[rule.id] === "off") continue;
    // A loop, not push(...spread): a rule may report once per row of a table of any length.
    for (const f of runRuleOn(rule, model, snapshot, profile)) findings.push(f);
  }
  const sheetOrder = new Map((snapshot?.sheets ?? []).map((s, i) => [s?.name, i]));
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0),
  );
  // Grades by the profile's bands (the recognizer summarizes by the national ones).
  const scores = scoreSummaries(model).map((s) => ({
    ...s,
    grade: s.total === null ? null : (bandOf(s.total, profile.gradeBands)?.grade ?? null),
  }));
  return { findings, summary: summarize(findings), scores, profile: profile.name };
}
