/** Small, correctly filled forms for rule case tables; each test changes one thing in them. */
import type { CellValue } from "../../src/core/snapshot";
import { sheet, type GridRow, type SheetOptions } from "../support/grid";

/** [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因] */
export type Ind = [string, string, string, CellValue, CellValue, CellValue, CellValue, CellValue?];

/** 产出 50, 效益 30, 满意度 10 (the funds block holds 预算执行率's 10): every target met, full marks. */
export function standardIndicators(): Ind[] {
  return [
    ["产出指标", "数量指标", "培训人数", "≥500人", 520, 20, 20],
    ["产出指标", "质量指标", "培训合格率", "≥95%", 0.97, 10, 10],
    ["产出指标", "时效指标", "完成时间", "2021年12月31日前", "2021年11月30日", 10, 10],
    ["产出指标", "成本指标", "人均培训成本", "≤1000元", 950, 10, 10],
    ["效益指标", "社会效益指标", "就业技能提升", "明显提升", "明显提升", 20, 20],
    ["效益指标", "可持续影响指标", "长效机制", "建立", "已建立", 10, 10],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", 0.95, 10, 10],
  ];
}

/** The standard indicators with row `i` replaced. */
export function withRow(i: number, row: Ind): Ind[] {
  return standardIndicators().map((r, j) => (j === i ? row : r));
}

export interface FormOptions {
  /** 年度资金总额 row: [全年预算数, 全年执行数, 分值, 执行率, 得分]; null for no funds block. */
  funds?: [CellValue, CellValue, CellValue, CellValue, CellValue] | null;
  /** 其中 rows: [label, 全年预算数, 全年执行数]. */
  parts?: [string, CellValue, CellValue][];
  /** 总分 row: [分值, 得分]; null for none. */
  total?: [CellValue, CellValue] | null;
  /** Rows appended below the table. */
  after?: GridRow[];
  options?: SheetOptions;
}

export function selfAssessment(indicators: Ind[] = standardIndicators(), o: FormOptions = {}) {
  const rows: GridRow[] = [["项目支出绩效自评表"], ["项目名称", "职业技能培训项目"]];
  const formats: Record<string, string> = {};
  if (o.funds !== null) {
    const f = o.funds ?? [100, 100, 10, 1, 10];
    rows.push(["项目资金（万元）", null, "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]);
    rows.push([null, "年度资金总额", f[0], f[1], f[2], f[3], f[4]]);
    formats[`F${rows.length}`] = "0.00%";
    for (const [label, a, b] of o.parts ?? [
      ["其中：财政拨款", f[0], f[1]],
      ["其他资金", 0, 0],
    ])
      rows.push([null, label, a, b, "—", "—", "—"]);
  }
  rows.push([
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值（A）",
    "实际完成值（B）",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  for (const i of indicators) rows.push([...i]);
  if (o.total !== null) {
    const weights = indicators.reduce((a, i) => a + (typeof i[5] === "number" ? i[5] : 0), 0);
    const scores = indicators.reduce((a, i) => a + (typeof i[6] === "number" ? i[6] : 0), 0);
    const f = o.funds === null ? [0, 0, 0, 0, 0] : (o.funds ?? [100, 100, 10, 1, 10]);
    const t = o.total ?? [
      weights + (typeof f[2] === "number" ? f[2] : 0),
      Math.round((scores + (typeof f[4] === "number" ? f[4] : 0)) * 100) / 100,
    ];
    rows.push(["总分", null, null, null, null, t[0], t[1]]);
  }
  for (const r of o.after ?? []) rows.push(r);
  return sheet("自评表", rows, { ...o.options, formats: { ...formats, ...o.options?.formats } });
}
