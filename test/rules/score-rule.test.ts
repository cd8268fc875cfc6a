import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";
import { provinceSplit } from "../fixtures/layouts/province-split";

const run = (s: ReturnType<typeof selfAssessment>) => runRule("score-rule", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

/** The standard form with one indicator row replaced (rows 8..14; 培训人数 is index 0). */
function withRow(i: number, row: Ind) {
  const rows = standardIndicators();
  rows[i] = row;
  return selfAssessment(rows);
}

describe("score-rule", () => {
  describe("valid", () => {
    it.each([
      ["the standard form", selfAssessment()],
      [
        "the seed's self-assessment (7.99 = 8 × 6394/6400; 9.65 = 10 × 0.8688/0.9; 9.7 for 97.03 %)",
        seedSelfAssessment(),
      ],
      [
        "a met target scored below its 分值 with the reason stated",
        withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 0.97, 10, 8, "两期培训资料未归档，扣2分"]),
      ],
      [
        "a met qualitative target scored in the 达成 tier (80–100 %) with the deduction explained: 16 of 20",
        withRow(4, [
          "效益指标",
          "社会效益指标",
          "就业技能提升",
          "明显提升",
          "明显提升",
          20,
          16,
          "部分学员未就业，扣4分",
        ]),
      ],
      [
        "a 预算执行率 row scored 分值 × rate (Yinchuan 2021 layout: target —, actual 100%)",
        withRow(0, ["项目管理", "投入管理", "预算执行率", "—", "100%", 20, 20]),
      ],
      [
        "≥ missed, proportional: 20 × 450/500 = 18",
        withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", 450, 20, 18, "生源不足"]),
      ],
      [
        "rounded to its own decimals: 10 × 0.9/0.95 = 9.47",
        withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 0.9, 10, 9.47, "考核从严"]),
      ],
      [
        "rounded at one decimal: 9.5 for 9.47",
        withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 0.9, 10, 9.5, "考核从严"]),
      ],
      [
        "cut at one decimal: 9.4 for 9.47",
        withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 0.9, 10, 9.4, "考核从严"]),
      ],
      [
        "an integer score rounds: 9 for 9.47",
        withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 0.9, 10, 9, "考核从严"]),
      ],
      [
        "≤ missed, A/B: 10 × 1000/1250 = 8",
        withRow(3, ["产出指标", "成本指标", "人均培训成本", "≤1000元", 1250, 10, 8, "物价上涨"]),
      ],
      [
        "percent actual written as points (97 for 97 %)",
        withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 97, 10, 10]),
      ],
      [
        "a 万元 target with a bare actual in 万元 (≤90万元 vs 85)",
        withRow(3, ["产出指标", "成本指标", "项目成本", "≤90万元", 85, 10, 10]),
      ],
      [
        "a cost without its operator is ≤ (1000元, actual 950, full marks)",
        withRow(3, ["产出指标", "成本指标", "人均培训成本", "1000元", 950, 10, 10]),
      ],
      [
        "a count without its operator is ≥ (500人, actual 450, 18)",
        withRow(0, ["产出指标", "数量指标", "培训人数", "500人", 450, 20, 18, "生源不足"]),
      ],
      [
        "qualitative indicators are not scored by this rule",
        withRow(4, ["效益指标", "社会效益指标", "就业技能提升", "明显提升", "有所提升", 20, 12]),
      ],
      ["not applicable", withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", "不适用", 20, "不适用"])],
      ["funds: 10 × min(B/A, 1)", selfAssessment(undefined, { funds: [100, 95, 10, 0.95, 9.5] })],
      [
        "funds: scored over 年初预算数 (9.5 = 10 × 95/100 with A = 120)",
        sheet("自评表", [
          [
            "项目资金（万元）",
            null,
            "年初预算数",
            "全年预算数（A）",
            "全年执行数（B）",
            "分值",
            "执行率（B/A）",
            "得分",
          ],
          [null, "年度资金总额", 100, 120, 95, 10, "95%", 9.5],
        ]),
      ],
      ["funds: over-executed is capped", selfAssessment(undefined, { funds: [100, 105, 10, 1.05, 10] })],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("real-world layout: 指标性质|指标值|度量单位 split, 分值 before the value", () => {
    it("clean", () => {
      expect(run(provinceSplit())).toEqual([]);
    });
    it("a met satisfaction target (93% of ≥ 90 %) scored 8 of 10", () => {
      const f = run(provinceSplit({ satisfactionScore: 8 }));
      expect(f.map((x) => x.message["zh-CN"])).toEqual([
        "指标“受益农户满意度”得分8，按指标值≥90%与实际完成值93%应得10。",
      ]);
    });
  });

  describe("an operator written only in the declaration", () => {
    const decl = () =>
      sheet("申报表", [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "质量指标", "返工率", "≤5%"],
      ]);
    const self = (actual: number, score: number) =>
      selfAssessment([["产出指标", "质量指标", "返工率", "5%", actual, 10, score, "加强质检"]], {
        funds: null,
        total: null,
      });
    it("is used: 3 % of ≤5 % is met, full marks", () => {
      expect(runRule("score-rule", [decl(), self(0.03, 10)])).toEqual([]);
    });
    it("is used: 8 % of ≤5 % scores 10 × 5/8", () => {
      expect(runRule("score-rule", [decl(), self(0.08, 6.25)])).toEqual([]);
      expect(runRule("score-rule", [decl(), self(0.08, 10)]).map((f) => f.cell)).toEqual(["G4"]);
    });
  });

  describe("invalid", () => {
    it("full marks for a missed ≥ target", () => {
      const f = run(withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", 400, 20, 20, "生源不足"]));
      expect(at(f)).toEqual(["自评表!G8"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].related).toEqual(["自评表!D8", "自评表!E8", "自评表!F8"]);
      expect(f[0].message["zh-CN"]).toBe("指标“培训人数”未达到指标值≥500人（实际400），却得满分20。");
    });
    it("a ≤ indicator scored as if it were ≥ (10 × 1250/1000 capped → 10 instead of 8)", () => {
      const f = run(withRow(3, ["产出指标", "成本指标", "人均培训成本", "≤1000元", 1250, 10, 10, "物价上涨"]));
      expect(at(f)).toEqual(["自评表!G11"]);
      expect(f[0].message["en-US"]).toBe(
        'Indicator "人均培训成本" misses its target ≤1000元 (actual 1250) but has full marks (10).',
      );
    });
    it("a ≤ indicator scored by another proportion (7.5 for 25 % over instead of 10 × 1000/1250 = 8)", () => {
      const f = run(withRow(3, ["产出指标", "成本指标", "人均培训成本", "≤1000元", 1250, 10, 7.5, "物价上涨"]));
      expect(at(f)).toEqual(["自评表!G11"]);
      expect(f[0].message["zh-CN"]).toBe("指标“人均培训成本”得分7.5，按指标值≤1000元与实际完成值1250应得8。");
    });
    it("a score below the proportion beyond its precision (9.3 for 9.47)", () => {
      expect(at(run(withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 0.9, 10, 9.3, "考核从严"])))).toEqual([
        "自评表!G9",
      ]);
    });
    it("a met target without full marks", () => {
      const f = run(withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 0.97, 10, 8]));
      expect(at(f)).toEqual(["自评表!G9"]);
      expect(f[0].message["zh-CN"]).toBe("指标“培训合格率”得分8，按指标值≥95%与实际完成值0.97应得10。");
    });
    it("a missed date target with full marks", () => {
      const f = run(withRow(2, ["产出指标", "时效指标", "完成时间", "2021年12月31日前", "2022年3月1日", 10, 10]));
      expect(at(f)).toEqual(["自评表!G10"]);
    });
    it("a met qualitative target scored below the 达成 tier with no reason (达成预期指标, 10 of 20)", () => {
      const f = run(withRow(4, ["效益指标", "社会效益指标", "就业技能提升", "明显提升", "达成预期指标", 20, 10]));
      expect(at(f)).toEqual(["自评表!G12"]);
      expect(f[0].message["zh-CN"]).toBe(
        "指标“就业技能提升”已达到指标值明显提升（实际达成预期指标），得分10却低于分值20，且未说明扣分原因。",
      );
    });
    // Yinchuan 六中 2021 (ningxia-yinchuan-liuzhong-2021-gongyong): targets repeated as reached, points taken, no
    // word in 未完成原因分析及改进措施.
    it.each([
      [
        "a met date target (2021年12月完成, 4 of 5)",
        2,
        ["产出指标", "时效指标", "公用经费完成时间", "2021年12月完成", "2021年12月完成", 5, 4],
        "G10",
      ],
      [
        "a met qualitative target inside the 达成 tier (13 of 15)",
        4,
        ["效益指标", "社会效益指标", "效果显著", "改善学校的办学条件", "改善学校的办学条件", 15, 13],
        "G12",
      ],
    ] as const)("%s with no reason", (_n, i, row, cell) => {
      const f = run(withRow(i, [...row]));
      expect(at(f)).toEqual([`自评表!${cell}`]);
      expect(f[0].message["en-US"]).toMatch(/but scores \d+ of \d+, with no reason given/);
    });
    it("a whole-number score is rounded, not cut (Lingling 2021: 5 of 6 for 1093万元 against 1100万元 gives 5.96)", () => {
      const f = run(withRow(4, ["效益指标", "经济效益指标", "木材销售收入", "1100万元", "1093万元", 20, 19]));
      expect(f.map((x) => x.message["zh-CN"])).toEqual([
        "指标“木材销售收入”得分19，按指标值1100万元与实际完成值1093万元应得19.87。",
      ]);
    });
    it("a 预算执行率 row scored below 分值 × rate (Yinchuan 2021: 100 %, 9 of 10)", () => {
      const f = run(withRow(0, ["项目管理", "投入管理", "预算执行率", "—", "100%", 20, 18]));
      expect(at(f)).toEqual(["自评表!G8"]);
    });
    it("年度资金总额 left at 0 while the 其中 rows hold 90 / 89.974 (Chizhou 2022): the rows give the rate", () => {
      const f = run(
        selfAssessment(undefined, {
          funds: [0, 0, 10, 0, 0],
          parts: [
            ["其中：本年财政拨款", 90, 89.974],
            ["其他资金", null, null],
          ],
        }),
      );
      expect(f.map((x) => x.message["zh-CN"])).toEqual([
        "预算执行率得分0，按全年执行数89.974万元与全年预算数90万元（执行率99.97%）应得10。",
      ]);
    });
    it("the published form: 执行率 0 and 得分 0 while B/A is 100 %", () => {
      const f = run(selfAssessment(undefined, { funds: [90, 90, 10, 0, 0] }));
      expect(at(f)).toEqual(["自评表!G4"]);
      expect(f[0].message["zh-CN"]).toBe("预算执行率得分0，按全年执行数90万元与全年预算数90万元（执行率100%）应得10。");
      expect(f[0].related).toEqual(["自评表!C4", "自评表!D4", "自评表!E4"]);
    });
  });
});

/**
 * The Hainan 服务贸易 score sheet (hainan-shangwuting-nd-fuwumaoyi): 计划投资额 570 and 实际到位资金 398.88 above an
 * evaluation table whose every level carries its own 分值.
 */
function hainan(arrived: number, score: number) {
  return sheet(
    "自评表",
    [
      ["服务贸易项目绩效自评表"],
      ["计划投资额\n(万元)", 570, "实际到位资金\n(万元)", arrived, "实际使用情况(万元)", 395.86],
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      ["项目决策", 20, "项目目标", 4, "目标内容", 4, 4],
      [null, null, "资金分配", 16, "分配结果", 16, 16],
      ["项目管理", 25, "资金到位", 5, "到位率", 3, score],
      [null, null, null, null, "到位时效", 2, 2],
      [null, null, "资金管理", 20, "资金使用", 20, 20],
      ["项目绩效", 55, "项目产出", 15, "产出数量", 15, 15],
      [null, null, "项目效益", 40, "社会效益", 40, 40],
    ],
    { merges: ["A4:A5", "B4:B5", "A6:A8", "B6:B8", "C6:C7", "D6:D7", "A9:A10", "B9:B10"] },
  );
}

describe("score-rule: 资金到位率 rows of an evaluation table", () => {
  it("full marks while 398.88 of 570 arrived (69.98 %) is reported at the score, with both amounts", () => {
    const f = runRule("score-rule", hainan(398.88, 3));
    expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
      ["G6", "“到位率”得满分3，但资金到位率仅为69.98%（实际到位398.88万元，计划570万元）。"],
    ]);
    expect(f[0].related).toEqual(["自评表!B2", "自评表!D2", "自评表!F6"]);
  });
  it.each([
    ["all the money arrived", 570, 3],
    ["points taken for the shortfall", 398.88, 2.1],
  ])("%s: nothing to report", (_n, arrived, score) => {
    expect(runRule("score-rule", hainan(arrived, score))).toEqual([]);
  });
  it("reads the 三级 分值 (the weight after the deepest name), not the 一级 one", () => {
    // The 三级 weights make 100 (no notHundred from counting 一级 and 三级 together), and 产出 15 + 效益 40 is
    // the form's real shortfall under 60.
    const f = runRule("weight-total", hainan(570, 3));
    expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([["F9", "产出与效益指标分值合计为55，低于60。"]]);
  });
});
