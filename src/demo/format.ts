/**
 * A small display formatter for the demo grid: enough of Excel's number formats to show the forms as an
 * evaluator would see them (percentages, fixed decimals, thousands separators). Not a full format engine.
 */
export function formatCell(value: unknown, numberFormat: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return "#NUM!";
  const fmt = (numberFormat || "General").split(";")[0].replace(/"[^"]*"|\\./g, "");
  if (fmt === "General" || fmt === "@") {
    return String(Number.parseFloat(value.toPrecision(11)));
  }
  const decimals = (/\.(0+)/.exec(fmt)?.[1].length ?? 0);
  const percent = fmt.includes("%");
  const n = percent ? value * 100 : value;
  let text = n.toFixed(decimals);
  if (fmt.includes(",")) {
    const [int, frac] = text.split(".");
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
  }
  return percent ? `${text}%` : text;
}
