import { runRule, sheet } from "../support/grid";
import { selfAssessment } from "./forms";

const run = (s: Parameters<typeof runRule>[1]) => runRule("over-establishment", s);

/** The basic-data table of 贯塘乡 2023 (hunan-hengyang-hengshan-guantang-2023-bumen): 编制数 | 在职人数 | 控制率. */
const basicData = (quota: number, staff: number) =>
  sheet("附件一", [
    ["2023年度部门整体支出绩效评价基础数据表"],
    ["财政供养人员情况(人", "编制数", "2023 年实际在职人数", "控制率"],
    [null, quota, staff, `${((staff / quota) * 100).toFixed(2)}%`],
  ]);

describe("over-establishment", () => {
  describe("valid", () => {
    it.each([
      ["within the establishment (46 | 44)", basicData(46, 44)],
      ["exactly at it (46 | 46)", basicData(46, 46)],
      ["a project self-assessment", selfAssessment()],
      ["a staff count with no establishment beside it", sheet("Sheet1", [["实际在职人数"], [50]])],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("贯塘乡 2023: 50 in post against an establishment of 46", () => {
      const f = run(basicData(46, 50));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        ["C3", "2023年实际在职人数为50人，超过编制数46人（人员控制率108.70%）。"],
      ]);
      expect(f[0].related).toEqual(["附件一!B3"]);
    });
  });
});
