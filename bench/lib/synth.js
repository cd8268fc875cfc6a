"use strict";
// Synthetic workbooks for the bench: a 绩效目标申报表 and a 项目支出绩效自评表 whose indicator tables grow
// to the requested cell count, with planted defects (changed 指标值 between the tables, 得分 above 分值,
// missed targets without 偏差原因) so the rules have real work on every size.

const SECOND = [
  ["产出指标", "数量指标", (i) => `≥${100 + (i % 900)}个`, (i) => 100 + (i % 900) + 3],
  ["产出指标", "质量指标", () => "≥95%", () => 0.97],
  ["产出指标", "时效指标", () => "=100%", () => 1],
  ["产出指标", "成本指标", (i) => `≤${(1000 + i).toLocaleString("en-US")}.50元`, (i) => 900 + i],
  ["效益指标", "社会效益指标", () => "有效保障", () => "有效保障"],
  ["效益指标", "可持续影响指标", () => "长期", () => "长期"],
  ["满意度指标", "服务对象满意度指标", () => "≥90%", () => 0.93],
];

/** Indicator rows for a table of n rows; `self` adds A/B/分值/得分/偏差 columns. */
function buildSheets(n) {
  const decl = [
    ["项目支出绩效目标申报表"],
    ["项目名称", "基准测试项目"],
    ["主管部门", "某县财政局", null, "实施单位", "某县某中心"],
    ["项目资金（万元）", "年度资金总额", 1000],
    [null, "其中：财政拨款", 1000],
    [null, "其他资金", 0],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
  ];
  const self = [
    ["项目支出绩效自评表"],
    ["项目名称", "基准测试项目"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    [null, "年度资金总额", 1000, 1000, 950, 10, 0.95, 9.5],
    [null, "其中：当年财政拨款", 1000, 1000, 950, "—", "—", "—"],
    [null, "其他资金", 0, 0, 0, "—", "—", "—"],
    [
      "绩效指标",
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
  for (let i = 0; i < n; i++) {
    const [first, second, target, actual] = SECOND[i % SECOND.length];
    const name = `指标${i + 1}`;
    const t = target(i);
    decl.push([null, first, second, name, t]);
    // Planted: every 50th indicator changed between declaration and assessment.
    const selfTarget =
      i % 50 === 17 && typeof t === "string" && /\d/.test(t)
        ? t.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10))
        : t;
    // Planted: every 97th score above its weight.
    const score = i % 97 === 5 ? 3 : 1;
    self.push([null, first, second, name, selfTarget, actual(i), 1, score, null]);
  }
  self.push(["总分", null, null, null, null, null, n + 10, n + 9.5, null]);
  return { decl, self };
}

function toSheet(name, rows) {
  return {
    name,
    visibility: "Visible",
    originRow: 0,
    originCol: 0,
    values: rows.map((r) => r.map((v) => (v === undefined ? null : v))),
    merges: [],
  };
}

function countCells(rows) {
  let n = 0;
  for (const r of rows) n += r.length;
  return n;
}

/** A snapshot with about `cells` cells (declaration 5 columns + self-assessment 9 columns per indicator). */
function syntheticSnapshot(cells) {
  const n = Math.max(7, Math.round((cells - 110) / 14));
  const { decl, self } = buildSheets(n);
  const snapshot = { source: `synthetic-${cells}`, sheets: [toSheet("申报表", decl), toSheet("自评表", self)] };
  return { snapshot, cells: countCells(decl) + countCells(self), indicators: n };
}

module.exports = { syntheticSnapshot, buildSheets };
