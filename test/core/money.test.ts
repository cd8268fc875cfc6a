import { moneySub, moneySum, toDecimal, decToString, addDec } from "../../src/core/money";

describe("exact money", () => {
  test("61196.81 − 61001.46 = 195.35 exactly", () => {
    expect(moneySub(61196.81, 61001.46)).toBe(195.35);
  });
  test("the seed's 上解上级支出 sum", () => {
    expect(moneySum([16931.41, 18.4, 249.35, 33.32])).toBe(17232.48);
    expect(moneySum(["16,931.41", "18.40", 249.35, 33.32])).toBe(17232.48);
  });
  test("0.1 + 0.2 is 0.3", () => {
    expect(moneySum([0.1, 0.2])).toBe(0.3);
  });
  test("3 decimals (89.974) are kept, not cut to cents", () => {
    expect(moneySub(90, 89.974)).toBe(0.026);
  });
  test("non-numbers → null", () => {
    expect(moneySub(NaN, 1)).toBeNull();
    expect(moneySum([1, "abc"])).toBeNull();
    expect(moneySum([Infinity])).toBeNull();
  });
  test("a difference of amounts is exact to the cent", () => {
    expect(moneySub(61196.81, 61001.46)).toBe(195.35);
    expect(moneySub(195.36, 195.35)).toBe(0.01);
  });
  test("exponent forms and big values", () => {
    expect(decToString(toDecimal(1e-7)!)).toBe("0.0000001");
    expect(decToString(toDecimal(1e21)!)).toBe("1000000000000000000000");
    expect(decToString(addDec(toDecimal("0.5")!, toDecimal("-1")!))).toBe("-0.5");
    expect(toDecimal("")).toBeNull();
    expect(toDecimal("1.2.3")).toBeNull();
  });
});
