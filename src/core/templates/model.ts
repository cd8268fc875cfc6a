import type { Bilingual, Locale } from "../locale";
import type { MergeArea } from "../snapshot";
import { fromA1, parseRef, toA1 } from "../a1";
import { arg, type Expr } from "../formula";

/**
 * A template as pure data: what both writers (Office.js and ExcelJS) render. Coordinates are 0-based absolute,
 * like the snapshot. Nothing here knows about a host.
 */
export type StyleRole =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "input"
  | "computed"
  | "text"
  | "note"
  | "sign"
  | "textOpen"
  | "signBox"
  | "signEnd"
  | "signLine"
  | "number"
  | "grade";

export type BorderEdge = "top" | "bottom" | "left" | "right";

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** RRGGBB without '#'. */
  fill?: string;
  hAlign: "left" | "center" | "right";
  vAlign: "top" | "middle";
  wrap: boolean;
  /** Thin border on every side (true), none (false), or on the listed sides, for every cell of the area. */
  border: boolean | BorderEdge[];
}

/** One style per role so the forms look alike and writers translate a handful of specs, not every cell. */
export const STYLES: Record<StyleRole, StyleSpec> = {
  title: { bold: true, fontSize: 16, hAlign: "center", vAlign: "middle", wrap: false, border: false },
  subtitle: { fontSize: 11, hAlign: "center", vAlign: "middle", wrap: false, border: false },
  header: { bold: true, fill: "D9E1F2", hAlign: "center", vAlign: "middle", wrap: true, border: true },
  label: { bold: true, fill: "F2F2F2", hAlign: "center", vAlign: "middle", wrap: true, border: true },
  input: { hAlign: "left", vAlign: "middle", wrap: true, border: true },
  /** A numeric input (money, weight, count): right-aligned like the numbers it holds. */
  number: { hAlign: "right", vAlign: "middle", wrap: false, border: true },
  computed: { fill: "E2EFDA", hAlign: "right", vAlign: "middle", wrap: false, border: true },
  /** A computed word (the grade 优/良/中/差): centred and bold so it reads as the verdict. */
  grade: { bold: true, fill: "E2EFDA", hAlign: "center", vAlign: "middle", wrap: false, border: true },
  text: { hAlign: "left", vAlign: "top", wrap: true, border: true },
  note: { hAlign: "left", vAlign: "middle", wrap: true, border: false },
  sign: { hAlign: "right", vAlign: "middle", wrap: false, border: false },
  /**
   * An open box: a text block whose signature lines follow below it (the rectification report's 整改情况 and
   * 主管部门意见 with 签字/盖章/日期), so the lines sit inside one frame instead of boxes of their own.
   */
  textOpen: { hAlign: "left", vAlign: "top", wrap: true, border: ["top", "left", "right"] },
  signBox: { hAlign: "right", vAlign: "middle", wrap: false, border: ["left", "right"] },
  signEnd: { hAlign: "right", vAlign: "middle", wrap: false, border: ["left", "right", "bottom"] },
  /** A line under a form to be filled in by hand (填报人：…), left-aligned, no box. */
  signLine: { hAlign: "left", vAlign: "middle", wrap: false, border: false },
};

/** The sides a style draws. */
export function borderEdges(spec: StyleSpec): BorderEdge[] {
  if (spec.border === true) return ["top", "bottom", "left", "right"];
  return spec.border === false ? [] : spec.border;
}

export const NUMBER_FORMATS = {
  money: "#,##0.00",
  rate: "0.00%",
  score: "0.00",
  weight: "0",
  count: "0",
  /** Forces text: user-typed values starting with = + - @ must never become formulas. */
  text: "@",
} as const;

export interface TemplateCell {
  row: number;
  col: number;
  /** Constant content (null: an empty, styled cell such as an input box). */
  value?: string | number | boolean | null;
  formula?: Expr;
  style: StyleRole;
  numFmt?: string;
  /** Row/column span when the cell is the top-left of a merged area. */
  rowSpan?: number;
  colSpan?: number;
  /** Workbook name for a key input/result (ASCII, stable across languages). */
  name?: string;
  /** True for text the user typed into the options form (project name, …). */
  userText?: boolean;
}

export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Print scale in percent: the largest that fits the form on one A4 page (layout.ts fitScale). */
  scale: number;
  /** 0-based rows repeated at the top of every printed page, inclusive. */
  repeatRows?: { from: number; to: number };
}

export interface TemplateDefinition {
  kind: string;
  lang: Locale;
  /** Localized base name for the new sheet (suffixed when taken). */
  sheetName: string;
  title: string;
  example: boolean;
  /** Column widths in Excel character units, index = column. */
  columnWidths: number[];
  /** Row heights in points where not default, by 0-based row. */
  rowHeights: Record<number, number>;
  cells: TemplateCell[];
  print: PrintSetup;
}

export interface TemplateInfo {
  name: Bilingual;
  purpose: Bilingual;
  /** True when `example: true` fills the form with the seed's Menghai numbers. */
  hasExample: boolean;
}

/** Merged areas of a definition, derived from the cells' spans. */
export function mergesOf(def: TemplateDefinition): MergeArea[] {
  return def.cells
    .filter((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1)
    .map((c) => ({ r0: c.row, c0: c.col, r1: c.row + (c.rowSpan ?? 1) - 1, c1: c.col + (c.colSpan ?? 1) - 1 }));
}

/** Named cells: name → A1 of the cell. */
export function namesOf(def: TemplateDefinition): { name: string; a1: string }[] {
  return def.cells.filter((c) => c.name).map((c) => ({ name: c.name!, a1: toA1(c.row, c.col) }));
}

/** True when a text would be read by Excel as a formula or a signed number if typed as is. */
function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** True when Excel would store a typed text as a number or boolean ("2021", "1,000", "50%", "TRUE"). */
function looksLikeNumber(text: string): boolean {
  return /^\s*[+-]?[\d,.]+%?\s*$/.test(text) || /^(true|false)$/i.test(text.trim());
}

/**
 * A sheet under construction. Template modules place cells by A1 address so the code reads like the form;
 * the builder checks that no two cells or merges overlap (a definition bug, caught by the golden tests).
 */
export class SheetBuilder {
  readonly cells: TemplateCell[] = [];
  readonly rowHeights: Record<number, number> = {};
  private readonly taken = new Map<string, string>();

  constructor(readonly lang: Locale) {}

  /** Pick the text for this sheet's language. */
  t(zh: string, en: string): string {
    return this.lang === "zh-CN" ? zh : en;
  }

  /**
   * Place a cell. `at` is "B3" or "B3:D3" (merged). Returns the cell for further tweaks.
   * User text that Excel would parse as a formula gets the text format, so it is always stored as typed.
   */
  put(
    at: string,
    content: {
      value?: string | number | boolean | null;
      formula?: Expr;
      style: StyleRole;
      numFmt?: string;
      name?: string;
      userText?: boolean;
    },
  ): TemplateCell {
    const ref = parseRef(at);
    const p = ref && !ref.whole && ref.sheet === null ? fromA1(ref.from) : null;
    const q = ref && p ? fromA1(ref.to ?? ref.from) : null;
    if (!p || !q || q.row < p.row || q.col < p.col) throw new Error(`template: bad address ${at}`);
    for (let r = p.row; r <= q.row; r++)
      for (let c = p.col; c <= q.col; c++) {
        const k = toA1(r, c);
        if (this.taken.has(k)) throw new Error(`template: ${at} overlaps ${this.taken.get(k)}`);
        this.taken.set(k, at);
      }
    const cell: TemplateCell = { row: p.row, col: p.col, style: content.style };
    if (content.formula) cell.formula = content.formula;
    else cell.value = content.value ?? null;
    if (content.numFmt && content.numFmt !== "General") cell.numFmt = content.numFmt;
    if (q.row > p.row) cell.rowSpan = q.row - p.row + 1;
    if (q.col > p.col) cell.colSpan = q.col - p.col + 1;
    if (content.name) cell.name = content.name;
    if (content.userText) cell.userText = true;
    // Text Excel would turn into a formula, a number or a boolean when typed stays text.
    if (
      typeof cell.value === "string" &&
      (content.userText || looksLikeFormula(cell.value) || looksLikeNumber(cell.value))
    )
      cell.numFmt = NUMBER_FORMATS.text;
    this.cells.push(cell);
    return cell;
  }

  label(at: string, text: string): TemplateCell {
    return this.put(at, { value: text, style: "label" });
  }
  header(at: string, text: string): TemplateCell {
    return this.put(at, { value: text, style: "header" });
  }
  input(at: string, value: string | number | null = null, numFmt?: string, name?: string): TemplateCell {
    // A box formatted for numbers holds numbers: align it like them.
    const numeric = numFmt !== undefined && numFmt !== NUMBER_FORMATS.text;
    return this.put(at, { value, style: numeric ? "number" : "input", numFmt, name });
  }
  /** A value the user typed in the options form: always text. */
  userText(at: string, value: string | undefined, name?: string): TemplateCell {
    return this.put(at, { value: value ?? null, style: "input", name, userText: value !== undefined });
  }
  computed(at: string, formula: Expr, numFmt: string, name?: string): TemplateCell {
    return this.put(at, { formula, style: "computed", numFmt, name });
  }
  /** The grade word computed from a total. */
  grade(at: string, formula: Expr, name?: string): TemplateCell {
    return this.put(at, { formula, style: "grade", name });
  }
  height(row1: number, points: number): void {
    this.rowHeights[row1 - 1] = points;
  }
}

export { arg };
