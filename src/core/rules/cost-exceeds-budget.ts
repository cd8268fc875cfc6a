import { defineRule, type RuleContext } from "./types";
import type { Cell, CellPos, IndicatorRow, IndicatorTable, WorkbookModel } from "../recognize/model";
import { actualParse, cellNumber, parseText, targetParse } from "../recognize/cells";
import { resolution, type ParsedValue } from "../value";
import { monthsIn, readPeriod } from "../period";
import { fmtNum, shownCell } from "./format";
import { fundsFor } from "./util";

/** Count units that all mean a person: a cost per 生 (pupil) multiplies a count of 人. */
const PERSON = new Set(["人", "名", "生", "学生", "人员"]);

/** The project's whole budget as the form states it, in 元, and the cell it is written in. */
interface Budget {
  yuan: number;
  unit: "元" | "万元";
  cell: Cell;
}

/** Months of a period written in a value (2020年1月--2020年11月), when it is a plausible project period. */
function monthsOf(text: string): number | null {
  const p = readPeriod(text);
  const n = p ? monthsIn(p) : 0;
  return n >= 1 && n <= 120 ? n : null;
}

function budgetFor(model: WorkbookModel, table: IndicatorTable): Budget | undefined {
  const funds = fundsFor(model, table);
  const fc = funds?.total?.cells.budget ?? funds?.total?.cells.initial;
  const fn = cellNumber(fc);
  if (funds?.unit && fc && fn && fn.value > 0 && !fn.percent)
    return { yuan: fn.value * (funds.unit === "万元" ? 1e4 : 1), unit: funds.unit, cell: fc };
  // Declarations state it as a labelled amount (年度资金总额, 项目预算金额（万元）).
  for (const kind of ["total", "budget"] as const) {
    const a = model.amounts.find((x) => x.sheet === table.sheet && x.kind === kind);
    const n = cellNumber(a?.value);
    if (!a || !n || n.value <= 0 || n.percent) continue;
    const unit = a.unit;
    if (!unit) continue;
    return { yuan: n.value * (unit === "万元" ? 1e4 : 1), unit, cell: a.value };
  }
  return undefined;
}

/** A cost value in money: 元, 万元, 元/个, 万/月 (a 成本 value with a scale and no unit word is money too). */
function moneyPer(p: ParsedValue): string[] | null {
  if (!p.quantitative || p.percent || p.date || p.number === null || p.number <= 0) return null;
  const unit = (p.unit ?? "").replace(/\s/g, "");
  if (/^元/.test(unit)) return unit.slice(1) === "" ? [] : unit.slice(1).split("/").filter(Boolean);
  if (p.scale > 1 && /^\//.test(unit)) return unit.split("/").filter(Boolean);
  return null;
}

/** Longest run of characters two names share (入股合作社个数 / 补助合作社平均标准 → 合作社). */
function shared(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  return best;
}

/** The one 数量 indicator of the table counted in `unit` (the one whose name the cost's shares, if several). */
function countFor(table: IndicatorTable, unit: string, costName: string): { row: IndicatorRow; n: number } | null {
  const person = PERSON.has(unit);
  const found: { row: IndicatorRow; n: number }[] = [];
  for (const row of table.rows) {
    if (row.category !== "数量" || !row.target) continue;
    const p = targetParse(row);
    if (!p.quantitative || p.percent || p.date || p.number === null || p.number <= 0 || !p.unit) continue;
    if (p.unit === unit || (person && PERSON.has(p.unit))) found.push({ row, n: p.number });
  }
  if (found.length <= 1) return found[0] ?? null;
  const scored = found.map((f) => ({ f, s: shared(f.row.level3, costName) })).sort((x, y) => y.s - x.s);
  return scored[0].s >= 2 && scored[0].s > scored[1].s ? scored[0].f : null;
}

/** The table's one stated period (a 时效 value such as 2020年1月--2020年11月), in months. */
function periodOf(table: IndicatorTable): { months: number; cell: Cell } | null {
  let out: { months: number; cell: Cell } | null = null;
  for (const row of table.rows) {
    if (row.category !== "时效" || !row.target) continue;
    const m = monthsOf(targetParse(row).text);
    if (m === null) continue;
    if (out && out.months !== m) return null;
    out ??= { months: m, cell: row.target };
  }
  return out;
}

function money(yuan: number, unit: "元" | "万元"): string {
  return unit === "万元" ? `${fmtNum(yuan / 1e4, 4)}万元` : `${fmtNum(yuan, 2)}元`;
}

/**
 * A 成本 row's actual (a total amount: 150万, 125.25万元) against the year's 全年执行数 of the table's funds block:
 * what a cost came to cannot be more than was spent. Per-unit actuals (元/人) are not compared.
 */
function checkActuals(ctx: RuleContext<"actualAboveSpent">, table: IndicatorTable): void {
  if (table.columns.actual === undefined || table.kind !== "self-assessment") return;
  const block = fundsFor(ctx.model, table);
  const spentCell = block?.total?.cells.executed;
  if (!block || !spentCell) return;
  // 125.25万 written as text carries its own 万; a plain number is in the block's unit, else 万元 (the
  // standard self-assessment states its funds in 万元).
  const spent = parseText(spentCell.text);
  if (!spent.quantitative || spent.number === null || spent.percent || spent.number <= 0) return;
  const f = spent.scale !== 1 ? 1 : block.unit === "元" ? 1 : 1e4;
  const spentYuan = spent.number * f;
  for (const row of table.rows) {
    if (row.category !== "成本" || !row.actual || !row.level3) continue;
    const a = actualParse(row);
    if (!a.quantitative || a.number === null || a.percent || a.text.includes("/")) continue;
    // Money only: 元 written, or 万 with no other unit (150万).
    const money = a.unit === "元" || (a.unit === null && a.scale === 1e4);
    if (!money) continue;
    const allowance = resolution(a) / 2 + (resolution(spent) * f) / 2;
    if (a.number - allowance <= spentYuan) continue;
    ctx.report({
      messageId: "actualAboveSpent",
      data: {
        name: row.level3.replace(/\s+/g, ""),
        actual: a.text.trim(),
        spent: shownCell(spentCell, block.unit ?? "万元"),
      },
      sheet: row.actual.sheet,
      row: row.actual.row,
      col: row.actual.col,
      related: [spentCell],
    });
  }
}

const rule = defineRule({
  id: "cost-exceeds-budget",
  severity: "warning",
  meta: {
    title: { "zh-CN": "成本指标超出预算", "en-US": "Cost target above the budget" },
    docs: {
      "zh-CN":
        "成本指标是单位标准（元/个、元/人、万元/月），乘以同一张表中对应的数量指标（个数、人数）或所列期限的月数后，超过项目的全部预算（年度资金总额、项目预算金额、全年预算数）：成本标准、数量与预算三者互相矛盾，或者成本上限宽到不起约束作用。计算时按成本值所写精度留出舍入余量；找不到唯一对应的数量或期限、预算没有写明元或万元的，不报。成本指标的实际完成值（总额）超过资金表全年执行数的，也报告。复核时要求单位核实单位成本、数量和预算，改正不一致之处（按实际标准调整数量或预算，或把成本上限收紧到预算之内）。",
      "en-US":
        "A cost indicator set per unit (元 per item, per person, 万元 per month), multiplied by the matching quantity indicator of the same table (items, people) or by the months of the stated period, comes to more than the project's whole budget (年度资金总额, 项目预算金额, 全年预算数): the unit cost, the quantity and the budget contradict each other, or the cost ceiling is too loose to constrain anything. The cost's written precision is allowed for; nothing is reported when no single matching quantity or period is found, or when the budget's unit (元 or 万元) is not stated. A cost indicator whose actual (a total) exceeds the funds block's 全年执行数 is reported too. A reviewer asks the unit to check the unit cost, the quantity and the budget and to correct whichever is wrong (fit the quantity or the budget to the real standard, or bring the ceiling within the budget).",
    },
    messages: {
      perUnit: {
        "zh-CN":
          "成本指标“{name}”为{value}，按数量指标“{countName}”{count}计，合计{product}，超过项目预算{budget}：单位成本、数量与预算不一致。",
        "en-US":
          'Cost indicator "{name}" is {value}; for the quantity "{countName}" of {count} that comes to {product}, more than the project budget of {budget}: unit cost, quantity and budget do not agree.',
      },
      actualAboveSpent: {
        "zh-CN": "成本指标“{name}”的实际完成值为{actual}，超过全年执行数{spent}：实际成本不可能多于全年实际支出。",
        "en-US":
          'Cost indicator "{name}" reports an actual of {actual}, more than the {spent} executed in the year: the actual cost cannot exceed what was spent.',
      },
      perMonth: {
        "zh-CN":
          "成本指标“{name}”为{value}，按所列期限{months}个月计，合计{product}，超过项目预算{budget}：该成本上限不起约束作用，或与预算不一致。",
        "en-US":
          'Cost indicator "{name}" is {value}; over the stated period of {months} months that comes to {product}, more than the project budget of {budget}: the ceiling constrains nothing, or disagrees with the budget.',
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const table of model.tables) checkActuals(ctx, table);
    for (const table of model.tables) {
      if (table.columns.target === undefined) continue;
      let budget: Budget | undefined | null = null;
      for (const row of table.rows) {
        if (row.category !== "成本" || !row.target || !row.level3) continue;
        const p = targetParse(row);
        // A floor is target-direction's finding: a minimum spend says nothing of the budget's limit.
        if (p.operator === ">=" || p.operator === ">") continue;
        const per = moneyPer(p);
        if (!per || per.length === 0) continue;
        // 元/生/年 on a year's form is per pupil: the year is the form's own period.
        const units = per.filter((u) => u !== "年");
        const monthly = units.includes("月");
        const counted = units.filter((u) => u !== "月");
        // One factor only: per item, or per month; 元/人/月 and per-day rates need more than the form states.
        if (counted.length > 1 || (monthly && counted.length > 0) || units.some((u) => /^(天|日|周|小时)$/.test(u)))
          continue;
        const count = counted.length === 1 ? countFor(table, counted[0], row.level3) : null;
        if (counted.length === 1 && !count) continue;
        const period = monthly ? periodOf(table) : null;
        if (monthly && !period) continue;
        if (budget === null) budget = budgetFor(model, table);
        if (!budget) break;
        const factor = (count?.n ?? 1) * (period?.months ?? 1);
        if (factor === 1) continue;
        const product = p.number! * factor;
        // The cost's last written digit may be rounded: allow half of it on every unit.
        const allowance = (resolution(p) * factor) / 2;
        if (product - allowance <= budget.yuan) continue;
        const related: CellPos[] = [budget.cell];
        if (count) related.push(count.row.target!);
        if (period) related.push(period.cell);
        const common = {
          name: row.level3.replace(/\s+/g, ""),
          value: p.text.trim(),
          product: money(product, budget.unit),
          budget: money(budget.yuan, budget.unit),
        };
        ctx.report({
          ...(count
            ? {
                messageId: "perUnit" as const,
                data: {
                  ...common,
                  countName: count.row.level3.replace(/\s+/g, ""),
                  count: targetParse(count.row).text.trim(),
                },
              }
            : { messageId: "perMonth" as const, data: { ...common, months: period!.months } }),
          sheet: row.target.sheet,
          row: row.target.row,
          col: row.target.col,
          related,
        });
      }
    }
  },
});

export default rule;
