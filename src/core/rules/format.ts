/** Formatting numbers and messages for findings. */
import type { Bilingual } from "../locale";
import type { MessageData } from "./types";

/** A number as a person would write it: no float noise, at most `maxDecimals` decimals, trailing zeros dropped. */
export function fmtNum(n: number, maxDecimals = 6): string {
  if (!Number.isFinite(n)) return String(n);
  const s = n.toFixed(Math.min(maxDecimals, 20));
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** A fraction as a percentage: 0.97341 → "97.34%". */
export function fmtPct(fraction: number, decimals = 2): string {
  return `${fmtNum(fraction * 100, decimals)}%`;
}

/** Fill {placeholders} in both languages; unknown placeholders stay visible so a missing value is noticed. */
export function fillMessage(template: Bilingual, data: MessageData = {}): Bilingual {
  const fill = (t: string) => {
    const parts = partsOf(t);
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const v = data[parts[i]];
      out += (v === undefined ? `{${parts[i]}}` : typeof v === "number" ? fmtNum(v) : v) + parts[i + 1];
    }
    return out;
  };
  return { "zh-CN": fill(template["zh-CN"]), "en-US": fill(template["en-US"]) };
}

/**
 * A template split at its placeholders (text, key, text, …, text), once per template: the rules' messages are
 * constants, and a large workbook fills the same few tens of thousands of times.
 */
const templateParts = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/** Thousands separators in the integer part (1234567.5 → "1,234,567.5"). */
function group(s: string): string {
  const neg = s.startsWith("-");
  const body = neg ? s.slice(1) : s;
  const [int, frac] = body.split(".");
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${g}${frac !== undefined ? `.${frac}` : ""}`;
}

/** What a number format says about display: fixed decimals, percent, separators. */
function formatShape(format: string | undefined): { decimals: number | null; percent: boolean; grouped: boolean } {
  if (!format || /^general$/i.test(format)) return { decimals: null, percent: false, grouped: false };
  const section = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "");
  const m = /\.([0#?]+)/.exec(section);
  const hasDigits = /[0#?]/.test(section);
  return {
    decimals: hasDigits ? (m ? m[1].length : 0) : null,
    percent: /%/.test(section),
    grouped: /[0#?],[0#?]/.test(section),
  };
}

/**
 * A number as the cell it came from shows it (issue 10: 96.62 not 96.616087, 90% not 0.9, 610,014.60万元):
 * the cell's number format (decimals, %, separators), a text cell as written, and the unit when given.
 */
export function shownCell(cell: { raw: unknown; text: string; format?: string }, unit = ""): string {
  if (typeof cell.raw !== "number") {
    const t = cell.text.trim();
    return unit && t !== "" && !t.endsWith(unit) && /\d$/.test(t) ? `${t}${unit}` : t;
  }
  return shownLike(cell.raw, cell, unit);
}

/** A computed number shown the way a reference cell shows its own (a sum beside its total, a rate beside its rate). */
export function shownLike(value: number, like: { format?: string } | undefined, unit = ""): string {
  if (!Number.isFinite(value)) return String(value);
  const f = formatShape(like?.format);
  if (f.percent) return `${group(f.decimals === null ? fmtNum(value * 100, 2) : (value * 100).toFixed(f.decimals))}%`;
  const s = f.decimals === null ? fmtNum(value, 6) : value.toFixed(f.decimals);
  return `${f.grouped ? group(s) : s}${unit}`;
}
