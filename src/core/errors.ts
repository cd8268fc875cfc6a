/**
 * Excel error values as the core returns them. Adapters translate: custom functions into
 * CustomFunctions.Error, the CLI into the error text, HyperFormula into its own error type.
 */
export type ExcelErrorCode = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A" | "#REF!" | "#NAME?" | "#NULL!";

export class EvalError {
  constructor(
    readonly code: ExcelErrorCode,
    /** Why, for tooltips and logs; never shown inside the cell. */
    readonly reason?: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

export function isEvalError(v: unknown): v is EvalError {
  return v instanceof EvalError;
}

const ERROR_TEXTS: readonly string[] = [
  "#VALUE!",
  "#DIV/0!",
  "#NUM!",
  "#N/A",
  "#REF!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
];

/** True for the text Excel shows for an error value (how Office.js and ExcelJS hand errors over). */
export function isErrorText(v: unknown): boolean {
  return typeof v === "string" && ERROR_TEXTS.includes(v);
}
