import { evaluateAll, renderFormula, type FormulaGrid, type FormulaValue } from "../formula";
import { toA1 } from "../a1";
import type { TemplateDefinition } from "./model";

/**
 * Computed value of every formula cell of a definition (A1 → value), through the core's evaluator: the .xlsx
 * writer stores these as cached results so an exported form shows its numbers without the add-in.
 * `inputs` overrides cell values (A1 → value), for previews and tests.
 */
export function evaluateTemplate(
  def: TemplateDefinition,
  inputs: Record<string, string | number | boolean | null> = {},
): Map<string, FormulaValue> {
  const byA1 = new Map(def.cells.map((c) => [toA1(c.row, c.col), c] as const));
  const grid: FormulaGrid = {
    get(a1) {
      if (a1 in inputs) return { value: inputs[a1] };
      const c = byA1.get(a1);
      return c ? { value: c.value, formula: c.formula } : undefined;
    },
  };
  const formulaCells = def.cells
    .filter((c) => c.formula && !(toA1(c.row, c.col) in inputs))
    .map((c) => toA1(c.row, c.col));
  return evaluateAll(grid, formulaCells);
}

/** What a writer puts in one cell: formula text (with "=") and its computed value, or a constant. */
export interface WrittenCell {
  row: number;
  col: number;
  a1: string;
  /** Constant, or the formula's computed value (errors as EvalError). */
  value: FormulaValue;
  /** Formula text with the leading "=", when the cell holds a formula. */
  formula?: string;
  numFmt?: string;
}

/** Every cell's content as both writers must store it (the "same cell contents" contract). */
export function writtenCells(def: TemplateDefinition): WrittenCell[] {
  const values = evaluateTemplate(def);
  return def.cells.map((c) => {
    const a1 = toA1(c.row, c.col);
    const out: WrittenCell = {
      row: c.row,
      col: c.col,
      a1,
      value: c.formula ? (values.get(a1) ?? null) : (c.value ?? null),
    };
    if (c.formula) out.formula = renderFormula(c.formula);
    if (c.numFmt) out.numFmt = c.numFmt;
    return out;
  });
}
