/**
 * Indicator values as people write them (`≥95%`, `≤628,678,956.50元`, `3.52万人`, `控制在90万元以内`,
 * `在项目计划完成时间内完成`). `parseValue` turns any cell content into a typed description and never throws.
 */

export type Operator = ">=" | "<=" | ">" | "<" | "=";
/** positive: more is better (≥, >); reverse: less is better (≤, <); equal: "=" (scored like positive). */
type Direction = "positive" | "reverse" | "equal";

export interface ParsedValue {
  /** The input as text (numbers via String, null/undefined as ""). */
  text: string;
  /** True when a number was found (the value can be compared and scored). */
  quantitative: boolean;
  operator: Operator | null;
  direction: Direction | null;
  /** The value in base units: scale applied, percent as a fraction (`≥95%` → 0.95, `3.52万人` → 35200). */
  number: number | null;
  /** The number as written, before scale and percent (`3.52万人` → 3.52, `95%` → 95). */
  written: number | null;
  /** 1, 1e4 (万) or 1e8 (亿). */
  scale: number;
  /** Unit without the scale: "元", "人", "%", "个", "米"…; null when none was written. */
  unit: string | null;
  /** True for % (and 百分比): `number` is then a fraction. */
  percent: boolean;
  /** Digits after the decimal point as written (`62867.90` → 2); precision-aware comparisons use it. */
  decimals: number;
  /** `*`, `**`, `-`, `/`, `无`, `——`…: a cell filled only to look filled. */
  placeholder: boolean;
  /** ★ (or ☆) marks a core indicator (核心指标). */
  core: boolean;
  /** Text with no number (效果明显, 逐步提高, 在项目计划完成时间内完成). */
  qualitative: boolean;
  /** Empty cell or whitespace only. */
  empty: boolean;
  /** An Excel error text (#DIV/0!) or a non-finite number. */
  invalid: boolean;
  /** A calendar date (2021年12月31日前): `number` is then an Excel date serial. */
  date: boolean;
  /** Words left over that are neither operator nor unit (带动就业 in 带动就业50人以上). */
  rest: string;
}

const ERROR_RE =
  /^#(VALUE!|DIV\/0!|NUM!|N\/A|REF!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** Full-width ASCII → half-width, ideographic space → space, the other comparison glyphs → ≥ ≤. */
export function normalizeWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) out += " ";
    else if (ch === "≧" || ch === "⩾" || ch === "≥") out += "≥";
    else if (ch === "≦" || ch === "⩽" || ch === "≤") out += "≤";
    // Small form variants (﹦ U+FE66, ﹤, ﹥) appear in forms typed with some Chinese input methods.
    else if (ch === "﹦") out += "=";
    else if (ch === "﹤") out += "<";
    else if (ch === "﹥") out += ">";
    else out += ch;
  }
  return out;
}

// Longest phrases first so 不低于 is not read as 低于, 大于等于 not as 大于.
const PREFIX_WORDS: [string, Operator][] = [
  ["大于或等于", ">="],
  ["小于或等于", "<="],
  ["大于等于", ">="],
  ["小于等于", "<="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["不超过", "<="],
  ["不高于", "<="],
  ["不大于", "<="],
  ["不多于", "<="],
  ["控制在", "<="],
  ["达到", ">="],
  ["至少", ">="],
  ["最少", ">="],
  ["至多", "<="],
  ["最多", "<="],
  ["低于", "<="],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["多于", ">"],
  ["小于", "<"],
  ["少于", "<"],
  ["等于", "="],
  [">=", ">="],
  ["=>", ">="],
  ["<=", "<="],
  ["=<", "<="],
  ["≥", ">="],
  ["≤", "<="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
  ["达", ">="],
];
const SUFFIX_WORDS: [string, Operator][] = [
  ["及以上", ">="],
  ["以上", ">="],
  ["之上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
  ["之前", "<="],
  ["以前", "<="],
  ["前", "<="],
  ["内", "<="],
];

export const OPERATOR_SYMBOL: Record<Operator, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

function directionOf(op: Operator | null): Direction | null {
  if (op === ">=" || op === ">") return "positive";
  if (op === "<=" || op === "<") return "reverse";
  if (op === "=") return "equal";
  return null;
}

const PLACEHOLDER_RE = /^(?:[*\-—–_/\\.…·~]+|无|暂无|空|略|n\/?a|null|none)$/i;

function blank(text: string): ParsedValue {
  return {
    text,
    quantitative: false,
    operator: null,
    direction: null,
    number: null,
    written: null,
    scale: 1,
    unit: null,
    percent: false,
    decimals: 0,
    placeholder: false,
    core: false,
    qualitative: false,
    empty: false,
    invalid: false,
    date: false,
    rest: "",
  };
}

/** Decimal digits of a finite JS number as its shortest round-trip text shows them (0.125 → 3, 1e-7 → 7). */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n)) return 0;
  // Whole numbers below 1e21 print without point or exponent: no text to scan.
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return 0;
  const s = String(Math.abs(n));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return 0;
  const frac = (m[2] ?? "").length;
  const exp = m[3] ? Number(m[3]) : 0;
  return Math.max(0, frac - exp);
}

/** Exact-as-possible value of a decimal text times 10^shift (no 3.52×10000 float noise). */
function decimalValue(sign: string, intPart: string, fracPart: string, shift: number): number {
  const digits = (intPart + fracPart).replace(/^0+(?=\d)/, "") || "0";
  return Number(`${sign}${digits}e${shift - fracPart.length}`);
}

function matchPrefixOps(s: string): { op: Operator | null; rest: string } {
  if (s.trim() === "") return { op: null, rest: "" };
  let op: Operator | null = null;
  let rest = s;
  // Several operator words may stack (控制在≤…); the first one found wins.
  for (let guard = 0; guard < 4; guard++) {
    rest = rest.replace(/^\s+/, "");
    let hit = false;
    for (const [w, o] of PREFIX_WORDS) {
      const i = rest.lastIndexOf(w);
      // An operator word belongs to the number when it ends right before it (带动就业不少于50人).
      if (i >= 0 && rest.slice(i + w.length).trim() === "") {
        if (op === null) op = o;
        rest = rest.slice(0, i);
        hit = true;
        break;
      }
    }
    if (!hit) break;
  }
  return { op, rest: rest.trim() };
}

// Known units, longest first; anything else short is accepted as a unit too (people invent them).
const UNIT_ALIASES: [string, string][] = [
  ["百分比", "%"],
  ["百分点", "%"],
  ["%", "%"],
  ["％", "%"],
  ["‰", "‰"],
];

const DATE_RE = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])?\s*(?:(\d{1,2})\s*(?:日|号)?)?/;

/** Excel serial date (1900 system) for a calendar date; Excel's own leap-1900 quirk is irrelevant after March 1900. */
function excelSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

// Forms repeat the same values on every row and every rule asks again: parses of texts (and numbers) are kept,
// bounded so memory stays flat. The shared objects must never be mutated; parseValue hands out copies.
const CACHE_LIMIT = 200_000;
const cache = new Map<string | number, ParsedValue>();

/** Like parseValue, but the cached object itself (no copy per call): callers must treat it as read-only. */
export function parseValueShared(input: unknown): Readonly<ParsedValue> {
  // -0 is left out: it would share 0's entry, and a parse of -0 keeps its sign.
  if ((typeof input === "string" && input.length <= 200) || (typeof input === "number" && !Object.is(input, -0))) {
    const hit = cache.get(input);
    if (hit) return hit;
    const p = parseSafe(input);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(input, p);
    return p;
  }
  return parseSafe(input);
}

/** Parse any cell content as an indicator value. Never throws. */
export function parseValue(input: unknown): ParsedValue {
  return { ...parseValueShared(input) };
}

function parseSafe(input: unknown): ParsedValue {
  try {
    return parseInner(input);
  } catch {
    // Defensive: a parser bug must not break a check or a custom function.
    const p = blank(safeText(input));
    p.qualitative = p.text.trim() !== "";
    p.empty = !p.qualitative;
    return p;
  }
}

function safeText(input: unknown): string {
  if (input === null || input === undefined) return "";
  if (typeof input === "string") return input;
  if (typeof input === "number" || typeof input === "boolean") return String(input);
  try {
    return String(input);
  } catch {
    return "";
  }
}

function parseInner(input: unknown): ParsedValue {
  if (typeof input === "number") {
    // String(-0) is "0" too: one text serves both the blank and the number.
    const p = blank(String(input));
    if (!Number.isFinite(input)) {
      p.invalid = true;
      return p;
    }
    const n = input === 0 ? 0 : input; // -0 → 0
    p.quantitative = true;
    p.number = n;
    p.written = n;
    p.decimals = decimalsOf(n);
    return p;
  }
  if (typeof input === "boolean") {
    const p = blank(input ? "TRUE" : "FALSE");
    p.invalid = true;
    return p;
  }
  const text = safeText(input);
  const fast = parseSimple(text);
  if (fast !== null) return fast;
  const p = blank(text);
  // Control characters and line breaks are noise inside one value.
  let s = normalizeWidth(text).replace(/[\p{Cc}\u200b-\u200d\ufeff]/gu, " ");
  if (/[★☆]/.test(s)) {
    p.core = true;
    s = s.replace(/[★☆]/g, " ");
  }
  s = s.trim();
  if (s === "") {
    p.empty = !p.core;
    if (p.core) p.placeholder = true;
    return p;
  }
  if (ERROR_RE.test(s)) {
    p.invalid = true;
    return p;
  }
  if (PLACEHOLDER_RE.test(s.replace(/\s+/g, ""))) {
    p.placeholder = true;
    return p;
  }
  // Thousands separators: commas between digit groups of three (also after a full-width comma became ",").
  s = s.replace(/(\d)\s*,\s*(?=\d{3}(?!\d))/g, "$1");

  // 2021年底 / 2021年末 / 2021年度内 end on December 31.
  s = s.replace(/(\d{4})\s*年\s*(?:底|末|年底|年末|度内|内)/, "$1年12月31日");
  const dm = DATE_RE.exec(s);
  if (dm && (/年/.test(dm[0]) || /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(s.slice(dm.index)))) {
    const y = Number(dm[1]);
    const mo = Number(dm[2]);
    const d = dm[3] ? Number(dm[3]) : lastDay(y, mo);
    if (y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo)) {
      const before = s.slice(0, dm.index);
      const after = s.slice(dm.index + dm[0].length);
      const pre = matchPrefixOps(before);
      const suf = matchSuffixOps(after.trim());
      p.quantitative = true;
      p.date = true;
      p.operator = pre.op ?? suf.op;
      p.direction = directionOf(p.operator);
      p.number = excelSerial(y, mo, d);
      p.written = p.number;
      p.unit = "date";
      p.rest = [pre.rest, suf.unitAndRest].filter(Boolean).join(" ");
      return p;
    }
  }

  const nm = /([+-]?)(\d+)(?:\.(\d+))?|([+-]?)\.(\d+)/.exec(s);
  if (!nm) {
    // No digits at all: qualitative text (效果明显, 逐步提高).
    p.qualitative = true;
    p.rest = s;
    return p;
  }
  const sign = nm[1] || nm[4] || "";
  const intPart = nm[2] ?? "0";
  const fracPart = nm[3] ?? nm[5] ?? "";
  let before = s.slice(0, nm.index);
  // A "-" that is really a dash after a word (至-5) stays a sign; "≥-5" keeps its sign too.
  let after = s.slice(nm.index + nm[0].length).trim();

  let scale = 1;
  let scaleShift = 0;
  const sm = /^(亿|万)/.exec(after);
  if (sm) {
    scale = sm[1] === "亿" ? 1e8 : 1e4;
    scaleShift = sm[1] === "亿" ? 8 : 4;
    after = after.slice(1).trim();
  }
  // Suffix operator words come after the unit (90万元以内), so take the unit first.
  const sufFirst = matchSuffixOps(after);
  let unitText = sufFirst.unitAndRest;
  const sufOp = sufFirst.op;
  let percent = false;
  let unit: string | null = null;
  let rest = "";
  for (const [alias, u] of UNIT_ALIASES) {
    if (unitText.startsWith(alias)) {
      unit = u;
      percent = u === "%";
      unitText = unitText.slice(alias.length).trim();
      break;
    }
  }
  if (unit === null && unitText !== "") {
    // A short run of letters/ideographs right after the number is its unit (人, 万元→元, 平方米, 元/人, km).
    const um = /^([\u4e00-\u9fffA-Za-z²³㎡℃°/·]{1,8})(.*)$/.exec(unitText);
    if (um && !/[，,。；;、]/.test(um[1])) {
      unit = um[1];
      unitText = um[2].trim();
    }
  }
  // "95%以上" keeps its operator; leftovers after the unit (完成) are rest.
  const tail = matchSuffixOps(unitText);
  rest = tail.unitAndRest;
  const pre = matchPrefixOps(before.replace(/(大约|约)\s*$/, ""));
  before = pre.rest;
  const op = pre.op ?? sufOp ?? tail.op;

  const shift = scaleShift - (percent ? 2 : 0) - (unit === "‰" ? 3 : 0);
  p.quantitative = true;
  p.operator = op;
  p.direction = directionOf(op);
  p.written = decimalValue(sign === "-" ? "-" : "", intPart, fracPart, 0);
  p.number = decimalValue(sign === "-" ? "-" : "", intPart, fracPart, shift);
  if (Object.is(p.number, -0)) p.number = 0;
  if (Object.is(p.written, -0)) p.written = 0;
  if (!Number.isFinite(p.number) || !Number.isFinite(p.written)) {
    const q = blank(text);
    q.invalid = true;
    return q;
  }
  p.scale = scale;
  p.unit = unit;
  p.percent = percent;
  p.decimals = fracPart.length;
  p.rest = [before, rest].filter((x) => x !== "").join(" ");
  return p;
}

/**
 * The shapes most cells hold (95, ≥95%, =100%, ≥3.52万人, ≤1,234.50元): an optional ≥/≤/=, digits with
 * grouping commas and decimals, an optional 万/亿 and a unit from a short list. Read by one regex instead of
 * the general path's dozen; for these shapes the general path gives exactly this (no date, no suffix word,
 * nothing left over). Units that could start a date or a suffix word (年, 月, 日, 前, 内) are left out.
 */
const SIMPLE_RE =
  /^([≥≤=]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|亿)?(%|人|个|元|次|人次|户|家|项|件|台|套|份|所|名|公里|千米|米|平方米|亩|吨|辆|册|条|张|株|头|只|座|间|批|场|篇|期|处|小时|分钟|度|元\/人)?$/;

function parseSimple(text: string): ParsedValue | null {
  const m = SIMPLE_RE.exec(text);
  if (m === null) return null;
  const [, opText, intText, frac, scaleText, unitText] = m;
  const intPart = intText.length > 3 && intText.includes(",") ? intText.replace(/,/g, "") : intText;
  const fracPart = frac ?? "";
  const percent = unitText === "%";
  const scale = scaleText === "亿" ? 1e8 : scaleText === "万" ? 1e4 : 1;
  const shift = (scaleText === "亿" ? 8 : scaleText === "万" ? 4 : 0) - (percent ? 2 : 0);
  const p = blank(text);
  const written = decimalValue("", intPart, fracPart, 0);
  const number = decimalValue("", intPart, fracPart, shift);
  if (!Number.isFinite(number) || !Number.isFinite(written)) {
    p.invalid = true;
    return p;
  }
  const op: Operator | null = opText === "≥" ? ">=" : opText === "≤" ? "<=" : opText === "=" ? "=" : null;
  p.quantitative = true;
  p.operator = op;
  p.direction = directionOf(op);
  p.written = written;
  p.number = number;
  p.scale = scale;
  p.unit = unitText === undefined ? null : unitText;
  p.percent = percent;
  p.decimals = fracPart.length;
  return p;
}

function lastDay(y: number, m: number): number {
  if (m < 1 || m > 12) return 0;
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function matchSuffixOps(s: string): { op: Operator | null; unitAndRest: string } {
  // 左右 / 上下 only say "about": no operator, not part of the unit.
  let t = s
    .trim()
    .replace(/(左右|上下)$/, "")
    .trim();
  let op: Operator | null = null;
  // Words like 以内 end the value; strip them from the end and also anywhere right after the unit.
  for (const [w, o] of SUFFIX_WORDS) {
    if (w.length === 1) continue;
    const i = t.indexOf(w);
    if (i >= 0) {
      op = o;
      t = (t.slice(0, i) + " " + t.slice(i + w.length)).trim();
      break;
    }
  }
  if (op === null) {
    // Single-character 前/内 only at the very end (2021年底前, 3个月内).
    for (const [w, o] of SUFFIX_WORDS) {
      if (w.length !== 1) continue;
      if (t.endsWith(w) && t.length > 0) {
        op = o;
        t = t.slice(0, -1).trim();
        break;
      }
    }
  }
  return { op, unitAndRest: t };
}

/** The smallest step the value's written precision can show, in base units (62867.90万元 → 100 元). */
export function resolution(p: Pick<ParsedValue, "decimals" | "scale" | "percent" | "unit">): number {
  const perUnit = p.percent ? 0.01 : p.unit === "‰" ? 0.001 : 1;
  return Math.pow(10, -p.decimals) * (p.scale || 1) * perUnit;
}
