import { moneySub, moneySum } from "../../src/core/money";

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
    expect(moneySum([1e-7, 2e-7])).toBe(3e-7);
    expect(moneySum([1e21, 1])).toBe(1e21 + 1);
    expect(moneySum(["1e21", "-1e21", "0.01"])).toBe(0.01);
    expect(moneySum(["0.5", "-1"])).toBe(-0.5);
    expect(moneySum([""])).toBeNull();
    expect(moneySum(["1.2.3"])).toBeNull();
    expect(moneySub("1.5e-3", 0.0005)).toBe(0.001);
  });
});
