import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";

/** An evaluation indicator system (评分表) with the given first-level weights. */
function evaluation(w: { 决策: number; 过程: number; 产出: number; 效益: number }, total: number | null = 100) {
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "得分", "扣分原因"],
    ["决策", "项目立项", "立项依据充分性", w.决策, "…", "…", w.决策, null],
    ["过程", "资金管理", "资金到位率", w.过程, "…", "…", w.过程, null],
    ["产出", "产出数量", "实际完成率", w.产出, "…", "…", w.产出, null],
    ["效益", "实施效益", "社会效益", w.效益, "…", "…", w.效益, null],
  ];
  if (total !== null) rows.push(["合计", null, null, total, null, null, total, null]);
  return sheet("评分表", rows);
}

describe("weight-total", () => {
  describe("valid", () => {
    it.each([
      ["the seed's self-assessment (10/50/30/10)", seedSelfAssessment()],
      ["the standard self-assessment", selfAssessment()],
      ["an evaluation system 15/15/40/30", evaluation({ 决策: 15, 过程: 15, 产出: 40, 效益: 30 })],
      [
        "decimal weights adding to 100 exactly (33.3 + 33.3 + 33.4)",
        evaluation({ 决策: 0, 过程: 0, 产出: 33.3, 效益: 66.7 }),
      ],
    ])("%s", (_n, s) => {
      expect(runRule("weight-total", s)).toEqual([]);
    });

    it("a self-assessment whose funds block has no 分值 keeps 预算执行率's 10 outside the table (90 in the table)", () => {
      const s = selfAssessment(undefined, { funds: [100, 100, null, 1, null], total: [100, 100] });
      expect(runRule("weight-total", s)).toEqual([]);
    });

    it("井研 2023: a list-form declaration weighs each project's indicators 90 (预算执行's 10 comes later)", () => {
      const head = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值", "权重"];
      const project = (name: string, weights: number[]) =>
        weights.map((w, i) => [
          i === 0 ? "马踏镇人民政府" : null,
          i === 0 ? name : null,
          i === 0 ? 100000 : null,
          i === 0 ? "按时足额发放" : null,
          ["产出指标", "产出指标", "效益指标", "满意度指标"][i],
          ["数量指标", "时效指标", "社会效益指标", "服务对象满意度指标"][i],
          `指标${i + 1}`,
          "≥95%",
          w,
        ]);
      const s = sheet(
        "Sheet1",
        [head, ...project("村组干部报酬", [30, 20, 30, 10]), ...project("活动经费", [40, 20, 20, 10])],
        {
          merges: ["A2:A9", "B2:B5", "B6:B9", "C2:C5", "C6:C9", "D2:D5", "D6:D9"],
        },
      );
      expect(runRule("weight-total", s)).toEqual([]);
      // Each project is a table of its own: the second one's 95 is wrong on its own, whatever the first holds.
      const other = sheet(
        "Sheet1",
        [head, ...project("村组干部报酬", [30, 20, 30, 10]), ...project("活动经费", [40, 20, 20, 15])],
        { merges: ["A2:A9", "B2:B5", "B6:B9", "C2:C5", "C6:C9", "D2:D5", "D6:D9"] },
      );
      expect(runRule("weight-total", other).map((f) => [f.cell, f.message["zh-CN"]])).toEqual([
        ["I9", "各项分值合计为95，应为100。"],
      ]);
    });

    it("an evaluation system with 一级 subtotal rows above their indicators", () => {
      const s = sheet("评分表", [
        ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"],
        ["决策", null, null, 20, null, 20],
        [null, "项目立项", "立项依据充分性", 20, "…", 20],
        ["过程", null, null, 20, null, 20],
        [null, "资金管理", "资金到位率", 20, "…", 20],
        ["产出", null, null, 35, null, 35],
        [null, "产出数量", "实际完成率", 35, "…", 35],
        ["效益", null, null, 25, null, 25],
        [null, "实施效益", "社会效益", 25, "…", 25],
        ["合计", null, null, 100, null, 100],
      ]);
      expect(runRule("weight-total", s)).toEqual([]);
      expect(runRule("sum-mismatch", s)).toEqual([]);
    });

    it("weights written as percentages (权重 20%, 0.1 formatted 0%)", () => {
      const pct = sheet(
        "评分表",
        [
          ["一级指标", "二级指标", "三级指标", "权重", "评分标准", "得分"],
          ["决策", "项目立项", "立项依据充分性", "20%", "…", 20],
          ["过程", "资金管理", "资金到位率", 0.2, "…", 20],
          ["产出", "产出数量", "实际完成率", "35%", "…", 35],
          ["效益", "实施效益", "社会效益", "25%", "…", 25],
        ],
        { formats: { D3: "0%" } },
      );
      expect(runRule("weight-total", pct)).toEqual([]);
      expect(runRule("score-exceeds-weight", pct)).toEqual([]);
    });

    it("satisfaction listed under 效益指标 (older forms) still counts as the 满意度 10", () => {
      const ind = standardIndicators().map((r) =>
        r[0] === "满意度指标" ? (["效益指标", ...r.slice(1)] as typeof r) : r,
      );
      expect(runRule("weight-total", selfAssessment(ind))).toEqual([]);
    });

    it("a fragment listing one category without a total row is not a whole set", () => {
      const s = selfAssessment(standardIndicators().slice(0, 2), { funds: null, total: null });
      expect(runRule("weight-total", s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("张庄寨 2023 (anhui-suzhou-…-tesezhongyang): the 其中:本年财政拨款 line repeats 分值 10 and 得分 10", () => {
      const s = selfAssessment(undefined, {
        funds: [9.48, 9.48, 10, 1, 10],
        parts: [
          ["其中:本年财政拨款", 9.48, 9.48],
          ["其他资金", "-", "-"],
        ],
      });
      // The part rows of the helper print "—" under 分值: write the published 10 | 100% | 10 there.
      s.values[4][4] = 10;
      s.values[4][6] = 10;
      const f = runRule("weight-total", sheet("自评表", s.values as never));
      expect(f.map((x) => [x.cell, x.severity, x.message["zh-CN"]])).toEqual([
        ["E5", "warning", "“本年财政拨款”是年度资金总额的其中行，却也写了分值10：预算执行率的分值只应计一次。"],
      ]);
      expect(f[0].related).toEqual(["自评表!E4", "自评表!G5"]);
    });

    it("the published form: 产出 70 + 效益 20 + 满意度 10 + 执行率 10 = 110 while 总分 says 100, and where", () => {
      const ind: Ind[] = [
        ["产出指标", "数量指标", "a", "≥1个", 1, 40, 40],
        ["产出指标", "质量指标", "b", "≥90%", 1, 30, 30],
        ["效益指标", "社会效益指标", "c", "好", "好", 20, 20],
        ["满意度指标", "服务对象满意度指标", "d", "≥90%", 1, 10, 10],
      ];
      const f = runRule("weight-total", selfAssessment(ind, { total: [100, 100] }));
      expect(f.map((x) => [x.cell, x.severity, x.message["zh-CN"]])).toEqual([
        ["F12", "error", "各项分值合计为110，应为100。"],
        // The split names the first levels holding the extra and missing points (the form's footnote fixes 50/30).
        ["F8", "warning", "一级指标“产出”分值合计为70，标准为50。"],
        ["F10", "warning", "一级指标“效益”分值合计为20，标准为30。"],
      ]);
      expect(f[0].related).toContain("自评表!E4");
      // The split points at the first level's label as well as its weights.
      expect(f[1].related).toEqual(["自评表!A8", "自评表!F9"]);
    });

    it("a self-assessment split other than 10/50/30/10 is a warning per first-level category", () => {
      const ind = standardIndicators();
      ind[0] = ["产出指标", "数量指标", "培训人数", "≥500人", 520, 30, 30];
      ind[4] = ["效益指标", "社会效益指标", "就业技能提升", "明显提升", "明显提升", 10, 10];
      const f = runRule("weight-total", selfAssessment(ind));
      expect(f.map((x) => [x.cell, x.severity, x.message["en-US"]])).toEqual([
        ["F8", "warning", 'First-level indicator "产出" has weights totalling 60; the standard is 50.'],
        ["F12", "warning", 'First-level indicator "效益" has weights totalling 20; the standard is 30.'],
      ]);
    });

    it("产出 + 效益 below 60 in an evaluation system", () => {
      const f = runRule("weight-total", evaluation({ 决策: 25, 过程: 20, 产出: 30, 效益: 25 }));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([["D4", "产出与效益指标分值合计为55，低于60。"]]);
    });

    it("an evaluation system totalling 90", () => {
      const f = runRule("weight-total", evaluation({ 决策: 10, 过程: 20, 产出: 30, 效益: 30 }, 90));
      expect(f.map((x) => x.cell)).toEqual(["D6"]);
    });
  });
});
