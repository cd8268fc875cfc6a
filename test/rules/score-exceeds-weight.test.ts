import { runRule } from "../support/grid";
import { selfAssessment, standardIndicators } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";

describe("score-exceeds-weight", () => {
  describe("valid", () => {
    it.each([
      ["the seed's self-assessment", seedSelfAssessment()],
      ["full marks equal to the weight", selfAssessment()],
      [
        "a formula's binary noise just above the weight (5.000000000000001 of 5)",
        selfAssessment([["产出指标", "时效指标", "完成时间", "按时", "按时", 5, 5.000000000000001]], {
          funds: null,
          total: null,
        }),
      ],
      [
        "zero score",
        selfAssessment([["产出指标", "数量指标", "a", "≥10个", 0, 10, 0, "未实施"]], { funds: null, total: null }),
      ],
    ])("%s", (_n, s) => {
      expect(runRule("score-exceeds-weight", s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a score above its weight", () => {
      const ind = standardIndicators();
      ind[1] = ["产出指标", "质量指标", "培训合格率", "≥95%", 0.97, 10, 12];
      const f = runRule("score-exceeds-weight", selfAssessment(ind, { total: null }));
      expect(f.map((x) => [x.cell, x.related, x.message["zh-CN"]])).toEqual([
        ["G9", ["自评表!F9"], "“培训合格率”得分12高于分值10。"],
      ]);
    });

    it("a negative score", () => {
      const ind = standardIndicators();
      ind[3] = ["产出指标", "成本指标", "人均培训成本", "≤1000元", 1500, 10, -2, "超支"];
      const f = runRule("score-exceeds-weight", selfAssessment(ind, { total: null }));
      expect(f.map((x) => [x.cell, x.message["en-US"]])).toEqual([["G11", '"人均培训成本" has a negative score -2.']]);
    });

    it("the funds block's 得分 above its 分值, and a total above its weight", () => {
      const f = runRule(
        "score-exceeds-weight",
        selfAssessment(undefined, { funds: [100, 100, 10, 1, 11], total: [100, 101] }),
      );
      expect(f.map((x) => x.cell).sort()).toEqual(["G15", "G4"]);
    });
  });
});
