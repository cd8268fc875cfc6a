import { defineRule } from "./types";
import { targetParse } from "../recognize/cells";
import { levelCell } from "../recognize";
import { aimWithoutMeasure } from "../measures";

const rule = defineRule({
  id: "unmeasurable-indicator",
  severity: "warning",
  meta: {
    title: { "zh-CN": "指标不可衡量", "en-US": "Indicator that measures nothing" },
    docs: {
      "zh-CN":
        "指标名称是一句目标或愿景（“教学条件改善、办学水平提高”“促进人口与经济、社会、资源、环境协调和可持续发展”），没有“率、度、比例、人数、面积”等可计量的对象，指标值却是百分比（=100%）：百分之百的什么无从计算，也就无法核验。复核时要求单位把名称改为可计量的指标（如“生均教学设备值”“受益家庭覆盖率”），使百分比有分子分母，并在评分中扣减“绩效指标明确性”。",
      "en-US":
        'The indicator\'s name is an aim ("teaching conditions improved, school standards raised", "promote coordinated and sustainable development of population, economy, society, resources and environment") with no measurable object (a rate, degree, share, head count, area), yet its value is a percentage (=100%): a hundred per cent of nothing that can be counted cannot be verified. A reviewer asks the unit to rename it as something measurable (teaching equipment per pupil, share of eligible families covered) so that the percentage has a numerator and a denominator, and deducts points under indicator clarity.',
    },
    messages: {
      aim: {
        "zh-CN":
          "指标“{name}”是一句目标（{words}），没有可计量的对象，指标值“{value}”是什么的百分比无从计算；应改为可计量的指标，如：××覆盖率≥95%、受益人数≥500人。",
        "en-US":
          'Indicator "{name}" is an aim ({words}) with nothing measurable in it: the value "{value}" is a percentage of nothing that can be counted; rename it as a measure, e.g. a coverage rate ≥ 95% or beneficiaries ≥ 500.',
      },
    },
  },
  check(ctx) {
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row.target || !row.level3) continue;
      const p = targetParse(row);
      if (!p.quantitative || !p.percent || p.invalid) continue;
      const words = aimWithoutMeasure(row.level3);
      if (words.length === 0) continue;
      const name = levelCell(row, 3);
      ctx.report({
        messageId: "aim",
        data: { name: row.level3.replace(/\s+/g, ""), words: words.join("、"), value: p.text.trim() },
        sheet: row.target.sheet,
        row: row.target.row,
        col: row.target.col,
        related: name ? [name] : [],
      });
    }
  },
});

export default rule;
