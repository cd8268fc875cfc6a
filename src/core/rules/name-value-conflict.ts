import { defineRule } from "./types";
import { levelCell } from "../recognize";
import { parseText, targetParse } from "../recognize/cells";
import { normalizeWidth, OPERATOR_SYMBOL } from "../value";
import type { ParsedValue } from "../value";

/**
 * A target written at the end of an indicator's name: 质量达标率100%, 验收合格率（≥95%）, 新建道路5公里. Points
 * (（5分）) are no target, and a number inside the name (5000吨稻谷储备到位率) names the thing, not its level.
 */
const NAME_TARGET =
  /[(（]?\s*((?:≥|≤|>=|<=|=|>|<|不低于|不少于|不超过|不高于|达到)?\s*\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3}(?:\/[\u4e00-\u9fff]{1,2})?))\s*[)）]?$/;

/** The target a name states, parsed, with the text as written; null when it states none. */
function nameTarget(name: string): { text: string; parsed: ParsedValue } | null {
  const s = normalizeWidth(name).trim();
  const m = NAME_TARGET.exec(s);
  if (!m) return null;
  // The rest of the name must say what is measured: a name that is only a value is missing-indicator-name's.
  if (s.slice(0, m.index).replace(/^[*★☆\s]+/, "").length < 2) return null;
  const p = parseText(m[1]);
  if (!p.quantitative || p.date || p.unit === null || p.unit === "分") return null;
  return { text: m[1].trim(), parsed: p };
}

/** A name that asks a yes/no question (是否全部纳入, 有无发生): answered by 是/否, not by a percentage. */
const YES_NO = /(^|[:：])(指标\d+[:：])?(是否|有无|能否)/;

/** Same unit and a different number (relative difference beyond float noise). */
function differ(a: ParsedValue, b: ParsedValue): boolean {
  if (a.unit !== b.unit || a.number === null || b.number === null) return false;
  const scale = Math.max(Math.abs(a.number), Math.abs(b.number), 1e-12);
  return Math.abs(a.number - b.number) / scale > 1e-9;
}

const rule = defineRule({
  id: "name-value-conflict",
  severity: "warning",
  meta: {
    title: { "zh-CN": "指标名称与指标值不一致", "en-US": "Name and value state different targets" },
    docs: {
      "zh-CN":
        "指标名称本身写了一个目标（如“建设质量达标率100%”“验收合格率（≥95%）”），而指标值栏写的是另一个数（如“>=98%”）：同一指标有两个目标，考核时不知以哪个为准。名称是一个是否问题（“是否解决…问题”）而指标值是百分比的，也报告。单位不同、名称中的数字只是对象（“5000吨稻谷储备到位率”）或分值（“（5分）”）的不报。复核时要求单位把目标只写在指标值栏、与名称保持一致，并核实以哪个目标评分。",
      "en-US":
        'The indicator name itself states a target (e.g. 建设质量达标率100% "construction quality pass rate 100%", 验收合格率（≥95%）) while the value column gives another number (e.g. ">=98%"): one indicator with two targets, and no telling which one the result is scored against. A name that asks a yes/no question (是否解决…问题) given a percentage is reported too. Not reported when the units differ, or the number in the name names the object (5000吨稻谷储备到位率) or points (（5分）). A reviewer asks the unit to state the target once, in the value column, consistent with the name, and checks which target the score used.',
    },
    messages: {
      question: {
        "zh-CN":
          "指标“{name}”是一个是否问题，指标值却是百分比“{value}”：不知道是什么的百分比；应改为“是/否”，或把名称改为可计算比例的指标（如“…问题解决率”）。",
        "en-US":
          'The indicator "{name}" asks a yes/no question, yet its value is the percentage "{value}": a share of what is not said. Answer yes or no, or name a measure the share is of (…问题解决率).',
      },
      conflict: {
        "zh-CN": "指标名称“{name}”写明的目标“{named}”与指标值“{value}”不一致，应统一为一个目标。",
        "en-US":
          'The indicator name "{name}" states the target "{named}" but its value is "{value}": state one target.',
      },
    },
  },
  check(ctx) {
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const table = ctx.model.tables[row.table];
      if (!table || table.columns.target === undefined || !row.target || row.level3 === "") continue;
      // A yes/no question (是否解决…问题) answered with a percentage: a share of what is not said.
      // (是否满意 95% reads as the share satisfied: a satisfaction rate.)
      if (YES_NO.test(row.level3) && !/满意/.test(row.level3)) {
        const p = targetParse(row);
        if (p.quantitative && p.percent) {
          const nameCell = levelCell(row, 3);
          ctx.report({
            messageId: "question",
            data: { name: row.level3, value: (row.targetText ?? row.target.text).trim() },
            sheet: row.target.sheet,
            row: row.target.row,
            col: row.target.col,
            related: nameCell ? [nameCell] : [],
          });
        }
        continue;
      }
      // Most names hold no digit: test before the regex.
      if (!/\d/.test(row.level3)) continue;
      const named = nameTarget(row.level3);
      if (!named) continue;
      const p = targetParse(row);
      if (!p.quantitative || p.date) continue;
      const opDiffers =
        named.parsed.operator !== null &&
        p.operator !== null &&
        OPERATOR_SYMBOL[named.parsed.operator] !== OPERATOR_SYMBOL[p.operator];
      if (!differ(named.parsed, p) && !(opDiffers && named.parsed.unit === p.unit)) continue;
      const nameCell = levelCell(row, 3);
      ctx.report({
        messageId: "conflict",
        data: { name: row.level3, named: named.text, value: (row.targetText ?? row.target.text).trim() },
        sheet: row.target.sheet,
        row: row.target.row,
        col: row.target.col,
        related: nameCell ? [nameCell] : [],
      });
    }
  },
});

export default rule;
