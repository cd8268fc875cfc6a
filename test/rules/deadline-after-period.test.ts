import { runRule } from "../support/grid";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";

const run = (s: Parameters<typeof runRule>[1]) => runRule("deadline-after-period", s);

/** The standard declaration with a 项目期 line under its title and a 时效 target. */
function withPeriod(period: string, deadline: string) {
  const rows: DeclRow[] = declIndicators();
  rows[2] = ["产出指标", "时效指标", "项目完成时间", deadline];
  const s = declaration("完成职业技能培训500人，培训合格率达到95%以上。", rows);
  s.values.splice(2, 0, ["项目属性", "新建", "项目期", period]);
  return s;
}

describe("deadline-after-period", () => {
  describe("valid", () => {
    it.each([
      ["a deadline inside the period", "2022年3月-2023年11月", "2023年10月底前"],
      ["a deadline at the period's last month", "2022年3月-2023年11月", "2023年11月30日前"],
      ["a period written 2022.1—2022.12", "2022.1—2022.12", "2022年12月31日前"],
      ["a period whose end cannot be read", "全年", "2023年底"],
    ])("%s", (_n, period, deadline) => {
      expect(run(withPeriod(period, deadline))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("原州 2022 (ningxia-yuanzhou-ziranziyuan-2022-…): 时效 2023年底 after the 项目期 2022年3月-2023年11月", () => {
      const f = run(withPeriod("2022年3月-2023年11月", "2023年底"));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        ["D10", "时效指标“项目完成时间”的指标值“2023年底”晚于项目期“2022年3月-2023年11月”的结束时间。"],
      ]);
      expect(f[0].related).toEqual(["申报表!D3"]);
    });
    it("南湖 2016's way of writing it (2016年1月起至2016年12 月止) against 2017年3月底前", () => {
      expect(run(withPeriod("2016年1月起至2016年12 月止", "2017年3月底前")).map((x) => x.cell)).toEqual(["D10"]);
    });
  });
});
