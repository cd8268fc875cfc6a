import { runRule, sheet, workbook } from "../support/grid";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";

const run = (s: Parameters<typeof runRule>[1]) => runRule("goal-not-in-indicators", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

/** The task the prefecture set Menghai for 2021 (the notice: the unit's goal should have said this). */
const SEED_TASK = "全县参加城镇职工基本养老保险人数为3.52万人（含企业职工1.77万人、机关事业单位职工0.64万人）。";

/** The seed's three 数量 indicators, with the 参保人数 one's value replaceable. */
function pensionIndicators(total: string | null = "≥3.52万人"): DeclRow[] {
  const rows: DeclRow[] = [
    ["产出指标", "数量指标", "企业职工参保人数", "≥1.77万人"],
    ["产出指标", "数量指标", "机关事业单位参保人数", "≥6400人"],
    ["产出指标", "质量指标", "企业退休人员认证率", "≥99%"],
    ["效益指标", "社会效益指标", "退休人员基本生活保障", "有效保障"],
    ["满意度指标", "服务对象满意度指标", "参保人员满意度", "≥90%"],
  ];
  if (total !== null) rows.unshift(["产出指标", "数量指标", "参保人数", total]);
  return rows;
}

function withRow(i: number, row: DeclRow): DeclRow[] {
  const rows = declIndicators();
  rows[i] = row;
  return rows;
}

describe("goal-not-in-indicators", () => {
  describe("valid", () => {
    it.each([
      ["every goal quantity has its indicator (0.64万人 = ≥6400人)", declaration(SEED_TASK, pensionIndicators())],
      ["3.52万人 against an indicator of 35200人", declaration(SEED_TASK, pensionIndicators("≥35200人"))],
      ["the county road goal (12公里 against ≥ | 12 | 公里 split columns)", countyText()],
      ["the seed's goal states no quantity", workbook(seedDeclaration(), seedSelfAssessment())],
      [
        "the budget's money is not a goal (申请预算资金90万元, 30万元用于…)",
        declaration("本项目共申请预算资金90万元。其中：30万元用于基建工程项目预算编制，60万元用于设备购置。"),
      ],
      ["an amount equal to the form's 年度资金总额 (90万元)", declaration("完成90万元职业技能培训任务。")],
      [
        "years, dates and durations are not quantities",
        declaration("2021年度在2021年12月底前完成培训，3个月内完成考核，提高2个百分点。"),
      ],
      ["a budget-execution rate is measured by the funds block", declaration("资金执行率达到100%。")],
      ["a rate in an indicator (培训合格率95%)", declaration("培训合格率达到95%。")],
      ["培训500人次 against ≥500人", declaration("完成职业技能培训500人次。")],
      [
        "新建道路2.5公里 against ≥2500米 (unit-aware)",
        declaration("新建道路2.5公里。", withRow(0, ["产出指标", "数量指标", "新建道路长度", "≥2500米"])),
      ],
      ["no indicator values at all: nothing to match against", sheet("申报表", [["年度总体目标", "完成培训500人"]])],
      [
        "what was achieved (实际完成情况) is not a goal",
        sheet("自评表", [
          ["年度总体目标", "预期目标", null, "实际完成情况"],
          [null, "完成培训500人", null, "实际培训520人，带动就业300人"],
          ["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分"],
          ["产出指标", "数量指标", "培训人数", "≥500人", 520, 20, 20],
        ]),
      ],
      [
        "a 中期滚动目标 (东莞 2019, 2019–2021) is not the year's goal: the year's indicators need not measure it",
        sheet(
          "Sheet1",
          [
            ["总体目标", "中期滚动目标(2019年--2021年)", null, "年度目标"],
            [null, "新建或改造道路,共29个项目,规划里程169公里。", null, "完成3个项目补助尾款结算"],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
            [null, "产出指标", "数量指标", "镇街补助款完成结算项目数", 3],
          ],
          { merges: ["A1:A2"] },
        ),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("陈仓 2020 (shaanxi-baoji-chencang-2020-shuilifazhan): the goal's 9200人 under rows that hold only the units", () => {
      const rows: DeclRow[] = [
        ["产出指标", "数量指标", "指标3:农村饮水工程覆盖服务人口数", "万人"],
        ["产出指标", "质量指标", "指标1:工程验收合格率", "≧ %"],
      ];
      const f = run(declaration("完成省级水利发展农村饮水项目投资500万元,改善提升9200人饮水条件。", rows));
      expect(f.map((x) => x.message["zh-CN"].slice(0, 20))).toEqual(["年度总体目标中的“9200人”在绩效指标"]);
    });

    it("the seed's task 3.52万人 with no 参保人数 indicator (the notice: 未体现……3.52万人的目标)", () => {
      const f = run(declaration(SEED_TASK, pensionIndicators(null)));
      expect(at(f)).toEqual(["申报表!B5"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toBe(
        "年度总体目标中的“3.52万人”在绩效指标的指标值中没有对应值，无法考核；应补设相应指标（如数量指标“参保人数≥3.52万人”），或核对目标与指标是否一致。",
      );
      expect(f[0].message["en-US"]).toContain('states "3.52万人"');
    });

    it.each([
      [
        "培训500人次 against ≥400人",
        "完成职业技能培训500人次。",
        withRow(0, ["产出指标", "数量指标", "培训人数", "≥400人"]),
        "500人次",
      ],
      [
        "新建道路2.5公里 against ≥2000米",
        "新建道路2.5公里。",
        withRow(0, ["产出指标", "数量指标", "新建道路长度", "≥2000米"]),
        "2.5公里",
      ],
      ["money that is not the budget (带动农户增收500万元)", "带动农户增收500万元。", declIndicators(), "500万元"],
      ["two quantities in one goal, one finding", "培训600人，新建实训基地2个。", declIndicators(), "600人、2个"],
    ])("%s", (_n, goal, rows, quantities) => {
      const f = run(declaration(goal, rows));
      expect(at(f)).toEqual(["申报表!B5"]);
      expect(f[0].message["zh-CN"]).toContain(`年度总体目标中的“${quantities}”`);
    });

    it("a self-assessment's 预期目标 is a goal too", () => {
      const s = sheet("自评表", [
        ["年度总体目标", "预期目标", null, "实际完成情况"],
        [null, "完成培训800人", null, "实际培训820人"],
        ["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分"],
        ["产出指标", "数量指标", "培训人数", "≥500人", 520, 20, 20],
      ]);
      expect(at(run(s))).toEqual(["自评表!B2"]);
    });
  });
});
