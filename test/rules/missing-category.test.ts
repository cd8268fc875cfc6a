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
      // At the 产出 group, its rows listed: where the missing indicators belong.
      expect(f.map((x) => [x.cell, x.severity, x.message["zh-CN"], x.related.join(" ")])).toEqual([
        ["A8", "warning", "自评表的指标表缺少“时效”类指标。", "自评表!B8 自评表!B9"],
        ["A8", "warning", "自评表的指标表缺少“成本”类指标。", "自评表!B8 自评表!B9"],
      ]);
    });

    it("a two-indicator set is as incomplete as any (Qingshen 2023: one 数量 and one 社会效益 indicator)", () => {
      const f = runRule(
        "missing-category",
        selfAssessment(standardIndicators().slice(0, 2), { funds: null, total: null }),
      );
      expect(f.map((x) => x.message["zh-CN"].replace(/.*缺少“(.+)”类指标。/, "$1"))).toEqual([
        "时效",
        "成本",
        "效益",
        "满意度",
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
