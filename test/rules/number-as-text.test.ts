import { runRule } from "../support/grid";
import { selfAssessment, standardIndicators } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";

describe("number-as-text", () => {
  describe("valid", () => {
    it.each([
      ["the seed's self-assessment (dashes in the 其中 rows)", seedSelfAssessment()],
      [
        "numbers stored as text that read as numbers",
        selfAssessment(
          standardIndicators().map((r) => [r[0], r[1], r[2], r[3], r[4], String(r[5]), `${r[6]}.00`] as typeof r),
        ),
      ],
      [
        "a not-applicable mark",
        selfAssessment([["产出指标", "数量指标", "a", "≥1个", "/", "/", "/"]], { funds: null, total: null }),
      ],
    ])("%s", (_n, s) => {
      expect(runRule("number-as-text", s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a weight written in words", () => {
      const ind = standardIndicators();
      ind[2] = ["产出指标", "时效指标", "完成时间", "2021年12月31日前", "2021年11月30日", "十分", 10];
      const f = runRule("number-as-text", selfAssessment(ind, { total: null }));
      expect(f.map((x) => [x.cell, x.severity, x.message["zh-CN"]])).toEqual([
        ["F10", "info", "完成时间·分值应为数字，但填写的是“十分”。"],
      ]);
    });

    it("an error value in the funds block", () => {
      const f = runRule("number-as-text", selfAssessment(undefined, { funds: [0, 0, 10, "#DIV/0!", 0], total: null }));
      expect(f.map((x) => [x.cell, x.message["en-US"]])).toEqual([
        ["F4", "年度资金总额·执行率 holds the error value #DIV/0!."],
      ]);
    });
  });
});
