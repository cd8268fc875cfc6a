import { defineRule } from "./types";
import type { IndicatorRow, IndicatorTable } from "../recognize/model";
import { targetParse } from "../recognize/cells";
import { headerKey } from "../recognize/headers";
import { normalizeWidth } from "../value";
import { nameProblem } from "./missing-indicator-name";

/** A number and nothing else: an operator (symbol or word) before it, 万/亿 and an operator word after it. */
const BARE =
  /^(?:≥|≤|>=|<=|=>|=<|>|<|=|不低于|不少于|不小于|不超过|不高于|不大于|达到|至少|约|大约)?[+-]?\d[\d,]*(?:\.\d+)?(万|亿)?(?:以上|以下|以内|及以上|及以下|之内|左右)?$/;
/** Units a name or header bracket may state: 实施营造林总面积（亩）, 苗木成活率（≥**%）, 投资额（万元）. */
const UNIT_WORD =
  /^(%|‰|百分比|元|万元|亿元|元\/.{1,3}|人|万人|人次|个|户|家|项|次|辆|台|套|件|所|名|座|处|株|棵|头|只|篇|期|场|批|份|条|张|间|天|日|年|月|周|小时|分钟|公里|千米|米|平方米|万平方米|㎡|亩|万亩|公顷|吨|万吨|立方米|万立方米|千瓦|兆瓦|km|m|分|元\/人)$/i;
/** A count named with its measure word (受益人数, 配备车辆数, 建设项目个数, 使用年限): the name gives the unit. */
const COUNTED =
  /(人|个|户|家|项|次|辆|台|套|件|所|名|座|处|株|棵|头|只|篇|期|场|批|份|条|张|间|天|日|人次|车次|户次)(数|数量)$|人次$|年限$|天数$/;
/** Rates and shares: their number is a percentage (or a fraction) and says so. */
const RATE = /(率|满意度|知晓度|认可度|占比|比例|比重)$/;
/** Names of money: a bare 250万 there is 250万元. */
const MONEY = /成本|费用|经费|资金|金额|投资|投入|补助|补贴|单价|价格|造价|预算|收入|产值|标准/;
const CURRENCY = /元|圆|¥|￥/;
/**
 * A sum of money in a goal's words with nothing after its number but punctuation (完成项目投资500，改善…): 500 what?
 * Only before punctuation or the end, so 投资500万元, 资金2笔 and 投资500改造 are not read as bare.
 */
const GOAL_MONEY =
  /(投资|投入|资金|预算|补助|补贴|经费)[^\d，,。；;、：:（）()]{0,4}?(\d+(?:\.\d+)?)\s*(?=[，,。；;、）)]|$)/g;
/** A price per item written without its currency: ≤28.40/株, 每亩300. */
const PER_ITEM = /\d\s*[/／]\s*[\u4e00-\u9fff]|每\s*[\u4e00-\u9fff]{1,3}\s*[\d.．０-９]/;

/** The name without brackets and the 指标1 numbering of the national template. */
function bareName(name: string): string {
  return headerKey(name)
    .replace(/\([^()]*\)/g, "")
    .replace(/^指标\d+[:：]?/, "")
    .replace(/[≥≤<>=*]+$/, "");
}

/** The unit a name states in a bracket (…（亩）, …（≥**%）), or null. */
function bracketUnit(name: string): string | null {
  const k = headerKey(name);
  const m = /\(([^()]{1,12})\)/g;
  let hit: RegExpExecArray | null;
  while ((hit = m.exec(k))) {
    const u = hit[1].replace(/^单位[:：]?/, "").replace(/[≥≤<>=*×xX\d.\s]+/g, "");
    if (UNIT_WORD.test(u)) return u;
  }
  return null;
}

/**
 * A column of bare whole numbers adding up to the form's points (100, or 100 less 预算执行's) holds points, not
 * values (a form that put the 分值 in the 指标值 column): missing units are not what is wrong there.
 */
function holdsPoints(table: IndicatorTable, totals: readonly number[]): boolean {
  let sum = 0;
  let n = 0;
  for (const row of table.rows) {
    if (!row.target || row.target.text === "") continue;
    const p = targetParse(row);
    if (!p.quantitative) continue;
    if (p.unit !== null || p.written === null || !Number.isInteger(p.written)) return false;
    sum += p.written;
    n++;
  }
  return n > 1 && totals.includes(sum);
}

type Problem = "rate" | "bare" | "currency";

/** Why the row's 指标值 lacks a unit, or null when it has one (in the value, its name, the header or a unit column). */
function unitProblem(row: IndicatorRow, table: IndicatorTable): Problem | null {
  if (!row.target) return null;
  const p = targetParse(row);
  if (!p.quantitative || p.date || p.invalid || p.written === 0) return null;
  // A rate kept as a number with a % format shows its %.
  if (row.target.format && /%/.test(row.target.format)) return null;
  const raw = row.targetText ?? row.target.text;
  // A value with its unit is fine unless it is a price per item (≤28.40/株) without its currency.
  if (p.unit !== null && !PER_ITEM.test(raw)) return null;
  const name = bareName(row.level3);
  const money = row.category === "成本" || MONEY.test(name);
  const text = normalizeWidth(raw).replace(/[\s,，]/g, "");
  if (money && !CURRENCY.test(text) && PER_ITEM.test(text)) return "currency";
  const bare = BARE.exec(text);
  if (!bare) return null;
  // A 时效 value of 2023 is the year itself.
  if (
    row.category === "时效" &&
    p.written !== null &&
    Number.isInteger(p.written) &&
    p.written >= 1990 &&
    p.written <= 2100
  )
    return null;
  // Where the unit may be written instead: a 度量单位 column, the header (指标值（%）), the name's bracket.
  if (row.unit && row.unit.text !== "") return null;
  if (table.headerUnits?.target) return null;
  if (bracketUnit(row.level3) || COUNTED.test(name)) return null;
  // 250万 as a cost is 250万元.
  if (bare[1] && money) return null;
  if (RATE.test(name)) {
    // 0.95 is a rate written as a fraction (domain.md: rates as 0.9968).
    return p.written !== null && Math.abs(p.written) <= 1 ? null : "rate";
  }
  return "bare";
}

const rule = defineRule({
  id: "missing-unit",
  severity: "warning",
  meta: {
    title: { "zh-CN": "指标值缺少计量单位", "en-US": "Target value without a unit" },
    docs: {
      "zh-CN":
        "指标值只写了数字、没有计量单位，而指标名称、表头、度量单位栏也都没有给出单位：比率类指标（…率、满意度、占比、比例）写成“100”“>=85”而没有“%”；数量、时效等指标只有“10”“180”（辆？天？）；成本指标写成“≤28.40/株”“每亩300”而没有“元”。名称已含单位（“受益人数”“车辆数”“（亩）”“（%）”）、表头写明单位（“指标值（%）”）、有度量单位栏、比率写成小数（0.95）或设了百分比格式的不报；成本中的“250万”按万元读。年度总体目标中紧跟标点的金额（“完成项目投资500，……”）也没有单位，一并报告。复核时要求单位补全单位，否则完成值无法与指标值对照，在“绩效指标明确性”中扣分。",
      "en-US":
        'An indicator value is a bare number with no unit, and neither the name, the header nor a unit column gives one: a rate or share (…率, 满意度, 占比, 比例) written "100" or ">=85" without "%"; a quantity or time limit "10", "180" (vehicles? days?); a cost "≤28.40/株" or "每亩300" without 元. Not reported when the name carries the unit (受益人数 "number of beneficiaries", 车辆数 "number of vehicles", （亩）, （%）), the header does (指标值（%）), a unit column is filled, a rate is written as a fraction (0.95) or formatted as a percentage; a cost of 250万 is read as 万元. A sum of money in the overall goal followed only by punctuation (完成项目投资500，… "investment of 500, …") is reported too. A reviewer asks the unit to add the units, without which no result can be compared with the target, and deducts points for indicator clarity.',
    },
    messages: {
      rate: {
        "zh-CN": "指标“{name}”是比率，指标值“{value}”却没有“%”，名称、表头和度量单位栏也未注明单位；应写成百分数。",
        "en-US":
          'Indicator "{name}" is a rate but its value "{value}" has no "%", and neither the name, the header nor a unit column gives one; write it as a percentage.',
      },
      bare: {
        "zh-CN":
          "指标“{name}”的指标值“{value}”只有数字，名称、表头和度量单位栏都没有给出计量单位，无法核对完成情况；应写明单位（如个、人、天、万元）。",
        "en-US":
          'Indicator "{name}" has the bare number "{value}" as its value, and neither the name, the header nor a unit column gives a unit, so no result can be checked against it; state the unit (items, people, days, 万元 …).',
      },
      goal: {
        "zh-CN": "年度总体目标中的金额“{text}”没有单位（元或万元），无法核对；应写明单位，如“投资500万元”。",
        "en-US":
          'The overall goal gives the sum "{text}" without a unit (元 or 万元), so it cannot be checked; state the unit, e.g. "投资500万元".',
      },
      currency: {
        "zh-CN": "成本指标“{name}”的指标值“{value}”有计量对象却没有货币单位（元）；应写成如“≤28.40元/株”“300元/亩”。",
        "en-US":
          'Cost indicator "{name}" has the value "{value}", a price per item without its currency (元); write e.g. "≤28.40元/株", "300元/亩".',
      },
    },
  },
  check(ctx) {
    for (const g of ctx.model.goals) {
      GOAL_MONEY.lastIndex = 0;
      const m = GOAL_MONEY.exec(normalizeWidth(g.text));
      if (!m) continue;
      ctx.report({
        messageId: "goal",
        data: { text: m[0].trim() },
        sheet: g.cell.sheet,
        row: g.cell.row,
        col: g.cell.col,
      });
    }
    const points = new Map<number, boolean>();
    const totals = [100, 100 - ctx.profile.weights.budgetExecution];
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const table = ctx.model.tables[row.table];
      if (!table || table.columns.target === undefined || !row.target || row.target.text === "") continue;
      const problem = unitProblem(row, table);
      if (!problem) continue;
      // A row that names no indicator is missing-indicator-name's: without a name no unit can be asked for.
      if (table.columns.level3 !== undefined && nameProblem(row)) continue;
      let pts = points.get(row.table);
      if (pts === undefined) points.set(row.table, (pts = holdsPoints(table, totals)));
      if (pts) continue;
      ctx.report({
        messageId: problem,
        data: { name: row.level3 || row.level2 || row.level1, value: row.targetText ?? row.target.text },
        sheet: row.target.sheet,
        row: row.target.row,
        col: row.target.col,
      });
    }
  },
});

export default rule;
