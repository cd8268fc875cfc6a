import { defineRule, MAX_RELATED, type RuleContext } from "./types";
import type { Cell, FundsBlock, IndicatorTable } from "../recognize/model";
import { SheetReader } from "../recognize/sheet";
import { cellNumber, isBlankMark } from "../recognize/cells";

type Message = "noResults" | "blankField" | "unticked" | "noAchieved" | "noFundsScore" | "noExecuted";

/** Anything a publisher ticks a box with. */
const TICK = /[■☑√✓✔☒▣●◆▪✗]/;

function blank(cell: Cell | undefined): boolean {
  return !cell || cell.raw === null || (typeof cell.raw === "string" && cell.raw.trim() === "");
}

/** A self-assessment whose rows have targets but not one actual and not one score: it was never filled in. */
function unfilledTable(ctx: RuleContext<Message>, table: IndicatorTable): void {
  if (table.kind !== "self-assessment" || table.columns.actual === undefined) return;
  const withTarget = table.rows.filter((r) => r.target && !blank(r.target) && !isBlankMark(r.target));
  if (withTarget.length === 0) return;
  const empty: Cell[] = [];
  for (const r of table.rows) {
    if (!blank(r.actual)) return;
    if (table.columns.score !== undefined && !blank(r.score)) return;
    if (r.actual) empty.push(r.actual);
    if (r.score) empty.push(r.score);
  }
  const total = table.total?.score;
  if (total && !blank(total)) return;
  const first = withTarget[0].actual ?? withTarget[0].target!;
  ctx.report({
    messageId: "noResults",
    data: { rows: withTarget.length },
    sheet: first.sheet,
    row: first.row,
    col: first.col,
    related: [...empty.filter((c) => c !== first), ...(total ? [total] : [])].slice(0, MAX_RELATED),
  });
}

/** The funds block's 年度资金总额 line: its execution score, or the amount its rate divides, left blank. */
function unfilledFunds(ctx: RuleContext<Message>, block: FundsBlock): void {
  const t = block.total;
  if (!t) return;
  const { budget, executed, rate, weight, score } = t.cells;
  const name = t.label.text.replace(/\s+/g, "").replace(/[:：]$/, "");
  const w = cellNumber(weight)?.value;
  if (w !== undefined && w > 0 && block.columns.score !== undefined && score && blank(score) && cellNumber(executed))
    ctx.report({
      messageId: "noFundsScore",
      data: { name, weight: w },
      sheet: score.sheet,
      row: score.row,
      col: score.col,
      related: [weight!],
    });
  if (cellNumber(budget) && executed && blank(executed) && rate && !blank(rate) && !isBlankMark(rate))
    ctx.report({
      messageId: "noExecuted",
      data: { name, rate: rate.text.trim() },
      sheet: executed.sheet,
      row: executed.row,
      col: executed.col,
      related: [budget!, rate, ...(score && !blank(score) ? [score] : [])],
    });
}

/** Tick-box fields on a sheet that holds a form: several boxes in one cell, none ticked. */
function untickedBoxes(ctx: RuleContext<Message>, sheetName: string): void {
  const sheet = ctx.snapshot.sheets.find((s) => s && s.name === sheetName);
  if (!sheet || !Array.isArray(sheet.values)) return;
  const rd = new SheetReader(sheet);
  for (let r = rd.r0; r < rd.r1; r++) {
    const end = rd.rowLength(r);
    for (let c = rd.c0; c < end; c++) {
      if (rd.isMergedAway(r, c)) continue;
      const v = rd.raw(r, c);
      if (typeof v !== "string" || v.length > 200) continue;
      // Most cells hold no box: one indexOf before the regex.
      const box = v.indexOf("□");
      if (box >= 0 && v.indexOf("□", box + 1) > 0 && !TICK.test(v))
        ctx.report({ messageId: "unticked", data: { text: v.trim().slice(0, 40) }, sheet: sheetName, row: r, col: c });
    }
  }
}

/** The recognized header fields left blank above a sheet's first table (项目负责人： under it is a signature). */
function blankFields(ctx: RuleContext<Message>, firstTableRow: ReadonlyMap<string, number>): void {
  for (const f of ctx.model.fields) {
    const first = firstTableRow.get(f.sheet);
    if (f.kind === "period" || first === undefined || f.label.row >= first || !blank(f.value)) continue;
    ctx.report({
      messageId: "blankField",
      data: { field: f.label.text.trim().replace(/[:：]$/, "") },
      sheet: f.label.sheet,
      row: f.label.row,
      col: f.label.col,
      related: [f.value],
    });
  }
}

const rule = defineRule<Message>({
  id: "unfilled-form",
  severity: "warning",
  meta: {
    title: { "zh-CN": "表格未填写完整", "en-US": "Form not filled in" },
    docs: {
      "zh-CN":
        "表格没有填写完整：自评表的指标有指标值，却没有一个实际完成值和得分（未自评就公开或上报），或年度总体目标的实际完成情况空白；项目名称、主管部门、实施单位、项目负责人等表头栏目留空；项目类型、项目属性等勾选项一个也没有勾选（全是“□”）；资金表的预算执行率有分值却没有得分，或写了执行率却没有全年执行数。只检查已识别出绩效表格的工作表。复核时退回单位补填：自评表按实际完成情况填写完成值并逐项评分，表头栏目和勾选项按项目实际填写。",
      "en-US":
        "The form was not filled in: a self-assessment whose indicators have targets but not one actual value or score (published or submitted before any self-assessment), or the overall goal's 实际完成情况 left blank; header fields such as 项目名称, 主管部门, 实施单位 or 项目负责人 left blank; tick-box fields (项目类型, 项目属性 …) with no box ticked (all □); a funds block whose budget-execution line has a weight but no score, or a rate but no amount executed. Only sheets where a performance table was recognized are read. A reviewer sends the form back to be completed: actual values and a score per indicator, the header fields and the ticks as they are for the project.",
    },
    messages: {
      noResults: {
        "zh-CN": "自评表的{rows}项指标都有指标值，但实际完成值和得分全部空白：表格未自评。",
        "en-US":
          "All {rows} indicators of the self-assessment have targets, but every actual value and score is blank: it was never assessed.",
      },
      blankField: {
        "zh-CN": "表头栏目“{field}”未填写。",
        "en-US": 'The header field "{field}" is blank.',
      },
      noAchieved: {
        "zh-CN": "年度总体目标的“{label}”未填写：没有说明目标完成了什么。",
        "en-US": "The {label} of the overall goal is blank: nothing says what was achieved.",
      },
      noFundsScore: {
        "zh-CN": "{name}的预算执行率分值为{weight}，得分却未填写。",
        "en-US": "{name} carries a budget-execution weight of {weight}, but its score is blank.",
      },
      noExecuted: {
        "zh-CN": "{name}的全年执行数未填写，却写了执行率{rate}：执行率无从核实。",
        "en-US": "{name} states an execution rate of {rate} but no amount executed: the rate cannot be checked.",
      },
      unticked: {
        "zh-CN": "勾选项“{text}”一项也未勾选。",
        "en-US": 'No box is ticked in "{text}".',
      },
    },
  },
  check(ctx) {
    // Each sheet holding a recognized table, with the row its first table starts at.
    const sheets = new Map<string, number>();
    const seen = (sheet: string, row: number) => sheets.set(sheet, Math.min(row, sheets.get(sheet) ?? Infinity));
    for (const t of ctx.model.tables) {
      seen(t.sheet, t.headerRows[0]);
      unfilledTable(ctx, t);
    }
    for (const f of ctx.model.funds) {
      seen(f.sheet, f.headerRow);
      unfilledFunds(ctx, f);
    }
    // Funds written as label/value pairs are a recognized table too (see recognize/coverage.ts).
    for (const a of ctx.model.amounts) if (a.parts || a.kind === "total") seen(a.sheet, a.label.row);
    for (const s of sheets.keys()) untickedBoxes(ctx, s);
    blankFields(ctx, sheets);
    // A declaration leaves 完成情况 for the year's end: only a self-assessment must have filled it in.
    const assessed = new Set(ctx.model.tables.filter((t) => t.kind === "self-assessment").map((t) => t.sheet));
    for (const g of ctx.model.goals)
      if (g.kind === "achieved" && g.text === "" && assessed.has(g.sheet))
        ctx.report({
          messageId: "noAchieved",
          data: { label: g.label.text.replace(/\s+/g, "") },
          sheet: g.cell.sheet,
          row: g.cell.row,
          col: g.cell.col,
          related: [g.label],
        });
  },
});

export default rule;
