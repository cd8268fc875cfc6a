import { EvalError, isEvalError, isErrorText, type ExcelErrorCode } from "./errors";
import { callEval, type EvalArg, type EvalScalar } from "./functions";
import { fromA1, toA1 } from "./snapshot";

/**
 * The formulas templates use, as structured data: rendered to Excel text for the writers and evaluated here
 * so the .xlsx writer can store each formula's cached result. Only what the templates need is supported:
 * references and ranges on the same sheet, literals, + - * / and comparisons, SUM, COUNT, IF, AND, OR and the
 * EVAL.* functions (evaluated through `callEval`, the same code as the custom functions).
 */
export type Expr =
  | { kind: "ref"; ref: string }
  | { kind: "range"; from: string; to: string }
  | { kind: "num"; value: number }
  | { kind: "str"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "call"; fn: string; args: Expr[] }
  | { kind: "op"; op: BinaryOp; left: Expr; right: Expr };

export type BinaryOp = "+" | "-" | "*" | "/" | "=" | "<>" | "<" | ">" | "<=" | ">=";

// Small constructors so template modules read like the forms they describe.
export const ref = (a1: string): Expr => ({ kind: "ref", ref: a1 });
export const range = (a1: string): Expr => {
  const [from, to] = a1.split(":");
  return { kind: "range", from, to: to ?? from };
};
export const num = (value: number): Expr => ({ kind: "num", value });
export const str = (value: string): Expr => ({ kind: "str", value });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: "call", fn, args });
export const op = (o: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: "op", op: o, left, right });
/** Coerce a plain string to a ref ("D7") or range ("C5:C8"), leave Exprs alone. */
export const arg = (a: Expr | string | number): Expr =>
  typeof a === "number" ? num(a) : typeof a === "string" ? (a.includes(":") ? range(a) : ref(a)) : a;

const BUILTINS = ["SUM", "COUNT", "IF", "AND", "OR"] as const;

/** Excel text of an expression, without the leading "=". */
export function renderExpr(e: Expr): string {
  switch (e.kind) {
    case "ref":
      return e.ref;
    case "range":
      return `${e.from}:${e.to}`;
    case "num":
      return numberText(e.value);
    case "str":
      return `"${e.value.replace(/"/g, '""')}"`;
    case "bool":
      return e.value ? "TRUE" : "FALSE";
    case "call":
      return `${e.fn}(${e.args.map(renderExpr).join(",")})`;
    case "op": {
      // Parenthesize nested operators so precedence never depends on the reader.
      const side = (s: Expr) => (s.kind === "op" ? `(${renderExpr(s)})` : renderExpr(s));
      return `${side(e.left)}${e.op}${side(e.right)}`;
    }
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

/** Every single cell an expression reads (ranges expanded), for dependency and bounds checks. */
export function referencedCells(e: Expr): string[] {
  const out: string[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === "ref") out.push(stripDollar(x.ref));
    else if (x.kind === "range") {
      const a = fromA1(x.from);
      const b = fromA1(x.to);
      if (!a || !b) return;
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(toA1(r, c));
    } else if (x.kind === "call") x.args.forEach(walk);
    else if (x.kind === "op") {
      walk(x.left);
      walk(x.right);
    }
  };
  walk(e);
  return out;
}

const stripDollar = (a1: string) => a1.replace(/\$/g, "").toUpperCase();

/** A computed value: what a cell shows. Errors stay EvalError so writers can store them as Excel errors. */
export type FormulaValue = number | string | boolean | null | EvalError;

/** Cells of a grid as the evaluator sees them: a constant, or a formula to evaluate. */
export interface FormulaGrid {
  /** Value or formula at an A1 address (no "$"); undefined for an empty cell. */
  get(a1: string): { value?: string | number | boolean | null; formula?: Expr } | undefined;
}

type Val = FormulaValue | Val[][];

/**
 * Evaluate every formula of a grid. Returns a map from A1 (no "$") to its value. Never throws: a cycle gives
 * #REF!, an unknown function #NAME?, a bad operand #VALUE! — as Excel would show them.
 */
export function evaluateAll(grid: FormulaGrid, addresses: Iterable<string>): Map<string, FormulaValue> {
  const done = new Map<string, FormulaValue>();
  const active = new Set<string>();

  const cellValue = (a1: string): FormulaValue => {
    const key = stripDollar(a1);
    if (done.has(key)) return done.get(key)!;
    const cell = grid.get(key);
    if (!cell) return null;
    if (!cell.formula) {
      const v = cell.value ?? null;
      return isErrorText(v) ? new EvalError(v as ExcelErrorCode) : v;
    }
    if (active.has(key)) return new EvalError("#REF!", `circular reference at ${key}`);
    active.add(key);
    let v: FormulaValue;
    try {
      v = scalar(evalExpr(cell.formula));
    } catch (err) {
      // The evaluator itself should not throw; if a function does, show #VALUE! rather than crash a writer.
      v = new EvalError("#VALUE!", err instanceof Error ? err.message : String(err));
    }
    active.delete(key);
    done.set(key, v);
    return v;
  };

  const evalExpr = (e: Expr): Val => {
    switch (e.kind) {
      case "ref":
        return cellValue(e.ref);
      case "range": {
        const a = fromA1(e.from);
        const b = fromA1(e.to);
        if (!a || !b) return new EvalError("#REF!");
        const rows: Val[][] = [];
        for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
          const row: Val[] = [];
          for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) row.push(cellValue(toA1(r, c)));
          rows.push(row);
        }
        return rows;
      }
      case "num":
        return e.value;
      case "str":
        return e.value;
      case "bool":
        return e.value;
      case "op":
        return binary(e.op, scalar(evalExpr(e.left)), scalar(evalExpr(e.right)));
      case "call":
        return callFn(e);
    }
  };

  const callFn = (e: Extract<Expr, { kind: "call" }>): Val => {
    const name = e.fn.toUpperCase();
    if (name === "IF") {
      const cond = toBool(scalar(evalExpr(e.args[0])));
      if (isEvalError(cond)) return cond;
      const branch = cond ? e.args[1] : e.args[2];
      return branch ? scalar(evalExpr(branch)) : false;
    }
    if (name === "SUM" || name === "COUNT") {
      let sum = 0;
      let count = 0;
      for (const a of e.args) {
        const v = evalExpr(a);
        // Literal arguments are coerced; referenced text/booleans are ignored, as in Excel.
        const fromRef = a.kind === "ref" || a.kind === "range";
        for (const x of flatten(v)) {
          if (isEvalError(x)) {
            if (name === "SUM") return x;
            continue;
          }
          if (typeof x === "number") {
            sum += x;
            count++;
          } else if (!fromRef && name === "SUM") {
            const n = toNumber(x);
            if (isEvalError(n)) return n;
            sum += n;
          }
        }
      }
      return name === "SUM" ? cleanSum(sum) : count;
    }
    if (name === "AND" || name === "OR") {
      const flags: boolean[] = [];
      for (const a of e.args)
        for (const x of flatten(evalExpr(a))) {
          if (isEvalError(x)) return x;
          if (x === null || x === "") continue;
          const b = toBool(x);
          if (isEvalError(b)) return b;
          flags.push(b);
        }
      if (flags.length === 0) return new EvalError("#VALUE!");
      return name === "AND" ? flags.every(Boolean) : flags.some(Boolean);
    }
    if (name.startsWith("EVAL.")) {
      const args: EvalArg[] = [];
      for (const a of e.args) {
        const v = evalExpr(a);
        if (Array.isArray(v)) {
          const rows: EvalScalar[][] = [];
          for (const row of v) {
            const out: EvalScalar[] = [];
            for (const x of row) {
              if (isEvalError(x)) return x;
              out.push(x as EvalScalar);
            }
            rows.push(out);
          }
          args.push(rows);
        } else {
          if (isEvalError(v)) return v; // Excel does not call a custom function with an error argument.
          args.push(v);
        }
      }
      const r = callEval(name.slice(5), args);
      if (typeof r === "number" && !Number.isFinite(r)) return new EvalError("#NUM!");
      return r;
    }
    if (!(BUILTINS as readonly string[]).includes(name)) return new EvalError("#NAME?", `unknown function ${e.fn}`);
    return new EvalError("#VALUE!");
  };

  const out = new Map<string, FormulaValue>();
  for (const a of addresses) out.set(stripDollar(a), cellValue(a));
  return out;
}

function scalar(v: Val): FormulaValue {
  if (!Array.isArray(v)) return v;
  // A range in a scalar position: Excel's implicit intersection is out of scope; take the single cell or fail.
  return v.length === 1 && v[0].length === 1 ? scalar(v[0][0]) : new EvalError("#VALUE!");
}

function flatten(v: Val): FormulaValue[] {
  if (!Array.isArray(v)) return [v];
  const out: FormulaValue[] = [];
  for (const row of v) for (const x of row) out.push(...flatten(x));
  return out;
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

function toBool(v: FormulaValue): boolean | EvalError {
  if (isEvalError(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const t = v.trim().toUpperCase();
  if (t === "TRUE") return true;
  if (t === "FALSE") return false;
  return new EvalError("#VALUE!");
}

/** Money sums must not show float noise (195.35000000000582): round to 10 significant decimals. */
function cleanSum(n: number): number {
  return Number.isFinite(n) ? Number(n.toFixed(10)) : n;
}

function binary(o: BinaryOp, l: FormulaValue, r: FormulaValue): FormulaValue {
  if (isEvalError(l)) return l;
  if (isEvalError(r)) return r;
  if (o === "+" || o === "-" || o === "*" || o === "/") {
    const a = toNumber(l);
    const b = toNumber(r);
    if (isEvalError(a)) return a;
    if (isEvalError(b)) return b;
    if (o === "+") return cleanSum(a + b);
    if (o === "-") return cleanSum(a - b);
    if (o === "*") return a * b;
    return b === 0 ? new EvalError("#DIV/0!") : a / b;
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

/** Excel's comparison: empty equals "" and 0; numbers < text < booleans; text case-insensitive. */
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
