import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators } from "./forms";
import { seedDeclaration } from "../fixtures/layouts/seed";

describe("missing-category", () => {
  describe("valid", () => {
    it.each([
      ["the seed's declaration", seedDeclaration()],
      ["the standard form", selfAssessment()],
      [
        "satisfaction under 效益 (older forms)",
        selfAssessment(
          standardIndicators().map((r) => (r[0] === "满意度指标" ? (["效益指标", ...r.slice(1)] as typeof r) : r)),
        ),
      ],
      ["a two-row fragment", selfAssessment(standardIndicators().slice(0, 2), { funds: null, total: null })],
      [
        "a table without 二级 names",
        sheet("简表", [
          ["一级指标", "三级指标", "指标值"],
          ["产出指标", "培训人数", "≥500人"],
          ["产出指标", "合格率", "≥95%"],
          ["效益指标", "就业率", "≥80%"],
        ]),
      ],
    ])("%s", (_n, s) => {
      expect(runRule("missing-category", s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("no 时效 and no 成本 indicators (the seed's 指标设置不完整)", () => {
      const ind = standardIndicators().filter((r) => r[1] !== "时效指标" && r[1] !== "成本指标");
      const f = runRule("missing-category", selfAssessment(ind));
      expect(f.map((x) => [x.cell, x.severity, x.message["zh-CN"]])).toEqual([
        ["B7", "warning", "自评表的指标表缺少“时效”类指标。"],
        ["B7", "warning", "自评表的指标表缺少“成本”类指标。"],
      ]);
    });

    it("no satisfaction indicator", () => {
      const ind = standardIndicators().filter((r) => r[0] !== "满意度指标");
      expect(runRule("missing-category", selfAssessment(ind)).map((x) => x.message["en-US"])).toEqual([
        'The indicator table on 自评表 has no "满意度" indicators.',
      ]);
    });
  });
});
