/**
 * Display text of a cell value under a number format — the subset of Excel's formats the forms use
 * (General, @, 0, 0.00, #,##0.00, 0.00%), enough for `range.text` and the demo grid.
 */
import type { CellValue } from "../core/snapshot";

function general(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9)
    return n
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace("E+", "E+")
      .toUpperCase();
  // Excel's General shows up to about 11 significant characters.
  const s = Number(n.toPrecision(10)).toString();
  return s;
}

function grouped(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function formatCellText(v: CellValue, fmt: string): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const f = (fmt || "General").split(";")[0];
  if (f === "General" || f === "@") return general(v);
  const pct = f.includes("%");
  const dec = /\.(0+)/.exec(f)?.[1].length ?? 0;
  const x = pct ? v * 100 : v;
  let s = Math.abs(x).toFixed(dec);
  if (f.includes(",")) {
    const [i, d] = s.split(".");
    s = grouped(i) + (d ? `.${d}` : "");
  }
  const sign = x < 0 && Number(s.replace(/,/g, "")) !== 0 ? "-" : "";
  return `${sign}${s}${pct ? "%" : ""}`;
}
