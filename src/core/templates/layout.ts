import type { Locale } from "../locale";
import { STYLES, type StyleRole, type TemplateCell } from "./model";

/**
 * Print layout of a form: fonts as bureaus print them, row heights that fit wrapped text (merged cells too),
 * and the one scale that fits the form on one A4 page. Estimates use the writers' own units: a column of
 * w characters is (7w + 5) px = 0.75 × (7w + 5) pt wide; a CJK character is one em, other characters about
 * 0.55 em (generous, so text never spills over the next row).
 */

/** Body text size: 五号 (10.5 pt), as Chinese official forms print. */
export const BODY_PT = 10.5;
/** Nothing on a printed form may come out smaller than this after scaling. */
export const MIN_PRINTED_PT = 9;

/** The font a cell is printed in: 宋体 text with Times New Roman digits (zh-CN), Arial text (en-US). */
export function fontOf(role: StyleRole, lang: Locale): { name: string; size: number } {
  const size = STYLES[role].fontSize ?? BODY_PT;
  const numeric = role === "number" || role === "computed";
  if (lang === "en-US") return { name: numeric ? "Times New Roman" : "Arial", size };
  if (numeric) return { name: "Times New Roman", size };
  // Notes in 仿宋 as forms print their 说明 lines; everything else in 宋体.
  return { name: role === "note" ? "仿宋" : "宋体", size };
}

const columnPoints = (chars: number): number => 0.75 * (7 * chars + 5);

const isWide = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c >= 0x20000
  );
};

/** Printed width of a line of text at `size` pt. */
function textPoints(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? size : 0.55 * size;
  return w;
}

const lineHeight = (size: number) => size * 1.3;
/** Cell padding above and below the text, and left and right of it. */
const PAD_V = 3;
const PAD_H = 6;

/** Lines a text needs in a box `width` pt wide: greedy wrapping, Latin words whole, CJK at any character. */
function linesNeeded(text: string, size: number, width: number): number {
  const room = Math.max(width, size);
  const space = textPoints(" ", size);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    // Tokens: a run of non-wide, non-space characters (a word), or one wide character.
    const tokens =
      para.match(/[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|\s+/g) ?? [];
    let n = 1;
    let x = 0;
    let prevSpace = false;
    for (const tok of tokens) {
      if (/^\s+$/.test(tok)) {
        prevSpace = true;
        continue;
      }
      const w = textPoints(tok, size);
      const gap = prevSpace && x > 0 ? space : 0;
      prevSpace = false;
      if (x + gap + w <= room) x += gap + w;
      else if (w <= room) {
        n++;
        x = w;
      } else {
        // A word longer than the line is broken across lines.
        const extra = Math.ceil((x + gap + w) / room) - 1;
        n += extra;
        x = (x + gap + w) % room;
      }
    }
    lines += n;
  }
  return lines;
}

function displayText(cell: TemplateCell): string {
  if (cell.value === null || cell.value === undefined) return "";
  if (typeof cell.value === "number") return cell.value.toFixed(2);
  return String(cell.value);
}

/** Height a cell needs, in points, over all the rows it spans. */
function cellHeight(cell: TemplateCell, columnWidths: number[], lang: Locale): number {
  const { size } = fontOf(cell.style, lang);
  const one = lineHeight(size) + PAD_V;
  const text = displayText(cell);
  if (!STYLES[cell.style].wrap || text === "") return one;
  let width = -PAD_H;
  for (let c = cell.col; c < cell.col + (cell.colSpan ?? 1); c++) width += columnPoints(columnWidths[c] ?? 8.43);
  return linesNeeded(text, size, width) * lineHeight(size) + PAD_V;
}

/**
 * Row heights for every row of the form: at least the template's own height, enough for each single-row
 * cell's text, and for a merged area spanning rows, enough in total (the shortfall goes to its last row).
 */
export function fitRowHeights(
  cells: TemplateCell[],
  columnWidths: number[],
  lang: Locale,
  explicit: Record<number, number>,
): Record<number, number> {
  const rows = Math.max(0, ...cells.map((c) => c.row + (c.rowSpan ?? 1)));
  const h: number[] = [];
  for (let r = 0; r < rows; r++) h[r] = Math.max(explicit[r] ?? 0, lineHeight(BODY_PT) + PAD_V);
  for (const c of cells) if ((c.rowSpan ?? 1) === 1) h[c.row] = Math.max(h[c.row], cellHeight(c, columnWidths, lang));
  for (const c of cells) {
    const span = c.rowSpan ?? 1;
    if (span === 1) continue;
    const need = cellHeight(c, columnWidths, lang);
    let have = 0;
    for (let r = c.row; r < c.row + span; r++) have += h[r];
    if (have < need) h[c.row + span - 1] += need - have;
  }
  const out: Record<number, number> = {};
  // Quarter points, as Excel stores heights.
  h.forEach((v, r) => (out[r] = Math.ceil(v * 4) / 4));
  return out;
}

/** A4 in points, and the margins both writers set (0.5 in left/right, 0.75 in top/bottom). */
const A4 = { w: 595.3, h: 841.9 };
const MARGIN = { x: 36, y: 54 };

/** The largest whole-percent scale (≤ 100) at which the form fits one A4 page. */
export function fitScale(
  columnWidths: number[],
  rowHeights: Record<number, number>,
  orientation: "portrait" | "landscape",
): number {
  const page = orientation === "portrait" ? A4 : { w: A4.h, h: A4.w };
  const width = columnWidths.reduce((s, w) => s + columnPoints(w), 0);
  const height = Object.values(rowHeights).reduce((s, v) => s + v, 0);
  // 2 % slack for the printer's rounding.
  const fit = Math.min((page.w - 2 * MARGIN.x) / width, (page.h - 2 * MARGIN.y) / height) * 0.98;
  return Math.max(10, Math.min(100, Math.floor(fit * 100)));
}

/** The smallest font the form prints at its scale, in points. */
export function smallestPrintedFont(cells: TemplateCell[], lang: Locale, scale: number): number {
  return Math.min(...cells.map((c) => fontOf(c.style, lang).size)) * (scale / 100);
}
