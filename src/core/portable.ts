import { type Expr } from "./formula";
import type { Locale } from "./locale";
import { costSavingOf, execScoreOf, gradeOf, rateOf, satisfactionOf } from "./standardFormulas";

/**
 * The portable copy's formula rewrite: every EVAL.X call replaced by its standard equivalent. A formula with a
 * call that has none (SCORE, QUALSCORE, COMPLETIONRATE, … read indicator text) cannot be rewritten: the copy
 * keeps that cell's current value instead, with a note.
 */

const isEval = (fn: string) => fn.toUpperCase().startsWith("EVAL.");
/** A single value: a cell, a number, or an expression (a range would be summed by EVAL, divided here). */
const single = (e: Expr | undefined): e is Expr => e !== undefined && e.kind !== "range" && e.kind !== "blank";
const isRange = (e: Expr | undefined): e is Expr => e?.kind === "range";

/** The standard equivalent of one EVAL call, or null when there is none. */
function standardEquivalent(e: Extract<Expr, { kind: "call" }>): Expr | null {
  const name = e.fn.toUpperCase().replace(/^EVAL\./, "");
  const [a, b, c] = e.args;
  switch (name) {
    case "EXECRATE":
    case "ARRIVALRATE":
    case "QUALITYRATE":
      return e.args.length === 2 && single(a) && single(b) ? rateOf(a, b) : null;
    case "COSTSAVINGRATE":
      return e.args.length === 2 && single(a) && single(b) ? costSavingOf(a, b) : null;
    case "EXECSCORE":
      if (!single(a) || e.args.length > 2) return null;
      return b === undefined || b.kind === "blank" ? execScoreOf(a) : single(b) ? execScoreOf(a, b) : null;
    case "GRADE": {
      if (!single(a) || e.args.length > 2) return null;
      if (b === undefined || b.kind === "blank") return gradeOf(a);
      const lang = b.kind === "str" ? langOf(b.value) : null;
      return lang ? gradeOf(a, lang) : null;
    }
    case "SATISFACTION":
      // Without weights EVAL picks defaults by the number of levels: no single standard formula.
      return e.args.length === 2 && isRange(a) && isRange(b) && c === undefined ? satisfactionOf(a, b) : null;
    default:
      return null;
  }
}

function langOf(text: string): Locale | null {
  const t = text.trim();
  if (/^zh(-cn|-hans|_cn)?$|^中文$/i.test(t)) return "zh-CN";
  if (/^en(-us|-gb|_us)?$|^english$/i.test(t)) return "en-US";
  return null;
}

/** True when the expression calls an EVAL function anywhere. */
export function usesEval(e: Expr): boolean {
  switch (e.kind) {
    case "call":
      return isEval(e.fn) || e.args.some(usesEval);
    case "unary":
    case "percent":
      return usesEval(e.arg);
    case "op":
      return usesEval(e.left) || usesEval(e.right);
    default:
      return false;
  }
}

/** The expression with every EVAL call replaced by its standard equivalent, or null if one has none. */
export function portableExpr(e: Expr): Expr | null {
  switch (e.kind) {
    case "call": {
      const args: Expr[] = [];
      for (const a of e.args) {
        const p = portableExpr(a);
        if (!p) return null;
        args.push(p);
      }
      const x = { ...e, args };
      return isEval(e.fn) ? standardEquivalent(x) : x;
    }
    case "unary":
    case "percent": {
      const p = portableExpr(e.arg);
      return p && { ...e, arg: p };
    }
    case "op": {
      const l = portableExpr(e.left);
      const r = portableExpr(e.right);
      return l && r && { ...e, left: l, right: r };
    }
    default:
      return e;
  }
}
