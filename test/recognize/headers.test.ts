import {
  amountKind,
  fundsRole,
  fundsRowKind,
  indicatorRole,
  isGradeLabel,
  isTotalLabel,
  surveyRole,
  unitOfLabel,
} from "../../src/core/recognize/headers";

describe("indicator header words", () => {
  it.each([
    ["一级指标", "level1"],
    ["一级\n指标", "level1"],
    ["二级指标", "level2"],
    ["三 级 指 标", "level3"],
    ["指标名称", "level3"],
    ["指标内容", "level3"],
    ["指标值", "target"],
    ["预期目标值", "target"],
    ["未完成原因和改进措施", "reason"],
    ["年度指标值（A）", "target"],
    ["年度指标值(A)", "target"],
    ["年度\r\n指标值\n（A）", "target"],
    ["实际完成值（B）", "actual"],
    ["实际完成值\n(B)", "actual"],
    ["分值", "weight"],
    ["权重", "weight"],
    ["得分", "score"],
    ["自评得分", "score"],
    ["偏差原因分析及改进措施", "reason"],
    ["偏差原因分析及\n改进措施", "reason"],
    ["指标性质", "nature"],
    ["度量单位", "unit"],
    ["计量单位", "unit"],
    ["扣分原因", "deduction"],
    ["评分标准", "standard"],
    ["评（扣）分标准", "standard"],
    ["指标解释", "explanation"],
    ["备注", "remark"],
  ])("%j → %s", (text, role) => {
    expect(indicatorRole(text)).toBe(role);
  });

  it.each([
    "参保人数",
    "≥95%",
    "2021年度",
    "一级指标名称很长很长的说明文字不是表头而是一段内容描述，超过三十个字符了吧应该是的",
    "",
    "实施单位",
  ])("%j is not an indicator header", (text) => {
    expect(indicatorRole(text)).toBeNull();
  });
});

describe("funds, survey, totals, grades and labels", () => {
  it.each([
    ["年初预算数", "initial"],
    ["全年预算数（A）", "budget"],
    ["全年\n执行数（B）", "executed"],
    ["执行率（B/A）", "rate"],
    ["执行率(%)", "rate"],
    ["分值", "weight"],
    ["得分", "score"],
  ])("funds %j → %s", (t, r) => expect(fundsRole(t)).toBe(r));

  it.each([
    ["年度资金总额", "total"],
    ["其中：当年财政拨款", "fiscal"],
    ["其中:财政拨款", "fiscal"],
    ["上年结转资金", "carryover"],
    ["其他资金", "other"],
    ["年度总体目标", null],
  ])("funds row %j → %s", (t, k) => expect(fundsRowKind(t)).toBe(k));

  it.each([
    ["了解程度", "level"],
    ["满意度", "level"],
    ["人数", "count"],
    ["份数", "count"],
    ["权重", "weight"],
    ["占比", "share"],
  ])("survey %j → %s", (t, r) => expect(surveyRole(t)).toBe(r));

  it.each(["总分", "合计", "总 计", "得分合计"])("%j is a total label", (t) => expect(isTotalLabel(t)).toBe(true));
  it.each(["评价等级", "等级", "评价结论", "自评等级"])("%j is a grade label", (t) =>
    expect(isGradeLabel(t)).toBe(true),
  );
  it.each([
    ["资金到位率", "arrivalRate"],
    ["资金执行率", "execRate"],
    ["政策知晓率", "rate"],
    ["结余资金（万元）", "balance"],
    ["项目收入资金", "arrived"],
    ["项目支出资金", "spent"],
    ["预算资金", "budget"],
    ["年度资金总额：", "total"],
    ["收回有效调查问卷（份）", "valid"],
    ["有效样本量", "valid"],
    ["共发放调查问卷（份）", "issued"],
    ["评价分值", "totalScore"],
    ["项目名称", null],
  ])("label %j → %s", (t, k) => expect(amountKind(t)).toBe(k));

  it("reads the money unit written in a label", () => {
    expect(unitOfLabel("项目资金（万元）")).toBe("万元");
    expect(unitOfLabel("结余（元）")).toBe("元");
    expect(unitOfLabel("结余资金")).toBeUndefined();
  });
});
