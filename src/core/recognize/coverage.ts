/**
 * What a check recognized, stated with every result: a reviewer must see what was read, so that "no problems"
 * is never said about a workbook the check did not understand.
 */
import { colToLetters, lettersToCol, toA1 } from "../a1";
import type { IndicatorTable, WorkbookModel } from "./model";

/** Kinds of table a check can recognize. The ids are a contract of the CLI's JSON output. */
export type RecognizedKind =
  | "declaration"
  | "self-assessment"
  | "department-self-assessment"
  | "department-declaration"
  | "evaluation"
  | "funds"
  | "survey";

export interface RecognizedTable {
  kind: RecognizedKind;
  sheet: string;
  /** A1 range from the first header row to the last row read ("A4:J30"). */
  range: string;
  /** Indicator rows (levels for a survey, amount rows for a funds block). */
  rows: number;
  /** Mapped columns: role → column letter ({ target: "D", actual: "E", weight: "F", score: "G" }). */
  columns: Record<string, string>;
}

/** Loose amounts that make a funds table: the total and its parts. */
const FUNDS_AMOUNTS = new Set(["total", "fiscal", "carryover", "other"]);
/** Every loose amount of money (not rates, scores or questionnaire counts). */
const MONEY_AMOUNTS = new Set([...FUNDS_AMOUNTS, "budget", "arrived", "spent", "balance"]);

function letters(columns: Record<string, number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, c] of Object.entries(columns)) if (c !== undefined) out[role] = colToLetters(c);
  return out;
}

function span(columns: Record<string, number | undefined>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of Object.values(columns)) {
    if (c === undefined) continue;
    lo = Math.min(lo, c);
    hi = Math.max(hi, c);
  }
  return lo === Infinity ? [0, 0] : [lo, hi];
}

function indicatorKind(t: IndicatorTable): RecognizedKind {
  if (t.department && t.kind === "self-assessment") return "department-self-assessment";
  if (t.department && t.kind === "declaration") return "department-declaration";
  return t.kind;
}

/** The recognized tables of a model, in sheet and row order of recognition. */
export function coverage(model: WorkbookModel): RecognizedTable[] {
  const out: (RecognizedTable & { order: number })[] = [];
  for (const t of model.tables) {
    // A header with no row read under it was not read: it is unrecognized-table's finding, not a table.
    if (t.rows.length === 0 && !t.total) continue;
    const [c0, c1] = span(t.columns);
    const last = Math.max(t.lastRow, t.total?.row ?? -1, t.headerRows[t.headerRows.length - 1]);
    out.push({
      kind: indicatorKind(t),
      sheet: t.sheet,
      range: `${toA1(t.headerRows[0], Math.min(c0, t.total?.col ?? c0))}:${toA1(last, c1)}`,
      rows: t.rows.length,
      columns: letters(t.columns),
      order: t.headerRows[0],
    });
  }
  for (const f of model.funds) {
    const cols: Record<string, number | undefined> = { ...f.columns };
    const rowsRead = [f.total, ...f.parts].filter((x) => x !== undefined);
    const last = rowsRead.reduce((m, x) => Math.max(m, x.row), f.headerRow);
    const labelCol = rowsRead.reduce((m, x) => Math.min(m, x.label.col), f.firstCol ?? Infinity);
    const [c0, c1] = span(cols);
    out.push({
      kind: "funds",
      sheet: f.sheet,
      range: `${toA1(f.headerRow, Math.min(c0, labelCol))}:${toA1(last, c1)}`,
      rows: rowsRead.length,
      columns: letters(cols),
      order: f.headerRow,
    });
  }
  for (const s of model.surveys) {
    const cols: Record<string, number | undefined> = { ...s.columns };
    const last = s.levels.reduce((m, l) => Math.max(m, l.label.row), s.total?.row ?? s.headerRow);
    const [c0, c1] = span(cols);
    out.push({
      kind: "survey",
      sheet: s.sheet,
      range: `${toA1(s.headerRow, c0)}:${toA1(last, c1)}`,
      rows: s.levels.length,
      columns: letters(cols),
      order: s.headerRow,
    });
  }
  // Funds written as label/value pairs (资金情况（万元）: 年度资金总额 | 10, 其中：财政拨款 | 10, 其他资金 | 0): a
  // funds table too, when a total stands with at least one of its parts on a sheet that has no funds block.
  const blockSheets = new Set(model.funds.map((f) => f.sheet));
  const looseBySheet = new Map<string, typeof model.amounts>();
  // A money amount broken down by source in the rows below it (实际到位资金 over 其中:中央财政 / 省财政 …) makes
  // its sheet's label/value amounts a funds table too.
  const brokenDown = new Set(model.amounts.filter((a) => a.parts).map((a) => a.sheet));
  for (const a of model.amounts) {
    // (Side by side with its label: a column header over an expense list is no part of it.)
    const money =
      FUNDS_AMOUNTS.has(a.kind) ||
      (brokenDown.has(a.sheet) && MONEY_AMOUNTS.has(a.kind) && a.value.row === a.label.row);
    if (!money || blockSheets.has(a.sheet)) continue;
    const l = looseBySheet.get(a.sheet) ?? [];
    l.push(a);
    looseBySheet.set(a.sheet, l);
  }
  for (const [sheet, list] of looseBySheet) {
    const totalWithPart = list.some((a) => a.kind === "total") && list.some((a) => a.kind !== "total");
    if (!totalWithPart && !brokenDown.has(sheet)) continue;
    // Loops, not Math.min(...list): a hostile sheet may hold any number of such labels.
    let r0 = Infinity;
    let r1 = -Infinity;
    let c0 = Infinity;
    let c1 = -Infinity;
    let amountCol = Infinity;
    let rows = list.length;
    for (const a of list) {
      r0 = Math.min(r0, a.label.row);
      r1 = Math.max(r1, a.value.row);
      // A broken-down amount counts its 其中 rows (and reaches down to them), as a funds block counts its lines.
      if (a.parts) {
        r1 = Math.max(r1, a.parts[a.parts.length - 1].label.row);
        rows = Math.max(rows, 1 + a.parts.length);
      }
      c0 = Math.min(c0, a.label.col);
      c1 = Math.max(c1, a.value.col);
      amountCol = Math.min(amountCol, a.value.col);
    }
    out.push({
      kind: "funds",
      sheet,
      range: `${toA1(r0, c0)}:${toA1(r1, c1)}`,
      rows,
      columns: { label: colToLetters(c0), amount: colToLetters(amountCol) },
      order: r0,
    });
  }
  const sheetOrder = new Map<string, number>();
  for (const t of model.tables) if (!sheetOrder.has(t.sheet)) sheetOrder.set(t.sheet, sheetOrder.size);
  for (const f of model.funds) if (!sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, sheetOrder.size);
  for (const s of model.surveys) if (!sheetOrder.has(s.sheet)) sheetOrder.set(s.sheet, sheetOrder.size);
  for (const t of out) if (!sheetOrder.has(t.sheet)) sheetOrder.set(t.sheet, sheetOrder.size);
  out.sort((a, b) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.order - b.order);
  return out.map(({ order: _order, ...t }) => t);
}

/** Names of the recognized kinds, as a reviewer calls the forms. */
export const RECOGNIZED_KIND_LABELS: Record<RecognizedKind, { "zh-CN": string; "en-US": string }> = {
  declaration: { "zh-CN": "绩效目标申报表", "en-US": "target declaration" },
  "self-assessment": { "zh-CN": "项目支出绩效自评表", "en-US": "self-assessment" },
  "department-self-assessment": { "zh-CN": "部门整体支出绩效自评表", "en-US": "department-wide self-assessment" },
  "department-declaration": { "zh-CN": "部门整体绩效目标表", "en-US": "department-wide target declaration" },
  evaluation: { "zh-CN": "绩效评价指标体系评分表", "en-US": "evaluation score sheet" },
  funds: { "zh-CN": "资金表", "en-US": "funds table" },
  survey: { "zh-CN": "满意度调查表", "en-US": "survey tally" },
};

/** Names of the mapped columns, in the order a reviewer reads a form. */
const ROLE_LABELS: [string, { "zh-CN": string; "en-US": string }][] = [
  ["level1", { "zh-CN": "一级指标", "en-US": "level 1" }],
  ["level2", { "zh-CN": "二级指标", "en-US": "level 2" }],
  ["level3", { "zh-CN": "三级指标", "en-US": "level 3" }],
  ["nature", { "zh-CN": "指标性质", "en-US": "direction" }],
  ["target", { "zh-CN": "指标值", "en-US": "target" }],
  ["unit", { "zh-CN": "度量单位", "en-US": "unit" }],
  ["actual", { "zh-CN": "实际完成值", "en-US": "actual" }],
  ["weight", { "zh-CN": "分值", "en-US": "weight" }],
  ["score", { "zh-CN": "得分", "en-US": "score" }],
  ["reason", { "zh-CN": "偏差原因", "en-US": "deviation reason" }],
  ["deduction", { "zh-CN": "扣分原因", "en-US": "deduction reason" }],
  ["standard", { "zh-CN": "评分标准", "en-US": "scoring standard" }],
  ["explanation", { "zh-CN": "指标解释", "en-US": "explanation" }],
  ["initial", { "zh-CN": "年初预算数", "en-US": "initial budget" }],
  ["budget", { "zh-CN": "全年预算数", "en-US": "budget" }],
  ["executed", { "zh-CN": "全年执行数", "en-US": "executed" }],
  ["rate", { "zh-CN": "执行率", "en-US": "execution rate" }],
  ["prior", { "zh-CN": "上年度安排资金", "en-US": "previous year's funds" }],
  ["level", { "zh-CN": "选项", "en-US": "answer" }],
  ["count", { "zh-CN": "人数", "en-US": "count" }],
  ["share", { "zh-CN": "占比", "en-US": "share" }],
  ["label", { "zh-CN": "项目", "en-US": "item" }],
  ["amount", { "zh-CN": "金额", "en-US": "amount" }],
];

/** One line saying what a recognized table is and which columns were read, for the CLI and the results sheet. */
export function describeRecognized(t: RecognizedTable, lang: "zh-CN" | "en-US"): string {
  // In the order the columns stand on the sheet.
  const cols = ROLE_LABELS.filter(([role]) => t.columns[role] !== undefined)
    .sort((a, b) => lettersToCol(t.columns[a[0]]) - lettersToCol(t.columns[b[0]]))
    .map(([role, label]) => `${label[lang]} ${t.columns[role]}`);
  const kind = RECOGNIZED_KIND_LABELS[t.kind][lang];
  return lang === "zh-CN"
    ? `${kind} ${t.sheet}!${t.range}，${t.rows} 行（${cols.join("，")}）`
    : `${kind} ${t.sheet}!${t.range}, ${t.rows} row${t.rows === 1 ? "" : "s"} (${cols.join(", ")})`;
}

/** What a result says when nothing was recognized: never "no problems". */
export const NOTHING_RECOGNIZED = {
  "zh-CN": "未识别到绩效表格，未做检查",
  "en-US": "No evaluation table recognized; nothing was checked",
} as const;
