/**
 * Real-world layouts that differ from our templates (test/fixtures/layouts): each correctly filled form gives
 * no error and no warning, and each planted defect gives exactly the expected findings.
 */
import type { Finding } from "../../src/core/findings";
import { checkWorkbook } from "../../src/core/check";
import { sheet, workbook } from "../support/grid";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { countyText } from "../fixtures/layouts/county-text";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

/** The check engine's own rules; the core engineer's rules have their own fixture tests. */
const ENGINE_RULES = [
  "sum-mismatch",
  "weight-total",
  "score-exceeds-weight",
  "grade-mismatch",
  "balance-mismatch",
  "survey-count",
  "rate-out-of-range",
  "number-as-text",
  "missing-category",
] as const;

const loud = (fs: Finding[]) =>
  fs.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell} ${f.rule}: ${f.message["zh-CN"]}`);
const brief = (fs: Finding[]) => fs.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort();

describe("clean real-world layouts give no error and no warning", () => {
  it.each([
    ["A: provincial self-assessment with split value columns and two-row headers", workbook(provinceSplit())],
    ["B: evaluation system, notice, funds and survey", evaluationSystem()],
    ["C: county declaration + self-assessment, numbers as text, #DIV/0!, empty and hidden sheets", countyText()],
  ])("%s", (_n, wb) => {
    expect(loud(checkWorkbook(wb).findings)).toEqual([]);
  });

  it("the seed's forms with one cost value: only the seed's own vague goals and 效益 value (目标设立笼统、未量化)", () => {
    const wb = workbook(seedDeclaration("≤628,678,956.50元"), seedSelfAssessment("≤628,678,956.50元"));
    const fs = checkWorkbook(wb).findings.filter((f) => f.severity !== "info");
    expect(brief(fs)).toEqual([
      "申报表!B8 vague-target",
      "申报表!E16 vague-target",
      "申报表!E17 vague-target",
      "自评表!B11 vague-target",
      "自评表!E19 vague-target",
      "自评表!E20 vague-target",
    ]);
  });

  it("C reports its #DIV/0! 执行率 as information only", () => {
    const r = checkWorkbook(countyText());
    expect(r.findings.map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.rule}`)).toEqual([
      "自评表!G6 info number-as-text",
    ]);
  });

  it("recognized scores: A totals 99.5 (优), B 80.37 (良) in four first-level categories", () => {
    const a = checkWorkbook(workbook(provinceSplit())).scores;
    expect(a.map((s) => [s.sheet, s.total, s.grade])).toEqual([["自评表（农业）", 99.5, "优"]]);
    const b = checkWorkbook(evaluationSystem()).scores;
    expect(b.map((s) => [s.total, s.grade, s.categories.map((c) => `${c.name}${c.weight}`).join(" ")])).toEqual([
      [80.37, "良", "决策20 过程20 产出35 效益25"],
    ]);
  });
});

describe("planted defects give exactly the expected findings", () => {
  const run = (wb: Parameters<typeof checkWorkbook>[0]) => brief(checkWorkbook(wb, { rules: ENGINE_RULES }).findings);

  it("A: 年初预算数 total off, a score above its weight, a total above 100", () => {
    expect(run(workbook(provinceSplit({ initialTotal: 1300, satisfactionScore: 12, totalScore: 101.5 })))).toEqual([
      "自评表（农业）!C6 sum-mismatch",
      "自评表（农业）!J20 score-exceeds-weight",
      "自评表（农业）!J21 score-exceeds-weight",
    ]);
  });

  it("B: wrong grade, total not the sum of scores, survey total off, balance off", () => {
    expect(run(evaluationSystem({ grade: "优", totalScore: 81.37, surveyTotal: 140, balance: 195.53 }))).toEqual(
      [
        "结果通知书!D4 grade-mismatch",
        "知晓度调查!B9 survey-count",
        "评分表!G21 sum-mismatch",
        "资金情况!B7 balance-mismatch",
      ].sort(),
    );
  });

  it("B: 产出 + 效益 below 60", () => {
    // 决策 24, 过程 21, 产出 30, 效益 25: 55 for 产出 + 效益. 成本节约率's weight drops to 2 below its score 5.
    expect(run(evaluationSystem({ weights: [24, 21, 30, 25] }))).toEqual([
      "评分表!D14 weight-total",
      "评分表!G17 score-exceeds-weight",
    ]);
  });

  it("C: declared total ≠ parts, 其中 rows ≠ total, satisfaction above 100 %, a weight in words", () => {
    expect(
      run(countyText({ declaredTotal: 310, carryoverInitial: 5, satisfactionActual: "102%", weightText: "十分" })),
    ).toEqual([
      "申报表!C4 sum-mismatch",
      "自评表!C4 sum-mismatch",
      "自评表!D11 number-as-text",
      "自评表!F17 rate-out-of-range",
      "自评表!G6 number-as-text",
    ]);
  });
});

describe("large and wide forms", () => {
  it("a 5,000-row self-assessment correctly filled gives no error and no warning", () => {
    const rows: (string | number | null)[][] = [
      ["项目资金（万元）", null, "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"],
      [null, "年度资金总额", 100, 100, 10, 1, 10],
      [null, "其中：财政拨款", 100, 100, "—", "—", "—"],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值（A）",
        "实际完成值（B）",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
    ];
    const groups: [string, string, number][] = [
      ["产出指标", "数量指标", 1250],
      ["产出指标", "质量指标", 1250],
      ["效益指标", "社会效益指标", 750],
      ["效益指标", "可持续影响指标", 750],
      ["满意度指标", "服务对象满意度指标", 1000],
    ];
    // 50 over 2,500 rows, 30 over 1,500, 10 over 1,000: weights 0.02, 0.02, 0.01.
    for (const [l1, l2, n] of groups)
      for (let i = 0; i < n; i++) {
        const w = l1 === "满意度指标" ? 0.01 : 0.02;
        rows.push([l1, l2, `${l2}${i}`, "≥10个", 12, w, w, null]);
      }
    rows.push(["总分", null, null, null, null, 100, 100, null]);
    const ind = rows.filter((r) => r[4] === 12).length;
    expect(ind).toBe(5000);
    const r = checkWorkbook(workbook(sheet("大表", rows)), {
      rules: ENGINE_RULES.filter((x) => x !== "missing-category"),
    });
    expect(loud(r.findings)).toEqual([]);
    expect(r.scores[0].total).toBe(100);
  });

  it("a sheet with 200 columns (the table far to the right of notes) reads the same", () => {
    const pad = (row: (string | number | null)[]) => [...new Array(190).fill(null), ...row];
    const s = sheet("宽表", [
      pad(["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分"]),
      pad(["产出指标", "数量指标", "培训人数", "≥500人", 520, 60, 70]),
      pad(["效益指标", "社会效益指标", "就业", "提升", "提升", 30, 30]),
      pad(["满意度指标", "服务对象满意度指标", "满意度", "≥90%", 0.95, 10, 10]),
      pad(["总分", null, null, null, null, 100, 110]),
    ]);
    // 得分 is the 197th column (GO); the planted 70 of 60 and the 110 total of 100 are found there.
    expect(brief(checkWorkbook(workbook(s), { rules: ["score-exceeds-weight", "sum-mismatch"] }).findings)).toEqual([
      "宽表!GO2 score-exceeds-weight",
      "宽表!GO5 score-exceeds-weight",
    ]);
  });
});

describe("messages", () => {
  it("every planted finding has both languages filled, with no placeholder left", () => {
    const all = [
      ...checkWorkbook(workbook(provinceSplit({ initialTotal: 1300, satisfactionScore: 12, totalScore: 101.5 })))
        .findings,
      ...checkWorkbook(evaluationSystem({ grade: "优", totalScore: 81.37, surveyTotal: 140, balance: 195.53 }))
        .findings,
      ...checkWorkbook(
        countyText({ declaredTotal: 310, carryoverInitial: 5, satisfactionActual: "102%", weightText: "十分" }),
      ).findings,
    ];
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const f of all) {
      expect(f.message["zh-CN"]).not.toMatch(/\{\w+\}/);
      expect(f.message["en-US"]).not.toMatch(/\{\w+\}/);
      expect(f.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
