/**
 * The evaluation profile (评价口径): every policy number a rule or an EVAL function uses, in one typed,
 * validated object. The national default follows 财预〔2020〕10号; provinces and cities change weights, grade
 * bands, required categories and rule severities by giving their own profile (a JSON file for the CLI, a
 * hidden 评价口径 sheet in the workbook for the add-in). A bad profile is refused with one message naming the
 * field: nothing falls back to the default silently.
 *
 * The JSON keys are a contract other tools rely on: never rename one.
 */
import { RULE_IDS, type RuleId, type Severity } from "./findings";
import type { Bilingual } from "./locale";
import { cellAt, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";

/** A rule's setting in a profile: off, or the severity its findings get. */
export type RuleSetting = "off" | Severity;

export interface GradeBand {
  /** The grade word written on forms (优/良/中/差, or a province's own). */
  grade: string;
  /** Lowest total (inclusive) that earns this grade. */
  min: number;
}

export interface ProfileWeights {
  /** Points of 预算执行(率) in a self-assessment. */
  budgetExecution: number;
  /** Points of 产出指标. */
  output: number;
  /** Points of 效益指标. */
  outcome: number;
  /** Points of 满意度指标. */
  satisfaction: number;
  /** Least 产出 + 效益 points in an evaluation indicator system. */
  minOutputPlusOutcome: number;
}

interface ProfileTolerances {
  /** Points a sum of weights may differ from its total (100) before it is reported; float noise is always ignored. */
  points: number;
}

export interface Profile {
  /** Shown on the results sheet and in the pane: which rules a check used. */
  name: string;
  weights: ProfileWeights;
  /** Best to worst; the last band starts at 0. */
  gradeBands: GradeBand[];
  /** Categories a complete indicator set must have (指标设置完整). */
  requiredCategories: RequiredCategory[];
  /** Default satisfaction weights by number of levels ("4": [1, 0.85, 0.6, 0]), best level first. */
  satisfactionWeights: Record<string, number[]>;
  tolerances: ProfileTolerances;
  /** Per-rule severity override or "off". */
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Per-rule options, checked against the rule's `meta.schema` (ESLint style). */
  ruleOptions: Partial<Record<RuleId, Record<string, unknown>>>;
}

/** Categories a profile may require: the second-level families plus 效益 (any of the four benefit kinds). */
export const CATEGORY_NAMES = [
  "数量",
  "质量",
  "时效",
  "成本",
  "效益",
  "经济效益",
  "社会效益",
  "生态效益",
  "可持续影响",
  "满意度",
] as const;
export type RequiredCategory = (typeof CATEGORY_NAMES)[number];

/** 财预〔2020〕10号 and domain practice: 10/50/30/10, 产出+效益 ≥ 60, 优 ≥ 90 / 良 ≥ 80 / 中 ≥ 60 / 差. */
export const NATIONAL_PROFILE: Profile = deepFreeze({
  name: "全国默认（财预〔2020〕10号）",
  weights: { budgetExecution: 10, output: 50, outcome: 30, satisfaction: 10, minOutputPlusOutcome: 60 },
  gradeBands: [
    { grade: "优", min: 90 },
    { grade: "良", min: 80 },
    { grade: "中", min: 60 },
    { grade: "差", min: 0 },
  ],
  requiredCategories: ["数量", "质量", "时效", "成本", "效益", "满意度"],
  satisfactionWeights: { "2": [1, 0], "4": [1, 0.85, 0.6, 0], "5": [1, 0.8, 0.6, 0.3, 0] },
  tolerances: { points: 0 },
  rules: {},
  ruleOptions: {},
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    for (const v of Object.values(o as object)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** A fresh, editable copy of the national default (the pane's 恢复国家默认, `perf-eval profile init`). */
export function defaultProfile(): Profile {
  return JSON.parse(JSON.stringify(NATIONAL_PROFILE)) as Profile;
}

/** A profile that cannot be used: `field` is the JSON path of the first bad value ("weights.output"). */
export class ProfileError extends Error {
  constructor(
    readonly field: string,
    readonly text: Bilingual,
  ) {
    super(text["en-US"]);
    this.name = "ProfileError";
  }
}

export function isProfileError(e: unknown): e is ProfileError {
  return e instanceof ProfileError;
}

function bad(field: string, zh: string, en: string): never {
  throw new ProfileError(field, { "zh-CN": `评价口径的 ${field} ${zh}`, "en-US": `profile field ${field} ${en}` });
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const NOISE = 1e-9;

function num(v: unknown, field: string, lo: number, hi: number): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    bad(
      field,
      `应为数值（现为 ${JSON.stringify(v) ?? "空"}）`,
      `must be a number (got ${JSON.stringify(v) ?? "nothing"})`,
    );
  if (v < lo || v > hi)
    bad(field, `应在 ${lo} 到 ${hi} 之间（现为 ${v}）`, `must lie between ${lo} and ${hi} (got ${v})`);
  return v;
}

function obj(v: unknown, field: string, keys: readonly string[], optional: readonly string[] = []) {
  if (!isObj(v)) bad(field, "应为对象 {…}", "must be an object {…}");
  for (const k of Object.keys(v))
    if (!keys.includes(k) && !optional.includes(k))
      bad(field ? `${field}.${k}` : k, "不是已知的字段（拼写错误？）", "is not a known field (a typo?)");
  for (const k of keys) if (!(k in v)) bad(field ? `${field}.${k}` : k, "缺失", "is missing");
  return v;
}

const SETTINGS: readonly RuleSetting[] = ["off", "info", "warning", "error"];

/**
 * Checks a parsed JSON value and returns it as a Profile (a copy). Throws one ProfileError naming the first
 * bad field. Structural only: rule options are checked against each rule's schema by `checkRuleOptions`.
 */
export function validateProfile(input: unknown): Profile {
  const o = obj(
    input,
    "",
    ["name", "weights", "gradeBands", "requiredCategories", "satisfactionWeights", "tolerances"],
    ["rules", "ruleOptions", "$schema"],
  );
  if (typeof o.name !== "string" || o.name.trim() === "") bad("name", "应为非空文本", "must be a non-empty text");

  const w = obj(o.weights, "weights", ["budgetExecution", "output", "outcome", "satisfaction", "minOutputPlusOutcome"]);
  const weights: ProfileWeights = {
    budgetExecution: num(w.budgetExecution, "weights.budgetExecution", 0, 100),
    output: num(w.output, "weights.output", 0, 100),
    outcome: num(w.outcome, "weights.outcome", 0, 100),
    satisfaction: num(w.satisfaction, "weights.satisfaction", 0, 100),
    minOutputPlusOutcome: num(w.minOutputPlusOutcome, "weights.minOutputPlusOutcome", 0, 100),
  };
  const total = weights.budgetExecution + weights.output + weights.outcome + weights.satisfaction;
  if (Math.abs(total - 100) > NOISE)
    bad(
      "weights",
      `中预算执行、产出、效益、满意度合计为 ${total}，应为 100`,
      `budgetExecution + output + outcome + satisfaction total ${total}; they must total 100`,
    );
  if (weights.output + weights.outcome < weights.minOutputPlusOutcome - NOISE)
    bad(
      "weights.minOutputPlusOutcome",
      `为 ${weights.minOutputPlusOutcome}，高于本口径自己的产出+效益 ${weights.output + weights.outcome}`,
      `is ${weights.minOutputPlusOutcome}, above this profile's own output + outcome ${weights.output + weights.outcome}`,
    );

  if (!Array.isArray(o.gradeBands) || o.gradeBands.length === 0)
    bad("gradeBands", "应为非空数组 [{grade, min}, …]", "must be a non-empty array [{grade, min}, …]");
  const gradeBands: GradeBand[] = o.gradeBands.map((b: unknown, i: number) => {
    const f = `gradeBands[${i}]`;
    const x = obj(b, f, ["grade", "min"]);
    if (typeof x.grade !== "string" || x.grade.trim() === "")
      bad(`${f}.grade`, "应为非空文本", "must be a non-empty text");
    return { grade: x.grade.trim(), min: num(x.min, `${f}.min`, 0, 100) };
  });
  for (let i = 1; i < gradeBands.length; i++) {
    if (gradeBands[i].min >= gradeBands[i - 1].min)
      bad(
        `gradeBands[${i}].min`,
        `为 ${gradeBands[i].min}，不低于上一档“${gradeBands[i - 1].grade}”的 ${gradeBands[i - 1].min}：等级应由高到低排列且不重叠`,
        `is ${gradeBands[i].min}, not below the previous band "${gradeBands[i - 1].grade}" at ${gradeBands[i - 1].min}: bands go from best to worst without overlapping`,
      );
    if (gradeBands.slice(0, i).some((b) => b.grade === gradeBands[i].grade))
      bad(`gradeBands[${i}].grade`, `“${gradeBands[i].grade}”重复`, `"${gradeBands[i].grade}" appears twice`);
  }
  const last = gradeBands[gradeBands.length - 1];
  if (last.min !== 0)
    bad(
      `gradeBands[${gradeBands.length - 1}].min`,
      `为 ${last.min}：最低一档应从 0 分开始，否则低分没有等级`,
      `is ${last.min}: the lowest band must start at 0, or low totals get no grade`,
    );

  if (!Array.isArray(o.requiredCategories)) bad("requiredCategories", "应为数组", "must be an array");
  const requiredCategories: RequiredCategory[] = [];
  o.requiredCategories.forEach((c: unknown, i: number) => {
    if (typeof c !== "string" || !(CATEGORY_NAMES as readonly string[]).includes(c))
      bad(
        `requiredCategories[${i}]`,
        `“${String(c)}”不是可识别的类别（可用：${CATEGORY_NAMES.join("、")}）`,
        `"${String(c)}" is not a known category (known: ${CATEGORY_NAMES.join(", ")})`,
      );
    if (requiredCategories.includes(c as RequiredCategory))
      bad(`requiredCategories[${i}]`, `“${c}”重复`, `"${c}" appears twice`);
    requiredCategories.push(c as RequiredCategory);
  });

  if (!isObj(o.satisfactionWeights))
    bad("satisfactionWeights", '应为对象 {"4": [1, 0.85, 0.6, 0]}', 'must be an object {"4": [1, 0.85, 0.6, 0]}');
  const satisfactionWeights: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(o.satisfactionWeights)) {
    const f = `satisfactionWeights.${k}`;
    if (!/^(?:[2-9]|10)$/.test(k)) bad(f, "的键应为等级数 2–10", "must be keyed by a number of levels from 2 to 10");
    if (!Array.isArray(v) || v.length !== Number(k))
      bad(f, `应为 ${k} 个权重的数组`, `must be an array of ${k} weights`);
    const ws = v.map((x: unknown, i: number) => num(x, `${f}[${i}]`, 0, 1));
    for (let i = 1; i < ws.length; i++)
      if (ws[i] > ws[i - 1])
        bad(`${f}[${i}]`, "高于上一等级：等级应由好到差排列", "is above the level before: levels go best first");
    satisfactionWeights[k] = ws;
  }

  const t = obj(o.tolerances, "tolerances", ["points"]);
  const tolerances: ProfileTolerances = { points: num(t.points, "tolerances.points", 0, 10) };

  const rules: Partial<Record<RuleId, RuleSetting>> = {};
  if (o.rules !== undefined) {
    if (!isObj(o.rules)) bad("rules", '应为对象 {"规则id": "off"}', 'must be an object {"rule-id": "off"}');
    for (const [id, s] of Object.entries(o.rules)) {
      if (!(RULE_IDS as readonly string[]).includes(id)) bad(`rules.${id}`, "不是已知的规则", "is not a known rule");
      if (!SETTINGS.includes(s as RuleSetting))
        bad(
          `rules.${id}`,
          `应为 off、info、warning 或 error（现为 ${JSON.stringify(s)}）`,
          `must be off, info, warning or error (got ${JSON.stringify(s)})`,
        );
      rules[id as RuleId] = s as RuleSetting;
    }
  }
  const ruleOptions: Partial<Record<RuleId, Record<string, unknown>>> = {};
  if (o.ruleOptions !== undefined) {
    if (!isObj(o.ruleOptions)) bad("ruleOptions", "应为对象", "must be an object");
    for (const [id, v] of Object.entries(o.ruleOptions)) {
      if (!(RULE_IDS as readonly string[]).includes(id))
        bad(`ruleOptions.${id}`, "不是已知的规则", "is not a known rule");
      if (!isObj(v)) bad(`ruleOptions.${id}`, "应为对象", "must be an object");
      ruleOptions[id as RuleId] = { ...v };
    }
  }
  return {
    name: o.name.trim(),
    weights,
    gradeBands,
    requiredCategories,
    satisfactionWeights,
    tolerances,
    rules,
    ruleOptions,
  };
}

/** Parses and validates a profile's JSON text; malformed JSON is a ProfileError too. */
export function parseProfile(text: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ProfileError("(JSON)", {
      "zh-CN": `评价口径不是有效的 JSON：${why}`,
      "en-US": `the profile is not valid JSON: ${why}`,
    });
  }
  return validateProfile(json);
}

/** The JSON text written by `perf-eval profile init` and read back by parseProfile. */
export function profileToJson(p: Profile): string {
  return JSON.stringify(p, null, 2) + "\n";
}

// ---- grade bands --------------------------------------------------------------------------------------------

/** The band a total falls in; null outside 0..100 or not a number. Sums of scores carry binary noise. */
export function bandOf(total: number, bands: readonly GradeBand[] = NATIONAL_PROFILE.gradeBands): GradeBand | null {
  if (typeof total !== "number" || !Number.isFinite(total)) return null;
  const t = Math.round(total * 1e9) / 1e9;
  if (t < 0 || t > 100) return null;
  for (const b of bands) if (t >= b.min) return b;
  return null;
}

// ---- the 评价口径 sheet -----------------------------------------------------------------------------------

/** The hidden sheet that carries a workbook's profile, so everyone who opens the workbook checks by it. */
export const PROFILE_SHEET_NAME = "评价口径";
/** A1 of that sheet: marks it as ours (a user's own sheet called 评价口径 is left alone and checked). */
const PROFILE_SHEET_MARK = "perf-eval 评价口径 v1";

/**
 * The sheet's rows: the mark, then one `key | value` row per field (dotted keys for the weights and rules, JSON
 * text for arrays), so that a person who unhides the sheet can read and edit it.
 */
export function profileToRows(p: Profile): CellValue[][] {
  const rows: CellValue[][] = [[PROFILE_SHEET_MARK, "键 / key", "值 / value"]];
  const walk = (prefix: string, v: unknown) => {
    if (isObj(v) && Object.keys(v).length > 0 && Object.values(v).every((x) => !isObj(x) && !Array.isArray(x))) {
      for (const [k, x] of Object.entries(v)) rows.push([null, `${prefix}.${k}`, x as CellValue]);
    } else if (typeof v === "string" || typeof v === "number") rows.push([null, prefix, v]);
    else rows.push([null, prefix, JSON.stringify(v)]);
  };
  for (const [k, v] of Object.entries(p)) walk(k, v);
  return rows;
}

/** Whether a sheet is our 评价口径 sheet. */
export function isProfileSheet(s: SheetSnapshot | undefined | null): boolean {
  if (!s || s.name !== PROFILE_SHEET_NAME) return false;
  return cellAt(s, 0, 0) === PROFILE_SHEET_MARK;
}

/** Reads a profile back from its sheet's rows (validated). */
function profileFromRows(rows: readonly (readonly CellValue[])[]): Profile {
  const json: Record<string, unknown> = {};
  for (let r = 1; r < rows.length; r++) {
    const key = rows[r]?.[1];
    const value = rows[r]?.[2] ?? null;
    if (typeof key !== "string" || key.trim() === "") continue;
    const path = key.trim().split(".");
    let v: unknown = value;
    if (typeof value === "string" && /^\s*[[{]/.test(value)) {
      try {
        v = JSON.parse(value);
      } catch {
        bad(key.trim(), "的 JSON 文本无法解析", "holds JSON text that cannot be parsed");
      }
    }
    let at = json;
    for (let i = 0; i < path.length - 1; i++) {
      if (!isObj(at[path[i]])) at[path[i]] = {};
      at = at[path[i]] as Record<string, unknown>;
    }
    at[path[path.length - 1]] = v;
  }
  return validateProfile(json);
}

/** The workbook's own profile (from its 评价口径 sheet), or null when it has none. Throws ProfileError when bad. */
/**
 * The profile in the used range of a 评价口径 sheet as an adapter reads it (values and where they start), or null
 * when the sheet is no profile: the pane and the custom functions read the sheet the same way.
 */
export function profileFromUsedRange(values: CellValue[][], originRow: number, originCol: number): Profile | null {
  return profileFromSnapshot({
    sheets: [{ name: PROFILE_SHEET_NAME, originRow, originCol, values, merges: [] }],
  });
}

export function profileFromSnapshot(snapshot: WorkbookSnapshot): Profile | null {
  const s = (snapshot?.sheets ?? []).find(isProfileSheet);
  if (!s) return null;
  const rows: CellValue[][] = [];
  const height = s.originRow + s.values.length;
  for (let r = 0; r < height; r++) rows.push([cellAt(s, r, 0), cellAt(s, r, 1), cellAt(s, r, 2)]);
  return profileFromRows(rows);
}
