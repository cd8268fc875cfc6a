/**
 * Issue 10's layouts from real published forms: each is recognized (kind, rows, mapped columns), a correct form
 * gives no error and no warning, and a planted defect gives the expected finding.
 */
import { checkWorkbook } from "../../src/core/check";
import type { Finding } from "../../src/core/findings";
import { sheet, workbook } from "../support/grid";
import {
  blockSubtotal,
  costFirstLevel,
  declarationVariant,
  departmentWide,
  projectManagementScoreSheet,
  twoRowHeader,
} from "../fixtures/layouts/real-shapes";
import { recognizeWorkbook } from "../../src/core/recognize";

const loud = (fs: Finding[]) =>
  fs.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell} ${f.rule}: ${f.message["zh-CN"]}`);
const rec = (wb: ReturnType<typeof workbook>) =>
  checkWorkbook(wb).recognized.map((t) => `${t.kind} ${t.sheet}!${t.range} ${t.rows}`);

describe("correct forms in real layouts: recognized, and no error or warning", () => {
  it.each([
    [
      "two-row header with 指标性质 | 指标值 | 度量单位",
      twoRowHeader(),
      ["funds 项目自评表!A5:H9 4", "self-assessment 项目自评表!A10:J20 8"],
    ],
    ["成本指标 as a first-level group", costFirstLevel(), ["funds 自评表!A2:H4 2", "self-assessment 自评表!A5:H15 9"]],
    ["项目管理 / 项目绩效 score sheet", projectManagementScoreSheet(), ["evaluation 评价得分表!A2:G15 12"]],
    [
      "部门整体支出绩效自评表",
      departmentWide(),
      ["funds 部门整体自评表!A4:H7 3", "department-self-assessment 部门整体自评表!A8:H17 8"],
    ],
    ["block 合计 90 then 总分 100", blockSubtotal(), ["funds 自评表!A2:H4 2", "self-assessment 自评表!A6:H15 7"]],
  ])("%s", (_n, s, recognized) => {
    const wb = workbook(s);
    expect(rec(wb)).toEqual(recognized);
    expect(loud(checkWorkbook(wb).findings)).toEqual([]);
  });

  it.each([
    "指标值",
    "指标值及单位",
    "年初目标值(A)",
    "年初目标值（A）",
    "目标值",
    "预期指标值",
    "全年目标值",
    "指标值（包含数字及计量单位）",
  ])("a declaration whose target column says %s is a declaration with its 指标值 mapped", (header) => {
    const wb = workbook(declarationVariant(header));
    const t = checkWorkbook(wb).recognized;
    expect(t.map((x) => [x.kind, x.rows, x.columns.target])).toEqual([["declaration", 7, "D"]]);
    expect(loud(checkWorkbook(wb).findings)).toEqual([]);
  });

  it("the two-row header reads the split value as one (≥ + 266 + 公里 → ≥266公里)", () => {
    const m = recognizeWorkbook(workbook(twoRowHeader()));
    expect(m.tables[0].rows[0].targetText).toBe("≥266公里");
    expect(m.tables[0].columns).toMatchObject({
      level1: 0,
      level2: 1,
      level3: 2,
      nature: 3,
      target: 4,
      unit: 5,
      actual: 6,
      weight: 7,
      score: 8,
      reason: 9,
    });
  });

  it("成本指标 rows are their own family, and their category is 成本", () => {
    const m = recognizeWorkbook(workbook(costFirstLevel()));
    const cost = m.indicators.filter((r) => r.level1 === "成本指标");
    expect(cost.map((r) => [r.family, r.category])).toEqual([
      ["成本", "成本"],
      ["成本", "成本"],
      ["成本", "成本"],
    ]);
  });

  it("项目绩效 rows take their category from the level that names one", () => {
    const m = recognizeWorkbook(workbook(projectManagementScoreSheet()));
    expect(m.indicators.filter((r) => r.level2 === "项目完成").map((r) => r.category)).toEqual([
      "数量",
      "质量",
      "时效",
      "成本",
    ]);
    expect(m.indicators.filter((r) => r.level2 === "项目效益").map((r) => r.category)).toEqual([
      "社会效益",
      "可持续影响",
      "满意度",
    ]);
  });
});

describe("planted defects in real layouts", () => {
  const brief = (s: ReturnType<typeof workbook>) =>
    checkWorkbook(s)
      .findings.filter((f) => f.severity === "error")
      .map((f) => `${f.sheet}!${f.cell} ${f.rule}`);

  it("a block 合计 that is not the sum of its rows is reported at the 合计, not at 总分", () => {
    expect(brief(workbook(blockSubtotal({ blockScore: 88.5, total: 98.5 })))).toEqual(["自评表!G14 sum-mismatch"]);
  });

  it("a 总分 that is not 合计 + 预算执行 is reported at 总分", () => {
    expect(brief(workbook(blockSubtotal({ total: 98.5 })))).toEqual(["自评表!G15 sum-mismatch"]);
  });

  it("a score sheet total off by one", () => {
    expect(brief(workbook(projectManagementScoreSheet({ total: 97 })))).toEqual(["评价得分表!F15 sum-mismatch"]);
  });

  it("a department's 基本支出 that no longer adds up to 年度资金总额", () => {
    expect(brief(workbook(departmentWide({ basic: 808.4 })))).toEqual(["部门整体自评表!E5 sum-mismatch"]);
  });

  it("the two-row header's total off", () => {
    expect(brief(workbook(twoRowHeader({ score: "98.88" })))).toEqual(["项目自评表!I20 sum-mismatch"]);
  });
});

describe("levels that name a family one level down (Tianjin 2022: 实施效果指标 over 产出指标 / 效益指标)", () => {
  it("rows take the 二级 family and the output kind their 三级 name measures", () => {
    const s = sheet(
      "绩效目标表",
      [
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [null, "实施效果指标", "产出指标", "建设项目个数(含续建)", 1],
        [null, null, null, "竣工验收合格率", "100%"],
        [null, null, null, "按进度计划实施情况", "按计划实施"],
        [null, null, "效益指标", "完工项目县畜禽粪污综合利用率", "≥90%"],
      ],
      { merges: ["A1:A5", "B2:B5", "C2:C4"] },
    );
    const m = recognizeWorkbook(workbook(s));
    expect(m.indicators.map((r) => [r.family, r.category ?? null])).toEqual([
      ["产出", "数量"],
      ["产出", "质量"],
      ["产出", "时效"],
      ["效益", null],
    ]);
    // The set has no 成本 and no 满意度 indicator: that, and nothing else, is missing.
    const missing = checkWorkbook(workbook(s)).findings.filter((f) => f.rule === "missing-category");
    expect(missing.map((f) => f.message["zh-CN"])).toEqual([
      "绩效目标表的指标表缺少“成本”类指标。",
      "绩效目标表的指标表缺少“满意度”类指标。",
    ]);
  });
});
