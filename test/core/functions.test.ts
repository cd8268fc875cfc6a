import { callEval, EVAL_FUNCTIONS, findEvalFunction } from "../../src/core/functions";

const EVAL_FUNCTION_NAMES = EVAL_FUNCTIONS.map((f) => f.name);
import { EvalError } from "../../src/core/errors";

const code = (r: unknown) => (r instanceof EvalError ? r.code : r);

describe("callEval", () => {
  test("issue 2's functions are all there", () => {
    for (const n of [
      "ARRIVALRATE",
      "EXECRATE",
      "COMPLETIONRATE",
      "COSTSAVINGRATE",
      "BALANCE",
      "SATISFACTION",
      "TARGETVALUE",
      "TARGETOP",
      "TARGETUNIT",
      "MET",
      "SCORE",
      "QUALSCORE",
      "EXECSCORE",
      "GRADE",
    ]) {
      expect(EVAL_FUNCTION_NAMES).toContain(n);
    }
  });
  test("names are case-insensitive and accept the EVAL. prefix", () => {
    expect(callEval("execrate", [1, 2])).toBe(0.5);
    expect(callEval("EVAL.EXECRATE", [1, 2])).toBe(0.5);
    expect(callEval("eval.ExecRate", [1, 2])).toBe(0.5);
    expect(findEvalFunction("nope")).toBeUndefined();
    expect(code(callEval("NOPE", []))).toBe("#NAME?");
  });
  test("missing and extra arguments are #VALUE!", () => {
    expect(code(callEval("EXECRATE", [1]))).toBe("#VALUE!");
    expect(code(callEval("EXECRATE", [1, 2, 3]))).toBe("#VALUE!");
    expect(code(callEval("EXECRATE", [null, 2]))).toBe("#VALUE!");
  });
  test("numeric text is read like a number; other text is #VALUE!", () => {
    expect(callEval("EXECRATE", ["61,001.46", "61196.81"])).toBeCloseTo(0.99681, 5);
    expect(callEval("EXECSCORE", ["99.68%"])).toBeCloseTo(9.968, 10);
    expect(code(callEval("EXECRATE", ["abc", 1]))).toBe("#VALUE!");
    expect(code(callEval("EXECRATE", [true, 1]))).toBe("#VALUE!");
    expect(code(callEval("EXECRATE", ["≥5", 1]))).toBe("#VALUE!");
  });
  test("error inputs pass through; NaN/Infinity are #NUM!", () => {
    expect(code(callEval("EXECRATE", ["#N/A", 1]))).toBe("#N/A");
    expect(code(callEval("EXECRATE", ["#DIV/0!", 1]))).toBe("#DIV/0!");
    expect(code(callEval("EXECRATE", [NaN, 1]))).toBe("#NUM!");
    expect(code(callEval("EXECRATE", [1, Infinity]))).toBe("#NUM!");
    expect(code(callEval("EXECRATE", [1e308, 1e-308]))).toBe("#NUM!");
  });
  test("ranges: amounts are summed exactly, a multi-cell range is refused where one value is expected", () => {
    expect(callEval("BALANCE", [[[61196.81]], [[61000, 1.46]]])).toBe(195.35);
    expect(callEval("BALANCE", [[[100, null, ""]], 0.1])).toBe(99.9);
    expect(code(callEval("TARGETVALUE", [[["≥1", "≥2"]]]))).toBe("#VALUE!");
    expect(callEval("TARGETVALUE", [[["≥95%"]]])).toBe(0.95);
    expect(code(callEval("BALANCE", [[[]], 1]))).toBe("#VALUE!");
  });
  test("TARGETVALUE / TARGETOP / TARGETUNIT", () => {
    expect(callEval("TARGETVALUE", ["3.52万人"])).toBe(35200);
    expect(callEval("TARGETUNIT", ["3.52万人"])).toBe("人");
    expect(callEval("TARGETVALUE", ["≤628,678,956.50元"])).toBe(628678956.5);
    expect(callEval("TARGETOP", ["≤628,678,956.50元"])).toBe("≤");
    expect(callEval("TARGETOP", ["不低于95%"])).toBe("≥");
    expect(callEval("TARGETOP", ["100"])).toBe("");
    expect(callEval("TARGETUNIT", ["≥95%"])).toBe("%");
    expect(callEval("TARGETUNIT", [95])).toBe("");
    expect(code(callEval("TARGETVALUE", ["效果明显"]))).toBe("#VALUE!");
    expect(code(callEval("TARGETVALUE", ["*"]))).toBe("#VALUE!");
  });
  test("MET and SCORE honour direction", () => {
    expect(callEval("MET", ["≥95%", 0.98])).toBe(true);
    expect(callEval("MET", ["≥95%", 94])).toBe(false);
    expect(callEval("MET", ["≤90万元", 90])).toBe(true);
    expect(callEval("MET", ["≤90万元", 95])).toBe(false);
    expect(callEval("SCORE", ["≥95%", 0.98, 10])).toBe(10);
    expect(callEval("SCORE", ["≥95%", 0.9, 10])).toBeCloseTo(9 / 0.95, 10);
    expect(callEval("SCORE", ["≤90万元", 100, 10])).toBeCloseTo(9, 10);
    expect(callEval("SCORE", ["3.52万人", 35452, 20])).toBe(20);
    expect(code(callEval("SCORE", ["效果明显", 1, 10]))).toBe("#VALUE!");
    expect(code(callEval("SCORE", ["≥95%", "较好", 10]))).toBe("#VALUE!");
    expect(code(callEval("SCORE", ["≥95%", 0.9, -1]))).toBe("#NUM!");
  });
  test("QUALSCORE, EXECSCORE, GRADE", () => {
    expect(callEval("QUALSCORE", ["达成年度指标", 10])).toBe(10);
    expect(callEval("QUALSCORE", [2, 10, 0.75])).toBeCloseTo(7.5, 10);
    expect(code(callEval("QUALSCORE", [5, 10]))).toBe("#VALUE!");
    expect(callEval("EXECSCORE", [0.9968])).toBeCloseTo(9.968, 10);
    expect(callEval("EXECSCORE", [0.5, 20])).toBe(10);
    expect(callEval("GRADE", [90])).toBe("优");
    expect(callEval("GRADE", [59.99, "en-US"])).toBe("Poor");
    expect(code(callEval("GRADE", [50, "fr"]))).toBe("#VALUE!");
    expect(code(callEval("GRADE", ["高"]))).toBe("#VALUE!");
  });
  test("TOTALSCORE leaves out indicators that do not apply and rescales to 100", () => {
    expect(callEval("TOTALSCORE", [[[40, 30, "不适用"]], [[50, 40, 10]]])).toBeCloseTo((70 * 100) / 90, 10);
    expect(
      callEval("TOTALSCORE", [
        [[40], [30], ["—"]],
        [[50], [40], [null]],
      ]),
    ).toBeCloseTo((70 * 100) / 90, 10);
    expect(callEval("TOTALSCORE", [[[40, 30, 10]], [[50, 40, 10]]])).toBe(80);
    expect(callEval("TOTALSCORE", [[["40", "30.5"]], [[50, 50]]])).toBe(70.5);
    expect(code(callEval("TOTALSCORE", [[[40, 30]], [[50, 40, 10]]]))).toBe("#VALUE!");
    expect(code(callEval("TOTALSCORE", [[["不适用"]], [[10]]]))).toBe("#DIV/0!");
    expect(code(callEval("TOTALSCORE", [[[1]], [[-10]]]))).toBe("#NUM!");
    expect(code(callEval("TOTALSCORE", [[["#N/A"]], [[10]]]))).toBe("#N/A");
  });
  test("COSTSAVINGRATE and COMPLETIONRATE", () => {
    expect(callEval("COSTSAVINGRATE", [100, 95])).toBe(0.05);
    expect(code(callEval("COSTSAVINGRATE", [0, 5]))).toBe("#DIV/0!");
    expect(callEval("COMPLETIONRATE", ["98%", "≥95%"])).toBeCloseTo(0.98 / 0.95, 12);
    expect(code(callEval("COMPLETIONRATE", [1, "=0"]))).toBe("#DIV/0!");
  });
  test("every spec is fully bilingual with an example", () => {
    for (const f of EVAL_FUNCTIONS) {
      expect(f.description["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(f.description["en-US"]).toMatch(/[a-z]/);
      expect(f.example.startsWith(f.name + "(")).toBe(true);
      for (const p of f.params) {
        expect(p.name).toMatch(/^[a-z][A-Za-z]*$/);
        expect(p.help["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
        expect(p.help["en-US"].length).toBeGreaterThan(3);
      }
      // optional parameters come last
      const firstOpt = f.params.findIndex((p) => p.optional);
      if (firstOpt >= 0) expect(f.params.slice(firstOpt).every((p) => p.optional)).toBe(true);
    }
  });
});
