import { defineRule } from "./types";
import type { IndicatorRow } from "../recognize/model";
import { categoryOf, headerKey } from "../recognize/headers";
import { targetParse } from "../recognize/cells";
import { parseText } from "../recognize/cells";
import { OPERATOR_SYMBOL, type Operator } from "../value";
import { isNaturalCeiling, isNaturalFloor, isTimeUnit } from "../measures";

/** An operator written in the name's template bracket: 项目总投入(≥**万元), 受益人数（≥**人）. */
const NAME_OPERATOR = /[(（]\s*([≥≤><]=?|>=|<=|＞|＜|≧|≦)\s*\*+/;

function nameOperator(name: string): Operator | null {
  const m = NAME_OPERATOR.exec(name);
  if (!m) return null;
  return parseText(`${m[1]}1`).operator;
}

/** The category a row is filed under by its 一级 / 二级 names (not guessed from its own name). */
function filed(row: IndicatorRow) {
  if (!row.level1 && !row.level2) return undefined;
  return categoryOf(row.level1, row.level2, "");
}

const rule = defineRule({
  id: "target-direction",
  severity: "warning",
  meta: {
    title: { "zh-CN": "指标方向不当", "en-US": "Target set in the wrong direction" },
    docs: {
      "zh-CN":
        "数量指标是要完成、服务的量（就读人数、培训人数、修建里程），指标值却写成上限（≤、<、不超过、以内）：从0到上限的任何数都算达成，等于没有目标；成本指标是要控制的量，指标值却写成下限（≥、不低于，含名称中“(≥**万元)”的模板写法）：花得越多越“达成”。事故、投诉、发生数、损失、超标、编制、时长等本身就是上限的数量，补助标准、工资、节约等本身就是下限的成本，以及百分比指标，不报。复核时要求单位把数量指标改为≥或=（如：就读人数≥6962人），把成本指标改为≤（如：项目总成本≤6070万元），并在评分中扣减“绩效指标明确性”。",
      "en-US":
        "A quantity indicator names work to deliver or people to serve (pupils enrolled, people trained, km built) but its target is a ceiling (≤, <, 不超过, 以内): any number from 0 up meets it, so it sets no target; or a cost indicator, an amount to keep down, has a floor (≥, 不低于, also written into the name as the template's (≥**万元)): the more spent, the better it scores. Quantities that are ceilings by nature (accidents, complaints, incidents, losses, overruns, staff establishment, durations), costs that are floors by nature (subsidy standards, wages, savings) and percentage targets are not reported. A reviewer asks the unit to state quantities as ≥ or = (pupils ≥ 6962) and costs as ≤ (total cost ≤ 6070万元), and deducts points under indicator clarity.",
    },
    messages: {
      quantityCeiling: {
        "zh-CN":
          "数量指标“{name}”的指标值“{value}”是上限（{op}）：从0到{limit}都算达成；要完成或服务的数量应写成≥或=，如：{name}≥{limit}。",
        "en-US":
          'Quantity indicator "{name}" has the value "{value}", a ceiling ({op}): anything from 0 to {limit} meets it; a quantity to deliver or serve is stated with ≥ or =, e.g. {name} ≥ {limit}.',
      },
      costFloor: {
        "zh-CN":
          "成本指标“{name}”的指标值“{value}”是下限（{op}）：花费越多越算达成，成本不受控制；成本应写成上限，如：{name}≤{limit}。",
        "en-US":
          'Cost indicator "{name}" has the value "{value}", a floor ({op}): the more is spent, the better it scores, so cost is not controlled; state a cost as a ceiling, e.g. {name} ≤ {limit}.',
      },
      costFloorInName: {
        "zh-CN":
          "成本指标“{name}”的名称写明下限（{op}），指标值“{value}”因此是下限：花费越多越算达成，成本不受控制；成本应写成上限，如：{name}≤{limit}。",
        "en-US":
          'Cost indicator "{name}" states a floor ({op}) in its name, so its value "{value}" is a floor: the more is spent, the better it scores, so cost is not controlled; state a cost as a ceiling, e.g. {name} ≤ {limit}.',
      },
    },
  },
  check(ctx) {
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row.target || !row.level3) continue;
      const category = filed(row);
      if (category !== "数量" && category !== "成本") continue;
      const p = targetParse(row);
      if (!p.quantitative || p.date || p.percent || p.invalid) continue;
      const name = row.level3.replace(/\s+/g, "");
      const cleanName = headerKey(name).replace(/\([^()]*\)/g, "");
      const value = p.text.trim();
      const limit = `${p.written ?? p.number}${p.scale === 1e4 ? "万" : p.scale === 1e8 ? "亿" : ""}${p.unit ?? ""}`;
      if (category === "数量") {
        if (p.direction !== "reverse") continue;
        if (isNaturalCeiling(name) || isTimeUnit(p.unit) || p.unit === "元") continue;
        // 控制在…以内 says the ceiling is meant (会议人数控制在50人以内): a choice, not a slip of the operator.
        if (/控制/.test(value)) continue;
        ctx.report({
          messageId: "quantityCeiling",
          data: { name: cleanName, value, op: OPERATOR_SYMBOL[p.operator!], limit },
          sheet: row.target.sheet,
          row: row.target.row,
          col: row.target.col,
        });
        continue;
      }
      // 成本: the value's own operator, else the one the name's template bracket sets.
      const fromName = p.operator === null ? nameOperator(name) : null;
      const op = p.operator ?? fromName;
      if (op !== ">=" && op !== ">") continue;
      // Only money is a cost to cap: 带动就业≥50人 filed under 成本 is another matter. A bare number is read as the
      // money the column or the name's bracket (万元) speaks of.
      const unit = p.unit ?? "";
      if (!(unit === "" || /^元/.test(unit) || (p.scale > 1 && /^\//.test(unit)))) continue;
      if (isNaturalFloor(name)) continue;
      ctx.report({
        messageId: fromName ? "costFloorInName" : "costFloor",
        data: { name: cleanName, value, op: OPERATOR_SYMBOL[op], limit },
        sheet: row.target.sheet,
        row: row.target.row,
        col: row.target.col,
      });
    }
  },
});

export default rule;
