import type { Bilingual, Locale } from "../locale";
import type { TemplateOptions } from "./index";
import type { SheetBuilder, TemplateDefinition, PrintSetup } from "./model";
import { call, num, op, str, type Expr } from "../formula";
import { fitRowHeights, fitScale } from "./layout";

/** SUM of the arguments, or "" while none holds a number: a blank form prints empty totals, not 0.00. */
export function sumOrBlank(...args: Expr[]): Expr {
  return call("IF", op("=", call("COUNT", ...args), num(0)), str(""), call("SUM", ...args));
}
import { NATIONAL_PROFILE, type ProfileWeights } from "../profile";

/** Options with defaults applied; the example forces the seed's project. */
export interface ResolvedOptions {
  lang: Locale;
  example: boolean;
  projectName?: string;
  year?: number;
  department?: string;
  implementer?: string;
  moneyUnit: "万元" | "元";
  multiYear: boolean;
  /** First-level weights of the blank form, from the evaluation profile (national 10/50/30/10 when none). */
  weights?: ProfileWeights;
}

/** The seed: 勐海县 2021 年度城镇职工基本养老保险经费项目 (Menghai County, 2021). */
export const MENGHAI = {
  projectName: {
    zh: "勐海县2021年度城镇职工基本养老保险经费项目",
    en: "Menghai County 2021 urban employees' basic pension insurance project",
  },
  department: { zh: "勐海县人力资源和社会保障局", en: "Menghai County Human Resources and Social Security Bureau" },
  implementer: { zh: "勐海县养老保险基金管理中心", en: "Menghai County Pension Insurance Fund Management Center" },
  evaluator: { zh: "勐海县财政局", en: "Menghai County Finance Bureau" },
  year: 2021,
  /** 万元 */
  budget: 62867.9,
  arrived: 61196.81,
  spent: 61001.46,
  costDeclared: "≤628,678,956.50元",
  costAssessed: "≤628,278,103.22元",
} as const;

/** Options a form cannot be built from: the message says which field and why, in both languages. */
export class TemplateOptionsError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(`${bilingual["zh-CN"]} / ${bilingual["en-US"]}`);
    this.name = "TemplateOptionsError";
  }
}

/** Longest text accepted for a form field (a cell holds 32,767 characters; a title line far less). */
export const MAX_FIELD_LENGTH = 500;

const FIELDS: Record<"projectName" | "department" | "implementer", Bilingual> = {
  projectName: { "zh-CN": "项目名称", "en-US": "project name" },
  department: { "zh-CN": "主管部门", "en-US": "department" },
  implementer: { "zh-CN": "实施单位", "en-US": "implementer" },
};

/** Check what the user typed; throws TemplateOptionsError on the first bad field. */
export function validateOptions(o: TemplateOptions): void {
  const fail = (zh: string, en: string): never => {
    throw new TemplateOptionsError({ "zh-CN": zh, "en-US": en });
  };
  if (o === null || typeof o !== "object") fail("模板选项无效。", "Invalid template options.");
  if (
    o.year !== undefined &&
    o.year !== null &&
    !(typeof o.year === "number" && Number.isInteger(o.year) && o.year >= 1900 && o.year <= 2999)
  ) {
    fail(
      `年度应为四位年份（如 2024），而不是“${String(o.year)}”。`,
      `The year must be a four-digit year such as 2024, not '${String(o.year)}'.`,
    );
  }
  if (o.moneyUnit !== undefined && o.moneyUnit !== "万元" && o.moneyUnit !== "元") {
    fail(
      `金额单位应为“万元”或“元”，而不是“${String(o.moneyUnit)}”。`,
      `The money unit must be 万元 or 元, not '${String(o.moneyUnit)}'.`,
    );
  }
  if (o.lang !== undefined && o.lang !== "zh-CN" && o.lang !== "en-US") {
    fail(
      `语言应为 zh-CN 或 en-US，而不是“${String(o.lang)}”。`,
      `The language must be zh-CN or en-US, not '${String(o.lang)}'.`,
    );
  }
  for (const k of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") fail(`${FIELDS[k]["zh-CN"]}应为文字。`, `The ${FIELDS[k]["en-US"]} must be text.`);
    if (Array.from(v as string).length > MAX_FIELD_LENGTH) {
      fail(
        `${FIELDS[k]["zh-CN"]}过长（最多 ${MAX_FIELD_LENGTH} 个字符）。`,
        `The ${FIELDS[k]["en-US"]} is too long (at most ${MAX_FIELD_LENGTH} characters).`,
      );
    }
  }
}

/**
 * Remove control characters other than tab and line breaks: a cell in an .xlsx file cannot hold them (ExcelJS
 * drops them), so both writers store the same text.
 */
function stripControls(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) continue;
    out += ch;
  }
  return out;
}

export function resolveOptions(o: TemplateOptions = {}): ResolvedOptions {
  validateOptions(o);
  const lang: Locale = o.lang === "en-US" ? "en-US" : "zh-CN";
  const example = o.example === true;
  const zh = lang === "zh-CN";
  const clean = (v: string | undefined) => {
    if (typeof v !== "string") return undefined;
    const t = stripControls(v).trim();
    return t === "" ? undefined : t;
  };
  const year = typeof o.year === "number" ? o.year : undefined;
  if (example) {
    // The example's figures are the seed's 2021 ones: its year stays 2021 whatever the form's year says. Its
    // header is one unit: a typed project, department or implementer replaces the whole seed header (fields
    // not typed stay blank) rather than mixing a typed project with the seed's bureau.
    const typed = [o.projectName, o.department, o.implementer].some((v) => clean(v) !== undefined);
    const seed = (v: { zh: string; en: string }) => (typed ? undefined : zh ? v.zh : v.en);
    return {
      lang,
      example,
      projectName: clean(o.projectName) ?? seed(MENGHAI.projectName),
      year: MENGHAI.year,
      department: clean(o.department) ?? seed(MENGHAI.department),
      implementer: clean(o.implementer) ?? seed(MENGHAI.implementer),
      // The seed's money is in 万元; the example's numbers only make sense in that unit.
      moneyUnit: "万元",
      multiYear: o.multiYear === true,
    };
  }
  return {
    lang,
    example,
    projectName: clean(o.projectName),
    year,
    department: clean(o.department),
    implementer: clean(o.implementer),
    moneyUnit: o.moneyUnit === "元" ? "元" : "万元",
    multiYear: o.multiYear === true,
  };
}

/** Money unit as printed in labels: 万元 / 元, or "10k yuan" / "yuan". */
export function unitLabel(b: SheetBuilder, unit: "万元" | "元"): string {
  return unit === "万元" ? b.t("万元", "10k yuan") : b.t("元", "yuan");
}

/** Title row (merged across the form) plus the year line; the example says 示例 in the title. */
export function titleRows(b: SheetBuilder, o: ResolvedOptions, lastCol: string, zh: string, en: string): string {
  const title = (o.example ? b.t("【示例】", "[Example] ") : "") + b.t(zh, en);
  b.put(`A1:${lastCol}1`, { value: title, style: "title" });
  b.height(1, 30);
  const yearText =
    o.year !== undefined ? b.t(`（${o.year}年度）`, `(Year ${o.year})`) : b.t("（　　　　年度）", "(Year ____)");
  b.put(`A2:${lastCol}2`, { value: yearText, style: "subtitle" });
  return title;
}

export function finish(
  b: SheetBuilder,
  o: ResolvedOptions,
  kind: string,
  sheetName: { zh: string; en: string },
  title: string,
  columnWidths: number[],
  print: Omit<PrintSetup, "paper" | "scale">,
): TemplateDefinition {
  const base = b.t(sheetName.zh, sheetName.en);
  const rowHeights = fitRowHeights(b.cells, columnWidths, o.lang, b.rowHeights);
  return {
    kind,
    lang: o.lang,
    sheetName: o.example ? b.t(`${base}示例`, `${base} example`) : base,
    title,
    example: o.example,
    columnWidths,
    rowHeights,
    cells: b.cells,
    print: { paper: "A4", ...print, scale: fitScale(columnWidths, rowHeights, print.orientation) },
  };
}

/** The standard indicator categories (domain.md), bilingual. */
const CATEGORIES = {
  output: { zh: "产出指标", en: "Output" },
  quantity: { zh: "数量指标", en: "Quantity" },
  quality: { zh: "质量指标", en: "Quality" },
  timeliness: { zh: "时效指标", en: "Timeliness" },
  cost: { zh: "成本指标", en: "Cost" },
  benefit: { zh: "效益指标", en: "Benefit" },
  economic: { zh: "经济效益指标", en: "Economic benefit" },
  social: { zh: "社会效益指标", en: "Social benefit" },
  ecological: { zh: "生态效益指标", en: "Ecological benefit" },
  sustainable: { zh: "可持续影响指标", en: "Sustainable impact" },
  satisfaction: { zh: "满意度指标", en: "Satisfaction" },
  beneficiary: { zh: "服务对象满意度指标", en: "Beneficiary satisfaction" },
} as const;
type CategoryKey = keyof typeof CATEGORIES;

export function cat(b: SheetBuilder, k: CategoryKey): string {
  return b.t(CATEGORIES[k].zh, CATEGORIES[k].en);
}

/** One indicator row of the declaration / self-assessment tables. */
export interface IndicatorRow {
  l1: CategoryKey;
  l2: CategoryKey;
  /** 三级指标 name (empty in the blank form). */
  name?: { zh: string; en: string };
  target?: string;
  actual?: string | number;
  weight: number;
  /** Qualitative rows are scored by tier (EVAL.QUALSCORE); others by EVAL.SCORE. */
  qualitative: boolean;
  explain?: { zh: string; en: string };
  deviation?: { zh: string; en: string };
}

/** The standard blank list: 产出 50 (数量 2 rows), 效益 30, 满意度 10; with 预算执行率 10 that is 100. */
export const STANDARD_ROWS: IndicatorRow[] = [
  { l1: "output", l2: "quantity", weight: 10, qualitative: false },
  { l1: "output", l2: "quantity", weight: 10, qualitative: false },
  { l1: "output", l2: "quality", weight: 10, qualitative: false },
  { l1: "output", l2: "timeliness", weight: 10, qualitative: true },
  { l1: "output", l2: "cost", weight: 10, qualitative: false },
  { l1: "benefit", l2: "economic", weight: 5, qualitative: true },
  { l1: "benefit", l2: "social", weight: 10, qualitative: true },
  { l1: "benefit", l2: "ecological", weight: 5, qualitative: true },
  { l1: "benefit", l2: "sustainable", weight: 10, qualitative: true },
  { l1: "satisfaction", l2: "beneficiary", weight: 10, qualitative: false },
];

/**
 * The blank list with each first-level group scaled to the profile's weights (产出 40 makes the five output
 * rows 8 each); the last row of a group takes the rounding, so each group sums exactly to its weight.
 */
export function standardRows(w: ProfileWeights = NATIONAL_PROFILE.weights): IndicatorRow[] {
  const target: Record<string, number> = { output: w.output, benefit: w.outcome, satisfaction: w.satisfaction };
  const base: Record<string, number> = {};
  for (const r of STANDARD_ROWS) base[r.l1] = (base[r.l1] ?? 0) + r.weight;
  const used: Record<string, number> = {};
  const last = new Map(STANDARD_ROWS.map((r, i) => [r.l1, i]));
  return STANDARD_ROWS.map((r, i) => {
    const share =
      last.get(r.l1) === i
        ? Math.round((target[r.l1] - (used[r.l1] ?? 0)) * 100) / 100
        : Math.round(((r.weight * target[r.l1]) / base[r.l1]) * 100) / 100;
    used[r.l1] = (used[r.l1] ?? 0) + share;
    return { ...r, weight: share };
  });
}

/** Group consecutive equal keys: [start index, length]. */
export function runs<T>(items: T[], key: (t: T) => string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < items.length) {
    let j = i + 1;
    while (j < items.length && key(items[j]) === key(items[i])) j++;
    out.push([i, j - i]);
    i = j;
  }
  return out;
}

/**
 * Qualitative words that appear as values (targets, tiers) in the examples, in English for en-US forms. The
 * tier words are the ones EVAL.QUALSCORE reads in either language (达成 / achieved …).
 */
const VALUE_EN: Record<string, string> = {
  达成: "Achieved",
  部分达成: "Partly achieved",
  未达成: "Not achieved",
  效果明显: "Marked effect",
  长期: "Long-term",
  // The examples' targets and actuals in English units (EVAL.SCORE and the checks read both).
  "≥3.52万人": "≥35,200 persons",
  "≥17700人": "≥17,700 persons",
  "≥6400人": "≥6,400 persons",
  "≥1.77万人": "≥17,700 persons",
  "≥0.64万人": "≥6,400 persons",
  "≤628,278,103.22元": "≤628,278,103.22 yuan",
  "≤628,678,956.50元": "≤628,678,956.50 yuan",
  "≥1000万元": "≥10,000,000 yuan",
  "1618.27万元": "16,182,700 yuan",
};

export function valueText(b: SheetBuilder, v: string | number | undefined): string | number | null {
  if (v === undefined) return null;
  if (typeof v === "number" || b.lang === "zh-CN") return v;
  return VALUE_EN[v] ?? v;
}
