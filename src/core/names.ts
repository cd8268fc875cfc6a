/**
 * Indicator names as matching keys. The same indicator is written 成本指标 in one table and "成本 指标★" or
 * "成本\n指标（元）" in another; matching must see through that.
 */
import { normalizeWidth } from "./value";

const MARKER_RE =
  /\((?:核心|核心指标|定量|定性|正向|反向|正向指标|反向指标|[A-Za-z]|%|‰|百分比|[万亿]?元|[万]?人|人次|个|次|户|天|日|米|公里|千米|亩|吨|件|项|家|份|年|月|单位[:：]?[^()]*)\)$/;

/**
 * Normalize an indicator name: width, spaces and line breaks, ★, a leading numbering (1. / 一、 / (1)),
 * trailing bracketed notes ((核心), （元）), and a trailing 指标 removed. Returns "" for empty input.
 */
export function normalizeName(input: unknown): string {
  if (input === null || input === undefined) return "";
  let s = normalizeWidth(typeof input === "string" ? input : String(input));
  s = s.replace(/[★☆*]/g, "");
  s = s.replace(/[\s\p{Cc}\u200b-\u200d\ufeff]+/gu, "");
  // Chinese brackets are brackets too.
  s = s.replace(/[【〔［「『〈《]/g, "(").replace(/[】〕］」』〉》]/g, ")");
  // Leading numbering: 1. 1、 (1) 一、 （一） ①
  s = s.replace(/^(?:\(?[0-9一二三四五六七八九十]+[)、.．]|[①-⑳])+/, "");
  // Trailing bracketed markers, possibly several: 成本指标(元)(核心). Other bracketed words stay, because
  // 参保人数(企业职工) and 参保人数(机关事业单位) are different indicators.
  for (let i = 0; i < 3; i++) s = s.replace(MARKER_RE, "");
  s = s.replace(/[:：]$/, "");
  if (s.length > 2) s = s.replace(/指标$/, "");
  return s.toLowerCase();
}
