import { defineRule } from "./types";
import { targetParse } from "../recognize/cells";
import { numbersAgree } from "../compare";
import { parseValue, resolution, type ParsedValue } from "../value";
import { budgetFigures } from "./util";

/** Units a goal's quantity may carry, longest first so 平方米 is not read as 米, 人次 not as 人. */
const UNITS =
  "平方公里|平方米|立方米|公里|千米|公顷|人次|户次|万元|亿元|元|%|人|户|家|个|项|所|座|条|名|次|批|期|场|处|套|台|辆|亩|吨|米|件|份|间|张|册|株|棵|头|只|篇|盏|床|千瓦|宗|本|部|门|组|支";

/**
 * A number with a unit: 3.52万人, 500人次, 2.5公里, 90万元, 100%. Not a month count (3个月), a percentage
 * point (2个百分点) or an ordinal (第3期).
 */
const QUANTITY = new RegExp(
  `(第\\s*)?((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(万|亿)?\\s*(${UNITS})(?!\\s*(?:月|工作日|小时|百分点|季度|年|周|星期))`,
  "g",
);

/** A clause about the budget itself (申请预算资金90万元; 30万元用于…) or its execution (执行率100%). */
const BUDGET_CLAUSE =
  /资金|预算|经费|拨款|补助|投入|投资|安排|用于|申请|下达|支出|使用|金额|筹措|配套|执行率|到位率|支付率/;

const MONEY: ReadonlySet<string> = new Set(["元", "万元", "亿元"]);

interface Quantity {
  token: string;
  value: ParsedValue;
}

/** Sentences, then their clauses: a quantity is judged with the words around it. */
function sentences(text: string): string[] {
  return text.split(/[。；;！!？?\n]/);
}
function clauses(sentence: string): string[] {
  return sentence.split(/[，,]|[：:](?=\s*\d)/);
}

/** A count of places (7个林场, 11个乡镇) says where the work is done, not how much of it. */
const PLACES_AFTER = /^\s*(乡镇|乡|镇|村|社区|街道|县|区|市|林场|部门|单位|行政村|自然村)/;

/** 按/每 before a number makes it a rate or standard applied (按投资额20%返本, 每人补助1000元), not an output. */
const RATE_BEFORE = /[按每]/;

/** The goal's quantities with their units, each once; budget money and budget-execution rates left out. */
function quantitiesOf(text: string, isBudget: (v: ParsedValue) => boolean): Quantity[] {
  const out: Quantity[] = [];
  for (const sentence of sentences(text.normalize("NFKC"))) {
    // A sentence about the budget (申请预算资金2026400元，其中村级组织运转400000元…): its money is the budget's.
    const budgetSentence = BUDGET_CLAUSE.test(sentence);
    for (const clause of clauses(sentence)) {
      QUANTITY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = QUANTITY.exec(clause)) !== null) {
        if (m[1]) continue;
        const unit = m[4];
        if (unit === "个" && PLACES_AFTER.test(clause.slice(m.index + m[0].length))) continue;
        if (RATE_BEFORE.test(clause.slice(Math.max(0, m.index - 8), m.index))) continue;
        const token = `${m[2]}${m[3] ?? ""}${unit}`;
        const value = parseValue(token);
        if (!value.quantitative || value.number === null || value.date) continue;
        const money = MONEY.has(unit);
        if (money && budgetSentence) continue;
        if (value.percent && BUDGET_CLAUSE.test(clause)) continue;
        if (money && isBudget(value)) continue;
        if (out.some((q) => q.token === token)) continue;
        out.push({ token, value });
      }
    }
  }
  return out;
}

/** Units written for the same kind of thing, and the factor to a common base. */
const UNIT_BASE: Record<string, [string, number]> = {
  千米: ["米", 1000],
  公里: ["米", 1000],
  米: ["米", 1],
  平方公里: ["平方米", 1e6],
  公顷: ["平方米", 1e4],
  平方米: ["平方米", 1],
  名: ["人", 1],
  人次: ["人", 1],
  人: ["人", 1],
  户次: ["户", 1],
  户: ["户", 1],
};

function base(p: ParsedValue): { unit: string | null; factor: number } {
  if (p.percent) return { unit: "%", factor: 1 };
  if (p.unit === null) return { unit: null, factor: 1 };
  const b = UNIT_BASE[p.unit];
  return b ? { unit: b[0], factor: b[1] } : { unit: p.unit, factor: 1 };
}

/** Does an indicator value carry the goal's quantity (same thing after units and scale, at their precision)? */
function carries(goal: ParsedValue, target: ParsedValue): boolean {
  const g = base(goal);
  const t = base(target);
  // A bare indicator value (unit in the name or nowhere) is compared by number alone.
  if (t.unit !== null && g.unit !== t.unit) return false;
  if (goal.percent !== target.percent && t.unit !== null) return false;
  return numbersAgree(
    goal.number! * g.factor,
    resolution(goal) * g.factor,
    target.number! * t.factor,
    resolution(target) * t.factor,
  );
}

const rule = defineRule({
  id: "goal-not-in-indicators",
  severity: "warning",
  meta: {
    title: { "zh-CN": "总体目标的数量没有对应指标", "en-US": "Goal quantity has no indicator" },
    docs: {
      "zh-CN":
        "年度总体目标写明了带单位的数量（如“参保人数3.52万人”“培训500人次”“新建道路2.5公里”），但没有任何指标的指标值与之相符（按单位换算：3.52万人即35200人）：目标中的数量无法考核。目标中的预算金额（与资金表的年度资金总额等相同，或所在句子讲资金、预算、用途的金额）、年份和日期、实施范围的个数（7个林场、11个乡镇）和按标准计算的比率（按投资额20%返本、每人补助1000元）不算；中长期目标和实际完成情况不比对。复核时对照目标与指标体系，要求补设能反映该数量的指标，或改正目标与指标之间不一致的数值（勐海县通报：目标“未体现……3.52万人的目标”，指标设置不完整）。",
      "en-US":
        'The overall goal (年度总体目标) states a quantity with a unit (参保人数3.52万人 "35,200 insured", 培训500人次 "500 trainees", 新建道路2.5公里 "2.5 km of new road") that no indicator value carries, unit-aware (3.52万人 is 35,200 people): a goal quantity nothing measures cannot be assessed. Budget money in the goal (equal to the form\'s own budget figures, or in a sentence about funds, budget or use of funds), years and dates, counts of places where the work is done (7个林场 "7 forest farms") and rates applied by a standard (按…20% "at 20 % of", 每人 "per person") do not count; long-term goals and what was achieved are not matched. A reviewer matches the goal against the indicator set and asks for an indicator that measures the quantity, or for the goal and the indicators to be made consistent (the Menghai notice: the goal "did not reflect the target of 3.52万 people", the indicator set was incomplete).',
    },
    messages: {
      missing: {
        "zh-CN":
          "年度总体目标中的“{quantities}”在绩效指标的指标值中没有对应值，无法考核；应补设相应指标（如数量指标“参保人数≥3.52万人”），或核对目标与指标是否一致。",
        "en-US":
          'The overall goal states "{quantities}", which no indicator value carries, so it cannot be assessed; add an indicator for it (e.g. a quantity indicator "insured ≥ 3.52万 people") or make goal and indicators consistent.',
      },
    },
  },
  check(ctx) {
    const model = ctx.model;
    if (model.goals.length === 0) return;
    const targets: ParsedValue[] = [];
    for (const row of model.indicators) {
      const table = model.tables[row.table];
      if (!table || table.columns.target === undefined || !row.target) continue;
      const p = targetParse(row);
      if (p.quantitative && !p.date && p.number !== null && Number.isFinite(p.number)) targets.push(p);
    }
    // No indicator rows at all: nothing to match against (missing-category reports the empty set). Rows whose
    // values hold no number (公里, 万人: the template's units alone) measure none of the goal's quantities.
    if (
      targets.length === 0 &&
      !model.indicators.some((r) => r.target && model.tables[r.table]?.columns.target !== undefined)
    )
      return;
    let figures: [number, number][] | undefined;
    const isBudget = (v: ParsedValue) => {
      figures ??= budgetFigures(model);
      const step = resolution(v);
      return figures.some(([n, s]) => numbersAgree(v.number!, step, n, s));
    };
    for (const g of model.goals) {
      // What was achieved is no target; a 中长期目标 is not measured by this year's indicators.
      if (g.kind === "achieved" || g.kind === "long-term") continue;
      const missing = quantitiesOf(g.text, isBudget).filter((q) => !targets.some((t) => carries(q.value, t)));
      if (missing.length === 0) continue;
      ctx.report({
        messageId: "missing",
        data: { quantities: missing.map((q) => q.token).join("、") },
        sheet: g.cell.sheet,
        row: g.cell.row,
        col: g.cell.col,
      });
    }
  },
});

export default rule;
