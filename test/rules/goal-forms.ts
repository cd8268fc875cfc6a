/** A small 绩效目标申报表 with a 年度总体目标 and its indicators, for the goal and amount rule tables. */
import type { CellValue } from "../../src/core/snapshot";
import { sheet, type GridRow, type SheetOptions } from "../support/grid";

/** [一级, 二级, 三级, 指标值] */
export type DeclRow = [string, string, string, CellValue];

export function declIndicators(): DeclRow[] {
  return [
    ["产出指标", "数量指标", "培训人数", "≥500人"],
    ["产出指标", "质量指标", "培训合格率", "≥95%"],
    ["产出指标", "时效指标", "完成时间", "2021年12月31日前"],
    ["产出指标", "成本指标", "人均培训成本", "≤1000元"],
    ["效益指标", "社会效益指标", "就业率", "≥80%"],
    ["效益指标", "可持续影响指标", "长效机制", "建立"],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
  ];
}

export interface DeclOptions {
  /** 年度资金总额 / 财政拨款 / 其他资金 in 万元 (row 4). */
  funds?: [CellValue, CellValue, CellValue];
  /** The goal row as written; by default the label in A5 and the text in B5 (merged B5:D5). */
  goalRow?: GridRow;
  /** Extra rows after the indicators. */
  after?: GridRow[];
  options?: SheetOptions;
}

/**
 * Rows: 1 title, 2 项目名称, 3 funds header, 4 funds values, 5 年度总体目标, 6 indicator header, 7… indicators.
 * The goal text is B5; the first indicator value D7.
 */
export function declaration(goal: string, indicators: DeclRow[] = declIndicators(), o: DeclOptions = {}) {
  const f = o.funds ?? [90, 90, 0];
  const rows: GridRow[] = [
    ["项目支出绩效目标申报表"],
    ["项目名称", "职业技能培训项目"],
    ["项目资金（万元）", "年度资金总额", "其中：财政拨款", "其他资金"],
    [null, f[0], f[1], f[2]],
    o.goalRow ?? ["年度总体目标", goal],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ...indicators.map((r) => [...r]),
    ...(o.after ?? []),
  ];
  return sheet("申报表", rows, { merges: o.goalRow ? [] : ["B5:D5"], ...o.options });
}
