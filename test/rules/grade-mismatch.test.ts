import { runRule, sheet } from "../support/grid";
import { selfAssessment } from "./forms";

/** The seed notice's header row: 评价分值 80.37 评价结论 良. */
const notice = (total: number | string, grade: string) =>
  sheet("通知书", [
    ["勐海县财政支出项目绩效评价结果通知书"],
    ["被评价单位", "勐海县养老保险基金管理中心"],
    ["评价分值", total, "评价结论", grade],
  ]);

describe("grade-mismatch", () => {
  describe("valid", () => {
    it.each([
      [80.37, "良"],
      [90, "优"],
      [100, "优秀"],
      [89.99, "良好"],
      [80, "良"],
      [79.99, "中"],
      [60, "中"],
      [59.99, "差"],
      [0, "差"],
    ])("%s is %s", (total, grade) => {
      expect(runRule("grade-mismatch", notice(total, grade))).toEqual([]);
    });

    it("a grade with no total on the sheet is not judged", () => {
      expect(runRule("grade-mismatch", sheet("s", [["评价等级", "优"]]))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("the seed's 80.37 called 优", () => {
      const f = runRule("grade-mismatch", notice(80.37, "优"));
      expect(f.map((x) => [x.cell, x.related, x.message["zh-CN"]])).toEqual([
        ["D3", ["通知书!B3"], "等级为“优”，但总分80.37对应的等级是“良”。"],
      ]);
    });

    it.each([
      [89.99, "优"],
      [90, "良"],
      [59.99, "中"],
      [60, "差"],
    ])("%s is not %s", (total, grade) => {
      expect(runRule("grade-mismatch", notice(total, grade))).toHaveLength(1);
    });

    it("a grade below the self-assessment's 总分 row", () => {
      const s = selfAssessment(undefined, { after: [["自评等级", "良"]] });
      const f = runRule("grade-mismatch", s);
      expect(f.map((x) => [x.cell, x.related])).toEqual([["B16", ["自评表!G15"]]]);
    });
  });
});
