import { call, num, op, str, type Expr } from "./formula";
import { GRADE_WORDS } from "./scoring";
import type { Locale } from "./locale";

/**
 * Standard Excel formulas equal to an EVAL function wherever one exists, so a workbook computes without the
 * add-in: the templates use them, and the portable copy (src/core/portable.ts) rewrites EVAL calls into them.
 * They agree with the EVAL function for every valid input (non-negative amounts, a rate as a fraction,
 * totals 0–100, weights as fractions or percents); test/core/standardFormulas.test.ts checks that with the
 * core's evaluator and HyperFormula. Reading an indicator text such as "≥3.52万人" has no equivalent: EVAL stays.
 */

/** Rate = part / base (执行率, 到位率, 质量达标率). */
export const rateOf = (part: Expr, base: Expr): Expr => op("/", part, base);

/** 成本节约率 = (planned − actual) / planned. */
export const costSavingOf = (planned: Expr, actual: Expr): Expr => op("/", op("-", planned, actual), planned);

/** 预算执行率得分 = weight × MIN(rate, 1). */
export const execScoreOf = (rate: Expr, weight: Expr = num(10)): Expr => op("*", weight, call("MIN", rate, num(1)));

/**
 * 评价等级 of a total: 优 [90,100], 良 [80,90), 中 [60,80), 差 [0,60); outside 0–100 #NUM! (SQRT(-1)), as
 * EVAL.GRADE. ROUND(…,9) absorbs a sum's binary noise (89.99999999999999 is a 90), as EVAL.GRADE does.
 */
export function gradeOf(total: Expr, lang: Locale = "zh-CN"): Expr {
  const t = call("ROUND", total, num(9));
  const w = (k: keyof typeof GRADE_WORDS) => str(GRADE_WORDS[k][lang]);
  return call(
    "IF",
    call("OR", op("<", t, num(0)), op(">", t, num(100))),
    call("SQRT", num(-1)),
    call(
      "IF",
      op(">=", t, num(90)),
      w("excellent"),
      call("IF", op(">=", t, num(80)), w("good"), call("IF", op(">=", t, num(60)), w("fair"), w("poor"))),
    ),
  );
}

/** 满意度 = Σ count × weight / Σ count, weights as fractions (0.85) or percents (85). */
export function satisfactionOf(counts: Expr, weights: Expr): Expr {
  return op(
    "/",
    op("/", call("SUMPRODUCT", counts, weights), call("SUM", counts)),
    call("IF", op(">", call("MAX", weights), num(1)), num(100), num(1)),
  );
}
