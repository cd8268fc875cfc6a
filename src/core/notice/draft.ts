/**
 * Drafting the 绩效评价结果通知书 from a workbook: score and grade from the recognized evaluation score sheet (or
 * the self-assessment), one 主要绩效情况 sentence per met quantitative indicator, 主要问题 from missed targets,
 * vague or missing targets, deduction reasons and error findings, and one 整改建议 per kind of problem. Every
 * sentence keeps the cell it came from. Pure: a snapshot in, data out; the writers render it.
 */
import { readActual, meetsNumber } from "../compare";
import { runRuleOn } from "../check";
import type { Finding } from "../findings";
import { recognizeWorkbook } from "../recognize";
import { CheckScope } from "../rules/scope";
import { actualHint, actualParse, cellNumber, targetParse } from "../recognize/cells";
import type { Cell, IndicatorRow, WorkbookModel } from "../recognize/model";
import { scoreSummaries } from "../recognize/scores";
import { RULES } from "../rules";
import { fmtNum, fmtPct } from "../rules/format";
import { GRADE_WORDS, gradeKey } from "../scoring";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { toA1 } from "../a1";
import type { ParsedValue } from "../value";
import { goalIsVague, readFields, readGoal, readYear, type SourcedText } from "./fields";
import { DEFAULT_SUGGESTIONS, kindOfText, PROBLEM_KINDS, type ProblemKind, type SuggestionTable } from "./suggestions";

export interface NoticeDate {
  year: number;
  month: number;
  day: number;
}

/** Where a sentence's figures come from: a cell of the workbook drafted from. */
export interface SourceRef {
  sheet: string;
  /** A1 address on `sheet`. */
  cell: string;
}

export interface Sentence {
  /** The sentence without its list number ("1." is added when rendered). */
  text: string;
  kind?: ProblemKind;
  source?: SourceRef;
}

export interface NoticeDraft {
  projectName: SourcedText | null;
  department: SourcedText | null;
  /** 被评价单位. */
  implementer: SourcedText | null;
  evaluator: SourcedText | null;
  evaluatedIn: SourcedText | null;
  year: (SourcedText & { year: number }) | null;
  score: { value: number; from: "evaluation" | "self-assessment"; source?: SourceRef } | null;
  /** 优/良/中/差 from the score; null without a score. */
  grade: string | null;
  performance: Sentence[];
  problems: Sentence[];
  suggestions: Sentence[];
  /** Date of the notice, and the date the rectification report is due (one month later). */
  date: NoticeDate;
  deadline: NoticeDate;
}

export interface NoticeOptions {
  /** Date printed on the notice; the rectification report is due one month later. */
  date: NoticeDate;
  /** 评价机构 when the workbook does not name it (the bureau drafting the notice). */
  evaluator?: string;
  /** 评价时间, e.g. 2022年10月至11月. */
  evaluatedIn?: string;
  /** Replacements for entries of the suggestion table. */
  suggestions?: Partial<SuggestionTable>;
}

/** The grade of a total: the one place the notice asks for it (the bands belong to scoring / the profile). */
export function gradeWord(total: number): string | null {
  const k = gradeKey(total);
  return k ? GRADE_WORDS[k]["zh-CN"] : null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** One calendar month later, the day kept where the month has it (1月31日 → 2月28日). */
export function addMonth(d: NoticeDate): NoticeDate {
  const year = d.month === 12 ? d.year + 1 : d.year;
  const month = d.month === 12 ? 1 : d.month + 1;
  return { year, month, day: Math.min(d.day, daysIn(year, month)) };
}

export function dateText(d: NoticeDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/** "2022-12-13" → date; null when not a real calendar date. */
export function parseDate(s: string): NoticeDate | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day };
}

const at = (c: { sheet: string; row: number; col: number }): SourceRef => ({
  sheet: c.sheet,
  cell: toA1(c.row, c.col),
});

function name(row: IndicatorRow): string {
  return (row.level3 || row.level2 || row.level1).replace(/[★☆]/g, "").trim();
}

function group3(t: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(t);
  return m ? m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (m[3] ?? "") : t;
}

/**
 * An amount as a notice writes it, in the target's terms: rates as percentages, money in the target's scale
 * (1618.27万元) or to the cent with separators (628,278,103.22元), counts in whole units (35200人, not 3.52万人).
 */
function amount(v: number, t: ParsedValue): string {
  if (t.percent) return fmtPct(v);
  const unit = t.unit ?? "";
  if (unit === "元") {
    if (t.scale === 1e4) return `${fmtNum(v / 1e4, 2)}万元`;
    if (t.scale === 1e8) return `${fmtNum(v / 1e8, 4)}亿元`;
    return `${group3(v.toFixed(2))}元`;
  }
  return `${fmtNum(v, 2)}${unit}`;
}

function clause(text: string): string {
  return text.trim().replace(/[。；;，,.\s]+$/u, "");
}

function sentenceEnd(text: string): string {
  const t = text.trim();
  return /[。！？.!?]$/.test(t) ? t : `${t}。`;
}

/** Quantitative indicator rows with a target and a readable actual, one per indicator (first table wins). */
function measuredRows(model: WorkbookModel) {
  const out: { row: IndicatorRow; t: ParsedValue; a: number; met: boolean; op: ParsedValue["operator"] }[] = [];
  const seen = new Set<string>();
  for (const table of model.tables) {
    if (table.kind === "declaration") continue;
    for (const row of table.rows) {
      if (!row.target || !row.actual) continue;
      const t = targetParse(row);
      if (!t.quantitative || t.number === null || t.date || t.placeholder) continue;
      const a = readActual(t, actualParse(row), actualHint(row.actual));
      if (a === null || !Number.isFinite(a)) continue;
      const key = row.key || name(row);
      if (seen.has(key)) continue;
      seen.add(key);
      // A cost with no operator written is capped from above (成本指标 are ≤ by nature), as the rules read it.
      const op = t.operator ?? (row.category === "成本" ? "<=" : null);
      const met = meetsNumber({ operator: op, number: t.number }, a);
      if (met === null) continue;
      out.push({ row, t, a, met, op });
    }
  }
  return out;
}

function performanceSentence(row: IndicatorRow, t: ParsedValue, a: number, op: ParsedValue["operator"]): string {
  const n = name(row);
  const target = t.number!;
  if (op === "<=" || op === "<") return `${n}${amount(a, t)}，控制在指标值${amount(target, t)}以内。`;
  if (t.percent || target === 0) return `${n}${amount(a, t)}，达到年度指标值${amount(target, t)}。`;
  return `${n}${amount(a, t)}，完成任务数${amount(target, t)}的${fmtPct(a / target)}。`;
}

function missedSentence(row: IndicatorRow, t: ParsedValue, a: number, op: ParsedValue["operator"]): string {
  const n = name(row);
  const target = t.number!;
  let s: string;
  if (op === "<=" || op === "<") {
    s = `${n}${amount(a, t)}，超出指标值${amount(target, t)}，超出${amount(a - target, t)}`;
  } else if (t.percent) {
    s = `${n}${amount(a, t)}，未达到年度指标值${amount(target, t)}，相差${fmtNum((target - a) * 100, 2)}个百分点`;
  } else if (target > 0) {
    s = `${n}${amount(a, t)}，未完成年度指标值${amount(target, t)}，完成${fmtPct(a / target)}，差${amount(target - a, t)}`;
  } else {
    s = `${n}${amount(a, t)}，未达到年度指标值${amount(target, t)}`;
  }
  const reason = typeof row.reason?.raw === "string" ? clause(row.reason.raw) : "";
  return reason ? `${s}（偏差原因：${reason}）。` : `${s}，未说明偏差原因。`;
}

/** Rule → kind of problem; rules not listed do not make a 主要问题 of their own. */
const RULE_KIND: Partial<Record<Finding["rule"], ProblemKind>> = {
  "indicator-value-mismatch": "data-inconsistency",
  "rate-mismatch": "data-inconsistency",
  "sum-mismatch": "data-inconsistency",
  "balance-mismatch": "data-inconsistency",
  "survey-count": "data-inconsistency",
  "unit-mismatch": "data-inconsistency",
  "score-exceeds-weight": "scoring",
  "score-rule": "scoring",
  "grade-mismatch": "scoring",
  "weight-total": "scoring",
};

function findingProblems(findings: readonly Finding[]): Sentence[] {
  const out: Sentence[] = [];
  const unquantified: { names: string[]; source?: SourceRef } = { names: [] };
  const missing: { cats: string[]; source?: SourceRef } = { cats: [] };
  for (const f of findings) {
    const zh = f.message["zh-CN"];
    if (f.rule === "unquantified-target") {
      const m = /指标“(.+?)”/.exec(zh);
      const n = m ? m[1] : zh;
      if (!unquantified.names.includes(n)) unquantified.names.push(n);
      unquantified.source ??= { sheet: f.sheet, cell: f.cell };
      continue;
    }
    if (f.rule === "missing-category") {
      const m = /缺少“(.+?)”/.exec(zh);
      const c = m ? m[1] : zh;
      if (!missing.cats.includes(c)) missing.cats.push(c);
      missing.source ??= { sheet: f.sheet, cell: f.cell };
      continue;
    }
    const kind = RULE_KIND[f.rule];
    if (!kind) continue;
    // Errors always; of the warnings only the scoring rule (a self-assessment scored against its own rule).
    if (f.severity !== "error" && f.rule !== "score-rule") continue;
    // The same words found at two cells (a total checked twice) are one problem for the unit to fix.
    if (out.some((x) => x.text === sentenceEnd(zh))) continue;
    out.push({ text: sentenceEnd(zh), kind, source: { sheet: f.sheet, cell: f.cell } });
  }
  if (missing.cats.length > 0) {
    out.unshift({
      text: `绩效指标设置不完整：指标体系缺少${missing.cats.map((c) => `“${c}”`).join("")}类指标。`,
      kind: "target-setting",
      source: missing.source,
    });
  }
  if (unquantified.names.length > 0) {
    const list = unquantified.names
      .slice(0, 6)
      .map((x) => `“${x}”`)
      .join("、");
    const more = unquantified.names.length > 6 ? `等${unquantified.names.length}项指标` : "";
    out.unshift({
      text: `绩效指标未量化：${list}${more}的指标值没有可考核的数值。`,
      kind: "target-setting",
      source: unquantified.source,
    });
  }
  return out;
}

/** 扣分原因 written in an evaluation score sheet: each one is a problem the evaluator found. */
function deductionProblems(model: WorkbookModel): Sentence[] {
  const out: Sentence[] = [];
  for (const table of model.tables) {
    if (table.kind !== "evaluation") continue;
    for (const row of table.rows) {
      const d: Cell | undefined = row.deduction;
      const text = typeof d?.raw === "string" ? clause(d.raw) : "";
      if (!d || !text) continue;
      out.push({ text: `${name(row)}：${text}。`, kind: kindOfText(text), source: at(d) });
    }
  }
  return out;
}

function score(model: WorkbookModel): NoticeDraft["score"] {
  const summaries = scoreSummaries(model);
  for (const kind of ["evaluation", "self-assessment"] as const) {
    for (const table of model.tables) {
      if (table.kind !== kind || table.columns.score === undefined) continue;
      const stated = cellNumber(table.total?.score);
      if (stated && table.total?.score) return { value: stated.value, from: kind, source: at(table.total.score) };
      // No stated total: the sum counts only when the indicator rows themselves are scored (a funds block's
      // 预算执行率 score alone is not a total).
      if (!table.rows.some((r) => cellNumber(r.score) !== null)) continue;
      const s = summaries.find((x) => x.sheet === table.sheet && x.kind === kind && x.total !== null);
      if (s && s.total !== null) return { value: Math.round(s.total * 100) / 100, from: kind };
    }
  }
  return null;
}

/** Titles of the sheets this module writes (and of the blank forms they fill). */
export const DRAFT_TITLES = ["财政支出项目绩效评价结果通知书", "财政支出项目绩效评价整改结果报告书"];

function isDraftSheet(s: SheetSnapshot): boolean {
  const first = s?.values?.[0]?.[0];
  return typeof first === "string" && DRAFT_TITLES.includes(first.trim());
}

/** Draft the notice. Never changes the snapshot. */
export function draftNotice(input: WorkbookSnapshot, options: NoticeOptions): NoticeDraft {
  // A notice drafted earlier (or the blank notice form) is output, not evidence: it is not read again.
  const snapshot = { ...input, sheets: (input?.sheets ?? []).filter((s) => !isDraftSheet(s)) };
  const scope = new CheckScope(recognizeWorkbook(snapshot));
  const model = scope.model;
  const findings: Finding[] = [];
  for (const rule of RULES) for (const f of runRuleOn(rule, scope, snapshot)) findings.push(f);

  const sc = score(model);
  const scoreSheet = sc?.source?.sheet;
  const fields = readFields(snapshot, scoreSheet);
  const evaluator =
    fields.evaluator ?? (options.evaluator ? { text: options.evaluator, sheet: "", cell: "" } : undefined);
  const evaluatedIn =
    fields.evaluatedIn ?? (options.evaluatedIn ? { text: options.evaluatedIn, sheet: "", cell: "" } : undefined);

  const deductions = deductionProblems(model);
  const performance: Sentence[] = [];
  const missed: Sentence[] = [];
  for (const m of measuredRows(model)) {
    const source = at(m.row.actual!);
    if (m.met) performance.push({ text: performanceSentence(m.row, m.t, m.a, m.op), source });
    // The evaluator's own deduction reason already states this figure: one sentence, the evaluator's.
    else if (deductions.some((d) => d.text.includes(amount(m.a, m.t)))) continue;
    else {
      const publicity = m.row.category === "满意度" || /知晓|满意/.test(name(m.row));
      missed.push({
        text: missedSentence(m.row, m.t, m.a, m.op),
        kind: publicity ? "publicity" : "missed-target",
        source,
      });
    }
  }

  const problems: Sentence[] = [];
  const goal = readGoal(snapshot);
  if (goal && goalIsVague(goal.text)) {
    const g = goal.text.length > 60 ? `${goal.text.slice(0, 60)}……` : goal.text;
    problems.push({
      text: `绩效目标设立笼统：年度总体目标“${clause(g)}”未量化，没有可考核的数量、质量或时限。`,
      kind: "target-setting",
      source: { sheet: goal.sheet, cell: goal.cell },
    });
  }
  problems.push(...findingProblems(findings), ...deductions, ...missed);
  // Stable order by kind: goals and indicators first, as the seed lists them.
  const order = (s: Sentence) => PROBLEM_KINDS.indexOf(s.kind ?? "management");
  const sorted = problems.map((s, i) => ({ s, i })).sort((x, y) => order(x.s) - order(y.s) || x.i - y.i);

  const table = { ...DEFAULT_SUGGESTIONS, ...(options.suggestions ?? {}) };
  const suggestions: Sentence[] = [];
  for (const kind of PROBLEM_KINDS) {
    const first = sorted.find((x) => x.s.kind === kind);
    const text = table[kind];
    if (first && text) suggestions.push({ text: sentenceEnd(text), kind, source: first.s.source });
  }

  return {
    projectName: fields.projectName ?? null,
    department: fields.department ?? null,
    implementer: fields.implementer ?? null,
    evaluator: evaluator ?? null,
    evaluatedIn: evaluatedIn ?? null,
    year: readYear(snapshot, scoreSheet),
    score: sc,
    grade: sc ? gradeWord(sc.value) : null,
    performance,
    problems: sorted.map((x) => x.s),
    suggestions,
    date: options.date,
    deadline: addMonth(options.date),
  };
}
