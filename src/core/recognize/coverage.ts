/**
 * What a check recognized, stated with every result: a reviewer must see what was read, so that "no problems"
 * is never said about a workbook the check did not understand.
 */
import { colToLetters, toA1 } from "../snapshot";
import type { IndicatorTable, WorkbookModel } from "./model";

/** Kinds of table a check can recognize. The ids are a contract of the CLI's JSON output. */
export type RecognizedKind =
  | "declaration"
  | "self-assessment"
  | "department-self-assessment"
  | "department-declaration"
  | "evaluation"
  | "funds"
  | "survey";

export interface RecognizedTable {
  kind: RecognizedKind;
  sheet: string;
  /** A1 range from the first header row to the last row read ("A4:J30"). */
  range: string;
  /** Indicator rows (levels for a survey, amount rows for a funds block). */
  rows: number;
  /** Mapped columns: role → column letter ({ target: "D", actual: "E", weight: "F", score: "G" }). */
  columns: Record<string, string>;
}

function letters(columns: Record<string, number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, c] of Object.entries(columns)) if (c !== undefined) out[role] = colToLetters(c);
  return out;
}

function span(columns: Record<string, number | undefined>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of Object.values(columns)) {
    if (c === undefined) continue;
    lo = Math.min(lo, c);
    hi = Math.max(hi, c);
  }
  return lo === Infinity ? [0, 0] : [lo, hi];
}

function indicatorKind(t: IndicatorTable): RecognizedKind {
  if (t.department && t.kind === "self-assessment") return "department-self-assessment";
  if (t.department && t.kind === "declaration") return "department-declaration";
  return t.kind;
}

/** The recognized tables of a model, in sheet and row order of recognition. */
export function coverage(model: WorkbookModel): RecognizedTable[] {
  const out: (RecognizedTable & { order: number })[] = [];
  for (const t of model.tables) {
    const [c0, c1] = span(t.columns);
    const last = Math.max(t.lastRow, t.total?.row ?? -1, t.headerRows[t.headerRows.length - 1]);
    out.push({
      kind: indicatorKind(t),
      sheet: t.sheet,
      range: `${toA1(t.headerRows[0], Math.min(c0, t.total?.col ?? c0))}:${toA1(last, c1)}`,
      rows: t.rows.length,
      columns: letters(t.columns),
      order: t.headerRows[0],
    });
  }
  for (const f of model.funds) {
    const cols: Record<string, number | undefined> = { ...f.columns };
    const rowsRead = [f.total, ...f.parts].filter((x) => x !== undefined);
    const last = rowsRead.reduce((m, x) => Math.max(m, x.row), f.headerRow);
    const labelCol = rowsRead.reduce((m, x) => Math.min(m, x.label.col), f.firstCol ?? Infinity);
    const [c0, c1] = span(cols);
    out.push({
      kind: "funds",
      sheet: f.sheet,
      range: `${toA1(f.headerRow, Math.min(c0, labelCol))}:${toA1(last, c1)}`,
      rows: rowsRead.length,
      columns: letters(cols),
      order: f.headerRow,
    });
  }
  for (const s of model.surveys) {
    const cols: Record<string, number | undefined> = { ...s.columns };
    const last = s.levels.reduce((m, l) => Math.max(m, l.label.row), s.total?.row ?? s.headerRow);
    const [c0, c1] = span(cols);
    out.push({
      kind: "survey",
      sheet: s.sheet,
      range: `${toA1(s.headerRow, c0)}:${toA1(last, c1)}`,
      rows: s.levels.length,
      columns: letters(cols),
      order: s.headerRow,
    });
  }
  const sheetOrder = new Map<string, number>();
  for (const t of model.tables) if (!sheetOrder.has(t.sheet)) sheetOrder.set(t.sheet, sheetOrder.size);
  for (const f of model.funds) if (!sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, sheetOrder.size);
  for (const s of model.surveys) if (!sheetOrder.has(s.sheet)) sheetOrder.set(s.sheet, sheetOrder.size);
  out.sort((a, b) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.order - b.order);
  return out.map(({ order: _order, ...t }) => t);
}
