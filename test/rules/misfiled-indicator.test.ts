import { runRule, sheet, workbook } from "../support/grid";
import { selfAssessment } from "./forms";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";

const run = (s: Parameters<typeof runRule>[1]) => runRule("misfiled-indicator", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

/** The declaration with row i (0-based; the first indicator is row 7) replaced. */
function declWith(i: number, row: DeclRow): DeclRow[] {
  const rows = declIndicators();
  rows[i] = row;
  return rows;
}

const GOAL = "完成职业技能培训500人，培训合格率达到95%以上。";

describe("misfiled-indicator", () => {
  describe("valid", () => {
    it.each([
      ["the standard self-assessment", selfAssessment()],
      ["the standard declaration", declaration(GOAL)],
      ["the seed's forms", workbook(seedDeclaration(), seedSelfAssessment())],
      ["a provincial self-assessment with split value columns", workbook(provinceSplit())],
      ["the county forms", countyText()],
      ["an evaluation system: 资金到位率 and 预算执行率 under 过程 / 资金管理 belong there", evaluationSystem()],
      [
        "satisfaction measures in other words (投诉率, 群众认可度, 知晓率) and the template's blank 指标2:",
        declaration(GOAL, [
          ...declIndicators(),
          ["满意度指标", "服务对象满意度指标", "群众投诉率", "≤1%"],
          ["满意度指标", "服务对象满意度指标", "群众认可度", "≥90%"],
          ["满意度指标", "服务对象满意度指标", "政策知晓率", "≥90%"],
          ["满意度指标", "服务对象满意度指标", "指标2:", null],
        ]),
      ],
      [
        "成本指标 as its own first level with 经济成本指标 under it",
        declaration(GOAL, declWith(3, ["成本指标", "经济成本指标", "人均培训成本", "≤1000元"])),
      ],
      [
        "an evaluation system written with 项目过程 / 项目产出 first levels",
        sheet("评分表", [
          ["一级指标", "二级指标", "三级指标", "分值", "得分"],
          ["项目决策", "项目立项", "立项依据充分性", 5, 5],
          ["项目过程", "资金管理", "资金到位率", 5, 5],
          ["项目过程", "资金管理", "预算执行率", 5, 5],
          ["项目产出", "数量", "实际完成率", 20, 20],
          ["项目效益", "满意度", "服务对象满意度", 10, 10],
        ]),
      ],
      [
        "投诉率 under 满意度 (a complaint rate is a satisfaction proxy)",
        declaration(GOAL, declWith(6, ["满意度指标", "服务对象满意度指标", "群众投诉率", "≤1%"])),
      ],
      [
        "complaints counted as events under 满意度 (有效投诉事件数 ≤2件)",
        declaration(GOAL, declWith(6, ["满意度指标", "服务对象满意度指标", "有效投诉事件数", "≤2件"])),
      ],
      [
        "a count of households paid under 数量 (发放补助资金户数 ends in a count)",
        declaration(GOAL, declWith(0, ["产出指标", "数量指标", "发放补助资金户数", "≥500户"])),
      ],
      [
        "资金拨付及时率 under 时效 (only 数量 is an output quantity)",
        declaration(GOAL, declWith(2, ["产出指标", "时效指标", "资金拨付及时率", "100%"])),
      ],
      [
        "a coverage under 社会效益 that no output of the table restates",
        declaration(GOAL, declWith(4, ["效益指标", "社会效益指标", "医疗保险覆盖率", "≥95%"])),
      ],
      [
        "a coverage of people served (饮水安全覆盖率) beside its works (饮水安全工程数量): not a service activity",
        declaration(GOAL, [
          ["产出指标", "数量指标", "饮水安全工程数量", "≥5处"],
          ["产出指标", "质量指标", "工程验收合格率", "100%"],
          ["效益指标", "社会效益指标", "饮水安全覆盖率", "≥98%"],
          ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
        ]),
      ],
      [
        "a deadline (not a period) under 可持续影响",
        declaration(GOAL, declWith(5, ["效益指标", "可持续影响指标", "设施使用年限", "2030年12月底前"])),
      ],
      [
        "an ecological cost word (节能降耗) under 生态效益",
        declaration(GOAL, declWith(4, ["效益指标", "生态效益指标", "节能降耗成本节约率", "≥5%"])),
      ],
      [
        "a satisfaction measure whose 二级 says 满意 under a 效益 一级 (社会公众满意度)",
        declaration(GOAL, declWith(6, ["效益指标", "社会公众满意度指标", "群众满意率", "≥90%"])),
      ],
      [
        "a department-wide 管理效率 group is no evaluation-system level (成本指标 under it is not reported)",
        sheet("部门整体", [
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["管理效率", "成本指标", "公用经费控制率", "≤100%"],
          ["履职效能", "数量指标", "完成重点工作数", "≥10项"],
        ]),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a 2021-framework cost level under 产出 (大英 2023, held out: 经济成本指标 | 成本控制数), once, at the level", () => {
      const rows = declWith(3, ["产出指标", "经济成本指标", "成本控制数", "≤30万元"]);
      rows.splice(4, 0, ["产出指标", "经济成本指标", "人均成本", "≤1000元"]);
      const f = run(declaration(GOAL, rows));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        [
          "B10",
          "二级指标“经济成本指标”属于一级指标“成本指标”，却填在“产出指标”下；成本指标应作为与产出、效益并列的一级指标填列。",
        ],
      ]);
    });

    it.each([
      [
        "满意程度 as 社会效益 (a published Xiangtan declaration: 市民对空气质量改善的满意程度)",
        ["效益指标", "社会效益指标", "服务周期内,市民对空气质量改善的满意程度", "≥85%"],
        4,
        "是满意度指标，却填在“社会效益指标”下",
      ],
      [
        "an incident count under 满意度 (a published Hengshan form: 粮食安全事件发生数)",
        ["满意度指标", "服务对象满意度指标", "因粮食市场波动引起的粮食安全事件发生数", "0起"],
        6,
        "是事件、事故的发生数，不是满意度",
      ],
      [
        "a cost effect as 生态效益 (a published Chizhou form: 对控制基建项目成本影响程度)",
        ["效益指标", "生态效益指标", "对控制基建项目成本影响程度", "≥90%"],
        4,
        "衡量的是成本或资金方面的影响，却填在生态效益",
      ],
      [
        "an effect under 满意度 (霍邱 2022, held out: 群众创业热情高涨)",
        ["满意度指标", "满意度指标", "群众创业热情高涨", "创业热情高涨"],
        6,
        "填在满意度（“满意度指标”）下，却没有衡量任何人的满意程度",
      ],
      [
        "the grant as the output quantity (a published Lijiang form: 卫片执法补助经费 =72890元)",
        ["产出指标", "数量指标", "卫片执法补助经费", "=72890元"],
        0,
        "是项目自身的资金金额，是投入而不是产出",
      ],
      [
        "the project's money as the output quantity (a published Langfang form: 工程资金金额 43.2)",
        ["产出指标", "数量指标", "指标1工程资金金额", 43.2],
        0,
        "是项目自身的资金金额",
      ],
      [
        "budget execution as an output quantity (a published Ezhou form: 预算执行率)",
        ["产出指标", "数量指标", "预算执行率", "100%"],
        0,
        "是项目资金的执行比率，是投入而不是产出",
      ],
      [
        "disbursement as an output quantity (a published Ezhou form: 预算资金拨款率)",
        ["产出指标", "数量指标", "预算资金拨款率", "100%"],
        0,
        "是项目资金的执行比率",
      ],
      [
        "a period as 可持续影响 (a published Tianjin form: 保障期限 2020年1月--2020年11月)",
        ["效益指标", "可持续影响指标", "保障期限", "2020年1月--2020年11月"],
        5,
        "是一个期限，不是效益",
      ],
    ])("%s", (_n, row, i, words) => {
      const f = run(declaration(GOAL, declWith(i, row as DeclRow)));
      expect(at(f)).toEqual([`申报表!C${7 + i}`]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toContain(words);
      expect(f[0].message["zh-CN"]).toContain(`指标“${String(row[2])}”`);
    });

    it("a coverage under 社会效益 that restates an output (a published Tianjin form: 清扫保洁覆盖率)", () => {
      const rows: DeclRow[] = [
        ["产出指标", "数量指标", "清扫保洁道路面积", "1346.0088万平方米"],
        ["产出指标", "质量指标", "垃圾无害化处理率", "100%"],
        ["产出指标", "时效指标", "环境卫生专项考核", "1次/月"],
        ["产出指标", "成本指标", "人工成本", "≤620万/月"],
        ["效益指标", "社会效益指标", "清扫保洁覆盖率", "≥99%"],
        ["满意度指标", "服务对象满意度指标", "周围群众满意度", "≥90%"],
      ];
      const f = run(declaration(GOAL, rows));
      expect(at(f)).toEqual(["申报表!C11"]);
      expect(f[0].message["zh-CN"]).toContain("是产出“清扫保洁道路面积”自身的覆盖率");
    });

    it("output categories under an evaluation-system first level (a published Suining form: 项目决策), once", () => {
      const s = sheet(
        "绩效指标",
        [
          ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
          ["项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%"],
          [null, "质量指标", "创建质量", "按质按量完成", "已完成100%"],
          [null, "时效指标", "全年", "1-12月", "已完成100%"],
          [null, "成本指标", "成本", "10万元", "已完成100%"],
          ["项目效益", "社会效益指标", "消费者维权意识", "≥90%", "95%"],
          ["满意度指标", "满意度指标", "群众满意度", "90%", "95%"],
        ],
        { merges: ["A2:A5"] },
      );
      const f = run(s);
      expect(at(f)).toEqual(["绩效指标!A2"]);
      expect(f[0].message["zh-CN"]).toContain("数量、质量、时效、成本指标填在一级指标“项目决策”下");
    });

    it("资金支出率 under 数量 and 资助对象满意度 under 质量 (the rows of a published Ningjin evaluation table, under standard headers)", () => {
      const s = sheet("评价指标表", [
        ["一级指标", "二级指标", "三级指标", "目标值", "分值"],
        ["项目年度绩效目标", "产出数量指标", "享受资助人数", 2100, 10],
        [null, "产出数量指标", "资金支出率", "95%", 10],
        [null, "质量指标", "建档立卡学生全面覆盖", "100%", 10],
        [null, "质量指标", "资助对象满意度", "95%以上", 10],
        [null, "时效指标", "及时发放率", "100%", 20],
      ]);
      expect(at(run(s))).toEqual(["评价指标表!C3", "评价指标表!C5"]);
    });
  });
});
