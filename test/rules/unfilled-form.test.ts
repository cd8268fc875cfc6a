import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedSelfAssessment, seedDeclaration } from "../fixtures/layouts/seed";
import { nanhuFunds } from "../fixtures/layouts/nanhu-funds";
import { goalReport } from "./goal-report";

const run = (s: Parameters<typeof runRule>[1]) => runRule("unfilled-form", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

const unassessed = (): Ind[] => standardIndicators().map((r) => [r[0], r[1], r[2], r[3], null, r[5], null]);

/** The header of the Linhai 2024 declaration (zhejiang-linhai-lvhuayanghu-2024) above a small indicator table. */
function linhai(type: string, attribute: string, importance = "重要工作□ 一般工作□") {
  return sheet("绩效目标", [
    ["项目名称:", "绿化养护经费", "项目编号:", null],
    ["项目类型:", type],
    ["项目属性:", attribute, "重要程度:", importance],
    ["项目绩效目标", "指标类型", "三级指标", "指标值"],
    [null, "产出指标", "绿地养护面积", "375万平方米"],
    [null, "满意度指标", "服务对象满意度", "≥95%"],
  ]);
}

describe("unfilled-form", () => {
  describe("valid", () => {
    it.each([
      ["the standard form", selfAssessment()],
      ["the seed's self-assessment", seedSelfAssessment()],
      ["the seed's declaration (no actual column to fill)", seedDeclaration()],
      [
        "one indicator not yet assessed among filled ones",
        selfAssessment([...standardIndicators().slice(0, 6), unassessed()[6]]),
      ],
      ["ticked boxes (■, √)", linhai("其他运转类: ■专项运转类 □信息化维护类", "新增□ 延续√", "重要工作☑ 一般工作□")],
      [
        "a signature line below the tables (项目负责人： left for the signature)",
        selfAssessment(undefined, { after: [["项目负责人:", null, null, null, "财务负责人:"]] }),
      ],
      ["a filled 实际完成情况", goalReport("发挥科技特派员创业带头人作用。", "结对交流活动3次，带动农户增收")],
      [
        "a sheet without a recognized table",
        sheet("说明", [
          ["主管部门", null],
          ["项目类型", "新增□ 延续□"],
        ]),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("青神县 2023 (sichuan-meishan-qingshen-2023-gongzi): published with no 完成值 and no 得分", () => {
      const f = run(selfAssessment(unassessed(), { total: [90, null] }));
      expect(at(f)).toEqual(["自评表!E8"]);
      expect(f[0].message["zh-CN"]).toBe("自评表的7项指标都有指标值，但实际完成值和得分全部空白：表格未自评。");
      expect(f[0].related).toContain("自评表!G8");
    });

    it("鄂州 2021 (hubei-ezhou-xingzhengshenpi-2021-shiminzhongxin): 主管部门 and 实施单位 left blank", () => {
      const s = selfAssessment(undefined, { options: {} });
      s.values.splice(2, 0, ["主管部门", null, null, null, "实施单位", null]);
      const f = run(sheet("自评表", s.values as never));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        ["A3", "表头栏目“主管部门”未填写。"],
        ["E3", "表头栏目“实施单位”未填写。"],
      ]);
    });

    it("南湖 2016 (hunan-yueyang-nanhu-2016-youfu): 主管部门 blank above a funds part read as label/value pairs", () => {
      const s = nanhuFunds(9.6, 179.6);
      s.values.splice(1, 0, ["主管部门", null]);
      const f = run(sheet("Sheet1", s.values as never));
      expect(at(f)).toEqual(["Sheet1!A2"]);
    });

    it("霍邱 2022 / 银川六中 2021: the 实际完成情况 of the overall goal left blank in a self-assessment", () => {
      const f = run(goalReport("发挥科技特派员创业带头人作用。", null));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        ["F3", "年度总体目标的“实际完成情况”未填写：没有说明目标完成了什么。"],
      ]);
    });

    it("金寨 2023 (held out): the 年度资金总额 line's 得分 left blank under a 分值 of 10", () => {
      const f = run(selfAssessment(undefined, { funds: [329.77, 338.31, 10, 1.0259, null] }));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        ["G4", "年度资金总额的预算执行率分值为10，得分却未填写。"],
      ]);
    });

    it("塘湖镇 2020 (guizhou-tongren-tanghu-2020-bumenzhengti): 执行率 100% and 20 points with no 执行数", () => {
      const s = sheet("自评表", [
        ["单位名称", "塘湖镇人民政府"],
        ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
        ["部门整体支出总额", 864.2, null, "100%", 20],
      ]);
      const f = run(s);
      expect(f.map((x) => [x.cell, x.message["en-US"]])).toEqual([
        ["C3", "部门整体支出总额 states an execution rate of 100% but no amount executed: the rate cannot be checked."],
      ]);
      expect(f[0].related).toEqual(["自评表!B3", "自评表!D3"]);
    });

    it("临海 2024 (zhejiang-linhai-lvhuayanghu-2024): tick-box fields with no box ticked, one finding per field", () => {
      const f = run(linhai("其他运转类: □专项运转类□信息化维护类", "新增□ 延续□ 往年备选□"));
      expect(at(f)).toEqual(["绩效目标!B2", "绩效目标!B3", "绩效目标!D3"]);
      expect(f[1].message["en-US"]).toBe('No box is ticked in "新增□ 延续□ 往年备选□".');
    });
  });
});
