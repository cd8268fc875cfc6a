import { runRule, sheet, workbook } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";
import { compareIndicatorValues } from "../../src/core/rules/indicator-value-mismatch";

/** A 申报表 with the standard indicators' names and the given values (default: the same as the self-assessment). */
function declaration(values: Record<string, string | number> = {}, rows: Ind[] = standardIndicators()) {
  const grid = [["项目支出绩效目标申报表"], ["一级指标", "二级指标", "三级指标", "指标值"]] as (
    string | number | null
  )[][];
  for (const r of rows) grid.push([r[0], r[1], r[2], values[r[2]] ?? (r[3] as string)]);
  return sheet("申报表", grid);
}

const run = (...s: ReturnType<typeof sheet>[]) => runRule("indicator-value-mismatch", workbook(...s));
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

describe("indicator-value-mismatch", () => {
  describe("valid", () => {
    it.each([
      ["the same values in both tables", declaration(), selfAssessment()],
      [
        "the seed with the same cost value",
        seedDeclaration("≤628,678,956.50元"),
        seedSelfAssessment("≤628,678,956.50元"),
      ],
      [
        "62867.90万元 vs 628,678,956.50元 (coarser precision agrees)",
        seedDeclaration("≤62867.90万元"),
        seedSelfAssessment("≤628,678,956.50元"),
      ],
      [
        "full-width and word forms of the same value",
        declaration({ 培训合格率: "不低于９５％", 人均培训成本: "控制在1000元以内" }),
        selfAssessment(),
      ],
      ["a bare number against a unit (500 vs ≥500人)", declaration({ 培训人数: "≥500" }), selfAssessment()],
      ["0.95 against 95%", declaration({ 培训合格率: "≥0.95" }), selfAssessment()],
      ["= and ≥ are the same direction", declaration({ 培训人数: "=500人" }), selfAssessment()],
      ["an operator left out (1000元 under ≤1000元)", declaration({ 人均培训成本: "1000元" }), selfAssessment()],
      [
        "qualitative texts differing in punctuation only",
        declaration({ 就业技能提升: "明显提升。" }),
        selfAssessment(),
      ],
      [
        "an empty or placeholder value on one side (another rule's business)",
        declaration({ 培训人数: "*", 培训合格率: "" }),
        selfAssessment(),
      ],
      ["a ×10⁴ slip is left to unit-mismatch", declaration({ 人均培训成本: "≤1000万元" }), selfAssessment()],
      ["only one table", selfAssessment(), sheet("空", [["说明"]])],
      [
        "3.52万人 against 35200人: the coarser has 3 significant digits and they are equal",
        declaration({ 培训人数: "≥3.52万人" }),
        selfAssessment([
          ["产出指标", "数量指标", "培训人数", "≥35200人", 35452, 20, 20],
          ...standardIndicators().slice(1),
        ]),
      ],
      [
        "100% against 100.0%: a round number written twice is the same number",
        declaration({ 培训合格率: "=100%" }),
        selfAssessment([
          standardIndicators()[0],
          ["产出指标", "质量指标", "培训合格率", "=100.0%", 1, 10, 10],
          ...standardIndicators().slice(2),
        ]),
      ],
    ])("%s", (_n, a, b) => {
      expect(run(a, b)).toEqual([]);
    });
  });

  describe("agreeing only by rounding a coarse value: a warning naming both values", () => {
    const withCount = (v: string) =>
      selfAssessment([["产出指标", "数量指标", "培训人数", v, 35452, 20, 20], ...standardIndicators().slice(1)]);
    it.each([
      ["≥1.77万人 declared, ≥2万人 assessed", "≥1.77万人", "≥2万人"],
      ["≥3.52万人 declared, ≥4万人 assessed", "≥3.52万人", "≥4万人"],
      ["≥17700人 declared, ≥2万人 assessed", "≥17700人", "≥2万人"],
    ])("%s", (_n, declared, assessed) => {
      const f = run(declaration({ 培训人数: declared }), withCount(assessed));
      expect(f.map((x) => [x.cell, x.severity])).toEqual([["D8", "warning"]]);
      expect(f[0].message["zh-CN"]).toBe(
        `指标“培训人数”的指标值为${assessed}，申报表中为${declared}：两者只有把较粗的整数看作另一数的近似值才相同，目标可能已被改动。`,
      );
    });
    it("≤6.3亿元 against the seed's ≤628,278,103.22元", () => {
      const f = run(seedDeclaration("≤6.3亿元"), seedSelfAssessment("≤628,278,103.22元"));
      expect(f.map((x) => [x.cell, x.severity])).toEqual([["E18", "warning"]]);
    });
  });

  describe("invalid", () => {
    it("the seed: ≤628,678,956.50元 declared, ≤628,278,103.22元 assessed", () => {
      const f = run(seedDeclaration(), seedSelfAssessment());
      expect(at(f)).toEqual(["自评表!E18"]);
      expect(f[0].related).toEqual(["申报表!E15"]);
      expect(f[0].severity).toBe("error");
      expect(f[0].message["zh-CN"]).toBe(
        "指标“成本指标”的指标值为≤628,278,103.22元，与申报表中的≤628,678,956.50元不一致。",
      );
      expect(f[0].message["en-US"]).toBe(
        'Indicator "成本指标" has the value ≤628,278,103.22元, which differs from ≤628,678,956.50元 in 申报表.',
      );
    });
    it("a changed number", () => {
      const f = run(declaration({ 培训人数: "≥600人" }), selfAssessment());
      expect(at(f)).toEqual(["自评表!D8"]);
      expect(f[0].related).toEqual(["申报表!D3"]);
    });
    it("a changed direction (≤ declared, ≥ assessed)", () => {
      expect(at(run(declaration({ 人均培训成本: "≥1000元" }), selfAssessment()))).toEqual(["自评表!D11"]);
    });
    it("a different unit (人 vs 人次)", () => {
      expect(at(run(declaration({ 培训人数: "≥500人次" }), selfAssessment()))).toEqual(["自评表!D8"]);
    });
    it("a number replaced by words", () => {
      expect(at(run(declaration({ 培训合格率: "合格率较高" }), selfAssessment()))).toEqual(["自评表!D9"]);
    });
    it("different qualitative aims", () => {
      expect(at(run(declaration({ 长效机制: "健全" }), selfAssessment()))).toEqual(["自评表!D13"]);
    });
    it("matched on 二级/三级 when the first-level names differ", () => {
      const rows = standardIndicators().map((r) => ["", r[1], r[2], r[3], r[4], r[5], r[6]] as Ind);
      expect(at(run(declaration({ 培训人数: "≥400人" }, rows), selfAssessment()))).toEqual(["自评表!D8"]);
    });
  });

  describe("real-world layout: a split 申报表 (≥ | 12 | 公里) against a one-cell 自评表 (≥12公里)", () => {
    it("clean", () => {
      expect(runRule("indicator-value-mismatch", countyText())).toEqual([]);
    });
    it("每公里建设成本 declared ≤ 25 万元, assessed ≤30万元", () => {
      const wb = countyText();
      const self = wb.sheets.find((x) => x.name !== "申报表" && x.values.some((r) => r[2] === "每公里建设成本"))!;
      const r = self.values.findIndex((row) => row[2] === "每公里建设成本");
      self.values[r][4] = "≤30万元";
      const f = runRule("indicator-value-mismatch", wb);
      expect(f.map((x) => `${x.sheet}!${x.cell}`)).toEqual([`${self.name}!E${r + 1}`]);
      expect(f[0].related).toEqual(["申报表!E11"]);
      expect(f[0].message["zh-CN"]).toBe("指标“每公里建设成本”的指标值为≤30万元，与申报表中的≤25万元不一致。");
    });
  });

  describe("compareIndicatorValues", () => {
    it.each([
      ["≤628,678,956.50元", "≤628,278,103.22元", "differ"],
      ["≤62867.90万元", "≤628,678,956.50元", "agree"],
      ["≤62867.9万元", "≤628,678,956.50元", "agree"],
      ["≤62868.9万元", "≤628,678,956.50元", "differ"],
      ["≥95%", "95%", "agree"],
      ["≥95%", "≤95%", "differ"],
      ["≤90万元", "≤90元", "scale-slip"],
      ["3.52万人", "≥35200人", "agree"],
      ["*", "≥1", "skip"],
      ["不适用", "≥1", "skip"],
      ["≥95%", "#N/A", "skip"],
      ["2021年12月31日前", "2021年12月31日前", "agree"],
      ["2021年12月31日前", "12月", "differ"],
    ])("%s vs %s → %s", (a, b, r) => {
      expect(compareIndicatorValues(a, b)).toBe(r);
    });
  });
});
