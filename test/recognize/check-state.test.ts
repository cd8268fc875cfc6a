/**
 * Recognition and the rules keep no state between checks: recognition's per-check state lives in one call, and
 * the results several rules share (indicator pairs, weighted items) live in the check's scope.
 */
import { recognizeWorkbook } from "../../src/core/recognize";
import { CheckScope } from "../../src/core/rules/scope";
import { borrowedOperators, matchedIndicatorPairs, matchedPairComparisons } from "../../src/core/rules/shared/pairs";
import { weightedItems } from "../../src/core/rules/util";
import { checkWorkbook } from "../../src/core/check";
import { sheet, workbook } from "../support/grid";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

function pairKeys(scope: CheckScope): string[] {
  return matchedIndicatorPairs(scope).map(([a, b]) => `${a.sheet}!${a.row}=${b.sheet}!${b.row}`);
}

describe("per-check state", () => {
  it("keeps the row model free of internal fields", () => {
    const model = recognizeWorkbook(workbook(seedDeclaration(), seedSelfAssessment()));
    for (const row of model.indicators) expect(Object.keys(row).filter((k) => k.startsWith("_"))).toEqual([]);
  });

  it("computes shared results once per check, and afresh for another check of the same model", () => {
    const model = recognizeWorkbook(workbook(seedDeclaration(), seedSelfAssessment()));
    const a = new CheckScope(model);
    expect(pairKeys(a)).toHaveLength(9);
    expect(matchedIndicatorPairs(a)).toBe(matchedIndicatorPairs(a));
    expect(matchedPairComparisons(a)).toBe(matchedPairComparisons(a));
    expect(borrowedOperators(a)).toBe(borrowedOperators(a));
    expect(weightedItems(a, model.tables[1])).toBe(weightedItems(a, model.tables[1]));
    const b = new CheckScope(model);
    expect(matchedIndicatorPairs(b)).not.toBe(matchedIndicatorPairs(a));
    expect(pairKeys(b)).toEqual(pairKeys(a));
  });

  it("gives the same findings when one workbook is checked after another, and after itself", () => {
    const seed = () => workbook(seedDeclaration(), seedSelfAssessment());
    // The same indicator names in another workbook, with other values and positions.
    const other = workbook(
      sheet("申报", [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "成本指标", "成本指标", "≤1元"],
        ["产出指标", "数量指标", "参保人数", "≥1人"],
      ]),
      sheet("自评", [
        ["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分"],
        ["产出指标", "成本指标", "成本指标", "≤2元", "1元", 50, 50],
        ["产出指标", "数量指标", "参保人数", "≥1人", "1人", 50, 50],
      ]),
    );
    const first = checkWorkbook(seed()).findings;
    checkWorkbook(other);
    expect(checkWorkbook(seed()).findings).toEqual(first);
    expect(checkWorkbook(seed()).findings).toEqual(first);
    expect(first.some((f) => f.rule === "indicator-value-mismatch")).toBe(true);
  });
});
