import { readActual, meets, numbersAgree, scaleSlip } from "../../src/core/compare";
import { compareIndicatorValues } from "../../src/core/rules/shared/pairs";

/** The comparator the rules use, as agree / not. */
const valuesAgree = (a: unknown, b: unknown) => compareIndicatorValues(a, b) === "agree";
/** A stated number against a computed one at the stated decimals. */
const agreesAtPrecision = (stated: number, computed: number, decimals: number) =>
  numbersAgree(stated, Math.pow(10, -decimals), computed, 0);
import { parseValue } from "../../src/core/value";

describe("readActual: a bare actual in the target's unit", () => {
  test("35452 against 3.52万人 is 35,452 people", () => {
    expect(readActual("3.52万人", 35452)).toBe(35452);
  });
  test("90 against ≤90万元 (a 万元 column) is 90万元", () => {
    expect(readActual("≤90万元", 90)).toBe(900000);
  });
  test("a column hint wins over the guess", () => {
    expect(readActual("≤90万元", 3.5, { scale: 1e4 })).toBe(35000);
  });
  test("percent targets: 0.98, 98 and '98%' are all 98 %", () => {
    expect(readActual("≥95%", 0.98)).toBe(0.98);
    expect(readActual("≥95%", 98)).toBe(0.98);
    expect(readActual("≥95%", "98%")).toBe(0.98);
    expect(readActual("≥95%", "98")).toBe(0.98);
  });
  test("a small percent target reads 1.5 as 1.5 %, not 150 %", () => {
    expect(readActual("≤3%", 1.5)).toBe(0.015);
  });
  test("percent formatted cells are fractions", () => {
    expect(readActual("≥95%", 1.2, { percentFormat: true })).toBe(1.2);
  });
  test("a percent actual against a bare target in points", () => {
    expect(readActual("100", "98%")).toBe(98);
    expect(readActual("≥1", "98%")).toBe(0.98);
    expect(meets("=100", "100%")).toBe(true);
  });
  test("an actual with its own unit is taken as written", () => {
    expect(readActual("≤628,678,956.50元", "62867.90万元")).toBe(628679000);
    expect(readActual("3.52万人", "3.55万人")).toBe(35500);
  });
  test("no number → null", () => {
    expect(readActual("≥95%", "效果明显")).toBeNull();
    expect(readActual("≥95%", "")).toBeNull();
    expect(readActual("效果明显", "效果明显")).toBeNull();
  });
});

describe("meets honours direction", () => {
  test("≥", () => {
    expect(meets("≥95%", 0.95)).toBe(true);
    expect(meets("≥95%", 0.9499)).toBe(false);
    expect(meets("≥95%", 98)).toBe(true);
  });
  test("≤", () => {
    expect(meets("≤90万元", 89)).toBe(true);
    expect(meets("≤90万元", 90)).toBe(true);
    expect(meets("≤90万元", 91)).toBe(false);
    expect(meets("≤628,678,956.50元", 628678956.5)).toBe(true);
    expect(meets("≤628,678,956.50元", 628678956.51)).toBe(false);
  });
  test("strict > and <", () => {
    expect(meets(">80%", 0.8)).toBe(false);
    expect(meets(">80%", 0.81)).toBe(true);
    expect(meets("<5%", 0.05)).toBe(false);
    expect(meets("<5%", 0.04)).toBe(true);
  });
  test("= and no operator: reaching the value meets it, overshoot too", () => {
    expect(meets("=100%", 1.0072)).toBe(true);
    expect(meets("=100%", 0.98)).toBe(false);
    expect(meets("3.52万人", 35452)).toBe(true);
    expect(meets("3.52万人", 35000)).toBe(false);
  });
  test("binary noise does not decide", () => {
    expect(meets("≥0.3", 0.1 + 0.2)).toBe(true);
    expect(meets("≤0.3", 0.1 + 0.2)).toBe(true);
  });
  test("qualitative → null", () => {
    expect(meets("效果明显", 1)).toBeNull();
    expect(meets("≥95%", "较好")).toBeNull();
  });
});

describe("precision-aware agreement", () => {
  test("62867.90万元 and 628,678,956.50元 agree", () => {
    expect(valuesAgree("62867.90万元", "628,678,956.50元")).toBe(true);
  });
  test("the seed's two cost values disagree", () => {
    expect(valuesAgree("≤628,678,956.50元", "≤628,278,103.22元")).toBe(false);
  });
  test("half a unit of the coarser digit is the limit", () => {
    expect(numbersAgree(100, 1, 100.5, 0.01)).toBe(true);
    expect(numbersAgree(100, 1, 100.51, 0.01)).toBe(false);
    expect(valuesAgree("95%", "0.95")).toBe(true);
    expect(valuesAgree("95%", "96%")).toBe(false);
  });
  test("qualitative texts agree when equal", () => {
    expect(valuesAgree("效果明显", " 效果明显")).toBe(true);
    expect(valuesAgree("效果明显", "逐步提高")).toBe(false);
    expect(valuesAgree("效果明显", "95%")).toBe(false);
  });
  test("stated rate at its displayed precision", () => {
    expect(agreesAtPrecision(0.9734, 61196.81 / 62867.9, 4)).toBe(true);
    expect(agreesAtPrecision(97.34, (61196.81 / 62867.9) * 100, 2)).toBe(true);
    expect(agreesAtPrecision(0.9735, 61196.81 / 62867.9, 4)).toBe(false);
    expect(agreesAtPrecision(0, 1, 2)).toBe(false);
  });
  test("scaleSlip finds ×10⁴ and ×10⁸", () => {
    expect(scaleSlip(62867.9, 628679000)).toBe(1e4);
    expect(scaleSlip(6.28679, 628679000)).toBe(1e8);
    expect(scaleSlip(100, 101)).toBeNull();
    expect(scaleSlip(0, 100)).toBeNull();
  });
  test("parsed values can be passed directly", () => {
    expect(meets(parseValue("≥95%"), parseValue("96%"))).toBe(true);
  });
});
