import type { BinaryOp, Expr } from "./formula";
import { toDisplayFormula } from "./formulaForms";
import { readRef, type Ref } from "./a1";

/**
 * Formula text → Expr, for the simulated host (and anyone holding a formula as text). Accepts what the
 * evaluator supports: numbers, "text", TRUE/FALSE, A1 refs and ranges (also 'Other sheet'!A1:B2), function
 * calls with omitted arguments, unary + -, %, ^ * / + - & and comparisons with Excel's precedence. The stored
 * forms of function names (_xldudf_EVAL_X, _xlfn.X) read as their display form.
 */
export function parseFormula(text: string): Expr | null {
  try {
    const display = toDisplayFormula(text);
    return parse(tokenize(display.startsWith("=") ? display.slice(1) : display));
  } catch (e) {
    // Text Excel would refuse to enter; the caller shows #NAME?, as Excel does for garbage.
    if (e instanceof FormulaSyntaxError) return null;
    throw e;
  }
}

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | undefined; a: string; b?: string }
  | { t: "name"; v: string }
  | { t: "op"; v: string }
  | { t: "(" }
  | { t: ")" }
  | { t: "," };

class FormulaSyntaxError extends Error {}

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
    let r: Ref | null;
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
    } else if ((r = readRef(src, i)) && !r.whole) {
      // Cells and areas, sheet-qualified or not; names such as LOG10( or A1B are no references.
      out.push({ t: "ref", sheet: r.sheet ?? undefined, a: r.from, b: r.to });
      i = r.end;
    } else if ((m = /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*/.exec(rest))) {
      out.push({ t: "name", v: m[0] });
      i += m[0].length;
    } else if ((m = /^(<>|<=|>=|[-+*/^&=<>%])/.exec(rest))) {
      out.push({ t: "op", v: m[0] });
      i += m[0].length;
    } else if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch });
      i++;
    } else {
      throw new FormulaSyntaxError(`unexpected ${ch}`);
    }
  }
  return out;
}

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

function parse(toks: Tok[]): Expr {
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const isOp = (t: Tok | undefined, v?: string): t is { t: "op"; v: string } =>
    t?.t === "op" && (v === undefined || t.v === v);
  const expr = (minPrec: number): Expr => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!isOp(t) || !(t.v in PREC) || PREC[t.v] < minPrec) return left;
      p++;
      // Every binary operator is left-associative in Excel, ^ included.
      const right = expr(PREC[t.v] + 1);
      left = { kind: "op", op: t.v as BinaryOp, left, right };
    }
  };
  const unary = (): Expr => {
    const t = peek();
    if (isOp(t, "-") || isOp(t, "+")) {
      p++;
      return { kind: "unary", op: t.v as "-" | "+", arg: unary() };
    }
    return postfix();
  };
  const postfix = (): Expr => {
    let x = primary();
    while (isOp(peek(), "%")) {
      p++;
      x = { kind: "percent", arg: x };
    }
    return x;
  };
  const primary = (): Expr => {
    const t = toks[p++];
    if (!t) throw new FormulaSyntaxError("unexpected end");
    switch (t.t) {
      case "num":
        return { kind: "num", value: t.v };
      case "str":
        return { kind: "str", value: t.v };
      case "ref": {
        const sheet = t.sheet !== undefined ? { sheet: t.sheet } : {};
        return t.b === undefined
          ? { kind: "ref", ref: t.a, ...sheet }
          : { kind: "range", from: t.a, to: t.b, ...sheet };
      }
      case "(": {
        const e = expr(1);
        if (toks[p++]?.t !== ")") throw new FormulaSyntaxError("missing )");
        return e;
      }
      case "name": {
        const fn = t.v.toUpperCase();
        if (peek()?.t === "(") {
          p++;
          const args: Expr[] = [];
          if (peek()?.t === ")") {
            p++;
            return { kind: "call", fn, args };
          }
          for (;;) {
            const next = peek()?.t;
            args.push(next === "," || next === ")" ? { kind: "blank" } : expr(1));
            const sep = toks[p++];
            if (sep?.t === ")") break;
            if (sep?.t !== ",") throw new FormulaSyntaxError("bad argument list");
          }
          return { kind: "call", fn, args };
        }
        if (fn === "TRUE" || fn === "FALSE") return { kind: "bool", value: fn === "TRUE" };
        return { kind: "name", name: t.v };
      }
      default:
        throw new FormulaSyntaxError("unexpected token");
    }
  };
  const e = expr(1);
  if (p !== toks.length) throw new FormulaSyntaxError("trailing input");
  return e;
}
