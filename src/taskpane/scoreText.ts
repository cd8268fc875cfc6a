/**
 * The words of a score card: the grade (or that the form is not scored yet) and what is wrong with the sheet's
 * own 总分 cell. Plain logic, apart from the ScoreSummaryView component that draws the card.
 */
import type { ScoreSummary } from "../core/check";
import type { Locale } from "../core/locale";
import { GRADE_WORDS } from "../core/scoring";
import { t } from "../i18n/index";

/** A score as the card shows it: at most two decimals, no trailing zeros. */
export const fmt = (n: number) =>
  Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");

/** What the card says about the sheet's own 总分 cell: an error in it, or a number that differs from Σ 得分. */
export function statedTotalNote(sc: ScoreSummary, locale: Locale): string | null {
  const st = sc.statedTotal;
  if (!st || sc.filled === false || sc.computedTotal === null || sc.computedTotal === undefined) return null;
  const computed = fmt(Math.round(sc.computedTotal * 100) / 100);
  if (st.value === null) {
    if (!st.text) return null;
    return t(locale, "statedTotalError", { cell: st.cell, text: st.text, computed });
  }
  // Displayed precision: scores are written to two decimals at most.
  if (Math.abs(st.value - sc.computedTotal) < 0.005) return null;
  return t(locale, "statedTotalDiffers", { cell: st.cell, stated: fmt(st.value), computed });
}

export function gradeText(sc: ScoreSummary, locale: Locale): string {
  if (sc.filled === false) return t(locale, "scoreUnfilled");
  if (sc.gradeKey) return GRADE_WORDS[sc.gradeKey][locale];
  return sc.grade ?? "—";
}
