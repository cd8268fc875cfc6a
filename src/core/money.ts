/**
 * Exact decimal arithmetic for amounts: 61196.81 − 61001.46 is 195.35, not 195.35000000000582.
 * A value is an integer mantissa (BigInt) and a count of decimal places; JS numbers enter through their
 * shortest round-trip text, which is what the user typed in the cell.
 */

interface Decimal {
  /** value = m × 10^-places */
  m: bigint;
  places: number;
}

const DEC_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parse a number or a numeric text (thousands separators allowed) exactly; null when it is not one. */
function toDecimal(x: number | string | bigint): Decimal | null {
  if (typeof x === "bigint") return { m: x, places: 0 };
  let s: string;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) return null;
    s = String(x);
  } else {
    s = x.trim().replace(/,(?=\d{3}(?!\d))/g, "");
  }
  const m = DEC_RE.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const frac = m[3] ?? "";
  const exp = m[4] ? Number(m[4]) : 0;
  if (Math.abs(exp) > 400) return null;
  let mant = BigInt((m[2] || "0") + frac);
  let places = frac.length - exp;
  if (places < 0) {
    mant *= 10n ** BigInt(-places);
    places = 0;
  }
  if (m[1] === "-") mant = -mant;
  return normalize({ m: mant, places });
}

function normalize(d: Decimal): Decimal {
  let { m, places } = d;
  while (places > 0 && m % 10n === 0n) {
    m /= 10n;
    places--;
  }
  return { m, places };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const p = Math.max(a.places, b.places);
  return [a.m * 10n ** BigInt(p - a.places), b.m * 10n ** BigInt(p - b.places), p];
}

function addDec(a: Decimal, b: Decimal): Decimal {
  const [x, y, p] = align(a, b);
  return normalize({ m: x + y, places: p });
}

function subDec(a: Decimal, b: Decimal): Decimal {
  const [x, y, p] = align(a, b);
  return normalize({ m: x - y, places: p });
}

/** Decimal text without exponent ("195.35", "-0.5"). */
function decToString(d: Decimal): string {
  const neg = d.m < 0n;
  let digits = (neg ? -d.m : d.m).toString();
  if (d.places === 0) return (neg ? "-" : "") + digits;
  if (digits.length <= d.places) digits = "0".repeat(d.places - digits.length + 1) + digits;
  const i = digits.length - d.places;
  return (neg ? "-" : "") + digits.slice(0, i) + "." + digits.slice(i);
}

/** The nearest double to the exact decimal: Number("195.35"). */
function decToNumber(d: Decimal): number {
  const n = Number(decToString(d));
  return Object.is(n, -0) ? 0 : n;
}

/** a − b exactly; null when either is not a finite number. */
export function moneySub(a: number | string, b: number | string): number | null {
  const x = toDecimal(a);
  const y = toDecimal(b);
  if (!x || !y) return null;
  return decToNumber(subDec(x, y));
}

/** Σ values exactly; null when any is not a finite number. */
export function moneySum(values: readonly (number | string)[]): number | null {
  let acc: Decimal = { m: 0n, places: 0 };
  for (const v of values) {
    const d = toDecimal(v);
    if (!d) return null;
    acc = addDec(acc, d);
  }
  return decToNumber(acc);
}
