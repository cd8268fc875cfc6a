import { defineRule } from "./types";
import type { IndicatorRow } from "../recognize/model";
import { actualParse, isBlankMark, targetParse } from "../recognize/cells";
import { rowName } from "./util";

/** An actual written as a bound (≥266米, 不低于90%, 95%以上) repeats a target: nothing was measured. */
const BOUND = /^(≥|≤|>=|<=|＞|＜|>|<|≧|≦|不低于|不少于|不超过|不高于|不大于|不小于|至少|最多)|(及?以上|以内|以下)$/;

/** An actual that only says the work was done (已完成100%, 全部完成, 达标), with no measured quantity. */
const DONE_ONLY =
  /^(已经?|均已|全部|按时|按期|已全部)?(完成|达成|实现|达到|达标|落实)(了)?(100%|百分之百|目标|任务|指标)?$|^(100%|百分之百)(完成|达成|实现)$/;

function actualText(row: IndicatorRow): string {
  const v = row.actualText ?? row.actual?.raw;
  return typeof v === "string" ? v.replace(/\s+/g, "") : "";
}

const rule = defineRule<"bound" | "doneOnly">({
  id: "actual-not-measured",
  severity: "warning",
  meta: {
    title: { "zh-CN": "实际完成值未填实测值", "en-US": "Actual value not measured" },
    docs: {
      "zh-CN":
        "实际完成值没有写实际达到的数：照抄指标值连同“≥、≤、以上、不低于”等界限（如指标值“≥266米”、实际完成值也写“≥266米”），或对数量、质量、成本、满意度等量化指标只写“已完成”“已完成100%”“达标”。这样无法判断目标是否完成，得分也无从核实。复核时要求单位按统计、验收、台账或问卷结果填写实际数（如“实际安装270米”“满意度92.5%”），并据此重新评分。",
      "en-US":
        'The actual value states no measured figure: it copies the target with its bound (target "≥266米", actual "≥266米" too; also 不低于, 以上), or answers a quantified target (a count, rate, cost or satisfaction) with only "done" (已完成, 已完成100%, 达标). Whether the target was met cannot be told, nor the score checked. A reviewer asks the unit for the figure from its records, acceptance report or survey ("270 m installed", "satisfaction 92.5 %") and rescoring from it.',
    },
    messages: {
      bound: {
        "zh-CN": "指标“{name}”的实际完成值“{actual}”是一个界限（照抄指标值{target}），不是实际达到的数。",
        "en-US":
          'Indicator "{name}": the actual value "{actual}" is a bound (the target {target} copied), not a measured figure.',
      },
      doneOnly: {
        "zh-CN": "指标“{name}”的指标值为{target}，实际完成值只写“{actual}”，没有实际达到的数。",
        "en-US": 'Indicator "{name}" targets {target}, but the actual value only says "{actual}": no measured figure.',
      },
    },
  },
  check(ctx) {
    for (const row of ctx.model.indicators) {
      const { actual, target } = row;
      if (!actual || !target || isBlankMark(actual)) continue;
      const a = actualText(row);
      if (a === "") continue;
      const t = targetParse(row);
      if (t.empty || t.placeholder) continue;
      let messageId: "bound" | "doneOnly" | null = null;
      if (BOUND.test(a) && actualParse(row).quantitative) messageId = "bound";
      // A date or a qualitative target is met by saying so; a number asks for the number reached.
      else if (DONE_ONLY.test(a) && t.quantitative && !t.date) messageId = "doneOnly";
      if (!messageId) continue;
      ctx.report({
        messageId,
        data: { name: rowName(row), actual: a, target: (row.targetText ?? target.text).trim() },
        sheet: actual.sheet,
        row: actual.row,
        col: actual.col,
        related: [target],
      });
    }
  },
});

export default rule;
