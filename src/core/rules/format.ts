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
  const fill = (t: string) =>
    t.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const v = data[key];
      if (v === undefined) return whole;
      return typeof v === "number" ? fmtNum(v) : v;
    });
  return { "zh-CN": fill(template["zh-CN"]), "en-US": fill(template["en-US"]) };
}
