/**
 * Formula evaluation for the simulated host: parses the text and evaluates it with the core's evaluator
 * (src/core/formula.ts, the one the templates' cached values come from, with Excel's semantics), against the
 * sim's workbook.
 * Errors travel as their text ("#DIV/0!"), as Office.js hands them over.
 */
import { isEvalError } from "../core/errors";
import { evaluateExpr, type FormulaValue as CoreValue } from "../core/formula";
import { parseFormula } from "../core/formulaParse";
import type { CellValue } from "../core/snapshot";

export type FormulaValue = CellValue | CellValue[][];

interface FormulaEnv {
  /** Computed value of a cell; sheet null = the formula's own sheet. */
  cell(sheet: string | null, row: number, col: number): CellValue;
  hasSheet(name: string): boolean;
}

const text = (v: CoreValue): CellValue => (isEvalError(v) ? v.code : v);

/** Evaluate a formula ("=…"). Returns the value, or an error text; never throws. */
export function evaluateFormula(formula: string, env: FormulaEnv): FormulaValue {
  let expr;
  try {
    expr = parseFormula(formula);
  } catch {
    return "#NUM!"; // nesting too deep to parse
  }
  if (!expr) return "#NAME?";
  const v = evaluateExpr(expr, {
    cell: (sheet, row, col) => env.cell(sheet, row, col),
    hasSheet: (name) => env.hasSheet(name),
  });
  return Array.isArray(v) ? v.map((row) => row.map(text)) : text(v);
}
