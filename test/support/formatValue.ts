import { OPERATOR_SYMBOL, type ParsedValue } from "../../src/core/value";

/*
 * The inverse of parseValue, for tests: it writes a parsed value back the way forms do, so that property tests
 * can generate form text from numbers and check that parse(format(x)) gives x back. The add-in itself never
 * writes values as text, so this lives with the tests.
 */

interface FormatOptions {
  /** Thousands separators in the number (default true for numbers ≥ 10000 without scale). */
  grouping?: boolean;
}

/**
 * Write a value back the way forms do: operator symbol, number as written (scale and decimals kept), unit.
 * parseValue(formatValue(p)).number equals p.number.
 */
export function formatValue(
  p: Pick<ParsedValue, "operator" | "number" | "scale" | "unit" | "percent" | "decimals"> &
    Partial<Pick<ParsedValue, "written" | "placeholder" | "qualitative" | "text" | "date">>,
  options: FormatOptions = {},
): string {
  if (p.number === null || !Number.isFinite(p.number)) {
    return p.text ?? "";
  }
  const op = p.operator ? OPERATOR_SYMBOL[p.operator] : "";
  if (p.date) {
    const d = new Date(Date.UTC(1899, 11, 30) + p.number * 86400000);
    const y = d.getUTCFullYear();
    const suffix = p.operator === "<=" || p.operator === "<" ? "前" : "";
    return `${y}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日${suffix}`;
  }
  const scale = p.scale > 0 ? p.scale : 1;
  const perUnit = p.percent ? 0.01 : p.unit === "‰" ? 0.001 : 1;
  let written = p.written ?? p.number / (scale * perUnit);
  // Keep enough decimals to give the number back exactly; the written decimals are a minimum.
  let text = numberText(written, p.decimals);
  if (p.written === undefined || p.written === null) {
    // Derived written value: make sure it parses back to the same number.
    const shift = Math.round(Math.log10(scale)) - (p.percent ? 2 : 0) - (p.unit === "‰" ? 3 : 0);
    for (let d = Math.max(0, p.decimals); d <= 20; d++) {
      const t = fixed(written, d);
      if (Number(`${t}e${shift}`) === p.number) {
        text = t;
        break;
      }
    }
    written = Number(text);
  }
  const grouping = options.grouping ?? false;
  if (grouping) text = group(text);
  const scaleText = scale === 1e8 ? "亿" : scale === 1e4 ? "万" : "";
  const unit = p.unit === null ? "" : p.unit;
  return `${op}${text}${scaleText}${unit}`;
}

function fixed(n: number, d: number): string {
  return Math.abs(n) < 1e21 ? n.toFixed(d) : expand(n);
}

function numberText(n: number, minDecimals: number): string {
  const d = Math.max(0, Math.min(20, minDecimals));
  let t = fixed(n, d);
  if (Number(t) !== n) {
    // toFixed lost digits: fall back to the shortest exact form, expanded out of exponent notation.
    t = expand(n);
  }
  return t;
}

/** Plain decimal text of a number, never in exponent notation (1e21 → "1000000000000000000000"). */
export function expand(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, i, f = "", e] = m;
  const exp = Number(e);
  const digits = i + f;
  const point = i.length + exp;
  if (point <= 0)
    return `${sign}0.${"0".repeat(-point)}${digits}`.replace(/\.?0+$/, (z) => (z.startsWith(".") ? "" : z));
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function group(t: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(t);
  if (!m) return t;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (m[3] ?? "");
}
