/**
 * A period of whole months as forms write it: 2022年3月-2023年11月, 2022.1—2022.12, 2020年1月--2020年11月,
 * 2016年1月起至2016年12 月止. Read by the rules that compare a period with a deadline or count its months.
 */
const PERIOD =
  /((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*月?\s*起?[^\d]{0,3}?[-—–~～至到]+\s*((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*月?\s*(?:止|底|末)?/;

interface MonthPeriod {
  from: { year: number; month: number };
  to: { year: number; month: number };
}

/** The first period written in a text, or null (months outside 1–12 are no period). */
export function readPeriod(text: string): MonthPeriod | null {
  const m = PERIOD.exec(text.normalize("NFKC"));
  if (!m) return null;
  const [fy, fm, ty, tm] = [m[1], m[2], m[3], m[4]].map(Number);
  if (fm < 1 || fm > 12 || tm < 1 || tm > 12) return null;
  return { from: { year: fy, month: fm }, to: { year: ty, month: tm } };
}

/** Months a period spans, both ends included (2020年1月–11月 → 11). */
export function monthsIn(p: MonthPeriod): number {
  return (p.to.year - p.from.year) * 12 + p.to.month - p.from.month + 1;
}

/** An Excel serial (1900 system, as the value parser's dates are) for the last day of the period. */
export function lastDaySerial(p: MonthPeriod): number {
  const epoch = Date.UTC(1899, 11, 30);
  return Math.round((Date.UTC(p.to.year, p.to.month, 0) - epoch) / 86400000);
}
