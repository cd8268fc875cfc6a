import { runRule, sheet } from "../support/grid";
import { knownLayouts } from "../fixtures/layouts/known";
import { selfAssessment, withRow } from "./forms";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";

const run = (s: Parameters<typeof runRule>[1]) => runRule("template-placeholder", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

function declWith(i: number, name: string, value: string): DeclRow[] {
  const rows = declIndicators();
  rows[i] = [rows[i][0], rows[i][1], name, value];
  return rows;
}

/** The Sichuan self-assessment's closing rows, as the Meishan 2023 form published them (test/fixtures/real). */
function closingRows(conclusion: string, problems: string) {
  return sheet("Sheet1", [
    ["评价结论", conclusion],
    ["存在问题", problems],
  ]);
}

describe("template-placeholder", () => {
  describe("valid", () => {
    it.each([
      ...knownLayouts(),
      [
        "a leading * marks a core indicator (Hengyang Nanyue 2018: '*贫困地区旅游基础设施建设质量达标率100%')",
        selfAssessment(
          withRow(1, ["产出指标", "质量指标", "*贫困地区旅游基础设施建设质量达标率", "≥98%", 0.99, 10, 10]),
        ),
      ],
      [
        "★★★ and *** mark a core indicator too",
        selfAssessment(withRow(0, ["产出指标", "数量指标", "***受益脱贫户数", "≥10户", 10, 20, 20])),
      ],
      [
        "a placeholder as a 数量 value is unquantified-target's finding",
        selfAssessment(withRow(0, ["产出指标", "数量指标", "培训人数", "≥**人", 520, 20, 20])),
      ],
      [
        "label cells with their value (填报单位（盖章）：…, 填报日期：2021.5.18, published forms)",
        sheet("自评表", [["填报单位(盖章):宁乡市坝塘镇人民政府", null, "填报日期:2021.5.18"]]),
      ],
      [
        "the form's own footnote (注：各地请根据实际情况…, Yueyang 2022)",
        sheet("Sheet1", [
          [
            "注:各地请根据实际情况,从上述绩效指标中选择适合的填报(其中三颗星为必填的核心绩效指标),也可自行增加或适当调整。",
          ],
        ]),
      ],
      [
        "the form's numbered explanation beside the funds rows (Meishan 2023, I9)",
        sheet("Sheet1", [
          [
            "原因",
            "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由。",
          ],
        ]),
      ],
      [
        "content that starts like an instruction (根据历年支出情况…, Linhai 2024 立项依据)",
        sheet("绩效目标", [["立项依据", "根据历年支出情况及养护外包投标情况"]]),
      ],
      [
        "an instruction printed as a footnote, with no field label beside or above it",
        sheet("Sheet1", [[null, "请按要求如实填写本表各栏"]]),
      ],
      ["content written in the fields", closingRows("项目自评得分96分，等级为优。", "部分指标设置不够细化。")],
      ["Roman letters that happen to be XX inside a word (XXL)", declaration("采购XXL号防护服200套。")],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("the template's '(≥**个)' left in a name (Hengyang Nanyue 2018, D11)", () => {
      const s = declaration(
        "为水濂村带来观光游客不少于6万人。",
        declWith(0, "贫困地区旅游景点开发数量( ≥**个 )", ">=4个"),
      );
      const f = run(s);
      expect(at(f)).toEqual(["申报表!C7"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toBe(
        "指标名称“贫困地区旅游景点开发数量( ≥**个 )”中仍留有模板占位符“( ≥**个 )”，应删去占位符，把指标值写在指标值栏。",
      );
      expect(f[0].message["en-US"]).toContain('the template placeholder "( ≥**个 )"');
      expect(f[0].related).toEqual(["申报表!D7"]);
    });

    it.each([
      ["受益建档立卡贫困人口数≥**人 (no bracket, Nanyue 2018 D21)", "受益建档立卡贫困人口数≥**人", "≥**人"],
      ["(≤**元/株) (Tongxin 2023 C11)", "作物种植补助标准,黄金蜜(葡萄)补助成本(≤**元/株)", "(≤**元/株)"],
      ["full-width ＊＊", "受益户数（≥＊＊户）", "（≥＊＊户）"],
      ["XX", "XX村道路硬化长度", "XX"],
      ["××", "××项目完成数量", "××"],
      ["a single * after an operator", "游客满意度(≥*%)", "(≥*%)"],
    ])("%s", (_n, name, token) => {
      const f = run(selfAssessment(withRow(6, ["满意度指标", "服务对象满意度指标", name, "≥90%", 0.95, 10, 10])));
      expect(f).toHaveLength(1);
      expect(f[0].message["zh-CN"]).toContain(`“${token}”`);
    });

    it("a name merged down over two rows is one finding", () => {
      const s = sheet(
        "申报表",
        [
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "新建道路(≥**公里)", "≥2公里"],
          [null, null, null, "≥3公里"],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
        ],
        { merges: ["C2:C3"] },
      );
      expect(at(run(s))).toEqual(["申报表!C2"]);
    });

    it("a placeholder as a 满意度 value or as an actual value", () => {
      const rows = withRow(6, ["满意度指标", "服务对象满意度指标", "学员满意度", "≥**%", "**", 10, 10]);
      const f = run(selfAssessment(rows));
      expect(f.map((x) => x.message["zh-CN"])).toEqual([
        "指标“学员满意度”的指标值“≥**%”仍是模板占位符，应填写实际的目标值和单位。",
        "指标“学员满意度”的实际完成值“**”仍是模板占位符，应填写实际完成的数值和单位。",
      ]);
    });

    it("the Sichuan template's instructions left in 年度目标完成情况, 评价结论, 存在问题, 改进措施 (Meishan 2023)", () => {
      const s = sheet("Sheet1", [
        ["项目年度目标", null, "年度目标完成情况"],
        ["严格执行相关政策,保障工资及时、足额发放。", null, "对照年度目标,说明相关任务目标的完成情况(100字以内)"],
        ["评价结论", "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)"],
        ["存在问题", "结合自评情况,分析存在的问题及原因。(200字以内)"],
        ["改进措施", "针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)"],
      ]);
      const f = run(s);
      expect(at(f)).toEqual(["Sheet1!C2", "Sheet1!B3", "Sheet1!B4", "Sheet1!B5"]);
      expect(f[0].message["zh-CN"]).toBe(
        "“年度目标完成情况”栏仍是模板的填写说明“对照年度目标,说明相关任务目标的完成情况(100字以内)”，未填写实际内容。",
      );
      expect(f[1].message["zh-CN"]).toContain("“评价结论”栏仍是模板的填写说明");
      expect(f[3].message["zh-CN"]).toContain("…”");
      expect(f[1].message["en-US"]).toContain('The field "评价结论" still holds the template\'s instruction');
    });

    it.each([
      ["请填写偏差原因", true],
      ["（请简要说明未完成原因）", true],
      ["（……）", true],
      ["简要说明项目实施内容，限300字", true],
      ["根据项目实际完成情况填写", true],
      ["简要说明项目完成情况", true],
      ["请示已获批复，项目按期开工", false],
      ["根据实际情况，已全部完成填报工作并通过审核", false],
      ["填报单位（盖章）", false],
      ["按计划完成", false],
      ["说明：定性指标的实际完成值填写“达成”“部分达成”或“未达成”", false],
      ["对照年度目标，全部完成", false],
    ])("%s in the 存在问题 field is an instruction left: %s", (text, want) => {
      const f = run(sheet("Sheet1", [["存在问题", text]]));
      expect(at(f)).toEqual(want ? ["Sheet1!B1"] : []);
    });
  });
});
