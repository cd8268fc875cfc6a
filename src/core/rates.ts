/**
 * The formulas of domain.md, as fractions (0.9968, not 99.68). Inputs are plain finite numbers; anything
 * else is an EvalError so every adapter reports bad input the same way.
 */
import { EvalError } from "./errors";
import { moneySub } from "./money";
import { NATIONAL_PROFILE } from "./profile";

type Rate = number | EvalError;

function bad(...xs: number[]): EvalError | null {
  return badList(xs);
}

/** For user-sized lists: spreading a range of 130,000 cells into arguments overflows the call stack. */
function badList(xs: readonly number[]): EvalError | null {
  for (const x of xs) if (typeof x !== "number" || !Number.isFinite(x)) return new EvalError("#VALUE!", "not a number");
  return null;
}

function ratio(num: number, den: number, what: string): Rate {
  const e = bad(num, den);
  if (e) return e;
  if (den === 0) return new EvalError("#DIV/0!", `${what}: the base is 0`);
  const r = num / den;
  return Number.isFinite(r) ? (r === 0 ? 0 : r) : new EvalError("#NUM!", `${what}: out of range`);
}

function nonNegative(what: string, ...xs: number[]): EvalError | null {
  for (const x of xs) if (x < 0) return new EvalError("#NUM!", `${what}: amounts cannot be negative`);
  return null;
}

/** 资金到位率 = 实际到位资金 / 预算资金 */
export function arrivalRate(arrived: number, budget: number): Rate {
  return bad(arrived, budget) ?? nonNegative("arrival rate", arrived, budget) ?? ratio(arrived, budget, "arrival rate");
}

/** 预算执行率 = 实际支出 / 实际到位资金; 执行率 (self-assessment) = 全年执行数 B / 全年预算数 A. */
export function execRate(spent: number, base: number): Rate {
  return bad(spent, base) ?? nonNegative("execution rate", spent, base) ?? ratio(spent, base, "execution rate");
}

/** 实际完成率 = 实际产出数 / 计划产出数 */
export function completionRate(actual: number, planned: number): Rate {
  return (
    bad(actual, planned) ?? nonNegative("completion rate", actual, planned) ?? ratio(actual, planned, "completion rate")
  );
}

/** 质量达标率 = 质量达标产出数 / 实际产出数 */
export function qualityRate(passed: number, actual: number): Rate {
  const e = bad(passed, actual) ?? nonNegative("quality rate", passed, actual);
  if (e) return e;
  if (passed > actual) return new EvalError("#NUM!", "quality rate: more passed than produced");
  return ratio(passed, actual, "quality rate");
}

/** 成本节约率 = (计划成本 − 实际成本) / 计划成本; negative when over budget. */
export function costSavingRate(planned: number, actual: number): Rate {
  const e = bad(planned, actual) ?? nonNegative("cost saving rate", planned, actual);
  if (e) return e;
  const diff = moneySub(planned, actual);
  if (diff === null) return new EvalError("#VALUE!", "not a number");
  return ratio(diff, planned, "cost saving rate");
}

/** 结余资金 = 到位资金 − 支出, exact to the cent (61196.81 − 61001.46 = 195.35). */
export function balance(received: number, spent: number): Rate {
  const e = bad(received, spent);
  if (e) return e;
  const r = moneySub(received, spent);
  return r === null || !Number.isFinite(r) ? new EvalError("#NUM!", "balance out of range") : r;
}

/**
 * Default weights by number of levels, from a profile's satisfactionWeights (national: 2, 4 and 5 levels, domain.md).
 * A level count without defaults (3 nationally) has none: the caller must give the weights.
 */
export function defaultSatisfactionWeights(
  levels: number,
  table: Readonly<Record<string, readonly number[]>> = NATIONAL_PROFILE.satisfactionWeights,
): number[] | null {
  const w = table[String(levels)];
  return w ? [...w] : null;
}

/**
 * 满意度 / 知晓率 = Σ countᵢ·weightᵢ / Σ countᵢ, levels ordered best first.
 * Weights may be fractions (0.85) or percents (85); without weights the defaults for 2, 4 or 5 levels apply.
 */
export function satisfaction(
  counts: readonly number[],
  weights?: readonly number[] | null,
  defaults: Readonly<Record<string, readonly number[]>> = NATIONAL_PROFILE.satisfactionWeights,
): Rate {
  if (counts.length === 0) return new EvalError("#VALUE!", "no counts");
  const e = badList(counts);
  if (e) return e;
  if (counts.some((c) => c < 0)) return new EvalError("#NUM!", "counts cannot be negative");
  let w: readonly number[] | null =
    weights && weights.length > 0 ? weights : defaultSatisfactionWeights(counts.length, defaults);
  if (!w) return new EvalError("#VALUE!", `no default weights for ${counts.length} levels: give the weights`);
  if (w.length !== counts.length) return new EvalError("#VALUE!", `${counts.length} counts but ${w.length} weights`);
  const ew = badList(w);
  if (ew) return ew;
  if (w.some((x) => x < 0)) return new EvalError("#NUM!", "weights cannot be negative");
  let max = -Infinity;
  for (const x of w) if (x > max) max = x;
  if (max > 100) return new EvalError("#NUM!", "weights must be fractions (0.85) or percents (85)");
  if (max > 1) w = w.map((x) => x / 100);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < counts.length; i++) {
    total += counts[i];
    weighted += counts[i] * w[i];
  }
  return ratio(weighted, total, "satisfaction");
}
