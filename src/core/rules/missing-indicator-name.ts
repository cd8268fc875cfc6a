import { defineRule } from "./types";
import type { IndicatorRow } from "../recognize/model";
import { levelCell } from "../recognize";
import { parseText, targetParse } from "../recognize/cells";
import { headerKey } from "../recognize/headers";

/**
 * A heading of the indicator system, not an indicator: 数量指标, 社会效益指标, 可持续性发展影响指标, 服务对象满意度指标
 * (with 指标: a bare 成本 or 满意度 names its measure, however briefly, and is not reported).
 */
const CATEGORY_HEADING =
  /^(产出|数量|质量|时效|成本|经济成本|社会成本|生态(环境)?成本|效益|经济效益|社会效益|生态(环境)?效益|环境效益|可持续(性)?(发展)?影响|(服务对象|社会公众|受益(对象|群众|者|人群)?|社会公众或服务对象|服务对象或受益(对象|群众|者|人群)?)?满意度)指标$/;
/** A name that is only a date or deadline: 2022年底之前, 2021年12月31日前, 12月底前. */
const DATE_ONLY = /^((19|20)\d{2}年)?(\d{1,2}月)?(\d{1,2}日)?(底|末|中旬|上旬|下旬)?(之?前|以前|前完成|内)?$/;
/** A name that is only a number (88, 1., 20%). */
const NUMBER_ONLY = /^[\d.,%\s]+$/;

/** What is wrong with a row's 三级 name, or null when it names something. */
export function nameProblem(row: IndicatorRow): "empty" | "number" | "category" | "date" | null {
  const name = row.level3.trim();
  if (name === "") {
    // Only a number measures nothing without a name: a value in words says what it is about (效果明显 is
    // vague-target's finding). And an empty 三级 under a specific 二级 name is a two-level row, named there.
    if (!targetParse(row).quantitative) return null;
    return CATEGORY_HEADING.test(bareKey(row.level2)) || row.level2 === "" ? "empty" : null;
  }
  if (NUMBER_ONLY.test(name.replace(/\s/g, ""))) return "number";
  // A deadline written where the name goes (2022年底之前 | 2022年底之前): the target, not what it times.
  if (DATE_ONLY.test(name.replace(/\s/g, "")) && parseText(name).date) return "date";
  // Every heading ends in 指标: most names are passed over without a copy.
  if (!name.includes("指标")) return null;
  const k = bareKey(name);
  if (!CATEGORY_HEADING.test(k)) return null;
  // 成本指标 | ≤628,678,956.50元 (the seed's row) caps the project's whole cost: a sum of money under the cost
  // heading says what it measures.
  if (row.category === "成本" && /元/.test(targetParse(row).unit ?? "")) return null;
  return "category";
}

/** Header key without brackets (数量指标（必填）), line breaks and the 二级 numbering. */
function bareKey(text: string): string {
  return headerKey(text)
    .replace(/\([^()]*\)/g, "")
    .replace(/^[一二三四五六七八九十\d]+[、.]/, "");
}

const rule = defineRule({
  id: "missing-indicator-name",
  severity: "warning",
  meta: {
    title: { "zh-CN": "缺少三级指标名称", "en-US": "Indicator not named" },
    docs: {
      "zh-CN":
        "指标行填了指标值，但三级指标名称为空、只是一个数字（如“88”），或只写了类别名称（数量指标、质量指标、社会效益指标……），或只是一个日期（“2022年底之前”）：指标值衡量的是什么无从判断，“100%”“全年”无法与任何实际完成情况对照。只有文字、没有数字的指标值不因名称为空而报告（其笼统与否由“目标设立笼统”规则判断）；成本类下名为“成本指标”、指标值是金额（如“≤62867.90万元”）的，是项目总成本的上限，也不报。复核时要求单位为每一行写明具体的三级指标（如“种植面积”“验收合格率”“受益群众满意度”），在“绩效指标明确性”中扣分。",
      "en-US":
        'An indicator row has a value but its third-level name is empty, only a number (e.g. "88") or only the category heading (数量指标 "quantity indicators", 社会效益指标 "social benefit indicators" …): nothing named is measured, so a "100%" or "全年" "whole year" cannot be compared with any result. A value in words under an empty name is not reported here (vague-target judges it), nor a sum of money under the cost heading (成本指标 ≤62867.90万元 caps the project\'s whole cost). A reviewer asks the unit to name a specific indicator in every row (e.g. planted area, acceptance rate, beneficiaries\' satisfaction) and deducts points for indicator clarity.',
    },
    messages: {
      empty: {
        "zh-CN":
          "{category}下的指标值“{value}”没有三级指标名称，无法判断衡量的是什么；应写明具体指标，如“种植面积”“验收合格率”。",
        "en-US":
          'The value "{value}" under {category} has no indicator name, so nothing says what it measures; name a specific indicator (e.g. planted area, acceptance rate).',
      },
      number: {
        "zh-CN": "{category}下的三级指标名称只是数字“{name}”，指标值“{value}”衡量的是什么无从判断；应写明具体指标。",
        "en-US":
          'The indicator name under {category} is only the number "{name}": nothing says what the value "{value}" measures; name a specific indicator.',
      },
      date: {
        "zh-CN":
          "{category}的三级指标名称只是日期“{name}”（指标值“{value}”）：没有写明要按期完成的是什么；应写明具体指标，如“项目完工时间”“资金拨付时间”。",
        "en-US":
          'The indicator name under {category} is only the date "{name}" (value "{value}"): nothing says what is to be done by then; name it, e.g. "completion date of the works".',
      },
      category: {
        "zh-CN":
          "三级指标名称只写了类别“{name}”，指标值“{value}”衡量的是什么无从判断；应写明该类下的具体指标，如“种植面积”“验收合格率”。",
        "en-US":
          'The indicator name is only the category heading "{name}": nothing says what the value "{value}" measures; name a specific indicator under it (e.g. planted area, acceptance rate).',
      },
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const table = ctx.model.tables[row.table];
      // Forms without a 三级 column name their indicators in the 二级 one; evaluation systems have no 指标值.
      if (!table || table.columns.level3 === undefined || table.columns.target === undefined || !row.target) continue;
      const p = targetParse(row);
      if (p.empty || p.placeholder) continue;
      const problem = nameProblem(row);
      if (!problem) continue;
      const at = levelCell(row, 3) ?? { sheet: row.sheet, row: row.row, col: table.columns.level3 };
      const k = `${at.sheet}\u0001${at.row}\u0001${at.col}`;
      if (seen.has(k)) continue;
      seen.add(k);
      ctx.report({
        messageId: problem,
        data: {
          name: row.level3,
          value: p.text.trim(),
          category: row.category ?? (row.level2 || row.level1),
        },
        sheet: at.sheet,
        row: at.row,
        col: at.col,
        related: [row.target],
      });
    }
  },
});

export default rule;
