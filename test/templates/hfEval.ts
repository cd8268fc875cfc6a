/**
 * Test-only: the EVAL functions registered into HyperFormula (GPL, never imported from src/) as a function
 * plugin wrapping the core's callEval, so exported templates can be recalculated by an independent engine.
 */
import * as ExcelJS from "exceljs";
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { isEvalError } from "../../src/core/errors";
import { toDisplayFormula } from "../../src/core/formulaForms";
import { callEval, EVAL_FUNCTIONS, type EvalArg, type EvalScalar } from "../../src/core/functions";

const ERRORS: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

function scalar(v: unknown): EvalScalar | CellError {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) return v;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // Rich numbers (percent, currency…) carry their value in `val`.
  if (typeof v === "object" && v !== null && "val" in v) return Number((v as { val: number }).val);
  return String(v);
}

class EvalPlugin extends FunctionPlugin {
  static implementedFunctions: Record<
    string,
    { method: string; parameters: { argumentType: FunctionArgumentType; optionalArg?: boolean }[] }
  > = {};
  static translations: Record<string, Record<string, string>> = { enGB: {} };
}
for (const spec of EVAL_FUNCTIONS) {
  const id = `EVAL.${spec.name}`;
  const method = `eval_${spec.name}`;
  EvalPlugin.implementedFunctions[id] = {
    method,
    parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional ?? false })),
  };
  EvalPlugin.translations.enGB[id] = id;
  (EvalPlugin.prototype as unknown as Record<string, unknown>)[method] = function (
    this: unknown,
    ast: { args: unknown[] },
    state: unknown,
  ) {
    // runFunction/metadata are protected: this function is installed as a method of the plugin class.
    const self = this as {
      runFunction(args: unknown, state: unknown, meta: unknown, fn: (...a: unknown[]) => unknown): unknown;
      metadata(id: string): unknown;
    };
    return self.runFunction(ast.args, state, self.metadata(id), (...args: unknown[]) => {
      const out: EvalArg[] = [];
      for (const a of args) {
        if (a instanceof SimpleRangeValue) {
          const rows: EvalScalar[][] = [];
          for (const row of a.data) {
            const r: EvalScalar[] = [];
            for (const x of row) {
              const s = scalar(x);
              if (s instanceof CellError) return s;
              r.push(s);
            }
            rows.push(r);
          }
          out.push(rows);
        } else if (a === undefined) out.push(undefined);
        else {
          const s = scalar(a);
          if (s instanceof CellError) return s;
          out.push(s);
        }
      }
      // Trailing omitted optionals arrive as undefined: drop them so arity checks match Excel's.
      while (out.length && out[out.length - 1] === undefined) out.pop();
      const r = callEval(spec.name, out);
      if (isEvalError(r)) return new CellError(ERRORS[r.code] ?? ErrorType.VALUE, r.reason);
      return r;
    });
  };
}
HyperFormula.registerFunctionPlugin(EvalPlugin as never, EvalPlugin.translations);

export type Raw = string | number | boolean | null;

/** The first sheet of an .xlsx as HyperFormula input (formulas with "="), plus the cached results by A1. */
export async function loadXlsx(buf: Buffer): Promise<{ name: string; data: Raw[][]; cached: Map<string, unknown> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const data: Raw[][] = [];
  const cached = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cell.value;
      let raw: Raw = null;
      if (v && typeof v === "object" && "formula" in v) {
        raw = toDisplayFormula(`=${v.formula}`); // the file stores _xldudf_EVAL_X
        cached.set(cell.address, v.result);
      } else if (typeof v === "string" && /^[=+\-@]/.test(v))
        raw = `'${v}`; // text, as the file stores it
      else raw = v as Raw;
      (data[r - 1] ??= [])[c - 1] = raw;
    });
  });
  for (let i = 0; i < data.length; i++) data[i] ??= [];
  return { name: ws.name, data, cached };
}

export function buildEngine(name: string, data: Raw[][]): { hf: HyperFormula; sheet: number } {
  const hf = HyperFormula.buildFromSheets({ [name]: data }, { licenseKey: "gpl-v3" });
  return { hf, sheet: hf.getSheetId(name)! };
}
