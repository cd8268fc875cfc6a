import { callEval } from "../../src/core/functions";
import { EvalError } from "../../src/core/errors";

// domain.md "Numbers to reproduce from the seed" (Menghai 2021): stated values, rounded as the notice prints them.
const pct = (r: unknown) => Math.round((r as number) * 10000) / 100;

describe("seed numbers through callEval", () => {
  test("资金到位率 61196.81 / 62867.90 = 97.34 %", () => {
    expect(pct(callEval("ARRIVALRATE", [61196.81, 62867.9]))).toBe(97.34);
  });
  test("资金执行率 61001.46 / 61196.81 = 99.68 %", () => {
    const r = callEval("EXECRATE", [61001.46, 61196.81]) as number;
    expect(pct(r)).toBe(99.68);
    expect(r).toBeCloseTo(0.99681, 5);
  });
  test("结余资金 61196.81 − 61001.46 = 195.35 exactly", () => {
    expect(callEval("BALANCE", [61196.81, 61001.46])).toBe(195.35);
    expect(61196.81 - 61001.46).not.toBe(195.35); // the float noise the core avoids
  });
  test("上解上级支出 16931.41 + 18.40 + 249.35 + 33.32 = 17232.48 exactly", () => {
    expect(callEval("AMOUNTSUM", [[[16931.41, 18.4, 249.35, 33.32]]])).toBe(17232.48);
    expect(callEval("AMOUNTSUM", [[[16931.41], [18.4], [249.35], [33.32]]])).toBe(17232.48);
  });
  test("参保完成比例 35452 / 35200 = 100.72 %, also against the target text 3.52万人", () => {
    expect(pct(callEval("COMPLETIONRATE", [35452, 35200]))).toBe(100.72);
    expect(pct(callEval("COMPLETIONRATE", [35452, "3.52万人"]))).toBe(100.72);
    expect(pct(callEval("COMPLETIONRATE", [35452, "≥3.52万人"]))).toBe(100.72);
  });
  test("企业职工 17769 / 17700 = 100.39 %", () => {
    expect(pct(callEval("COMPLETIONRATE", [17769, 17700]))).toBe(100.39);
    expect(pct(callEval("COMPLETIONRATE", [17769, "1.77万人"]))).toBe(100.39);
  });
  test("机关事业单位 6394 / 6400 = 99.91 %", () => {
    expect(pct(callEval("COMPLETIONRATE", [6394, 6400]))).toBe(99.91);
    expect(pct(callEval("COMPLETIONRATE", [6394, "0.64万人"]))).toBe(99.91);
  });
  test("企业退休认证率 7845 / 7846 = 99.99 %", () => {
    expect(pct(callEval("COMPLETIONRATE", [7845, 7846]))).toBe(99.99);
    expect(pct(callEval("QUALITYRATE", [7845, 7846]))).toBe(99.99);
  });
  test("政策知晓率 69/46/24/2 with 1/0.85/0.6/0 = 86.88 %", () => {
    expect(pct(callEval("SATISFACTION", [[[69, 46, 24, 2]]]))).toBe(86.88);
    expect(pct(callEval("SATISFACTION", [[[69], [46], [24], [2]], [[1, 0.85, 0.6, 0]]]))).toBe(86.88);
    expect(pct(callEval("SATISFACTION", [[[69, 46, 24, 2]], [[100, 85, 60, 0]]]))).toBe(86.88);
  });
  test("grade of 80.37 is 良 / Good", () => {
    expect(callEval("GRADE", [80.37])).toBe("良");
    expect(callEval("GRADE", [80.37, "en-US"])).toBe("Good");
  });
  test("a zero budget is #DIV/0!", () => {
    const r = callEval("ARRIVALRATE", [100, 0]);
    expect(r).toBeInstanceOf(EvalError);
    expect((r as EvalError).code).toBe("#DIV/0!");
  });
});
