/**
 * Scoring rules of domain.md: quantitative (direction-aware, proportional, capped), qualitative tiers,
 * budget execution, grade bands and the not-applicable rescale.
 */
import { EvalError } from "./errors";
import type { Bilingual, Locale } from "./locale";
import { meetsNumber } from "./compare";
import type { Operator } from "./value";
import { bandOf, NATIONAL_PROFILE, type GradeBand } from "./profile";

type Score = number | EvalError;

function checkWeight(weight: number): EvalError | null {
  if (typeof weight !== "number" || !Number.isFinite(weight)) return new EvalError("#VALUE!", "weight is not a number");
  if (weight < 0) return new EvalError("#NUM!", "weight cannot be negative");
  return null;
}

function clampScore(s: number, weight: number): number {
  if (!Number.isFinite(s) || s <= 0) return 0;
  return s >= weight ? weight : s;
}

/**
 * Quantitative indicator score. Met → full weight. Missed: positive direction (≥ > = or none) weight × B/A,
 * reverse (≤ <) weight × A/B. Never above the weight, never negative.
 * `target` and `actual` are in the same base units (see readActual).
 */
export function quantScore(operator: Operator | null, target: number, actual: number, weight: number): Score {
  const we = checkWeight(weight);
  if (we) return we;
  if (!Number.isFinite(target) || !Number.isFinite(actual))
    return new EvalError("#VALUE!", "target or actual is not a number");
  const met = meetsNumber({ operator, number: target }, actual);
  if (met) return weight;
  const reverse = operator === "<=" || operator === "<";
  if (reverse) {
    // Spent more than allowed: A/B of the weight. A ≤0 target missed has no proportion: 0.
    if (actual <= 0 || target <= 0) return 0;
    return clampScore((weight * target) / actual, weight);
  }
  if (target <= 0) return actual >= target ? weight : 0;
  return clampScore((weight * actual) / target, weight);
}

type QualTier = 1 | 2 | 3;

/** Share of the weight each tier allows: [low, high], low included; tier 1 includes 100 %. */
const QUAL_TIERS: Record<QualTier, { low: number; high: number; default: number; name: Bilingual }> = {
  1: { low: 0.8, high: 1, default: 1, name: { "zh-CN": "达成年度指标", "en-US": "Target achieved" } },
  2: {
    low: 0.6,
    high: 0.8,
    default: 0.7,
    name: { "zh-CN": "部分达成并具有一定效果", "en-US": "Partly achieved, some effect" },
  },
  3: { low: 0, high: 0.6, default: 0.3, name: { "zh-CN": "未达成且效果较差", "en-US": "Not achieved, poor effect" } },
};

/** Tier from 1/2/3 or its words (达成 / 部分达成 / 未达成, achieved / partial / missed); null when unknown. */
export function toTier(v: unknown): QualTier | null {
  if (typeof v === "number") return v === 1 || v === 2 || v === 3 ? v : null;
  if (typeof v !== "string") return null;
  const s = v.replace(/\s+/g, "").toLowerCase();
  if (s === "1" || s === "2" || s === "3") return Number(s) as QualTier;
  if (/^(部分|基本)(达成|完成|实现)/.test(s) || /^partl?y|^partial/.test(s)) return 2;
  if (/^(未|没有|没)(达成|完成|实现)/.test(s) || /^(not|missed|unmet|fail)/.test(s)) return 3;
  if (/^(已|全部|完全)?(达成|完成|实现)/.test(s) || /^(achieved|met|full)/.test(s)) return 1;
  return null;
}

/**
 * Qualitative score: weight × the tier's share. `percent` (0.85 or 85) picks the share within the tier and
 * must lie in it; without it tier 1 gives 100 %, tier 2 70 %, tier 3 30 %.
 */
export function qualScore(tier: QualTier, weight: number, percent?: number | null): Score {
  const we = checkWeight(weight);
  if (we) return we;
  const t = QUAL_TIERS[tier];
  let share = t.default;
  if (percent !== undefined && percent !== null) {
    if (!Number.isFinite(percent)) return new EvalError("#VALUE!", "percent is not a number");
    share = percent > 1 ? percent / 100 : percent;
    const inTier =
      tier === 1 ? share >= t.low - 1e-12 && share <= t.high + 1e-12 : share >= t.low - 1e-12 && share < t.high - 1e-12;
    if (!inTier) return new EvalError("#NUM!", `percent ${share} is outside tier ${tier}`);
  }
  return clampScore(weight * share, weight);
}

/** Budget execution score = weight × min(rate, 1); rate as a fraction; the weight defaults to the national profile's. */
export function execScore(rate: number, weight = NATIONAL_PROFILE.weights.budgetExecution): Score {
  const we = checkWeight(weight);
  if (we) return we;
  if (!Number.isFinite(rate)) return new EvalError("#VALUE!", "rate is not a number");
  if (rate < 0) return new EvalError("#NUM!", "rate cannot be negative");
  return weight * Math.min(rate, 1);
}

export type GradeKey = "excellent" | "good" | "fair" | "poor";

export const GRADE_WORDS: Record<GradeKey, Bilingual> = {
  excellent: { "zh-CN": "优", "en-US": "Excellent" },
  good: { "zh-CN": "良", "en-US": "Good" },
  fair: { "zh-CN": "中", "en-US": "Fair" },
  poor: { "zh-CN": "差", "en-US": "Poor" },
};

/** Grade of a total by the national bands ([90,100] 优, [80,90) 良, [60,80) 中, [0,60) 差); null outside 0..100. */
export function gradeKey(total: number): GradeKey | null {
  const b = bandOf(total, NATIONAL_PROFILE.gradeBands);
  return b ? gradeFromWord(b.grade) : null;
}

/**
 * Grade word of a total by `bands` (a profile's; national by default). A standard word is translated for
 * en-US; a province's own word is returned as written.
 */
export function grade(
  total: number,
  locale: Locale = "zh-CN",
  bands: readonly GradeBand[] = NATIONAL_PROFILE.gradeBands,
): string | EvalError {
  if (typeof total !== "number" || !Number.isFinite(total)) return new EvalError("#VALUE!", "total is not a number");
  const b = bandOf(total, bands);
  if (!b) return new EvalError("#NUM!", "total must lie between 0 and 100");
  const k = gradeFromWord(b.grade);
  return k && locale === "en-US" ? GRADE_WORDS[k]["en-US"] : b.grade;
}

/** The grade key a written grade word stands for (优/优秀/Excellent/A…); null when not a grade word. */
export function gradeFromWord(word: unknown): GradeKey | null {
  if (typeof word !== "string") return null;
  const s = word.replace(/\s+/g, "").toLowerCase();
  if (/^(优|优秀|excellent)$/.test(s)) return "excellent";
  if (/^(良|良好|good)$/.test(s)) return "good";
  if (/^(中|中等|合格|一般|fair)$/.test(s)) return "fair";
  if (/^(差|较差|不合格|poor)$/.test(s)) return "poor";
  return null;
}

interface ScoredItem {
  score: number;
  weight: number;
  /** false for indicators that do not apply: neither their score nor their weight counts. */
  applicable?: boolean;
}

/** Total rescaled to 100 when some indicators do not apply: Σ score × 100 / Σ applicable weight. */
export function rescaledTotal(items: readonly ScoredItem[]): Score {
  let s = 0;
  let w = 0;
  for (const it of items) {
    if (it.applicable === false) continue;
    if (!Number.isFinite(it.score) || !Number.isFinite(it.weight))
      return new EvalError("#VALUE!", "score or weight is not a number");
    s += it.score;
    w += it.weight;
  }
  if (w === 0) return new EvalError("#DIV/0!", "no applicable weight");
  return (s * 100) / w;
}
