import type { WorkbookSnapshot } from "./snapshot";
import { qualify, toA1 } from "./a1";
import { INTERNAL_ERROR, summarize, type CheckSummary, type Finding, type RuleId } from "./findings";
import { recognizeWorkbook } from "./recognize";
import type { CellPos } from "./recognize/model";
import { CheckScope } from "./rules/scope";
import { checkRuleOptions, RULES, ruleOptionsFor } from "./rules";
import { bandOf, isProfileSheet, NATIONAL_PROFILE, profileFromSnapshot, type Profile } from "./profile";
import type { GradeKey } from "./scoring";
import { fillMessage } from "./rules/format";
import { MAX_RELATED, type ReportDescriptor, type RuleModule } from "./rules/types";

export { MAX_RELATED };
import { scoreSummaries } from "./recognize/scores";
import { coverage, type RecognizedTable } from "./recognize/coverage";

export type { RecognizedTable, RecognizedKind } from "./recognize/coverage";

export interface CheckOptions {
  /** Run only these rules (all when omitted). */
  rules?: readonly RuleId[];
  /**
   * Told of every rule that throws (adapters log it; the check itself reports it as an internal-error finding).
   * Tests rethrow here, so a rule that throws fails its own test table, as ESLint's RuleTester does.
   */
  onRuleError?: (rule: RuleId, error: unknown) => void;
  /** The evaluation profile (评价口径); default: the workbook's own 评价口径 sheet, else the national default. */
  profile?: Profile;
  /** Severity overrides or "off" on top of the profile's (the CLI's --rule). */
  ruleSettings?: Profile["rules"];
  /** Called after each rule with (rules done, rules to run), for a progress bar. */
  onProgress?(done: number, total: number): void;
}

/** Score summary of one recognized self-assessment or evaluation (评分表) table, for the task pane's chart. */
export interface ScoreSummary {
  sheet: string;
  kind: "self-assessment" | "evaluation";
  total: number | null;
  /** Grade computed from the total (优/良/中/差), null when there is no total or nothing is filled in. */
  grade: string | null;
  /** The grade's key (excellent/good/fair/poor), for colouring by grade; null with `grade`. */
  gradeKey?: GradeKey | null;
  /** False when no 得分 is filled in (a blank form just inserted): no total and no grade are claimed. */
  filled?: boolean;
  /** Σ 得分 recomputed from the rows (null when nothing is filled). */
  computedTotal?: number | null;
  /** The sheet's own 总分 cell, when the table has one: its address and number, or the error/text it holds. */
  statedTotal?: { cell: string; value: number | null; text: string } | null;
  /** First-level categories: name as written, summed 得分 and summed 分值. */
  categories: { name: string; score: number; weight: number }[];
}

export interface CheckResult {
  /**
   * What was recognized: every table the rules read. Empty means the check understood nothing in the workbook,
   * and a result must then say so ("未识别到绩效表格"), never "no problems".
   */
  recognized: RecognizedTable[];
  findings: Finding[];
  summary: CheckSummary;
  scores: ScoreSummary[];
  /** Name of the profile the check used (the results sheet states it). */
  profile?: string;
}

function relatedRef(r: CellPos | string): string {
  return typeof r === "string" ? r : qualify(r.sheet, toA1(r.row, r.col));
}

function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  // One line, bounded: it is shown in the pane and the CLI.
  return m.replace(/\s+/g, " ").trim().slice(0, 200);
}

/**
 * Run one rule over a recognized model (in `scope`, shared by the rules of one check). A rule that throws never
 * takes the whole check down, and is never silent: its findings so far are kept and an internal-error finding
 * says the rule did not finish.
 */
export function runRuleOn(
  rule: RuleModule,
  scope: CheckScope,
  snapshot: WorkbookSnapshot,
  profile: Profile = NATIONAL_PROFILE,
  onRuleError?: CheckOptions["onRuleError"],
): Finding[] {
  const setting = profile.rules?.[rule.id];
  const options = ruleOptionsFor(rule, profile);
  const out: Finding[] = [];
  // Findings so far by cell: a cell rarely has more than one, so duplicates are compared there only.
  const atCell = new Map<string, Finding[]>();
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
    const key = `${f.sheet}\u0000${f.cell}`;
    const here = atCell.get(key);
    if (!here) atCell.set(key, [f]);
    else if (here.some((g) => sameFinding(g, f))) return;
    else here.push(f);
    out.push(f);
  };
  try {
    rule.check({ model: scope.model, scope, snapshot, profile, options, report });
  } catch (e) {
    onRuleError?.(rule.id, e);
    const msg = errorText(e);
    out.push({
      rule: INTERNAL_ERROR,
      severity: "error",
      sheet: snapshot?.sheets?.[0]?.name ?? "",
      cell: "A1",
      related: [],
      message: {
        "zh-CN": `检查规则 ${rule.id} 出现内部错误，其检查结果不完整：${msg}`,
        "en-US": `Rule ${rule.id} failed with an internal error; its results are incomplete: ${msg}`,
      },
    });
  }
  return out;
}

/** Two findings of one rule at one cell that say the same about the same cells. */
function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.message["zh-CN"] === b.message["zh-CN"] &&
    a.related.length === b.related.length &&
    a.related.every((r, i) => r === b.related[i])
  );
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
  const scope = new CheckScope(recognizeWorkbook(snapshot));
  const model = scope.model;
  const wanted = options.rules ? new Set(options.rules) : null;
  const findings: Finding[] = [];
  const toRun = RULES.filter((rule) => (!wanted || wanted.has(rule.id)) && profile.rules?.[rule.id] !== "off");
  for (let i = 0; i < toRun.length; i++) {
    // A loop, not push(...spread): a rule may report once per row of a table of any length.
    for (const f of runRuleOn(toRun[i], scope, snapshot, profile, options.onRuleError)) findings.push(f);
    options.onProgress?.(i + 1, toRun.length);
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
  return { recognized: coverage(model), findings, summary: summarize(findings), scores, profile: profile.name };
}
