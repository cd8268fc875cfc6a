import { defineRule } from "./types";
import type { IndicatorCategory, IndicatorRow } from "../recognize/model";
import { rowName } from "./util";
import { levelCell } from "../recognize";
import { targetParse } from "../recognize/cells";
import { hasVerifiable, MONEY_FIGURE, vagueWordsIn } from "../lexicon";
import { memo } from "../recognize/headers";
import { budgetFigures } from "./util";
import { numbersAgree } from "../compare";
import { parseValue, resolution } from "../value";

/** The vague words of an indicator value that has nothing verifiable, else null. Values repeat on every row. */
const vagueOnly = memo(function vagueOnly(text: string): string | null {
  const words = vagueWordsIn(text);
  return words.length === 0 || hasVerifiable(text) ? null : words.join("、");
});

/** unquantified-target's categories: their values without a number are reported there, not here. */
const QUANTIFIED: ReadonlySet<IndicatorCategory> = new Set(["数量", "质量", "时效", "成本"]);

/** A goal that points elsewhere (详见附件, 同上) or says nothing (无) is not a statement to judge. */
const REFERENCE = /^(详?见|参见|同上|无|略|—+|-+)/;

/** An amount of money: 43.2万元, 1,200元, 6.3亿元. */
const MONEY = new RegExp(MONEY_FIGURE, "g");

/** Goal texts are quoted up to this many characters. */
const QUOTE_MAX = 40;

function quote(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX)}…` : t;
}

/** An outcome (效益) or satisfaction indicator: by its first level, else its category. */
function isOutcome(row: IndicatorRow): boolean {
  if (row.category && QUANTIFIED.has(row.category)) return false;
  if (row.family === "效益" || row.family === "满意度") return true;
  return (
    row.category === "经济效益" ||
    row.category === "社会效益" ||
    row.category === "生态效益" ||
    row.category === "可持续影响" ||
    row.category === "满意度"
  );
}

const rule = defineRule({
  id: "vague-target",
  severity: "warning",
  meta: {
    title: { "zh-CN": "目标设立笼统", "en-US": "Vague goal or target" },
    docs: {
      "zh-CN":
        "年度总体目标（含预期目标、中长期目标）没有任何数量、时间或可核验的状态（只写职责，如“保障……经济来源；……关系转移接续”），或效益、满意度指标的指标值只有“有所提高、进一步改善、效果明显、逐步、长期”等笼统表述（目标设立笼统、未量化）；数量、质量、时效、成本指标由“目标未量化”规则检查。有数字、日期期限或“按时完成、无重大安全事故、通过验收、是/否”之类可核验状态的不报（“是/否”只在指标名称提出是否问题时算可核验；没有指标值、名称本身只是笼统目标的效益指标也报告）。复核时要求单位按上级下达的任务把目标量化（如“参保人数达到3.52万人”），把指标值改为可衡量的值（如“满意度≥90%”），并在评分中扣减“绩效目标合理性、绩效指标明确性”。",
      "en-US":
        'A 年度总体目标 (overall goal, also an expected or long-term goal) with no quantity, date or verifiable state at all (it only names duties), or an outcome or satisfaction indicator value made only of vague words such as 有所提高 "somewhat improved", 进一步改善 "further improved", 效果明显 "clearly effective", 逐步 "gradually", 长期 "long-term" (a vague, unquantified target; output indicators are unquantified-target\'s). Values with a number, a date or deadline, or a checkable state (按时完成 "done on time", 无重大安全事故 "no major accident", 通过验收 "accepted", yes/no when the name asks a yes/no question) are not reported; an effect row with no value whose name is itself a vague aim is reported. A reviewer asks the unit to quantify the goal from the tasks it was given (e.g. "3.52万 people insured") and to restate the value as something measurable (e.g. satisfaction ≥ 90%), and deducts points under target soundness and indicator clarity.',
    },
    messages: {
      goal: {
        "zh-CN":
          "年度总体目标“{text}”没有数量、时间或可核验的状态，目标设立笼统、未量化；应写明要达到的数量和期限，如：参保人数达到3.52万人、12月底前完成。",
        "en-US":
          'The overall goal "{text}" has no quantity, date or verifiable state: it is vague and unquantified. State what is to be reached and by when, e.g. "3.52万 people insured", "done by the end of December".',
      },
      goalMoney: {
        "zh-CN":
          "年度总体目标“{text}”只写了资金数额，没有写要完成的产出或要达到的效果；应写明资金要办成什么，如：改造暖通管网1200米、12月底前完工。",
        "en-US":
          'The overall goal "{text}" states only amounts of money, no output to deliver or effect to reach; state what the money is to achieve, e.g. "1,200 m of heating pipes renewed by the end of December".',
      },
      yesOnly: {
        "zh-CN":
          "指标“{name}”（{category}）的指标值只写“{value}”，而名称并不是一个是否问题，无从核验；应写成可衡量的值，如：受益人数≥5000人、绿地养护面积375万平方米。",
        "en-US":
          'Indicator "{name}" ({category}) has only "{value}" as its value, yet its name asks no yes/no question: nothing to verify; state a measurable value, e.g. beneficiaries ≥ 5000 people.',
      },
      aimOnly: {
        "zh-CN":
          "{category}指标“{name}”没有指标值，名称只是“{words}”等笼统表述的目标，无法核验；应写成有名称和数值的指标，如：带动就业人数≥50人、森林覆盖率提高到45%。",
        "en-US":
          'The {category} indicator "{name}" has no value, and its name is an aim in vague words ("{words}") that cannot be verified; name a measure and give it a value, e.g. jobs created ≥ 50, forest cover raised to 45 %.',
      },
      value: {
        "zh-CN":
          "指标“{name}”（{category}）的指标值“{value}”只有“{words}”等笼统表述，无法核验；应写成可衡量的值，如：满意度≥90%。",
        "en-US":
          'Indicator "{name}" ({category}) has the value "{value}", only vague wording ("{words}") that cannot be verified; state a measurable value, e.g. satisfaction ≥ 90%.',
      },
      outcome: {
        "zh-CN":
          "指标“{name}”（{category}）的指标值“{value}”只有“{words}”等笼统表述，无法核验；应写成可衡量的值，如：受益人数≥5000人、带动增收≥50万元、设施使用年限≥10年。",
        "en-US":
          'Indicator "{name}" ({category}) has the value "{value}", only vague wording ("{words}") that cannot be verified; state a measurable value, e.g. beneficiaries ≥ 5000 people, added income ≥ 500,000 yuan, facilities in use ≥ 10 years.',
      },
    },
  },
  check(ctx) {
    let budget: [number, number][] | undefined;
    for (const g of ctx.model.goals) {
      // What was achieved is a report, not a target.
      if (g.kind === "achieved") continue;
      if (REFERENCE.test(g.text.replace(/\s/g, ""))) continue;
      // Money is what a goal spends, not what it achieves: a goal whose only figures are amounts of money (or the
      // budget's own figures written bare, 43.2) names no output or effect.
      let moneyOnly = false;
      if (hasVerifiable(g.text)) {
        const rest = g.text.replace(MONEY, "");
        const bare = rest.replace(/[\s,，。]/g, "").replace(/\.$/, "");
        budget ??= budgetFigures(ctx.model);
        const p = /^\d+(\.\d+)?$/.test(bare) ? parseValue(bare) : null;
        const isBudget =
          !!p &&
          budget.some(([n, step]) =>
            // Written bare, the figure is in the form's own unit (43.2 under 项目资金（万元）).
            [1, 1e4].some((f) => numbersAgree(p.number! * f, resolution(p) * f, n, step)),
          );
        if (!isBudget && (rest === g.text || hasVerifiable(rest))) continue;
        moneyOnly = true;
      }
      ctx.report({
        messageId: moneyOnly ? "goalMoney" : "goal",
        data: { text: quote(g.text) },
        sheet: g.cell.sheet,
        row: g.cell.row,
        col: g.cell.col,
      });
    }
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row.target || !isOutcome(row)) continue;
      const table = ctx.model.tables[row.table];
      // Evaluation systems (评分表) have no 指标值: nothing declared to judge.
      if (!table || table.columns.target === undefined) continue;
      const p = targetParse(row);
      if (p.empty && row.level3) {
        // No value, and the name itself is a vague aim (增加就业机会,提高农民收入): a sentence, not an indicator.
        const words = vagueOnly(row.level3);
        const at = levelCell(row, 3);
        if (words !== null && at && row.level3.length >= 6)
          ctx.report({
            messageId: "aimOnly",
            data: { name: row.level3.replace(/\s+/g, ""), category: row.category ?? row.family ?? row.level1, words },
            sheet: at.sheet,
            row: at.row,
            col: at.col,
            related: [row.target],
          });
        continue;
      }
      if (p.quantitative || p.invalid || p.empty || p.placeholder) continue;
      const text = p.text.trim();
      // 是 answers a question (是否…); after a name that asks none it states nothing to verify.
      const bareYes = /^(是|有)$/.test(text) && !/是否|有无|能否|是不是|有没有/.test(row.level3);
      const words = bareYes ? text : vagueOnly(text);
      if (words === null) continue;
      const satisfaction = row.category === "满意度" || (!row.category && row.family === "满意度");
      ctx.report({
        messageId: bareYes ? "yesOnly" : satisfaction ? "value" : "outcome",
        data: {
          name: rowName(row),
          category: row.category ?? row.family ?? row.level1,
          value: text,
          words,
        },
        sheet: row.target.sheet,
        row: row.target.row,
        col: row.target.col,
      });
    }
  },
});

export default rule;
