/**
 * A small formula evaluator for the simulated host, so the demo and tests show computed numbers:
 * `=EVAL.NAME(...)` through the core's callEval, SUM/MIN/MAX/AVERAGE/ROUND/IF/IFERROR/ABS/COUNT/COUNTA/AND/OR/
 * NOT/SUMPRODUCT, cell and range references
 * (also on other sheets), arithmetic, & and comparisons. Anything else is "#NAME?", as in Excel.
 * Errors travel as their text ("#DIV/0!").
 */
import { callEval, type EvalArg, type EvalScalar } from "../core/functions";
import { isErrorText, isEvalError } from "../core/errors";
import { lettersToCol, type CellValue } from "../core/snapshot";

export type FormulaValue = CellValue | CellValue[][];

export interface FormulaEnv {
  /** Computed value of a cell; sheet null = the formula's own sheet. */
  cell(sheet: string | null, row: number, col: number): CellValue;
  hasSheet(name: string): boolean;
}

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; a: string; b?: string }
  | { t: "name"; v: string }
  | { t: "op"; v: string }
  | { t: "(" }
  | { t: ")" }
  | { t: "," };

class FormulaSyntaxError extends Error {}

const REF = "\\$?[A-Za-z]{1,3}\\$?\\d{1,7}";

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest))) {
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
    } else if (
      (m = new RegExp(`^(?:'((?:[^']|'')+)'|([^\\s'!(),:"=<>+\\-*/&^%]+))!(${REF})(?::(${REF}))?`).exec(rest))
    ) {
      out.push({ t: "ref", sheet: (m[1] ?? m[2]).replace(/''/g, "'"), a: m[3], b: m[4] });
      i += m[0].length;
    } else if ((m = new RegExp(`^(${REF})(?::(${REF}))?(?![A-Za-z0-9_.(])`).exec(rest))) {
      out.push({ t: "ref", sheet: null, a: m[1], b: m[2] });
      i += m[0].length;
    } else if ((m = /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*/.exec(rest))) {
      out.push({ t: "name", v: m[0] });
      i += m[0].length;
    } else if ((m = /^(<>|<=|>=|[-+*/^&=<>%])/.exec(rest))) {
      out.push({ t: "op", v: m[0] });
      i += m[0].length;
    } else if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch } as Tok);
      i++;
    } else {
      throw new FormulaSyntaxError(`unexpected ${ch}`);
    }
  }
  return out;
}

type Node =
  | { k: "lit"; v: CellValue }
  | { k: "ref"; sheet: string | null; a: string; b?: string }
  | { k: "call"; name: string; args: Node[] }
  | { k: "un"; op: string; x: Node }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "pct"; x: Node };

const PREC: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

function parse(toks: Tok[]): Node {
  let p = 0;
  const peek = () => toks[p];
  const expr = (minPrec: number): Node => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== "op" || !(t.v in PREC) || PREC[t.v] < minPrec) return left;
      p++;
      // ^ is left-associative in Excel too.
      const right = expr(PREC[t.v] + 1);
      left = { k: "bin", op: t.v, l: left, r: right };
    }
  };
  const unary = (): Node => {
    const t = peek();
    if (t && t.t === "op" && (t.v === "-" || t.v === "+")) {
      p++;
      return { k: "un", op: t.v, x: unary() };
    }
    return postfix();
  };
  const postfix = (): Node => {
    let x = primary();
    while (peek()?.t === "op" && (peek() as { v: string }).v === "%") {
      p++;
      x = { k: "pct", x };
    }
    return x;
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new FormulaSyntaxError("unexpected end");
    switch (t.t) {
      case "num":
        return { k: "lit", v: t.v };
      case "str":
        return { k: "lit", v: t.v };
      case "ref":
        return { k: "ref", sheet: t.sheet, a: t.a, b: t.b };
      case "(": {
        const e = expr(1);
        if (toks[p++]?.t !== ")") throw new FormulaSyntaxError("missing )");
        return e;
      }
      case "name": {
        if (peek()?.t === "(") {
          p++;
          const args: Node[] = [];
          if (peek()?.t === ")") {
            p++;
            return { k: "call", name: t.v.toUpperCase(), args };
          }
          for (;;) {
            if (peek()?.t === "," || peek()?.t === ")") args.push({ k: "lit", v: null });
            else args.push(expr(1));
            const sep = toks[p++];
            if (sep?.t === ")") break;
            if (sep?.t !== ",") throw new FormulaSyntaxError("bad argument list");
          }
          return { k: "call", name: t.v.toUpperCase(), args };
        }
        const u = t.v.toUpperCase();
        if (u === "TRUE" || u === "FALSE") return { k: "lit", v: u === "TRUE" };
        return { k: "lit", v: "#NAME?" };
      }
      default:
        throw new FormulaSyntaxError("unexpected token");
    }
  };
  const n = expr(1);
  if (p !== toks.length) throw new FormulaSyntaxError("trailing input");
  return n;
}

function cellOf(a1: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1)!;
  return { r: Number(m[2]) - 1, c: lettersToCol(m[1]) };
}

const isErr = (v: unknown): v is string => isErrorText(v);

function toNum(v: CellValue): number | string {
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const str: string = v;
  if (isErrorText(str)) return str;
  const n = Number(str.trim());
  return str.trim() !== "" && Number.isFinite(n) ? n : "#VALUE!";
}

function scalar(v: FormulaValue): CellValue {
  return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
}

function evalNode(n: Node, env: FormulaEnv): FormulaValue {
  switch (n.k) {
    case "lit":
      return n.v;
    case "ref": {
      if (n.sheet !== null && !env.hasSheet(n.sheet)) return "#REF!";
      const a = cellOf(n.a);
      if (!n.b) return env.cell(n.sheet, a.r, a.c);
      const b = cellOf(n.b);
      const out: CellValue[][] = [];
      for (let r = Math.min(a.r, b.r); r <= Math.max(a.r, b.r); r++) {
        const row: CellValue[] = [];
        for (let c = Math.min(a.c, b.c); c <= Math.max(a.c, b.c); c++) row.push(env.cell(n.sheet, r, c));
        out.push(row);
      }
      return out;
    }
    case "un": {
      const x = toNum(scalar(evalNode(n.x, env)));
      if (typeof x === "string") return x;
      return n.op === "-" ? -x : x;
    }
    case "pct": {
      const x = toNum(scalar(evalNode(n.x, env)));
      return typeof x === "string" ? x : x / 100;
    }
    case "bin": {
      const l = scalar(evalNode(n.l, env));
      const r = scalar(evalNode(n.r, env));
      if (isErr(l)) return l;
      if (isErr(r)) return r;
      if (n.op === "&") return `${l ?? ""}${r ?? ""}`;
      if (["=", "<>", "<", ">", "<=", ">="].includes(n.op)) {
        const cmp = compare(l, r);
        return { "=": cmp === 0, "<>": cmp !== 0, "<": cmp < 0, ">": cmp > 0, "<=": cmp <= 0, ">=": cmp >= 0 }[n.op]!;
      }
      const a = toNum(l);
      const b = toNum(r);
      if (typeof a === "string") return a;
      if (typeof b === "string") return b;
      switch (n.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return b === 0 ? "#DIV/0!" : a / b;
        default: {
          const v = Math.pow(a, b);
          return Number.isFinite(v) ? v : "#NUM!";
        }
      }
    }
    case "call":
      return callFn(n.name, n.args, env);
  }
}

function compare(a: CellValue, b: CellValue): number {
  // An empty cell compares as "" with text, FALSE with a boolean and 0 with a number (so empty = "" is TRUE).
  const blank = (x: CellValue, other: CellValue): Exclude<CellValue, null> =>
    x !== null ? x : typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const na = blank(a, b);
  const nb = blank(b, a);
  if (typeof na === "number" && typeof nb === "number") return na - nb;
  if (typeof na === "string" && typeof nb === "string")
    return na.toLowerCase() < nb.toLowerCase() ? -1 : na.toLowerCase() > nb.toLowerCase() ? 1 : 0;
  // Excel orders numbers < text < booleans.
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(na) !== rank(nb)) return rank(na) - rank(nb);
  return Number(na) - Number(nb);
}

/** Numbers of a list argument the way SUM reads them: text and booleans inside ranges are skipped. */
function numbersOf(args: FormulaValue[]): number[] | string {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const row of a)
        for (const v of row) {
          if (isErr(v)) return v;
          if (typeof v === "number") out.push(v);
        }
    } else {
      const n = toNum(a);
      if (typeof n === "string") return n;
      out.push(n);
    }
  }
  return out;
}

function callFn(name: string, argNodes: Node[], env: FormulaEnv): FormulaValue {
  const args = () => argNodes.map((a) => evalNode(a, env));
  if (name.startsWith("EVAL.")) {
    const vals = args();
    const evalArgs: EvalArg[] = vals.map((v, i) => {
      if (Array.isArray(v)) return v.map((row) => row.map((x) => (x === "" ? null : x) as EvalScalar));
      // An omitted optional argument ("f(a,)") arrives as undefined, as Excel passes it to custom functions.
      if (v === null && argNodes[i].k === "lit") return undefined;
      return v as EvalScalar;
    });
    for (const v of evalArgs) if (isErr(v)) return v as string;
    const res = callEval(name.slice(5), evalArgs);
    return isEvalError(res) ? res.code : res;
  }
  switch (name) {
    case "SUM":
    case "MIN":
    case "MAX":
    case "AVERAGE": {
      const ns = numbersOf(args());
      if (typeof ns === "string") return ns;
      if (name === "SUM") return ns.reduce((s, x) => s + x, 0);
      if (ns.length === 0) return name === "AVERAGE" ? "#DIV/0!" : 0;
      if (name === "AVERAGE") return ns.reduce((s, x) => s + x, 0) / ns.length;
      return name === "MIN" ? Math.min(...ns) : Math.max(...ns);
    }
    case "ABS":
    case "ROUND": {
      const [x, d] = args().map((v) => toNum(scalar(v)));
      if (typeof x === "string") return x;
      if (name === "ABS") return Math.abs(x);
      if (typeof d === "string") return d;
      const f = Math.pow(10, Math.trunc(d ?? 0));
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    }
    case "COUNT":
    case "COUNTA": {
      let n = 0;
      argNodes.forEach((node) => {
        const v = evalNode(node, env);
        const fromRef = node.k === "ref";
        for (const x of Array.isArray(v) ? v.flat() : [v]) {
          if (name === "COUNTA") n += x !== null && x !== "" ? 1 : 0;
          else if (typeof x === "number" || (!fromRef && typeof toNum(x) === "number" && x !== null)) n++;
        }
      });
      return n;
    }
    case "AND":
    case "OR":
    case "NOT": {
      const flags: boolean[] = [];
      for (const v of args()) {
        for (const x of Array.isArray(v) ? v.flat() : [v]) {
          if (isErr(x)) return x;
          if (typeof x === "boolean") flags.push(x);
          else if (typeof x === "number") flags.push(x !== 0);
          else if (!Array.isArray(v) && typeof x === "string") {
            if (/^(true|false)$/i.test(x)) flags.push(/^true$/i.test(x));
            else return "#VALUE!";
          }
        }
      }
      if (name === "NOT") return flags.length === 1 ? !flags[0] : "#VALUE!";
      if (!flags.length) return "#VALUE!";
      return name === "AND" ? flags.every(Boolean) : flags.some(Boolean);
    }
    case "IFERROR": {
      const v = scalar(evalNode(argNodes[0] ?? { k: "lit", v: null }, env));
      return isErr(v) ? scalar(evalNode(argNodes[1] ?? { k: "lit", v: "" }, env)) : v;
    }
    case "SUMPRODUCT": {
      const arrays = args().map((v) => (Array.isArray(v) ? v.flat() : [v]));
      if (!arrays.length || arrays.some((a) => a.length !== arrays[0].length)) return "#VALUE!";
      let sum = 0;
      for (let i = 0; i < arrays[0].length; i++) {
        let p = 1;
        for (const a of arrays) {
          if (isErr(a[i])) return a[i] as string;
          p *= typeof a[i] === "number" ? (a[i] as number) : 0;
        }
        sum += p;
      }
      return sum;
    }
    case "IF": {
      const c = scalar(evalNode(argNodes[0] ?? { k: "lit", v: null }, env));
      if (isErr(c)) return c;
      const truthy = typeof c === "string" ? (/^true$/i.test(c) ? true : /^false$/i.test(c) ? false : null) : !!c;
      if (truthy === null) return "#VALUE!";
      const branch = truthy ? argNodes[1] : argNodes[2];
      return branch ? scalar(evalNode(branch, env)) : truthy;
    }
    default:
      return "#NAME?";
  }
}

/** Evaluate a formula ("=…"). Returns the value, or an error text; never throws. */
export function evaluateFormula(formula: string, env: FormulaEnv): FormulaValue {
  try {
    const body = formula.startsWith("=") ? formula.slice(1) : formula;
    return evalNode(parse(tokenize(body)), env);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return "#NAME?";
    if (e instanceof RangeError) return "#NUM!"; // deep recursion
    throw e;
  }
}
