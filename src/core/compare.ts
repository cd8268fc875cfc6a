/**
 * Comparing what was achieved with what was targeted, and two values written for the same thing.
 * A bare actual is read in the unit that makes it comparable with its target (domain.md): 35452 against
 * 3.52万人 is 35,452 people; 90 against ≤90万元 in a 万元 column is 90万元; 98 or 0.98 against ≥95% is 98 %.
 */
import { parseValueShared, type ParsedValue } from "./value";

export interface ActualHint {
  /** The actual's column is in this scale (a header like 实际完成值（万元）): a bare number is multiplied by it. */
  scale?: number;
  /** The actual's cell has a % number format: a bare number is already a fraction. */
  percentFormat?: boolean;
}

function asParsed(v: unknown): ParsedValue {
  return isParsed(v) ? v : (parseValueShared(v) as ParsedValue);
}

function isParsed(v: unknown): v is ParsedValue {
  return typeof v === "object" && v !== null && "quantitative" in v && "text" in v && "operator" in v;
}

/** |log(a/b)|, how far apart two magnitudes are; Infinity when one is 0 and the other not. */
function logDistance(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x === 0 && y === 0) return 0;
  if (x === 0 || y === 0) return Infinity;
  return Math.abs(Math.log(x / y));
}

/**
 * The actual value in the target's base units, or null when either side has no number.
 * An actual that carries its own unit or scale (98%, 3.55万人, 62867.90万元) is taken as written.
 */
export function readActual(target: unknown, actual: unknown, hint: ActualHint = {}): number | null {
  const t = asParsed(target);
  const a = asParsed(actual);
  if (!a.quantitative || a.number === null) return null;
  if (!t.quantitative || t.number === null) return a.number;
  const bare = a.unit === null && a.scale === 1 && !a.percent;
  const targetBare = t.unit === null && t.scale === 1 && !t.percent;
  if (a.percent && targetBare) {
    // "100%" achieved against a bare target 100 (a rate written in points): read the actual in points too.
    const points = a.number * 100;
    return logDistance(points, t.number) < logDistance(a.number, t.number) ? points : a.number;
  }
  if (!bare) return a.number;
  const n = a.number;
  if (hint.scale && hint.scale !== 1) return n * hint.scale;
  if (t.percent) {
    if (hint.percentFormat) return n;
    // 0.98 is a fraction, 98 is percent points: take the reading closer to the target.
    if (t.number === 0) return Math.abs(n) > 1 ? n / 100 : n;
    return logDistance(n, t.number) <= logDistance(n / 100, t.number) ? n : n / 100;
  }
  if (t.scale !== 1) {
    // 35452 against 3.52万人 is people; 90 against 90万元 is 万元.
    const scaled = n * t.scale;
    return logDistance(n, t.number) <= logDistance(scaled, t.number) ? n : scaled;
  }
  return n;
}

/** Tiny relative tolerance: binary noise must not decide a target (0.1 + 0.2 meets ≥0.3). */
function nearlyGE(a: number, b: number): boolean {
  return a >= b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Does the actual meet the target? ≥/>/=/no operator: more is better; ≤/<: less is better.
 * "=" counts an overshoot as met (=100% with 100.72% achieved is met), as forms score it.
 * null when the target is not quantitative or the actual has no number.
 */
export function meets(target: unknown, actual: unknown, hint: ActualHint = {}): boolean | null {
  const t = asParsed(target);
  if (!t.quantitative || t.number === null) return null;
  const a = readActual(t, actual, hint);
  if (a === null) return null;
  return meetsNumber(t, a);
}

/** Same as meets, with the actual already in the target's base units. */
export function meetsNumber(t: Pick<ParsedValue, "operator" | "number">, a: number): boolean | null {
  if (t.number === null || !Number.isFinite(a)) return null;
  const x = t.number;
  switch (t.operator) {
    case "<=":
      return nearlyGE(x, a);
    case "<":
      return a < x && !nearlyEqual(a, x);
    case ">":
      return a > x && !nearlyEqual(a, x);
    default:
      return nearlyGE(a, x);
  }
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Agreement of two numbers given the smallest step each one's written form can show. */
export function numbersAgree(a: number, resA: number, b: number, resB: number): boolean {
  const half = Math.max(resA, resB) / 2;
  const diff = Math.abs(a - b);
  // Equal at exactly half a unit is a rounding tie: it still agrees. The epsilon absorbs binary noise.
  return diff <= half + 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Ratio of two magnitudes when one looks like the other ×10⁴ (元 vs 万元) or ×10⁸ (元 vs 亿元); else null. */
export function scaleSlip(a: number, b: number, tolerance = 0.005): 1e4 | 1e8 | null {
  if (a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  const big = Math.max(Math.abs(a), Math.abs(b));
  const small = Math.min(Math.abs(a), Math.abs(b));
  for (const f of [1e4, 1e8] as const) {
    if (Math.abs(big / (small * f) - 1) <= tolerance) return f;
  }
  return null;
}
