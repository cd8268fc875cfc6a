import { runRule, sheet, workbook } from "../support/grid";
import type { CellValue } from "../../src/core/snapshot";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

const run = (...s: ReturnType<typeof sheet>[]) => runRule("unit-mismatch", workbook(...s));
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

function declaration(values: Record<string, string> = {}) {
  const grid: CellValue[][] = [["项目支出绩效目标申报表"], ["一级指标", "二级指标", "三级指标", "指标值"]];
  for (const r of standardIndicators()) grid.push([r[0], r[1], r[2], values[r[2]] ?? (r[3] as string)]);
  return sheet("申报表", grid);
}

function withRow(i: number, row: Ind) {
  const rows = standardIndicators();
  rows[i] = row;
  return selfAssessment(rows);
}

/** Loose label/value amounts, as a notice or a summary sheet writes them. */
function amounts(name: string, pairs: [string, CellValue][]) {
  return sheet(
    name,
    pairs.map(([l, v]) => [l, v]),
  );
}

describe("unit-mismatch", () => {
  describe("valid", () => {
    it.each([
      [
        "the seed (declaration without a unit on the amount, self-assessment in 万元)",
        [seedDeclaration(), seedSelfAssessment()],
      ],
      ["the standard form", [selfAssessment()]],
      [
        "a bare actual in a 万元 indicator (≤90万元 vs 85)",
        [withRow(3, ["产出指标", "成本指标", "项目成本", "≤90万元", 85, 10, 10])],
      ],
      [
        "the same amount in 元 and in 万元",
        [amounts("说明", [["预算资金（万元）", 62867.9]]), amounts("附表", [["预算资金（元）", 628679000]])],
      ],
      [
        "one side without a unit can be either",
        [amounts("说明", [["预算资金（万元）", 62867.9]]), amounts("附表", [["预算资金", 62867.9]])],
      ],
      [
        "different amounts, not ×10⁴ apart",
        [amounts("说明", [["预算资金（万元）", 62867.9]]), amounts("附表", [["预算资金（万元）", 61196.81]])],
      ],
      ["the same indicator value in 元 and 万元", [declaration({ 人均培训成本: "≤0.1万元" }), selfAssessment()]],
      [
        "an actual in 元 far from the target's number (5000元 against ≤90万元)",
        [withRow(3, ["产出指标", "成本指标", "项目成本", "≤90万元", "5000元", 10, 10])],
      ],
    ])("%s", (_n, sheets) => {
      expect(run(...(sheets as ReturnType<typeof sheet>[]))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("the same amount labelled 万元 in both places but typed in 元 in one", () => {
      const f = run(
        amounts("说明", [["预算资金（万元）", 62867.9]]),
        amounts("附表", [["预算资金（万元）", 628679000]]),
      );
      expect(at(f)).toEqual(["附表!B1"]);
      expect(f[0].related).toEqual(["说明!B1"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toBe(
        "预算资金（万元）为628679000万元，与62867.9万元相差约1万倍，可能混用了元与万元。",
      );
    });
    it("a funds block in 万元 holding 元 against a label in 万元", () => {
      const s = selfAssessment(undefined, {
        funds: [1000000, 1000000, 10, 1, 10],
        parts: [
          ["其中：财政拨款", 1000000, 1000000],
          ["其他资金", 0, 0],
        ],
      });
      const f = run(amounts("说明", [["预算资金（万元）", 100]]), s);
      expect(at(f)).toContain("自评表!C4");
    });
    it("an indicator value declared in 万元 and assessed in 元 with the same number", () => {
      const f = run(declaration({ 人均培训成本: "≤1000万元" }), selfAssessment());
      expect(at(f)).toEqual(["自评表!D11"]);
      expect(f[0].related).toEqual(["申报表!D6"]);
      expect(f[0].message["zh-CN"]).toBe(
        "人均培训成本为≤1000元，与≤1000万元（申报表）相差约1万倍，可能混用了元与万元。",
      );
    });
    it("an actual written in 元 against a 万元 target with the same number", () => {
      const f = run(withRow(3, ["产出指标", "成本指标", "项目成本", "≤90万元", "89.5元", 10, 10]));
      expect(at(f)).toEqual(["自评表!E11"]);
      expect(f[0].related).toEqual(["自评表!D11"]);
    });
    it("亿元 against 元", () => {
      const f = run(declaration({ 人均培训成本: "≤1000亿元" }), selfAssessment());
      expect(f[0].message["en-US"]).toBe(
        "人均培训成本 is ≤1000元, about 10⁸ times ≤1000亿元（申报表）: 元 and 亿元 may be mixed.",
      );
    });
  });
});
