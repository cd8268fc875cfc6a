import {
  quantScore,
  qualScore,
  execScore,
  grade,
  gradeKey,
  gradeFromWord,
  rescaledTotal,
  toTier,
} from "../../src/core/scoring";
import {
  arrivalRate,
  execRate,
  completionRate,
  qualityRate,
  costSavingRate,
  balance,
  satisfaction,
  defaultSatisfactionWeights,
} from "../../src/core/rates";
import { EvalError } from "../../src/core/errors";

const code = (r: unknown) => (r instanceof EvalError ? r.code : r);

describe("grade bands", () => {
  test.each([
    [100, "优", "Excellent"],
    [90, "优", "Excellent"],
    [89.99, "良", "Good"],
    [80, "良", "Good"],
    [80.37, "良", "Good"],
    [79.99, "中", "Fair"],
    [60, "中", "Fair"],
    [59.99, "差", "Poor"],
    [0, "差", "Poor"],
  ])("%s → %s / %s", (t, zh, en) => {
    expect(grade(t)).toBe(zh);
    expect(grade(t, "en-US")).toBe(en);
  });
  test("binary noise just under a band edge is the edge", () => {
    expect(gradeKey(89.99999999999999)).toBe("excellent");
  });
  test("outside 0..100 is #NUM!, not a number #VALUE!", () => {
    expect(code(grade(100.5))).toBe("#NUM!");
    expect(code(grade(-1))).toBe("#NUM!");
    expect(code(grade(NaN))).toBe("#VALUE!");
  });
  test("grade words", () => {
    expect(gradeFromWord("优秀")).toBe("excellent");
    expect(gradeFromWord(" 良 ")).toBe("good");
    expect(gradeFromWord("Fair")).toBe("fair");
    expect(gradeFromWord("差")).toBe("poor");
    expect(gradeFromWord("总分")).toBeNull();
  });
});

describe("quantitative score", () => {
  test("positive: met → full, missed → weight × B/A", () => {
    expect(quantScore(">=", 0.95, 0.96, 10)).toBe(10);
    expect(quantScore(">=", 0.95, 0.95, 10)).toBe(10);
    expect(quantScore(">=", 0.95, 0.9, 10)).toBeCloseTo((10 * 0.9) / 0.95, 12);
    expect(quantScore(null, 35200, 35000, 5)).toBeCloseTo((5 * 35000) / 35200, 12);
  });
  test("reverse: met → full, missed → weight × A/B", () => {
    expect(quantScore("<=", 900000, 800000, 10)).toBe(10);
    expect(quantScore("<=", 900000, 1000000, 10)).toBeCloseTo(9, 12);
    // A ≤ indicator scored as if ≥ would give 10 × B/A capped = 10: the two rules differ.
    expect(quantScore(">=", 900000, 1000000, 10)).toBe(10);
  });
  test("capped at the weight and never negative", () => {
    expect(quantScore(">", 10, 10, 4)).toBe(4);
    expect(quantScore(">=", 10, -5, 4)).toBe(0);
    expect(quantScore("<=", 10, 0, 4)).toBe(4);
    expect(quantScore("<=", 0, 5, 4)).toBe(0);
  });
  test("bad weight", () => {
    expect(code(quantScore(">=", 1, 1, -1))).toBe("#NUM!");
    expect(code(quantScore(">=", 1, 1, NaN))).toBe("#VALUE!");
  });
});

describe("qualitative score tiers", () => {
  test("defaults 100 % / 70 % / 30 %", () => {
    expect(qualScore(1, 10)).toBe(10);
    expect(qualScore(2, 10)).toBeCloseTo(7, 12);
    expect(qualScore(3, 10)).toBeCloseTo(3, 12);
  });
  test("percent inside the tier, 80 in tier 1 and 60 in tier 2", () => {
    expect(qualScore(1, 10, 0.8)).toBeCloseTo(8, 12);
    expect(qualScore(1, 10, 80)).toBeCloseTo(8, 12);
    expect(qualScore(2, 10, 0.6)).toBeCloseTo(6, 12);
    expect(code(qualScore(2, 10, 0.8))).toBe("#NUM!");
    expect(code(qualScore(1, 10, 0.79))).toBe("#NUM!");
    expect(code(qualScore(3, 10, 0.6))).toBe("#NUM!");
    expect(qualScore(3, 10, 0)).toBe(0);
  });
  test("tier words", () => {
    expect(toTier("达成年度指标")).toBe(1);
    expect(toTier("部分达成并具有一定效果")).toBe(2);
    expect(toTier("未达成且效果较差")).toBe(3);
    expect(toTier(2)).toBe(2);
    expect(toTier(4)).toBeNull();
    expect(toTier("好")).toBeNull();
  });
});

describe("exec score and rescale", () => {
  test("weight × min(rate, 1)", () => {
    expect(execScore(0.9968)).toBeCloseTo(9.968, 12);
    expect(execScore(1.2)).toBe(10);
    expect(execScore(0.5, 20)).toBe(10);
    expect(code(execScore(-0.1))).toBe("#NUM!");
  });
  test("not-applicable indicators are left out and the rest rescaled to 100", () => {
    expect(
      rescaledTotal([
        { score: 40, weight: 50 },
        { score: 30, weight: 40 },
        { score: 0, weight: 10, applicable: false },
      ]),
    ).toBeCloseTo((70 * 100) / 90, 12);
    expect(code(rescaledTotal([{ score: 1, weight: 10, applicable: false }]))).toBe("#DIV/0!");
  });
});

describe("rates", () => {
  test("formulas as fractions", () => {
    expect(arrivalRate(61196.81, 62867.9)).toBeCloseTo(0.97342, 5);
    expect(execRate(61001.46, 61196.81)).toBeCloseTo(0.99681, 5);
    expect(completionRate(35452, 35200)).toBeCloseTo(1.00716, 5);
    expect(qualityRate(7845, 7846)).toBeCloseTo(0.99987, 5);
    expect(costSavingRate(100, 95)).toBe(0.05);
    expect(costSavingRate(100, 110)).toBe(-0.1);
    expect(balance(61196.81, 61001.46)).toBe(195.35);
  });
  test("errors", () => {
    expect(code(arrivalRate(1, 0))).toBe("#DIV/0!");
    expect(code(execRate(-1, 10))).toBe("#NUM!");
    expect(code(qualityRate(11, 10))).toBe("#NUM!");
    expect(code(completionRate(NaN, 10))).toBe("#VALUE!");
  });
  test("satisfaction defaults by number of levels", () => {
    expect(defaultSatisfactionWeights(4)).toEqual([1, 0.85, 0.6, 0]);
    expect(defaultSatisfactionWeights(5)).toEqual([1, 0.8, 0.6, 0.3, 0]);
    expect(defaultSatisfactionWeights(2)).toEqual([1, 0]);
    expect(satisfaction([69, 46, 24, 2])).toBeCloseTo(122.5 / 141, 12);
    expect(satisfaction([10, 20, 30, 20, 20])).toBeCloseTo((10 + 16 + 18 + 6) / 100, 12);
    expect(satisfaction([90, 10])).toBe(0.9);
    expect(code(satisfaction([1, 2, 3]))).toBe("#VALUE!");
    expect(satisfaction([1, 2, 3], [1, 0.5, 0])).toBeCloseTo(2 / 6, 12);
    expect(code(satisfaction([0, 0, 0, 0]))).toBe("#DIV/0!");
    expect(code(satisfaction([1, -1]))).toBe("#NUM!");
    expect(code(satisfaction([1, 2], [1]))).toBe("#VALUE!");
  });
});
