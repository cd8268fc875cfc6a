import { EvalError, isEvalError, isErrorText, type ExcelErrorCode } from "./errors";
import { callEval, type EvalArg, type EvalScalar } from "./functions";
import { fromA1, parseRef, qualify, toA1 } from "./a1";

/**
 * Formulas as structured data, and the one evaluator for them. Templates build Exprs (rendered to Excel text
 * for the writers, evaluated here so the .xlsx writer can store cached results); the simulated host parses
 * formula text into the same Exprs (`parseFormula` in ./formulaParse) and evaluates them against its workbook.
 * Each caller is a `FormulaEnv`; the evaluator itself knows no grid or workbook.
 */
export type Expr =
  /** A cell; `sheet` set for a cross-sheet reference (Sheet2!A1). */
  | { kind: "ref"; ref: string; sheet?: string }
  | { kind: "range"; from: string; to: string; sheet?: string }
  | { kind: "num"; value: number }
  | { kind: "str"; value: string }
  | { kind: "bool"; value: boolean }
  /** An omitted argument (f(a,,b)): empty, and `undefined` for a custom function, as Excel passes it. */
  | { kind: "blank" }
  /** A bare name Excel would not know: evaluates to #NAME?. */
  | { kind: "name"; name: string }
  | { kind: "call"; fn: string; args: Expr[] }
  | { kind: "unary"; op: "-" | "+"; arg: Expr }
  | { kind: "percent"; arg: Expr }
  | { kind: "op"; op: BinaryOp; left: Expr; right: Expr };

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

// Small constructors so template modules read like the forms they describe.
export const ref = (a1: string): Expr => ({ kind: "ref", ref: a1 });
export const range = (a1: string): Expr => {
  const r = parseRef(a1);
  if (!r || r.whole) throw new Error(`formula: bad range ${a1}`);
  return r.sheet === null
    ? { kind: "range", from: r.from, to: r.to ?? r.from }
    : { kind: "range", sheet: r.sheet, from: r.from, to: r.to ?? r.from };
};
export const num = (value: number): Expr => ({ kind: "num", value });
export const str = (value: string): Expr => ({ kind: "str", value });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: "call", fn, args });
export const op = (o: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: "op", op: o, left, right });
/** Coerce a plain string to a ref ("D7") or range ("C5:C8"), leave Exprs alone. */
export const arg = (a: Expr | string | number): Expr =>
  typeof a === "number" ? num(a) : typeof a === "string" ? (a.includes(":") ? range(a) : ref(a)) : a;

/** Excel text of an expression, without the leading "=". */
function renderExpr(e: Expr): string {
  // Parenthesize nested operators so precedence never depends on the reader.
  const side = (s: Expr) => (s.kind === "op" || s.kind === "unary" ? `(${renderExpr(s)})` : renderExpr(s));
  switch (e.kind) {
    case "ref":
      return e.sheet !== undefined ? qualify(e.sheet, e.ref) : e.ref;
    case "range":
      return e.sheet !== undefined ? qualify(e.sheet, `${e.from}:${e.to}`) : `${e.from}:${e.to}`;
    case "num":
      return numberText(e.value);
    case "str":
      return `"${e.value.replace(/"/g, '""')}"`;
    case "bool":
      return e.value ? "TRUE" : "FALSE";
    case "blank":
      return "";
    case "name":
      return e.name;
    case "call":
      return `${e.fn}(${e.args.map(renderExpr).join(",")})`;
    case "unary":
      return `${e.op}${side(e.arg)}`;
    case "percent":
      return `${side(e.arg)}%`;
    case "op":
      return `${side(e.left)}${e.op}${side(e.right)}`;
  }
}

/** Excel formula text with the leading "=" (as Office.js `formulas` wants it). */
export function renderFormula(e: Expr): string {
  return `=${renderExpr(e)}`;
}

function numberText(n: number): string {
  // Avoid exponent notation Excel would not parse in a formula.
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

const stripDollar = (a1: string) => a1.replace(/\$/g, "").toUpperCase();

/** A computed value: what a cell shows. Errors stay EvalError so writers can store them as Excel errors. */
export type FormulaValue = number | string | boolean | null | EvalError;

/** A formula's result: a value, or the rows of a range when the formula is just a range (=A1:B2). */
type FormulaResult = FormulaValue | FormulaValue[][];

/** What a formula reads: the cells of its workbook (or template grid). */
interface FormulaEnv {
  /** Computed value of a cell, 0-based; sheet null = the formula's own sheet. Error texts count as errors. */
  cell(sheet: string | null, row: number, col: number): FormulaValue;
  /** Whether a sheet of that name exists (a reference to a missing one is #REF!). */
  hasSheet(name: string): boolean;
}

/**
 * Evaluate one expression against an environment. Never throws: an unknown function gives #NAME?, a bad
 * operand #VALUE!, runaway nesting #NUM! — as Excel would show them.
 */
export function evaluateExpr(e: Expr, env: FormulaEnv): FormulaResult {
  try {
    return evalExpr(e, env);
  } catch (err) {
    return err instanceof RangeError ? new EvalError("#NUM!", "formula nested too deeply") : thrown(err);
  }
}

const thrown = (err: unknown) => new EvalError("#VALUE!", err instanceof Error ? err.message : String(err));

/** Cells of a grid as the evaluator sees them: a constant, or a formula to evaluate. */
export interface FormulaGrid {
  /** Value or formula at an A1 address (no "$"); undefined for an empty cell. */
  get(a1: string): { value?: string | number | boolean | null; formula?: Expr } | undefined;
}

/**
 * Evaluate every formula of a grid (one sheet: cross-sheet references are #REF!). Returns a map from A1 (no
 * "$") to its value. Never throws: a cycle gives #REF!, an unknown function #NAME?, a bad operand #VALUE!.
 */
export function evaluateAll(grid: FormulaGrid, addresses: Iterable<string>): Map<string, FormulaValue> {
  const done = new Map<string, FormulaValue>();
  const active = new Set<string>();

  const cellValue = (key: string): FormulaValue => {
    if (done.has(key)) return done.get(key)!;
    const cell = grid.get(key);
    if (!cell) return null;
    if (!cell.formula) return cell.value ?? null;
    if (active.has(key)) return new EvalError("#REF!", `circular reference at ${key}`);
    active.add(key);
    let v: FormulaValue;
    try {
      v = scalar(evalExpr(cell.formula, env));
    } catch (err) {
      // The evaluator itself should not throw; if a function does, show #VALUE! rather than crash a writer.
      v = thrown(err);
    }
    active.delete(key);
    done.set(key, v);
    return v;
  };
  const env: FormulaEnv = {
    cell: (sheet, row, col) => (sheet === null ? cellValue(toA1(row, col)) : new EvalError("#REF!")),
    hasSheet: () => false,
  };

  const out = new Map<string, FormulaValue>();
  for (const a of addresses) {
    const key = stripDollar(a);
    out.set(key, asError(cellValue(key)));
  }
  return out;
}

/** Error texts read from cells ("#N/A") are errors. */
function asError(v: FormulaValue): FormulaValue {
  return isErrorText(v) ? new EvalError(v as ExcelErrorCode) : v;
}

function evalExpr(e: Expr, env: FormulaEnv): FormulaResult {
  switch (e.kind) {
    case "ref":
    case "range": {
      if (e.sheet !== undefined && !env.hasSheet(e.sheet)) return new EvalError("#REF!", `no sheet ${e.sheet}`);
      const sheet = e.sheet ?? null;
      const a = fromA1(e.kind === "ref" ? e.ref : e.from);
      const b = e.kind === "ref" ? a : fromA1(e.to);
      if (!a || !b) return new EvalError("#REF!");
      if (e.kind === "ref") return asError(env.cell(sheet, a.row, a.col));
      const rows: FormulaValue[][] = [];
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
        const row: FormulaValue[] = [];
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) row.push(asError(env.cell(sheet, r, c)));
        rows.push(row);
      }
      return rows;
    }
    case "num":
    case "str":
    case "bool":
      return e.value;
    case "blank":
      return null;
    case "name":
      return new EvalError("#NAME?", `unknown name ${e.name}`);
    case "unary": {
      const x = toNumber(scalar(evalExpr(e.arg, env)));
      return isEvalError(x) || e.op === "+" ? x : -x;
    }
    case "percent": {
      const x = toNumber(scalar(evalExpr(e.arg, env)));
      return isEvalError(x) ? x : x / 100;
    }
    case "op":
      return binary(e.op, scalar(evalExpr(e.left, env)), scalar(evalExpr(e.right, env)));
    case "call":
      return callFn(e, env);
  }
}

const isRef = (e: Expr | undefined) => e?.kind === "ref" || e?.kind === "range";
const flat = (v: FormulaResult): FormulaValue[] => (Array.isArray(v) ? v.flat() : [v]);
const BLANK: Expr = { kind: "blank" };

function callFn(e: Extract<Expr, { kind: "call" }>, env: FormulaEnv): FormulaResult {
  const name = e.fn.toUpperCase();
  const argv = () => e.args.map((a) => evalExpr(a, env));
  const one = (a: Expr | undefined) => scalar(evalExpr(a ?? BLANK, env));
  if (name.startsWith("EVAL.")) return callCustom(name.slice(5), e.args, env);
  switch (name) {
    case "SUM":
    case "MIN":
    case "MAX":
    case "AVERAGE": {
      const ns = numbersOf(e.args, env);
      if (isEvalError(ns)) return ns;
      const sum = () => ns.reduce((s, x) => s + x, 0);
      if (name === "SUM") return cleanSum(sum());
      if (ns.length === 0) return name === "AVERAGE" ? new EvalError("#DIV/0!") : 0;
      if (name === "AVERAGE") return sum() / ns.length;
      // A loop, not Math.min(...ns): a range of a few hundred thousand cells would overflow the stack.
      let best = ns[0];
      for (const x of ns) if (name === "MIN" ? x < best : x > best) best = x;
      return best;
    }
    case "ABS":
    case "SQRT":
    case "ROUND": {
      const [x, digits] = argv().map((v) => toNumber(scalar(v)));
      if (x === undefined) return NaN; // no argument: shown as #NUM!, as before the evaluators were merged
      if (isEvalError(x)) return x;
      if (name === "ABS") return Math.abs(x);
      // SQRT(-1) is how a standard formula says #NUM! (the grade of a total outside 0–100).
      if (name === "SQRT") return x < 0 ? new EvalError("#NUM!", "square root of a negative number") : Math.sqrt(x);
      if (isEvalError(digits)) return digits;
      const f = Math.pow(10, Math.trunc(digits ?? 0));
      // Half away from zero, as Excel rounds; the nudge absorbs 2.675 being stored as 2.67499….
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    }
    case "COUNT":
    case "COUNTA": {
      let n = 0;
      for (const a of e.args)
        for (const x of flat(evalExpr(a, env))) {
          if (name === "COUNTA") n += x !== null && x !== "" ? 1 : 0;
          else if (typeof x === "number") n++;
          // Excel counts a literal that reads as a number (COUNT(1,"2") = 2), never text in a cell.
          else if (!isRef(a) && x !== null && !isEvalError(toNumber(x))) n++;
        }
      return n;
    }
    case "AND":
    case "OR":
    case "NOT": {
      const flags: boolean[] = [];
      // Argument by argument: stop at the first error without reading (and caching) what follows.
      for (const a of e.args) {
        const v = evalExpr(a, env);
        for (const x of flat(v)) {
          if (isEvalError(x)) return x;
          if (typeof x === "boolean") flags.push(x);
          else if (typeof x === "number") flags.push(x !== 0);
          else if (typeof x === "string" && !isRef(a)) {
            // Text in a cell is skipped; a literal must read as TRUE/FALSE.
            const b = truth(x);
            if (b === null) return new EvalError("#VALUE!");
            flags.push(b);
          }
        }
      }
      if (name === "NOT") return flags.length === 1 ? !flags[0] : new EvalError("#VALUE!");
      if (!flags.length) return new EvalError("#VALUE!");
      return name === "AND" ? flags.every(Boolean) : flags.some(Boolean);
    }
    case "IFERROR": {
      const v = one(e.args[0]);
      return isEvalError(v) ? one(e.args[1] ?? str("")) : v;
    }
    case "SUMPRODUCT": {
      const arrays = argv().map(flat);
      if (!arrays.length || arrays.some((a) => a.length !== arrays[0].length)) return new EvalError("#VALUE!");
      let sum = 0;
      for (let i = 0; i < arrays[0].length; i++) {
        let p = 1;
        for (const a of arrays) {
          const x = a[i];
          if (isEvalError(x)) return x;
          p *= typeof x === "number" ? x : 0;
        }
        sum += p;
      }
      return sum;
    }
    case "IF": {
      const c = one(e.args[0]);
      if (isEvalError(c)) return c;
      const truthy = typeof c === "string" ? truth(c) : !!c;
      if (truthy === null) return new EvalError("#VALUE!");
      const branch = truthy ? e.args[1] : e.args[2];
      // IF(TRUE) is TRUE and IF(FALSE) FALSE: the missing branch gives the condition, as in Excel.
      return branch ? one(branch) : truthy;
    }
    default:
      return new EvalError("#NAME?", `unknown function ${e.fn}`);
  }
}

/** EVAL.* through `callEval`, the same code as the custom functions. */
function callCustom(name: string, args: Expr[], env: FormulaEnv): FormulaValue {
  const out: EvalArg[] = [];
  for (const a of args) {
    if (a.kind === "blank") {
      out.push(undefined); // an omitted optional argument, as Excel passes it to custom functions
      continue;
    }
    const v = evalExpr(a, env);
    if (Array.isArray(v)) {
      const rows: EvalScalar[][] = [];
      for (const row of v) {
        const r: EvalScalar[] = [];
        for (const x of row) {
          // Excel hands a custom function the errors inside a range; the function decides.
          if (isEvalError(x)) r.push(x.code);
          else r.push(x === "" ? null : x);
        }
        rows.push(r);
      }
      out.push(rows);
    } else {
      if (isEvalError(v)) return v; // Excel does not call a custom function with an error argument.
      out.push(v);
    }
  }
  return callEval(name, out);
}

/** TRUE/FALSE text as a condition (null: not a truth value). */
function truth(text: string): boolean | null {
  const t = text.toUpperCase();
  return t === "TRUE" ? true : t === "FALSE" ? false : null;
}

/** Numbers of SUM-like arguments: text and booleans inside ranges are skipped, literals are coerced. */
function numbersOf(args: Expr[], env: FormulaEnv): number[] | EvalError {
  const out: number[] = [];
  for (const a of args) {
    const v = evalExpr(a, env);
    if (Array.isArray(v) || a.kind === "ref") {
      for (const x of flat(v)) {
        if (isEvalError(x)) return x;
        if (typeof x === "number") out.push(x);
      }
    } else {
      const n = toNumber(v);
      if (isEvalError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function scalar(v: FormulaResult): FormulaValue {
  if (!Array.isArray(v)) return v;
  // Excel's implicit intersection is out of scope: take the single cell or fail.
  return v.length === 1 && v[0].length === 1 ? v[0][0] : new EvalError("#VALUE!");
}

function toNumber(v: FormulaValue): number | EvalError {
  if (isEvalError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  return new EvalError("#VALUE!", `not a number: ${v}`);
}

/** A value as Excel turns it into text for &: TRUE, not true; 15 significant digits; empty is "". */
function excelText(v: FormulaValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15))).replace("e", "E");
  return String(v);
}

/** Money sums must not show float noise (195.35000000000582): round to 10 significant decimals. */
function cleanSum(n: number): number {
  return Number.isFinite(n) ? Number(n.toFixed(10)) : n;
}

function binary(o: BinaryOp, l: FormulaValue, r: FormulaValue): FormulaValue {
  if (isEvalError(l)) return l;
  if (isEvalError(r)) return r;
  if (o === "&") return excelText(l) + excelText(r);
  if (o === "+" || o === "-" || o === "*" || o === "/" || o === "^") {
    const a = toNumber(l);
    const b = toNumber(r);
    if (isEvalError(a)) return a;
    if (isEvalError(b)) return b;
    const clean = cleanSum;
    if (o === "+") return clean(a + b);
    if (o === "-") return clean(a - b);
    if (o === "*") return a * b;
    if (o === "/") return b === 0 ? new EvalError("#DIV/0!") : a / b;
    const p = Math.pow(a, b);
    return Number.isFinite(p) ? p : new EvalError("#NUM!");
  }
  const c = compare(l, r);
  switch (o) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
  }
}

/** Excel's comparison: empty equals "" and 0 and FALSE; numbers < text < booleans; text case-insensitive. */
function compare(l: FormulaValue, r: FormulaValue): number {
  const norm = (v: FormulaValue, other: FormulaValue): FormulaValue =>
    v === null ? (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0) : v;
  const a = norm(l, r);
  const b = norm(r, l);
  const rank = (v: FormulaValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}
