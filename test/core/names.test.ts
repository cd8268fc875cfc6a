import { normalizeName } from "../../src/core/names";

/** Two names are one indicator when their keys are equal and not empty (how recognition matches tables). */
const sameName = (a: unknown, b: unknown) => normalizeName(a) !== "" && normalizeName(a) === normalizeName(b);

describe("normalizeName", () => {
  test.each([
    ["成本指标", "成本"],
    ["成本 指标", "成本"],
    ["成本\n指标", "成本"],
    ["★成本指标", "成本"],
    ["成本指标（元）", "成本"],
    ["成本指标(核心)", "成本"],
    ["成本指标【核心】", "成本"],
    ["１．数量指标", "数量"],
    ["一、产出指标", "产出"],
    ["（一）效益指标", "效益"],
    ["参保人数（企业职工）", "参保人数(企业职工)"],
    ["指标", "指标"],
  ])("%s → %s", (a, b) => {
    expect(normalizeName(a)).toBe(b);
  });
  test("different bracketed words stay different", () => {
    expect(sameName("参保人数（企业职工）", "参保人数(机关事业单位)")).toBe(false);
    expect(sameName("参保人数（企业职工）", "参保人数 (企业职工)")).toBe(true);
  });
  test("empty names never match", () => {
    expect(sameName("", "")).toBe(false);
    expect(normalizeName(null)).toBe("");
  });
});
