import { EvalError, isErrorText, type ExcelErrorCode } from "./errors";
import type { Bilingual } from "./locale";
import { parseValue, OPERATOR_SYMBOL } from "./value";
import { meets, readActual } from "./compare";
import { moneySum } from "./money";
import { arrivalRate, balance, completionRate, costSavingRate, execRate, qualityRate, satisfaction } from "./rates";
import { execScore, grade, qualScore, quantScore, rescaledTotal, toTier } from "./scoring";
import { NATIONAL_PROFILE, type Profile } from "./profile";

/**
 * The EVAL functions as pure code: one implementation shared by the Excel custom functions, `perf-eval fn`,
 * the .xlsx writer's cached results, the simulated host and the HyperFormula tests.
 * A range argument arrives as a 2-D array (rows of cells); a scalar as itself; an omitted optional as undefined.
 */
export type EvalScalar = number | string | boolean | null;
export type EvalArg = EvalScalar | EvalScalar[][] | undefined;
export type EvalResult = number | string | boolean | EvalError;

/**
 * How a parameter is declared to Excel: "number" a single number, "any" a number or a text (a 指标值 such as
 * ≥95%), "range" a list of cells (a single value is accepted too).
 */
export type EvalParamKind = "number" | "any" | "range";

interface EvalParamSpec {
  /** Identifier used in JSDoc and the metadata (camelCase English). */
  name: string;
  kind: EvalParamKind;
  optional?: boolean;
  help: Bilingual;
}

export interface EvalFunctionSpec {
  /** Upper-case name without namespace (the manifest supplies EVAL). */
  name: string;
  /** Name of the JavaScript function Excel calls (src/functions/functions.ts is generated from this table). */
  js: string;
  /** Takes defaults from the workbook's profile (评价口径): the custom function reads it before computing. */
  usesProfile?: true;
  description: Bilingual;
  params: EvalParamSpec[];
  result: "number" | "boolean" | "string";
  /** An example call and what it returns, for the CLI help and the README. */
  example: string;
  /** `profile` supplies the defaults (grade bands, satisfaction weights, budget-execution points). */
  impl: (args: EvalArg[], profile: Profile) => EvalResult;
}

// ---- argument coercion -------------------------------------------------------------------------------

class ArgError {
  constructor(readonly error: EvalError) {}
}

function fail(code: ExcelErrorCode, reason: string): never {
  throw new ArgError(new EvalError(code, reason));
}

function isGrid(v: unknown): v is EvalScalar[][] {
  return Array.isArray(v);
}

/** A cell holding an Excel error passes that error on, as Excel functions do. */
function errorOf(v: unknown): EvalError | null {
  if (v instanceof EvalError) return v;
  if (typeof v === "string" && isErrorText(v.trim())) {
    const t = v.trim();
    const known: ExcelErrorCode[] = ["#VALUE!", "#DIV/0!", "#NUM!", "#N/A", "#REF!", "#NAME?", "#NULL!"];
    return new EvalError(known.includes(t as ExcelErrorCode) ? (t as ExcelErrorCode) : "#VALUE!", "error in input");
  }
  return null;
}

/** A single value: unwraps a 1×1 range; a larger range where one value is expected is #VALUE!. */
function scalar(v: EvalArg, what: string): EvalScalar | undefined {
  if (isGrid(v)) {
    const cells = v.flat();
    if (cells.length === 0) return undefined;
    if (v.length !== 1 || !Array.isArray(v[0]) || v[0].length !== 1)
      fail("#VALUE!", `${what}: expected one value, got a range`);
    return cells[0];
  }
  return v;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** A number from a number or a numeric text (61,196.81; 97.34%; ９５); operators and words are refused. */
function cellNumber(v: unknown, what: string): number {
  const e = errorOf(v);
  if (e) throw new ArgError(e);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail("#NUM!", `${what}: not a finite number`);
    return v === 0 ? 0 : v;
  }
  if (typeof v === "boolean") fail("#VALUE!", `${what}: TRUE/FALSE is not a number`);
  if (typeof v === "string") {
    const p = parseValue(v);
    if (p.quantitative && p.number !== null && !p.date && p.operator === null && p.rest === "") return p.number;
    fail("#VALUE!", `${what}: '${v.length > 40 ? v.slice(0, 40) + "…" : v}' is not a number`);
  }
  fail("#VALUE!", `${what}: not a number`);
}

function num(v: EvalArg, what: string): number {
  const s = scalar(v, what);
  if (isBlank(s)) fail("#VALUE!", `${what}: missing`);
  return cellNumber(s, what);
}

function optNum(v: EvalArg, what: string): number | undefined {
  const s = scalar(v, what);
  if (isBlank(s)) return undefined;
  return cellNumber(s, what);
}

/** An amount: one number, or a range whose numeric cells are summed exactly (blank cells skipped). */
function amount(v: EvalArg, what: string): number {
  if (!isGrid(v)) return num(v, what);
  const cells = v.flat();
  const nums: number[] = [];
  for (const c of cells) if (!isBlank(c)) nums.push(cellNumber(c, what));
  if (nums.length === 0) fail("#VALUE!", `${what}: no numbers`);
  const s = moneySum(nums);
  if (s === null || !Number.isFinite(s)) fail("#NUM!", `${what}: sum out of range`);
  return s;
}

/** A list from a range (row-major) or a single value; blank cells count as 0 (an empty level had no answers). */
function list(v: EvalArg, what: string): number[] {
  const cells = isGrid(v) ? v.flat() : [v];
  return cells.map((c) => (isBlank(c) ? 0 : cellNumber(c, what)));
}

/** A target or actual as written: a number or a text, unwrapped from a 1×1 range. */
function valueArg(v: EvalArg, what: string): EvalScalar {
  const s = scalar(v, what);
  const e = errorOf(s);
  if (e) throw new ArgError(e);
  if (isBlank(s)) fail("#VALUE!", `${what}: missing`);
  if (typeof s === "number" && !Number.isFinite(s)) fail("#NUM!", `${what}: not a finite number`);
  if (typeof s === "boolean") fail("#VALUE!", `${what}: TRUE/FALSE is not a value`);
  return s as EvalScalar;
}

function quantTarget(v: EvalArg) {
  const t = parseValue(valueArg(v, "target"));
  if (!t.quantitative || t.number === null) fail("#VALUE!", "target has no number (qualitative or placeholder)");
  return t;
}

function actualIn(t: ReturnType<typeof parseValue>, v: EvalArg): number {
  const raw = valueArg(v, "actual");
  const a = readActual(t, raw);
  if (a === null || !Number.isFinite(a)) fail("#VALUE!", "actual has no number");
  return a;
}

function textArg(v: EvalArg, what: string): string | undefined {
  const s = scalar(v, what);
  const e = errorOf(s);
  if (e) throw new ArgError(e);
  if (isBlank(s)) return undefined;
  return String(s);
}

// ---- the table -------------------------------------------------------------------------------------------

const P = {
  amount: (name: string, zh: string, en: string): EvalParamSpec => ({
    name,
    kind: "range",
    help: {
      "zh-CN": `${zh}（数值或区域，区域内数值按分精确求和）`,
      "en-US": `${en} (a number or a range, summed exactly)`,
    },
  }),
};

export const EVAL_FUNCTIONS: readonly EvalFunctionSpec[] = [
  {
    name: "ARRIVALRATE",
    js: "arrivalRate",
    description: {
      "zh-CN": "资金到位率 = 实际到位资金 / 预算资金，返回小数（0.9734 即 97.34%）。",
      "en-US": "Funds arrival rate = funds arrived / budget, as a fraction (0.9734 = 97.34%).",
    },
    params: [
      P.amount("arrived", "实际到位资金", "Funds actually arrived"),
      P.amount("budget", "预算资金", "Budgeted funds"),
    ],
    result: "number",
    example: "ARRIVALRATE(61196.81, 62867.90) → 0.97342…",
    impl: ([a, b]) => arrivalRate(amount(a, "arrived"), amount(b, "budget")),
  },
  {
    name: "EXECRATE",
    js: "execRate",
    description: {
      "zh-CN": "执行率 / 预算执行率 = 实际支出 / 到位资金（或全年执行数 B / 全年预算数 A），返回小数。",
      "en-US": "Budget execution rate = spent / base (funds arrived, or annual budget A), as a fraction.",
    },
    params: [
      P.amount("spent", "实际支出（全年执行数 B）", "Amount spent (B)"),
      P.amount("base", "到位资金或全年预算数 A", "Funds arrived or annual budget (A)"),
    ],
    result: "number",
    example: "EXECRATE(61001.46, 61196.81) → 0.99680…",
    impl: ([a, b]) => execRate(amount(a, "spent"), amount(b, "base")),
  },
  {
    name: "COMPLETIONRATE",
    js: "completionRate",
    description: {
      "zh-CN": "实际完成率 = 实际产出数 / 计划产出数；计划可写作指标值文本，如“≥3.52万人”。",
      "en-US": "Completion rate = actual output / planned output; the target may be indicator text such as ≥3.52万人.",
    },
    params: [
      {
        name: "actual",
        kind: "any",
        help: {
          "zh-CN": "实际完成值（数值或文本，按目标单位读取）",
          "en-US": "Actual output (number or text, read in the target's unit)",
        },
      },
      {
        name: "target",
        kind: "any",
        help: {
          "zh-CN": "计划值或指标值文本（如 ≥3.52万人）",
          "en-US": "Planned output or indicator text (e.g. ≥3.52万人)",
        },
      },
    ],
    result: "number",
    example: 'COMPLETIONRATE(35452, "3.52万人") → 1.00716…',
    impl: ([a, t]) => {
      const target = quantTarget(t);
      return completionRate(actualIn(target, a), target.number!);
    },
  },
  {
    name: "QUALITYRATE",
    js: "qualityRate",
    description: {
      "zh-CN": "质量达标率 = 质量达标产出数 / 实际产出数，返回小数。",
      "en-US": "Quality rate = outputs meeting the standard / actual outputs, as a fraction.",
    },
    params: [
      P.amount("passed", "质量达标产出数", "Outputs meeting the standard"),
      P.amount("produced", "实际产出数", "Actual outputs"),
    ],
    result: "number",
    example: "QUALITYRATE(7845, 7846) → 0.99987…",
    impl: ([a, b]) => qualityRate(amount(a, "passed"), amount(b, "produced")),
  },
  {
    name: "COSTSAVINGRATE",
    js: "costSavingRate",
    description: {
      "zh-CN": "成本节约率 = (计划成本 − 实际成本) / 计划成本，超支时为负。",
      "en-US": "Cost saving rate = (planned − actual cost) / planned cost; negative when over budget.",
    },
    params: [P.amount("planned", "计划成本", "Planned cost"), P.amount("actual", "实际成本", "Actual cost")],
    result: "number",
    example: "COSTSAVINGRATE(100, 95) → 0.05",
    impl: ([a, b]) => costSavingRate(amount(a, "planned"), amount(b, "actual")),
  },
  {
    name: "BALANCE",
    js: "balance",
    description: {
      "zh-CN": "结余资金 = 到位资金 − 支出，精确到分（无浮点误差）。",
      "en-US": "Balance = funds received − spent, exact to the cent.",
    },
    params: [P.amount("received", "到位资金", "Funds received"), P.amount("spent", "支出", "Amount spent")],
    result: "number",
    example: "BALANCE(61196.81, 61001.46) → 195.35",
    impl: ([a, b]) => balance(amount(a, "received"), amount(b, "spent")),
  },
  {
    name: "AMOUNTSUM",
    js: "amountSum",
    description: {
      "zh-CN": "金额精确求和（按分，无浮点误差），用于核对合计数。",
      "en-US": "Exact sum of amounts (no floating-point noise), for checking totals.",
    },
    params: [P.amount("values", "金额（区域）", "Amounts (a range)")],
    result: "number",
    example: "AMOUNTSUM({16931.41,18.40,249.35,33.32}) → 17232.48",
    impl: ([v]) => amount(v, "values"),
  },
  {
    name: "SATISFACTION",
    js: "satisfaction",
    usesProfile: true,
    description: {
      "zh-CN":
        "加权满意度 / 知晓率 = Σ人数×权重 / Σ人数（等级由好到差）；省略权重时用评价口径的权重（国家默认：4级 1/0.85/0.6/0，5级 1/0.8/0.6/0.3/0，2级 1/0）。",
      "en-US":
        "Weighted satisfaction or awareness rate = Σ count×weight / Σ count (levels best first); default weights from the profile (national: 4 levels 1/0.85/0.6/0, 5 levels 1/0.8/0.6/0.3/0, 2 levels 1/0).",
    },
    params: [
      {
        name: "counts",
        kind: "range",
        help: { "zh-CN": "各等级人数（由好到差）", "en-US": "Respondents per level, best first" },
      },
      {
        name: "weights",
        kind: "range",
        optional: true,
        help: { "zh-CN": "各等级权重（可选，0.85 或 85）", "en-US": "Weight per level (optional, 0.85 or 85)" },
      },
    ],
    result: "number",
    example: "SATISFACTION({69,46,24,2}) → 0.86879…",
    impl: ([c, w], profile) => {
      const counts = list(c, "counts");
      const weights =
        w === undefined || w === null || (isGrid(w) && w.flat().every(isBlank)) ? undefined : list(w, "weights");
      return satisfaction(counts, weights, profile.satisfactionWeights);
    },
  },
  {
    name: "TARGETVALUE",
    js: "targetValue",
    description: {
      "zh-CN": "指标值中的数值（按基本单位：3.52万人 → 35200，≥95% → 0.95）。",
      "en-US": "The number in an indicator value, in base units (3.52万人 → 35200, ≥95% → 0.95).",
    },
    params: [
      {
        name: "text",
        kind: "any",
        help: { "zh-CN": "指标值，如 ≤628,678,956.50元", "en-US": "Indicator value, e.g. ≤628,678,956.50元" },
      },
    ],
    result: "number",
    example: 'TARGETVALUE("≤628,678,956.50元") → 628678956.5',
    impl: ([t]) => quantTarget(t).number!,
  },
  {
    name: "TARGETOP",
    js: "targetOp",
    description: {
      "zh-CN": "指标值的比较符号（≥ ≤ > < =），无符号时返回空文本。",
      "en-US": "The comparison in an indicator value (≥ ≤ > < =); empty text when there is none.",
    },
    params: [
      {
        name: "text",
        kind: "any",
        help: { "zh-CN": "指标值，如 不低于95%", "en-US": "Indicator value, e.g. 不低于95%" },
      },
    ],
    result: "string",
    example: 'TARGETOP("不低于95%") → "≥"',
    impl: ([t]) => {
      const p = parseValue(valueArg(t, "text"));
      return p.operator ? OPERATOR_SYMBOL[p.operator] : "";
    },
  },
  {
    name: "TARGETUNIT",
    js: "targetUnit",
    description: {
      "zh-CN": "指标值的计量单位（不含万/亿：3.52万人 → 人），无单位时返回空文本。",
      "en-US": "The unit of an indicator value, without 万/亿 (3.52万人 → 人); empty text when there is none.",
    },
    params: [
      {
        name: "text",
        kind: "any",
        help: { "zh-CN": "指标值，如 3.52万人", "en-US": "Indicator value, e.g. 3.52万人" },
      },
    ],
    result: "string",
    example: 'TARGETUNIT("3.52万人") → "人"',
    impl: ([t]) => {
      const p = parseValue(valueArg(t, "text"));
      return p.unit === "date" ? "" : (p.unit ?? "");
    },
  },
  {
    name: "MET",
    js: "met",
    description: {
      "zh-CN": "实际值是否达到指标值（区分 ≥ 与 ≤ 方向），返回 TRUE/FALSE。",
      "en-US": "TRUE when the actual meets the target, honouring its direction (≥ or ≤).",
    },
    params: [
      {
        name: "target",
        kind: "any",
        help: { "zh-CN": "指标值，如 ≥95% 或 ≤90万元", "en-US": "Target, e.g. ≥95% or ≤90万元" },
      },
      { name: "actual", kind: "any", help: { "zh-CN": "实际完成值", "en-US": "Actual value" } },
    ],
    result: "boolean",
    example: 'MET("≥95%", 0.98) → TRUE',
    impl: ([t, a]) => {
      const target = quantTarget(t);
      const r = meets(target, actualIn(target, a));
      return r === null ? new EvalError("#VALUE!", "cannot compare") : r;
    },
  },
  {
    name: "SCORE",
    js: "score",
    description: {
      "zh-CN": "定量指标得分：达成得满分；未达成时正向指标 分值×B/A，反向指标（≤）分值×A/B；不超过分值、不为负。",
      "en-US":
        "Quantitative indicator score: full weight when met; otherwise weight×B/A (≥) or weight×A/B (≤); capped at the weight, never negative.",
    },
    params: [
      { name: "target", kind: "any", help: { "zh-CN": "年度指标值（A），如 ≥95%", "en-US": "Target (A), e.g. ≥95%" } },
      { name: "actual", kind: "any", help: { "zh-CN": "实际完成值（B）", "en-US": "Actual (B)" } },
      { name: "weight", kind: "number", help: { "zh-CN": "分值", "en-US": "Weight (maximum score)" } },
    ],
    result: "number",
    example: 'SCORE("≥95%", 0.9, 10) → 9.47…',
    impl: ([t, a, w]) => {
      const weight = num(w, "weight");
      const target = quantTarget(t);
      return quantScore(target.operator, target.number!, actualIn(target, a), weight);
    },
  },
  {
    name: "QUALSCORE",
    js: "qualScore",
    description: {
      "zh-CN":
        "定性指标得分：1 达成年度指标（80%–100%），2 部分达成（60%–80%），3 未达成（0–60%）；可指定档内百分比，缺省 100%/70%/30%。",
      "en-US":
        "Qualitative score: tier 1 achieved (80–100%), 2 partly (60–80%), 3 not achieved (0–60%); optional percent within the tier, default 100%/70%/30%.",
    },
    params: [
      {
        name: "tier",
        kind: "any",
        help: { "zh-CN": "档次：1/2/3 或 达成/部分达成/未达成", "en-US": "Tier: 1/2/3 or 达成/部分达成/未达成" },
      },
      { name: "weight", kind: "number", help: { "zh-CN": "分值", "en-US": "Weight (maximum score)" } },
      {
        name: "percent",
        kind: "number",
        optional: true,
        help: { "zh-CN": "档内得分比例（可选，0.85 或 85）", "en-US": "Share within the tier (optional, 0.85 or 85)" },
      },
    ],
    result: "number",
    example: "QUALSCORE(2, 10, 0.75) → 7.5",
    impl: ([t, w, p]) => {
      const raw = scalar(t, "tier");
      const e = errorOf(raw);
      if (e) return e;
      const tier = toTier(typeof raw === "string" ? raw.trim() : raw);
      if (tier === null) return new EvalError("#VALUE!", "tier must be 1, 2, 3 or 达成/部分达成/未达成");
      return qualScore(tier, num(w, "weight"), optNum(p, "percent"));
    },
  },
  {
    name: "EXECSCORE",
    js: "execScore",
    usesProfile: true,
    description: {
      "zh-CN": "预算执行率得分 = 分值 × min(执行率, 1)，分值缺省为评价口径的预算执行分值（国家默认 10）。",
      "en-US":
        "Budget execution score = weight × min(rate, 1); weight defaults to the profile's budget-execution points (national 10).",
    },
    params: [
      {
        name: "rate",
        kind: "number",
        help: { "zh-CN": "执行率（小数，如 0.9968）", "en-US": "Execution rate as a fraction (e.g. 0.9968)" },
      },
      {
        name: "weight",
        kind: "number",
        optional: true,
        help: {
          "zh-CN": "分值（可选，缺省为评价口径的预算执行分值）",
          "en-US": "Weight (optional, default: the profile's budget-execution points)",
        },
      },
    ],
    result: "number",
    example: "EXECSCORE(0.9968) → 9.968",
    impl: ([r, w], profile) => execScore(num(r, "rate"), optNum(w, "weight") ?? profile.weights.budgetExecution),
  },
  {
    name: "TOTALSCORE",
    js: "totalScore",
    description: {
      "zh-CN": "总分：不适用的指标（得分为“不适用”、“—”或空）不计分，其余得分按适用分值折算为百分制。",
      "en-US":
        "Total score: indicators that do not apply (score 不适用, — or empty) are left out and the rest is rescaled to 100.",
    },
    params: [
      { name: "scores", kind: "range", help: { "zh-CN": "各指标得分（区域）", "en-US": "Scores (a range)" } },
      {
        name: "weights",
        kind: "range",
        help: { "zh-CN": "各指标分值（与得分同形状的区域）", "en-US": "Weights (a range of the same shape)" },
      },
    ],
    result: "number",
    example: 'TOTALSCORE({40,30,"不适用"}, {50,40,10}) → 77.78',
    impl: ([s, w]) => {
      const scores = isGrid(s) ? s.flat() : [s];
      const weights = isGrid(w) ? w.flat() : [w];
      if (scores.length !== weights.length)
        return new EvalError("#VALUE!", `${scores.length} scores but ${weights.length} weights`);
      const items = scores.map((c, i) => {
        const e = errorOf(c);
        if (e) throw new ArgError(e);
        const n = typeof c === "number" ? c : typeof c === "string" ? parseValue(c) : null;
        const score =
          typeof n === "number"
            ? n
            : n && n.quantitative && n.operator === null && !n.date && n.rest === ""
              ? n.number
              : null;
        // A score that is not a number marks an indicator that does not apply: its weight does not count either.
        if (score === null) return { score: 0, weight: 0, applicable: false };
        if (!Number.isFinite(score)) fail("#NUM!", "scores: not a finite number");
        const weight = cellNumber(weights[i], "weights");
        if (weight < 0) fail("#NUM!", "weights cannot be negative");
        return { score, weight };
      });
      return rescaledTotal(items);
    },
  },
  {
    name: "GRADE",
    js: "grade",
    usesProfile: true,
    description: {
      "zh-CN": "评价等级，按评价口径的等级划分（国家默认：[90,100] 优，[80,90) 良，[60,80) 中，[0,60) 差）。",
      "en-US":
        "Grade of a total by the profile's bands (national: [90,100] Excellent, [80,90) Good, [60,80) Fair, [0,60) Poor).",
    },
    params: [
      { name: "total", kind: "number", help: { "zh-CN": "总分（0–100）", "en-US": "Total score (0–100)" } },
      {
        name: "lang",
        kind: "any",
        optional: true,
        help: { "zh-CN": "语言（可选）：zh-CN 或 en-US", "en-US": "Language (optional): zh-CN or en-US" },
      },
    ],
    result: "string",
    example: 'GRADE(80.37) → "良"',
    impl: ([t, l], profile) => {
      const lang = textArg(l, "lang");
      let locale: "zh-CN" | "en-US" = "zh-CN";
      if (lang !== undefined) {
        if (/^zh(-cn|-hans|_cn)?$|^中文$/i.test(lang.trim())) locale = "zh-CN";
        else if (/^en(-us|-gb|_us)?$|^english$/i.test(lang.trim())) locale = "en-US";
        else return new EvalError("#VALUE!", "lang must be zh-CN or en-US");
      }
      return grade(num(t, "total"), locale, profile.gradeBands);
    },
  },
];

/** The function spec for a name, case-insensitive, with or without the EVAL. prefix; undefined when unknown. */
export function findEvalFunction(name: string): EvalFunctionSpec | undefined {
  if (typeof name !== "string") return undefined;
  const n = name
    .trim()
    .toUpperCase()
    .replace(/^EVAL\./, "");
  return EVAL_FUNCTIONS.find((f) => f.name === n);
}

/**
 * Evaluate one EVAL function. Never throws; never returns NaN or ±Infinity. `profile` (the workbook's 评价口径)
 * supplies GRADE's bands, SATISFACTION's default weights and EXECSCORE's default points.
 */
export function callEval(name: string, args: EvalArg[], profile: Profile = NATIONAL_PROFILE): EvalResult {
  const spec = findEvalFunction(name);
  if (!spec) return new EvalError("#NAME?", `unknown function ${String(name)}`);
  const list = Array.isArray(args) ? args : [];
  const required = spec.params.filter((p) => !p.optional).length;
  if (list.length > spec.params.length)
    return new EvalError("#VALUE!", `${spec.name} takes at most ${spec.params.length} arguments`);
  for (let i = 0; i < required; i++) {
    if (list[i] === undefined)
      return new EvalError("#VALUE!", `${spec.name}: argument ${spec.params[i].name} is missing`);
  }
  try {
    const r = spec.impl(list, profile);
    if (typeof r === "number") {
      if (!Number.isFinite(r)) return new EvalError("#NUM!", "result out of range");
      return r === 0 ? 0 : r; // no -0
    }
    return r;
  } catch (e) {
    if (e instanceof ArgError) return e.error;
    // A bug must still come out as an Excel error, not a crash of the function host.
    return new EvalError("#VALUE!", e instanceof Error ? e.message : "unexpected error");
  }
}
