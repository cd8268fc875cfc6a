import { defineRule } from "./types";
import type { IndicatorCategory } from "../recognize/model";
import { rowName } from "./util";
import { targetParse } from "../recognize/cells";

/** Output categories whose targets must carry a number (财预〔2021〕101号: 数量、质量、时效、成本 are quantified). */
const QUANTIFIED: ReadonlySet<IndicatorCategory> = new Set(["数量", "质量", "时效", "成本"]);
const NOT_APPLICABLE = /^(不适用|不涉及|无此项)$/;
/** Words that state a checkable deadline or period (domain.md: 按时完成 is verifiable). */
const DEADLINE_WORDS =
  /按时|按期|如期|按计划|按进度|计划(完成)?时间内|规定(时间|时限|期限)内|时限内|当年|年内|全年|年底|年末|月底|季度|上半年|下半年/;

const rule = defineRule({
  id: "unquantified-target",
  severity: "warning",
  meta: {
    title: { "zh-CN": "目标未量化", "en-US": "Target not quantified" },
    docs: {
      "zh-CN": "数量、质量、时效、成本指标的指标值没有数字，或只填了占位符（目标设立笼统、未量化）。",
      "en-US":
        "A quantity, quality, timeliness or cost indicator whose value has no number, or only a placeholder (a vague, unquantified target).",
    },
    messages: {
      unquantified: {
        "zh-CN": "指标“{name}”（{category}）的指标值“{value}”未量化。",
        "en-US": 'Indicator "{name}" ({category}) has the unquantified value "{value}".',
      },
      empty: {
        "zh-CN": "指标“{name}”（{category}）未填写指标值。",
        "en-US": 'Indicator "{name}" ({category}) has no target value.',
      },
    },
  },
  check(ctx) {
    // Indexed, not for-of: this loop runs once per check, largely before it is optimized, where for-of
    // makes an iterator result per row.
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row.category || !QUANTIFIED.has(row.category)) continue;
      const table = ctx.model.tables[row.table];
      // Evaluation systems (评分表) have no 指标值 column: nothing to quantify there.
      if (!table || table.columns.target === undefined || !row.target) continue;
      const p = targetParse(row);
      if (p.quantitative || p.invalid) continue;
      const text = p.text.trim();
      if (NOT_APPLICABLE.test(text.replace(/\s/g, ""))) continue;
      // A 时效 target may be a deadline in words: 按时完成, 在项目计划完成时间内完成, 全年, 年底前 can be checked.
      if (row.category === "时效" && DEADLINE_WORDS.test(text)) continue;
      // A name without any value is only a gap when the row is an indicator (has a 三级 name).
      if (p.empty && !row.level3) continue;
      ctx.report({
        messageId: p.empty ? "empty" : "unquantified",
        data: { name: rowName(row), category: row.category, value: text },
        sheet: row.target.sheet,
        row: row.target.row,
        col: row.target.col,
      });
    }
  },
});

export default rule;
