/**
 * 年度总体目标 texts: the declared goal of a 申报表 and the 预期目标 | 实际完成情况 pair of a 自评表. Found by
 * their labels (年度总体目标, 总体目标, 年度目标, 项目总体目标, 年度绩效目标 …) with the text to the right
 * (merged-away cells skipped) or below, or in the label's own cell ("年度总体目标：…"). Cells inside a recognized
 * indicator table are not labels here: an evaluation system's 二级指标 绩效目标 is an indicator name, not a goal.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { fundsRole, headerKey, indicatorRole, memo } from "./headers";
import type { Cell, GoalKind, GoalText, WorkbookModel } from "./model";
import { SheetReader } from "./sheet";

/**
 * Labels of an overall goal (年度总体目标, 项目年度目标, 年度绩效总目标, 绩效目标总体描述 …). Bare 目标 is too common
 * a word to be a label on its own.
 */
const GOAL_LABEL =
  /^(部门|项目|单位)?(整体)?(年度|本年度?|当年)?(总体|绩效|总体绩效|整体|绩效总|总)?(绩效)?目标(内容|描述|总体描述|概述|完成情况)?$/;

/** Sub-headers under a goal label: which column holds what. */
const SUB_HEADERS: [GoalKind, RegExp][] = [
  ["achieved", /完成情况(综述|说明|描述)?$|^实际完成(内容|值)?$|^实际(达成|执行)情况$/],
  ["expected", /^(预期|计划|年初|年度预期|年初设定|设定|年初计划|年初预期)的?(绩效)?目标(值)?$/],
  ["declared", /^(年度|当年|本年度?)(绩效)?目标$/],
  ["long-term", /^(中长期|长期|中期(滚动)?|实施期|总体)(绩效)?目标$/],
];

const isGoalLabel = memo(function isGoalLabel(text: string): boolean {
  // 年度目标1：（80分） numbers its goals and gives their points: the label is 年度目标.
  const k = headerKey(text)
    .replace(/\([^()]*\)/g, "")
    .replace(/[:：]$/, "")
    .replace(/[0-9一二三四五六七八九]$/, "");
  return k.length >= 4 && GOAL_LABEL.test(k);
});

const subHeaderKind = memo(function subHeaderKind(text: string): GoalKind | null {
  const k = headerKey(text).replace(/\([^()]*\)/g, "");
  if (k === "" || k.length > 14) return null;
  for (const [kind, re] of SUB_HEADERS) if (re.test(k)) return kind;
  return null;
});

/** "年度总体目标：完成…" in one cell: the label and the text after its colon. */
const INLINE = /^\s*([^:：\n]{2,12})[:：]\s*([\s\S]*\S)\s*$/;

/** Text that can be a goal: written words, not another label or a header word. */
function goalLike(text: string): boolean {
  // A heading (基本信息) is not a goal: real goals are sentences.
  if (text.replace(/\s/g, "").length < 6 || !/[\u4e00-\u9fff]/.test(text)) return false;
  // Evaluation indicator names (年度绩效目标合理性, 目标完成率) are criteria, not goals.
  if (text.length <= 30 && /(性|率)$/.test(text.split("\n")[0].trim())) return false;
  if (isGoalLabel(text) || subHeaderKind(text) !== null) return false;
  if (text.length <= 12 && (indicatorRole(text) !== null || fundsRole(text) !== null)) return false;
  return true;
}

type Covered = (row: number, col: number) => boolean;

/** Rows and columns that recognized indicator tables cover, per sheet. */
function tableAreas(model: WorkbookModel, sheet: string): Covered {
  const areas: [number, number][] = [];
  for (const t of model.tables) if (t.sheet === sheet) areas.push([Math.min(...t.headerRows), t.lastRow]);
  return (row) => areas.some(([a, b]) => row >= a && row <= b);
}

/** Rows below (r, c) that the label's own merge covers (the seed's 年度总体目标 is merged over two rows). */
function mergedRows(rd: SheetReader, r: number, c: number): number[] {
  const rows: number[] = [];
  for (let rr = r + 1; rr < rd.r1 && rr <= r + 20; rr++) {
    const s = rd.source(rr, c);
    if (s.row !== r || s.col !== c) break;
    rows.push(rr);
  }
  return rows;
}

/** Rows whose cells belong under a sub-header row at r: those the label's merge covers, else the next row. */
function rowsBelow(rd: SheetReader, r: number, c: number): number[] {
  const rows = mergedRows(rd, r, c);
  return rows.length > 0 ? rows : r + 1 < rd.r1 ? [r + 1] : [];
}

/** Texts in column `col` over `rows`, joined: a goal written as 1. … / 2. … over several rows is one goal. */
function textsAt(
  rd: SheetReader,
  rows: number[],
  col: number,
  covered: Covered,
): { cell: Cell; text: string } | undefined {
  let first: Cell | undefined;
  const parts: string[] = [];
  for (const rr of rows) {
    // A side label merged down over the indicator table too: the table's cells are not the goal.
    if (covered(rr, col)) break;
    const cell = rd.sourceCell(rr, col);
    if (cell.row !== rr || typeof cell.raw !== "string" || !goalLike(cell.text)) continue;
    first ??= cell;
    parts.push(cell.text);
  }
  return first ? { cell: first, text: parts.join("\n") } : undefined;
}

/** The first written cell right of (r, c), merged-away cells skipped, within a few columns. */
function rightOf(rd: SheetReader, r: number, c: number): Cell | undefined {
  const start = c + rd.mergedWidth(r, c);
  const end = Math.min(rd.rowLength(r), start + 8);
  for (let x = start; x < end; x++) {
    if (rd.isMergedAway(r, x)) continue;
    const cell = rd.cell(r, x);
    if (cell.text !== "") return cell;
  }
  return undefined;
}

/** A row of sub-headers (预期目标 | 实际完成情况) from column `from`: each one's text below it. */
function readSubHeaders(
  rd: SheetReader,
  r: number,
  from: number,
  below: number[],
  covered: Covered,
  out: GoalText[],
): boolean {
  let found = false;
  const end = rd.rowLength(r);
  for (let x = from; x < end; x++) {
    if (rd.isMergedAway(r, x)) continue;
    const raw = rd.raw(r, x);
    if (typeof raw !== "string") continue;
    const kind = subHeaderKind(raw);
    if (kind === null) continue;
    found = true;
    const t = textsAt(rd, below, x, covered);
    if (t) out.push({ sheet: rd.name, kind, label: rd.cell(r, x), cell: t.cell, text: t.text });
    else if (below.length > 0 && typeof rd.sourceCell(below[0], x).raw === "number" && !covered(below[0], x)) {
      // A bare figure under 预期目标 (43.2: the budget written as the goal) is what the form says, and is judged.
      const cell = rd.sourceCell(below[0], x);
      if (cell.row === below[0]) out.push({ sheet: rd.name, kind, label: rd.cell(r, x), cell, text: cell.text });
    } else if (kind === "achieved" && below.length > 0) {
      // A report too short to read as a goal (完成, 完成年度目标), or none at all, is still what the form says
      // was achieved: kept for actual-not-measured and unfilled-form.
      const cell = rd.sourceCell(below[0], x);
      const text = typeof cell.raw === "string" ? cell.text.trim() : cell.raw === null ? "" : null;
      const words = text !== null && (text === "" || (/[\u4e00-\u9fff]/.test(text) && !isGoalLabel(text)));
      if (cell.row === below[0] && !covered(below[0], x) && words && subHeaderKind(text!) === null)
        out.push({ sheet: rd.name, kind, label: rd.cell(r, x), cell, text: text! });
    }
  }
  return found;
}

function readLabel(rd: SheetReader, r: number, c: number, covered: Covered, out: GoalText[], depth = 0): void {
  const label = rd.cell(r, c);
  const right = rightOf(rd, r, c);
  // 项目绩效目标 | 绩效目标总体描述 | text: the inner label is the one whose text it is.
  if (right && typeof right.raw === "string" && isGoalLabel(right.text) && subHeaderKind(right.text) === null) {
    if (depth < 2) readLabel(rd, r, right.col, covered, out, depth + 1);
    return;
  }
  if (right && typeof right.raw === "string" && subHeaderKind(right.text) !== null) {
    const below = rowsBelow(rd, r, c);
    // 项目年度目标 | 年度目标完成情况 as column headers: the label heads its own text too.
    if (mergedRows(rd, r, c).length === 0) {
      const own = textsAt(rd, below, c, covered);
      if (own) out.push({ sheet: rd.name, kind: "declared", label, cell: own.cell, text: own.text });
    }
    readSubHeaders(rd, r, right.col, below, covered, out);
    return;
  }
  if (right && typeof right.raw === "string" && goalLike(right.text)) {
    // The label merged over several rows beside several lines of text: one goal.
    const t = textsAt(rd, [r, ...mergedRows(rd, r, c)], right.col, covered);
    out.push({ sheet: rd.name, kind: "declared", label, cell: right, text: t?.text ?? right.text });
    return;
  }
  if (right) return;
  // A title merged across the sheet (部门整体绩效目标) heads the whole form, not a goal below it.
  if (rd.mergedWidth(r, c) >= 4) return;
  // Nothing to the right: the text (or a row of sub-headers) is below the label.
  const nextRow = r + 1;
  if (nextRow >= rd.r1) return;
  const below = rd.sourceCell(nextRow, c);
  if (below.row !== nextRow || typeof below.raw !== "string") return;
  if (subHeaderKind(below.text) !== null) {
    readSubHeaders(rd, nextRow, rd.c0, nextRow + 1 < rd.r1 ? [nextRow + 1] : [], covered, out);
    return;
  }
  if (!covered(nextRow, c) && goalLike(below.text))
    out.push({ sheet: rd.name, kind: "declared", label, cell: below, text: below.text });
}

function recognizeSheetGoals(model: WorkbookModel, sheet: SheetSnapshot, out: GoalText[]): void {
  if (!sheet || !Array.isArray(sheet.values)) return;
  let rd: SheetReader | undefined;
  let covered: Covered | undefined;
  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.values[i];
    if (!Array.isArray(row)) continue;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      // Cheap filter first: every label and inline goal holds 标 (目标, or 目 标 spaced out).
      if (typeof v !== "string" || v.indexOf("标") < 0) continue;
      rd ??= new SheetReader(sheet);
      covered ??= tableAreas(model, rd.name);
      const r = rd.r0 + i;
      const c = rd.c0 + j;
      if (covered(r, c) || rd.isMergedAway(r, c)) continue;
      if (v.length <= 24 && isGoalLabel(v)) {
        readLabel(rd, r, c, covered, out);
        continue;
      }
      const m = INLINE.exec(v);
      if (m && isGoalLabel(m[1]) && goalLike(m[2].trim())) {
        const cell = rd.cell(r, c);
        out.push({ sheet: rd.name, kind: "declared", label: cell, cell, text: m[2].trim() });
      }
    }
  }
}

/** Find every goal text of the workbook and add it to `model.goals` (each cell once). Never throws. */
export function recognizeGoals(snapshot: WorkbookSnapshot, model: WorkbookModel): void {
  const out: GoalText[] = [];
  for (const sheet of snapshot?.sheets ?? []) recognizeSheetGoals(model, sheet, out);
  const seen = new Set<string>();
  for (const g of out) {
    const k = `${g.sheet}\u0001${g.cell.row}\u0001${g.cell.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    model.goals.push(g);
  }
}
