import { sheet } from "../support/grid";
import type { CellValue } from "../../src/core/snapshot";

/**
 * A self-assessment's 年度总体目标 block (预期目标 | 实际完成情况) above a two-row indicator table, as the 2020–2022
 * county forms print it (yunnan-lincang-yongde-minglang-2022-yingyang, shanxi-yuncheng-jishan-yibao-2020-…).
 */
export function goalReport(expected: string, achieved: CellValue) {
  return sheet(
    "Sheet1",
    [
      ["项目支出绩效自评表"],
      ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
      [null, expected, null, null, null, achieved],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      [null, "产出指标", "数量指标", "受益学生人数", "≥1200人", "1260人", 50, 50],
      [null, "满意度指标", "服务对象满意度指标", "学生满意度", "≥90%", "95%", 50, 50],
    ],
    { merges: ["A2:A3", "B2:E2", "F2:H2", "B3:E3", "F3:H3"] },
  );
}
