/**
 * Table recognition by header words, not positions. One pass over each sheet's rows: a row that reads as a
 * header (alone or together with the row below it) starts a table, whose data rows are consumed until its
 * total row, a blank gap, or the next header; every other row is searched for loose label/value pairs.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { normalizeName } from "../names";
import { gradeFromWord } from "../scoring";
import { cellNumber, isBlankMark } from "./cells";
import {
  amountKind,
  headerFieldKind,
  categoryOf,
  familyOf,
  familyOfCategory,
  fundsRole,
  fundsRowKind,
  headerKey,
  indicatorRole,
  isGradeLabel,
  isSubtotalLabel,
  isCategoryGroupName,
  isTotalLabel,
  memo,
  surveyRole,
  unitOfLabel,
  type SurveyRole,
} from "./headers";
import type {
  Cell,
  CellPos,
  FundsBlock,
  FundsRole,
  FundsRow,
  GradeCell,
  IndicatorRole,
  IndicatorRow,
  IndicatorTable,
  LabelledAmount,
  TotalRow,
  SurveyTable,
  TableKind,
  WorkbookModel,
} from "./model";
import { SheetReader, textOf } from "./sheet";
import { recognizeGoals } from "./goals";

export * from "./model";

interface RowRoles {
  ind: Map<number, IndicatorRole>;
  funds: Map<number, FundsRole>;
  survey: Map<number, SurveyRole>;
}

/** Longest text a header cell may have; longer strings are content. */
const MAX_HEADER = 30;
/** Blank rows that end a table. */
const GAP = 2;

const NO_ROLES: RowRoles = { ind: new Map(), funds: new Map(), survey: new Map() };

function classify(rd: SheetReader, r: number): RowRoles {
  let roles: RowRoles | null = null;
  const end = rd.rowLength(r);
  for (let c = rd.c0; c < end; c++) {
    const v = rd.raw(r, c);
    if (typeof v !== "string" || v.length > MAX_HEADER * 2) continue;
    const ir = indicatorRole(v);
    const fr = fundsRole(v);
    const sr = surveyRole(v);
    if (!ir && !fr && !sr) continue;
    // Maps are made only for rows that hold header words: most rows hold none.
    roles ??= { ind: new Map(), funds: new Map(), survey: new Map() };
    if (ir) roles.ind.set(c, ir);
    if (fr) roles.funds.set(c, fr);
    if (sr) roles.survey.set(c, sr);
  }
  return roles ?? NO_ROLES;
}

function hasRoles<T>(m: Map<number, T>, ...wanted: T[]): boolean {
  if (m.size < wanted.length) return false;
  for (const w of wanted) {
    let found = false;
    for (const v of m.values())
      if (v === w) {
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

function isIndicatorHeader(ind: Map<number, IndicatorRole>): boolean {
  if (ind.size < 2) return false;
  let l1 = false,
    l2 = false,
    l3 = false,
    content = false;
  for (const v of ind.values()) {
    if (v === "level1") l1 = true;
    else if (v === "level2") l2 = true;
    else if (v === "level3") l3 = true;
    else if (v === "target" || v === "weight" || v === "score" || v === "actual") content = true;
  }
  return (l3 || (l1 && l2)) && content;
}

function isFundsHeader(f: Map<number, FundsRole>): boolean {
  if (f.size < 2) return false;
  return (
    hasRoles(f, "budget", "executed") ||
    hasRoles(f, "initial", "budget") ||
    hasRoles(f, "executed", "rate") ||
    hasRoles(f, "prior", "budget")
  );
}

function isSurveyHeader(s: Map<number, SurveyRole>): boolean {
  return s.size >= 2 && hasRoles(s, "level", "count");
}

/**
 * Combine a header row with the row below it: sub-headers under a horizontally merged header (年度指标值 over
 * 指标性质 | 指标值 | 度量单位) replace the merged header's role; sub-headers in columns without a role are added.
 */
function combineHeaders(rd: SheetReader, r: number, top: Map<number, IndicatorRole>, sub: Map<number, IndicatorRole>) {
  const out = new Map<number, { role: IndicatorRole; sub: boolean }>();
  for (const [c, role] of top) out.set(c, { role, sub: false });
  for (const [c, role] of sub) {
    const src = rd.source(r, c);
    const underWideMerge = rd.mergedWidth(src.row, src.col) > 1 && src.row === r;
    if (!out.has(c) || underWideMerge) out.set(c, { role, sub: true });
    // A sub-header under a wide merge whose top-left role came from the top row takes the merge's place.
    if (underWideMerge && src.col !== c && out.get(src.col)?.sub === false) out.delete(src.col);
  }
  return out;
}

function pickColumns(
  assign: Map<number, { role: IndicatorRole; sub: boolean }>,
  headerOf: (c: number) => string,
): Partial<Record<IndicatorRole, number>> {
  const cols: Partial<Record<IndicatorRole, number>> = {};
  const fromSub: Partial<Record<IndicatorRole, boolean>> = {};
  for (const [c, { role, sub }] of [...assign].sort((a, b) => a[0] - b[0])) {
    if (cols[role] === undefined || (sub && !fromSub[role])) {
      cols[role] = c;
      fromSub[role] = sub;
    }
  }
  // 指标性质 (正向) beside 指标方向 (大于等于 / 小于等于 / 等于, 内蒙古 2024): the direction column holds the operator.
  const natures = [...assign].filter(([, a]) => a.role === "nature").map(([c]) => c);
  if (natures.length > 1) {
    const direction = natures.find((c) => /方向/.test(headerOf(c)));
    if (direction !== undefined) cols.nature = direction;
  }
  // 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分 (older evaluation forms): each level's weight beside its name.
  // The rows are the 三级 indicators, so theirs is the weight after the deepest name.
  const deepest = cols.level3 ?? cols.level2;
  if (deepest !== undefined && cols.weight !== undefined && cols.weight < deepest) {
    const after = [...assign].filter(([c, a]) => a.role === "weight" && c > deepest).map(([c]) => c);
    if (after.length > 0) cols.weight = Math.min(...after);
  }
  return cols;
}

/** Indicator value written as one text when the form splits it into 指标性质 | 指标值 | 度量单位. */
function joinSplit(nature: Cell | undefined, value: Cell | undefined, unit: Cell | undefined): string | undefined {
  if (!value || value.text === "") return undefined;
  // ═ (a box-drawing double line) is typed for = in some published forms.
  let op = nature ? headerKey(nature.text).replace(/^[═〓]$/, "=") : "";
  if (/^(正向|正向指标|大于等于|>=)$/.test(op)) op = "≥";
  else if (/^(反向|反向指标|小于等于|<=)$/.test(op)) op = "≤";
  else if (op === "等于") op = "=";
  else if (op === "大于") op = ">";
  else if (op === "小于") op = "<";
  else if (!/^[≥≤=<>]$/.test(op)) op = "";
  const u = unit ? unit.text.trim() : "";
  const v = value.text;
  return `${op}${v}${u && !v.endsWith(u) ? u : ""}`;
}

type ValueRole = Exclude<IndicatorRole, "level1" | "level2" | "level3" | "remark">;

/** A ★ or ☆ (core indicator) anywhere in the text: one scan of char codes on the per-row path, no regex. */
function hasCoreMark(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2605 || c === 0x2606) return true;
  }
  return false;
}
/** First characters of every total label (总分, 合计, 得分合计, 分值合计, 综合得分): a cheap test before the lookup. */
const TOTAL_START = /^\s*[总合得分综]/;

/** TOTAL_START without the regex for the usual cell, whose first character is neither a space nor a total's. */
function mayBeTotal(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c === 0x603b || c === 0x5408 || c === 0x5f97 || c === 0x5206 || c === 0x7efc) return true; // 总合得分综
  if (c === 0x54 || c === 0x74 || c === 0x47 || c === 0x67) return true; // Total, Grand total (en-US forms)
  const space = c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x205f) || c === 0x3000 || c === 0xfeff;
  return space && TOTAL_START.test(v);
}

/**
 * prefix + the name's key, remembered on the name's info for the last prefix it was joined with: the same
 * indicator in the declaration and the self-assessment then shares one key string (hashed once when tables are
 * matched), without a lookup among all names per row. A memo of a concatenation: the same for every check.
 */
function joinKey(info: LevelInfo, prefix: string): string {
  if (info.keyPrefix === prefix) return info.joinedKey!;
  const k = prefix + info.key;
  info.keyPrefix = prefix;
  info.joinedKey = k;
  return k;
}

function joinNameKey(info: LevelInfo, prefix: string): string {
  if (info.namePrefix === prefix) return info.joinedNameKey!;
  const k = prefix + info.key;
  info.namePrefix = prefix;
  info.joinedNameKey = k;
  return k;
}

/** What a table's rows share per (一级, 二级) pair: looked up once per pair, not once per row. */
interface GroupInfo {
  i1: LevelInfo;
  i2: LevelInfo;
  family: IndicatorRow["family"];
  category: IndicatorRow["category"];
  key: string;
  /** 二级 key and "/", the start of nameKey. */
  namePrefix: string;
  core: boolean;
}

/** A name as written and where (the top-left cell of its merge); row and col -1 without a column. */
interface NameAt {
  text: string;
  row: number;
  col: number;
}

const NO_NAME: NameAt = { text: "", row: -1, col: -1 };

/** The name written at (r, c) or in the merged area covering it ("" when blank or without a column). */
function readName(rd: SheetReader, r: number, c: number | undefined): NameAt {
  if (c === undefined) return NO_NAME;
  if (!rd.isMergedAway(r, c)) return { text: textOf(rd.raw(r, c)), row: r, col: c };
  const src = rd.source(r, c);
  return { text: textOf(rd.raw(src.row, src.col)), row: src.row, col: src.col };
}

/** Where a row's 一级 (1), 二级 (2) or 三级 (3) name is written, when it has one. */
export function levelCell(row: IndicatorRow, level: 1 | 2 | 3): CellPos | undefined {
  const r = level === 1 ? row.level1Row : level === 2 ? row.level2Row : row.level3Row;
  const c = level === 1 ? row.level1Col : level === 2 ? row.level2Col : row.level3Col;
  return r === undefined || r < 0 || c === undefined ? undefined : { sheet: row.sheet, row: r, col: c };
}

/**
 * What recognition asks about a level name. Everything here is a function of the text alone (the joined keys are
 * memos of a concatenation), so it is kept across checks, bounded (headers.ts memo): a recheck looks nothing up.
 */
interface LevelInfo {
  role: IndicatorRole | null;
  subtotal: boolean;
  key: string;
  /** The last keys joined from this name (see joinKey). */
  keyPrefix: string | undefined;
  joinedKey: string | undefined;
  namePrefix: string | undefined;
  joinedNameKey: string | undefined;
}

/** Looked up once per distinct name. */
const levelInfo = memo((text: string): LevelInfo => ({
  role: indicatorRole(text),
  subtotal: isSubtotalLabel(text),
  key: normalizeName(text),
  keyPrefix: undefined,
  joinedKey: undefined,
  namePrefix: undefined,
  joinedNameKey: undefined,
}));

/** One check's recognition state: nothing of it outlives `recognizeWorkbook`. */
interface Ctx {
  model: WorkbookModel;
  /** The sheet being read is a department-wide form (部门整体支出绩效自评表 / 部门整体绩效目标表). */
  department: boolean;
}

/**
 * A column left of the names, with no role from its header, that holds the 二级 category groups (宁晋 2019: 评价指标 |
 * 评价内容 | 指标名称, where 评价内容 lists 产出数量指标, 质量指标, 时效指标, 成本指标). 评价内容 elsewhere often means
 * 指标解释, so the column's values decide, not its header: every text in it is a short group name ending in 指标,
 * and at least two of them name categories.
 */
function categoryColumn(
  rd: SheetReader,
  first: number,
  columns: Partial<Record<IndicatorRole, number>>,
): number | undefined {
  const taken = new Set(Object.values(columns));
  const last = Math.min(rd.r1, first + 60);
  for (let c = columns.level3! - 1; c >= rd.c0; c--) {
    if (taken.has(c)) continue;
    const names = new Set<string>();
    let other = false;
    for (let r = first; r < last && !other; r++) {
      const t = rd.textAt(r, c);
      if (t === "") continue;
      if (isTotalLabel(t)) break;
      if (isCategoryGroupName(t)) names.add(t);
      else if (!/指标$/.test(headerKey(t))) other = true;
    }
    if (!other && names.size >= 2) return c;
  }
  return undefined;
}

/**
 * Reads the indicator table under a header, and in a list form (one row block per project, 井研 2023) each
 * project's block as a table of its own under the same header: a project's weights make its own 100, and its
 * categories are its own. Returns the row after the last table.
 */
function readIndicatorTables(
  ctx: Ctx,
  rd: SheetReader,
  headerRows: number[],
  columns: Partial<Record<IndicatorRole, number>>,
): number {
  let read = readIndicatorTable(ctx, rd, headerRows, columns, headerRows[headerRows.length - 1] + 1);
  while (read.nextProject !== null) read = readIndicatorTable(ctx, rd, headerRows, columns, read.nextProject);
  return read.next;
}

function readIndicatorTable(
  ctx: Ctx,
  rd: SheetReader,
  headerRows: number[],
  columns: Partial<Record<IndicatorRole, number>>,
  first: number,
): { next: number; nextProject: number | null } {
  const tableIndex = ctx.model.tables.length;
  if (columns.level2 === undefined && columns.level3 !== undefined) {
    const c = categoryColumn(rd, first, columns);
    if (c !== undefined) columns = { ...columns, level2: c };
  }
  const table: IndicatorTable = {
    kind: "declaration",
    sheet: rd.name,
    headerRows,
    columns,
    rows: [],
    firstRow: first,
    lastRow: first - 1,
  };
  if (ctx.department) table.department = true;
  const units = headerUnits(rd, headerRows, columns);
  if (units) table.headerUnits = units;
  const roleCols = Object.values(columns) as number[];
  const minCol = Math.min(...roleCols);
  const maxCol = Math.max(...roleCols);
  const valueRoles: ValueRole[] = [
    "target",
    "actual",
    "weight",
    "score",
    "nature",
    "unit",
    "reason",
    "deduction",
    "explanation",
    "standard",
  ];
  // Resolved once per table: the (role, column) pairs this table has, and where each role sits among them.
  const valueCols: [ValueRole, number][] = [];
  const roleIndex: Partial<Record<ValueRole, number>> = {};
  for (const role of valueRoles) {
    const c = columns[role];
    if (c === undefined) continue;
    roleIndex[role] = valueCols.length;
    valueCols.push([role, c]);
  }
  // Where each role sits among valueCols (-1 when the table lacks it): plain locals keep the row loop cheap.
  const [iTarget, iActual, iWeight, iScore, iNature, iUnit, iReason, iDeduction, iExplanation, iStandard] =
    valueRoles.map((role) => roleIndex[role] ?? -1);
  const rowCol = columns.level3 ?? columns.level2 ?? columns.level1 ?? minCol;
  // A list form (井研 2023: 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 …) names each project in columns of
  // the table's own header: text there belongs to the rows. Side labels are looked for left of those columns.
  const labelEdge = listColumnsStart(rd, headerRows, minCol);
  // The 项目名称 column of a list form: where one project's rows end and the next one's begin.
  let projectCol: number | undefined;
  for (let c = labelEdge; c < minCol && projectCol === undefined; c++)
    if (headerRows.some((hr) => headerKey(rd.textAt(hr, c)) === "项目名称")) projectCol = c;
  let project: Cell | undefined;
  let nextProject: number | null = null;
  // The side label beside the header (绩效指标, 年度绩效指标): a later header under another one is another table.
  const sideLabel = leftLabel(rd, headerRows[0], labelEdge);
  // The 一级/二级 names carried down (text and where written; row -1 when none).
  let carry1 = "";
  let carry1Row = -1;
  let carry1Col = -1;
  let carry2 = "";
  let carry2Row = -1;
  let carry2Col = -1;
  let lastL1: string | undefined;
  let lastL2: string | undefined;
  let lastL3: string | undefined;
  let lastFamily: IndicatorRow["family"];
  let lastCategory: IndicatorRow["category"];
  let lastKey = "";
  let groupKey = "";
  let groupCategory: IndicatorRow["category"];
  let groupCore = false;
  // Per (一级, 二级) pair: a table has few, so these small maps spare a lookup among all names per row.
  const groupInfos = new Map<string, Map<string, GroupInfo>>();
  // One array for every row: the row object copies what it needs.
  const cells: (Cell | undefined)[] = new Array(valueCols.length);
  let lastNameKey = "";
  let lastCore = false;
  let blanks = 0;
  // Any row naming no 三级 (or no 二级) indicator, and any 决策/过程 row, noted as rows are read.
  let groupRows = false;
  let evaluationRows = false;
  let r = first;
  for (; r < rd.r1; r++) {
    // One scan of the row (as isRowEmpty and the total-label search did in two): is it blank, and is it the
    // total row? The total's label may sit left of the level columns (总分 under 绩效指标).
    let totalLabel: Cell | undefined;
    let blank = true;
    for (let c = rd.c0; c <= maxCol; c++) {
      const v = rd.raw(r, c);
      if (v === null) continue;
      if (blank && (typeof v !== "string" || (v.length > 0 && v.charCodeAt(0) > 32) || v.trim() !== "")) blank = false;
      // Total labels are a few characters long: the length test spares the lookup for every other cell.
      if (typeof v === "string" && v.length <= 8 && v.length > 0 && mayBeTotal(v) && isTotalLabel(v)) {
        const isValueCol = c === columns.weight || c === columns.score;
        if (!isValueCol) {
          totalLabel = rd.cell(r, c);
          break;
        }
      }
    }
    if (blank) {
      // A blank row inside a merge of the level columns (一级 or 二级 merged down past it: an unfilled template
      // row) is still the table's; other blank rows end it after GAP of them.
      if (!insideLevelMerge(rd, r, columns) && ++blanks >= GAP) break;
      continue;
    }
    blanks = 0;
    if (projectCol !== undefined) {
      const p = rd.sourceCell(r, projectCol);
      if (p.text !== "") {
        // By name: a project written on each of its rows (no merge) is one project too.
        if (project && p.text !== project.text && table.rows.length > 0) {
          nextProject = r;
          break;
        }
        project = p;
      }
    }
    if (totalLabel) {
      const total: TotalRow = {
        sheet: rd.name,
        row: r,
        col: totalLabel.col,
        label: totalLabel,
        weight: columns.weight !== undefined ? rd.cell(r, columns.weight) : undefined,
        score: columns.score !== undefined ? rd.cell(r, columns.score) : undefined,
      };
      table.lastRow = r;
      // 合计 90 followed by 总分 100: the first totals the rows read so far, the second the whole form.
      if (nextIsTotal(rd, r, maxCol, columns)) {
        (table.subtotals ??= []).push({ ...total, fromRow: first, toRow: r - 1, block: true });
        continue;
      }
      table.total = total;
      r++;
      break;
    }
    // Text of its own left of the table's columns (a side label such as 财政部门审核意见 or 年度绩效指标 where
    // 绩效指标 was merged down beside the rows) starts another section of the form.
    if (r > first && startsSection(rd, r, labelEdge, false)) break;
    // A row with an indicator name that is not a header word is data; only other rows may start a new block.
    const l3col = columns.level3 ?? columns.level2;
    const l3raw = l3col === undefined ? null : rd.raw(r, l3col);
    let info3raw: LevelInfo | undefined;
    const named = typeof l3raw === "string" && l3raw.trim() !== "" && !(info3raw = levelInfo(l3raw)).role;
    const roles = named ? NO_ROLES : classify(rd, r);
    if (
      roles !== NO_ROLES &&
      (isIndicatorHeader(roles.ind) || isFundsHeader(roles.funds) || isSurveyHeader(roles.survey))
    ) {
      // A repeated header (page break) continues the table; any other header ends it.
      // A header under a side label of its own (长期绩效指标, then 年度绩效指标) starts the next table.
      if (hasRoles(roles.ind, "level3") || hasRoles(roles.ind, "level1")) {
        if (leftLabel(rd, r, labelEdge) !== sideLabel) break;
        continue;
      }
      break;
    }
    // Names: merged cells resolve to their top-left; blank 一级/二级 cells carry down from the row above.
    const at1 = readName(rd, r, columns.level1);
    const n1 = at1.text;
    const n1Row = at1.row;
    const n1Col = at1.col;
    const at2 = readName(rd, r, columns.level2);
    const n2 = at2.text;
    const n2Row = n2 === "" ? -1 : at2.row;
    const n2Col = at2.col;
    const at3 = readName(rd, r, columns.level3);
    const l3 = at3.text;
    const n3Row = l3 === "" ? -1 : at3.row;
    const n3Col = at3.col;
    if (n1 !== "") {
      // A new 一级 group starts: 二级 no longer carries from the previous group.
      if (carry1Row < 0 || carry1Row !== n1Row || carry1Col !== n1Col) {
        carry2 = n2;
        carry2Row = n2Row;
        carry2Col = n2Col;
      }
      carry1 = n1;
      carry1Row = n1Row;
      carry1Col = n1Col;
    }
    if (n2 !== "") {
      carry2 = n2;
      carry2Row = n2Row;
      carry2Col = n2Col;
    }
    // Blank names take the carried ones (which are "" with row -1 when there are none).
    const l1 = n1 !== "" ? n1 : carry1;
    const l2 = n2 !== "" ? n2 : carry2;
    // Repeated header texts and subtotal rows are not indicators.
    let byL2 = groupInfos.get(l1);
    if (!byL2) groupInfos.set(l1, (byL2 = new Map()));
    let g = byL2.get(l2);
    if (!g) {
      const a = levelInfo(l1);
      const b = levelInfo(l2);
      g = {
        i1: a,
        i2: b,
        family: familyOf(l1, l2),
        category: categoryOf(l1, l2, ""),
        key: `${a.key}/${b.key}/`,
        namePrefix: `${b.key}/`,
        core: hasCoreMark(l1) || hasCoreMark(l2),
      };
      byL2.set(l2, g);
    }
    const i1 = g.i1;
    const i2 = g.i2;
    const i3 = info3raw !== undefined && l3 === l3raw ? info3raw : levelInfo(l3);
    if (i1.role === "level1" || i3.role === "level3") continue;
    if (i3.subtotal || i2.subtotal) {
      // A 小计 row totals its group: the rows since the previous block total.
      const from = table.subtotals?.length ? table.subtotals[table.subtotals.length - 1].toRow + 2 : first;
      const label = rd.sourceCell(r, i3.subtotal ? (columns.level3 ?? columns.level2)! : columns.level2!);
      (table.subtotals ??= []).push({
        sheet: rd.name,
        row: r,
        col: label.col,
        label,
        weight: columns.weight !== undefined ? rd.cell(r, columns.weight) : undefined,
        score: columns.score !== undefined ? rd.cell(r, columns.score) : undefined,
        fromRow: from,
        toRow: r - 1,
      });
      continue;
    }
    let hasValue = false;
    for (let i = 0; i < valueCols.length; i++) {
      // Not destructured: that runs the iterator protocol in unoptimized code, once per cell.
      const role = valueCols[i][0];
      const c = valueCols[i][1];
      const cell = rd.sourceCell(r, c);
      cells[i] = undefined;
      // A value merged down over several rows belongs to its first row only.
      if (cell.row !== r && (role === "weight" || role === "score" || role === "target" || role === "actual")) continue;
      cells[i] = cell;
      if (cell.text !== "" && role !== "explanation" && role !== "standard") hasValue = true;
    }
    if (l3 === "" && !hasValue) continue;
    // The national template's empty placeholder rows (指标1： / 指标2 / ……) left as printed are no indicators.
    if (!hasValue && isPlaceholderName(l3)) continue;
    // 其中… rows break an indicator down (其中桃树种植面积) without a weight of their own: not indicators.
    if (iWeight >= 0 && /^其中/.test(l3) && (cells[iWeight] === undefined || cells[iWeight]!.text === "")) continue;
    if (l1 === "" && l2 === "" && l3 === "") continue;
    const target = iTarget < 0 ? undefined : cells[iTarget];
    // Family and category depend on the names only; consecutive rows mostly share them.
    if (l1 !== lastL1 || l2 !== lastL2) {
      lastL1 = l1;
      lastL2 = l2;
      lastL3 = undefined;
      lastFamily = g.family;
      groupCategory = g.category;
      groupKey = g.key;
      groupCore = g.core;
    }
    if (l3 !== lastL3) {
      lastL3 = l3;
      // Only 预算执行率 as a third-level name decides a category by itself.
      lastCategory = groupCategory ?? categoryOf(l1, l2, l3);
      lastKey = joinKey(i3, groupKey);
      lastNameKey = joinNameKey(i3, g.namePrefix);
      lastCore = groupCore || hasCoreMark(l3);
    }
    // A literal, every field in it: V8 then allocates rows where long-lived objects go (class instances were all
    // copied by the young-generation collector), and adding fields afterwards gave each row a second store.
    const row: IndicatorRow = {
      sheet: rd.name,
      row: r,
      col: rowCol,
      table: tableIndex,
      level1: l1,
      level2: l2,
      level3: l3,
      key: lastKey,
      nameKey: lastNameKey,
      core: lastCore || (!!target && hasCoreMark(target.text)),
      family: lastFamily ?? familyOfCategory(lastCategory),
      category: lastCategory,
      target,
      actual: iActual < 0 ? undefined : cells[iActual],
      weight: iWeight < 0 ? undefined : cells[iWeight],
      score: iScore < 0 ? undefined : cells[iScore],
      reason: iReason < 0 ? undefined : cells[iReason],
      nature: iNature < 0 ? undefined : cells[iNature],
      unit: iUnit < 0 ? undefined : cells[iUnit],
      deduction: iDeduction < 0 ? undefined : cells[iDeduction],
      explanation: iExplanation < 0 ? undefined : cells[iExplanation],
      standard: iStandard < 0 ? undefined : cells[iStandard],
      level1Row: n1 !== "" ? n1Row : carry1Row,
      level1Col: n1 !== "" ? n1Col : carry1Col,
      level2Row: n2 !== "" ? n2Row : carry2Row,
      level2Col: n2 !== "" ? n2Col : carry2Col,
      level3Row: n3Row,
      level3Col: n3Col,
    };
    if (columns.nature !== undefined || columns.unit !== undefined) {
      const t = joinSplit(row.nature, row.target, row.unit);
      if (t !== undefined) row.targetText = t;
      // The 度量单位 belongs to a number: an actual written in words (完成) stays as written.
      const a = row.actual && /\d/.test(row.actual.text) ? joinSplit(undefined, row.actual, row.unit) : undefined;
      if (a !== undefined) row.actualText = a;
    }
    table.rows.push(row);
    if (l3 === "" || l2 === "") groupRows = true;
    if (lastFamily === "决策" || lastFamily === "过程") evaluationRows = true;
    table.lastRow = r;
  }
  // Two more passes over every row only when a row may be a group row: the flags above answer otherwise.
  if (groupRows) {
    table.rows = dropGroupRows(table.rows);
    evaluationRows = table.rows.some((x) => x.family === "决策" || x.family === "过程");
  }
  if (table.rows.length > 0) table.lastRow = Math.max(table.lastRow, table.rows[table.rows.length - 1].row);
  table.kind = tableKind(rd.sheet, table, evaluationRows);
  ctx.model.tables.push(table);
  for (let i = 0; i < table.rows.length; i++) ctx.model.indicators.push(table.rows[i]);
  return { next: Math.max(r, table.lastRow + 1), nextProject };
}

/** Names the national template prints in rows left to fill: 指标1：, 指标2, ……, …. */
function isPlaceholderName(name: string): boolean {
  return /^(指标\s*\d*\s*[:：]?|[.…。·\s]+|[-—*/]+)$/.test(name);
}

/** A text written left of column `minCol` in row r, not the lower part of a label merged down from above. */
function startsSection(rd: SheetReader, r: number, minCol: number, header: boolean): boolean {
  const t = leftLabel(rd, r, minCol);
  if (t === "") return false;
  if (header) return true;
  // 绩效指标 written again beside the rows after a page break, or a 一级 name in a column no header named
  // (产出指标 under 指标类型), belong to the table.
  return !/指标/.test(t) && !familyOf(t, "");
}

/** Headers of the columns a list form puts before the indicators: whose project, its money, its goal. */
const LIST_COLUMN =
  /^((预算)?单位|部门|项目)(名称|编码|代码)$|^(预算数|预算金额|项目金额|资金总额|(年度)?(绩效)?目标)$/;

/**
 * Where the columns of a list form's own header start, left of the indicator columns (`minCol` when there are
 * none): each column from there to `minCol` is headed by a list field (单位名称, 项目名称, 预算数, 年度目标).
 */
function listColumnsStart(rd: SheetReader, headerRows: number[], minCol: number): number {
  let edge = minCol;
  for (let c = minCol - 1; c >= rd.c0; c--) {
    const head = headerRows.map((r) => headerKey(rd.textAt(r, c))).find((t) => t !== "") ?? "";
    if (!LIST_COLUMN.test(head)) break;
    edge = c;
  }
  return edge;
}

/** The first text written left of column `minCol` in row r, not the lower part of a label merged down. */
function leftLabel(rd: SheetReader, r: number, minCol: number): string {
  for (let c = rd.c0; c < minCol; c++) {
    if (rd.isMergedAway(r, c)) continue;
    const v = rd.raw(r, c);
    if (typeof v === "string" && v.trim() !== "") return headerKey(v);
  }
  return "";
}

/** The next non-blank row (within the gap that ends a table) is another total row (合计 then 总分). */
function nextIsTotal(rd: SheetReader, r: number, maxCol: number, columns: Partial<Record<IndicatorRole, number>>) {
  for (let k = r + 1, blanks = 0; k < rd.r1 && blanks < GAP; k++) {
    let blank = true;
    for (let c = rd.c0; c <= maxCol; c++) {
      const v = rd.raw(k, c);
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      blank = false;
      if (typeof v === "string" && v.length <= 8 && c !== columns.weight && c !== columns.score && isTotalLabel(v))
        return true;
    }
    if (!blank) return false;
    blanks++;
  }
  return false;
}

/** Units written in brackets in the headers: 实际完成值（万元） → actual: "万元". (A)/(B)/(B/A) are not units. */
function headerUnits(
  rd: SheetReader,
  headerRows: number[],
  columns: Partial<Record<IndicatorRole, number>>,
): Partial<Record<IndicatorRole, string>> | undefined {
  let out: Partial<Record<IndicatorRole, string>> | undefined;
  for (const [role, c] of Object.entries(columns) as [IndicatorRole, number][]) {
    for (const r of headerRows) {
      const k = headerKey(rd.textAt(r, c));
      const m = /\(([^()]{1,6})\)/g;
      let hit: RegExpExecArray | null;
      while ((hit = m.exec(k))) {
        const u = hit[1].replace(/^单位[:：]?/, "");
        if (/^[A-Za-z/]+$/.test(u) || u === "") continue;
        out ??= {};
        out[role] = u;
      }
    }
  }
  return out;
}

/** Row r lies inside a merge that starts above it in the 一级 or 二级 column. */
function insideLevelMerge(rd: SheetReader, r: number, columns: Partial<Record<IndicatorRole, number>>): boolean {
  for (const c of [columns.level1, columns.level2])
    if (c !== undefined && rd.isMergedAway(r, c) && rd.source(r, c).row < r) return true;
  return false;
}

/**
 * Drop group rows: a row naming only a 一级 (or 一级 + 二级) indicator, with its subtotal weight, above rows that
 * name indicators under it. Those weights repeat their children's; counting both would double every sum.
 */
function dropGroupRows(rows: IndicatorRow[]): IndicatorRow[] {
  if (!rows.some((r) => r.level3 === "" || r.level2 === "")) return rows;
  const withChildren = new Set<string>();
  for (const r of rows) {
    if (r.level3 !== "") withChildren.add(`${r.level1}\u0001${r.level2}`);
    if (r.level2 !== "" || r.level3 !== "") withChildren.add(r.level1);
  }
  return rows.filter((r) => {
    if (r.level2 === "" && r.level3 === "") return !withChildren.has(r.level1);
    if (r.level3 === "") return !withChildren.has(`${r.level1}\u0001${r.level2}`);
    return true;
  });
}

/** The sheet's name or one of its first rows (the title) matches. */
function titleSays(sheet: SheetSnapshot, re: RegExp): boolean {
  if (re.test(sheet.name)) return true;
  const rows = sheet.values ?? [];
  for (let i = 0; i < Math.min(rows.length, 6); i++) {
    const row = rows[i] ?? [];
    for (let j = 0; j < Math.min(row.length, 12); j++) {
      const v = row[j];
      if (typeof v === "string" && v.length <= 80 && re.test(v)) return true;
    }
  }
  return false;
}

/** `evaluationRows`: some row is a 决策 or 过程 indicator. */
function tableKind(sheet: SheetSnapshot, t: IndicatorTable, evaluationRows: boolean): TableKind {
  const c = t.columns;
  // A 评（扣）分标准 column beside a 指标值 and no 得分 is a declaration stating how it will be scored.
  const scored = c.score !== undefined || c.deduction !== undefined;
  // A 自评表 that prints each row's 评分标准 beside its 目标值 and 实际完成值 (Fujian's) is still a self-assessment.
  const selfTitled = c.actual !== undefined && c.target !== undefined && titleSays(sheet, /自评表/);
  if ((c.standard !== undefined || c.deduction !== undefined) && (scored || c.target === undefined) && !selfTitled)
    return "evaluation";
  // Department-wide forms have 管理效率 groups that read like 过程 but are no evaluation score sheet.
  // A 自评表 may use evaluation-style first levels (项目决策 / 项目管理 / 项目产出): its title says what it is.
  // An evaluation score sheet weighs or scores its rows: 决策/过程 rows with neither are some other form.
  const weighed = c.weight !== undefined || c.score !== undefined || c.standard !== undefined;
  if (evaluationRows && !t.department && weighed && !(c.actual !== undefined && titleSays(sheet, /自评/)))
    return "evaluation";
  // An indicator system with 分值 but no 得分 yet, titled as an evaluation (评价指标表).
  if (c.weight !== undefined && c.actual === undefined && c.score === undefined && titleSays(sheet, /评价|评分/))
    return "evaluation";
  if (c.actual !== undefined) return "self-assessment";
  if (c.score !== undefined)
    return /申报/.test(sheet.name) ? "declaration" : /评分|评价/.test(sheet.name) ? "evaluation" : "self-assessment";
  return "declaration";
}

function readFunds(ctx: Ctx, rd: SheetReader, r: number, roles: Map<number, FundsRole>): number {
  // A header over the row labels (年度预算数（万元） above 总额 / 其中：财政资金) names no value column: the
  // labels below it say so.
  const below = r + 1 < rd.r1 ? r + 1 : -1;
  for (const c of [...roles.keys()]) {
    if (below >= 0 && fundsRowKind(rd.sourceCell(below, c).text)) roles.delete(c);
  }
  if (roles.size < 2) {
    readLooseRow(ctx, rd, r);
    return r + 1;
  }
  const columns: Partial<Record<FundsRole, number>> = {};
  for (const [c, role] of [...roles].sort((a, b) => a[0] - b[0])) if (columns[role] === undefined) columns[role] = c;
  const minCol = Math.min(...roles.keys());
  const maxCol = Math.max(...roles.keys());
  const block: FundsBlock = { sheet: rd.name, headerRow: r, columns, parts: [] };
  for (let c = rd.c0; c < minCol; c++)
    if (rd.textAt(r, c) !== "") {
      block.firstCol = c;
      break;
    }
  const unitFrom = (row: number) => {
    for (let c = rd.c0; c <= maxCol; c++) {
      const u = unitOfLabel(rd.textAt(row, c));
      if (u) return u;
    }
    return undefined;
  };
  block.unit = unitFrom(r);
  let row = r + 1;
  for (; row < rd.r1 && row <= r + 12; row++) {
    // The row's label: the rightmost text written left of the first value column.
    let label: Cell | undefined;
    for (let c = minCol - 1; c >= rd.c0; c--) {
      if (rd.isMergedAway(row, c)) continue;
      const v = rd.raw(row, c);
      if (typeof v === "string" && v.trim() !== "") {
        label = rd.cell(row, c);
        break;
      }
    }
    if (!label) break;
    const kind = fundsRowKind(label.text);
    if (!kind) break;
    if (!block.unit) block.unit = unitFrom(row);
    const cells: Partial<Record<FundsRole, Cell>> = {};
    for (const [role, c] of Object.entries(columns) as [FundsRole, number][]) {
      const cell = rd.sourceCell(row, c);
      if (cell.row === row) cells[role] = cell;
    }
    const fr: FundsRow = { sheet: rd.name, row, col: label.col, kind, label, cells };
    if (kind === "total" && !block.total) block.total = fr;
    else block.parts.push(fr);
  }
  ctx.model.funds.push(block);
  return row;
}

function readSurvey(ctx: Ctx, rd: SheetReader, r: number, roles: Map<number, SurveyRole>): number {
  const cols: Partial<Record<SurveyRole, number>> = {};
  for (const [c, role] of [...roles].sort((a, b) => a[0] - b[0])) if (cols[role] === undefined) cols[role] = c;
  const survey: SurveyTable = {
    sheet: rd.name,
    headerRow: r,
    columns: { level: cols.level!, count: cols.count!, weight: cols.weight, share: cols.share },
    levels: [],
  };
  let row = r + 1;
  for (; row < rd.r1 && row <= r + 30; row++) {
    const label = rd.sourceCell(row, cols.level!);
    if (label.text === "" || label.row !== row) break;
    const count = rd.cell(row, cols.count!);
    const k = headerKey(label.text);
    if (isSubtotalLabel(label.text)) {
      survey.total = count;
      row++;
      break;
    }
    const kind = amountKind(label.text);
    if (kind === "valid") survey.valid = count;
    else if (kind === "issued") survey.issued = count;
    else if (kind === "rate" || /率$/.test(k)) survey.rate = count;
    else
      survey.levels.push({ label, count, weight: cols.weight !== undefined ? rd.cell(row, cols.weight) : undefined });
  }
  ctx.model.surveys.push(survey);
  return row;
}

/** The value for a label: the next written cell to its right (within 4 columns), or the cell below. */
function valueFor(rd: SheetReader, r: number, c: number, accept: (cell: Cell) => boolean): Cell | undefined {
  const end = Math.min(rd.rowLength(r), c + 1 + 4 + rd.mergedWidth(r, c));
  for (let x = c + 1; x < end; x++) {
    if (rd.isMergedAway(r, x)) continue;
    const cell = rd.cell(r, x);
    if (cell.text === "") continue;
    if (accept(cell)) return cell;
    break;
  }
  if (r + 1 < rd.r1) {
    const below = rd.sourceCell(r + 1, c);
    if (below.row === r + 1 && below.text !== "" && accept(below)) return below;
  }
  return undefined;
}

/**
 * A money unit for a label from its surroundings: same row to the left (项目资金（万元） | 年度资金总额), or a line
 * above it (单位：万元). Recognition gives each labelled amount its unit once; amount-mismatch asks it for the cells
 * it reads itself.
 */
export function unitNear(rd: SheetReader, row: number, col: number): "元" | "万元" | undefined {
  for (let c = col - 1; c >= rd.c0; c--) {
    const u = unitOfLabel(rd.textAt(row, c));
    if (u) return u;
  }
  for (let r = row - 1; r >= rd.r0 && r >= row - 8; r--)
    for (let c = rd.c0; c <= col; c++) {
      const t = rd.textAt(r, c);
      if (t.length <= 40) {
        const u = unitOfLabel(t);
        if (u) return u;
      }
    }
  return undefined;
}

function readLooseRow(ctx: Ctx, rd: SheetReader, r: number): void {
  const end = rd.rowLength(r);
  for (let c = rd.c0; c < end; c++) {
    const v = rd.raw(r, c);
    if (typeof v !== "string" || v.length > 40) continue;
    const t = v.trim();
    if (t === "") continue;
    const label = rd.cell(r, c);
    const field = headerFieldKind(t);
    if (field) {
      // The value is the cell right after the label's merge, blank or not: a blank one is unfilled-form's.
      ctx.model.fields.push({ sheet: rd.name, kind: field, label, value: rd.cell(r, c + rd.mergedWidth(r, c)) });
      continue;
    }
    if (isGradeLabel(t)) {
      const value = valueFor(rd, r, c, (x) => gradeFromWord(x.text) !== null);
      // 等级 | 优 | 良 | 中 | 差 is a legend of the bands, not a grade given.
      const next = value ? rd.raw(value.row, value.col + rd.mergedWidth(value.row, value.col)) : null;
      if (value && !(typeof next === "string" && gradeFromWord(next.trim()) !== null)) {
        const key = gradeFromWord(value.text)!;
        const grade = ({ excellent: "优", good: "良", fair: "中", poor: "差" } as const)[key];
        ctx.model.grades.push({ sheet: rd.name, label, value, grade });
      }
      continue;
    }
    const kind = amountKind(t);
    if (!kind) continue;
    const value = valueFor(rd, r, c, (x) => cellNumber(x) !== null || (typeof x.raw === "string" && /^#/.test(x.raw)));
    if (!value) continue;
    const a: LabelledAmount = { sheet: rd.name, kind, name: t.replace(/[:：]\s*$/, ""), label, value };
    const u = unitOfLabel(t) ?? unitNear(rd, r, c);
    if (u) a.unit = u;
    const parts = value.row === r ? breakdownBelow(rd, r, c, value.col) : null;
    if (parts) a.parts = parts;
    ctx.model.amounts.push(a);
  }
}

/** A breakdown is at most this many rows (中央 / 省 / 市 / 县 / 区 / 其他 and a few more). */
const BREAKDOWN_MAX = 10;

/**
 * The rows under a label/value pair that break it down in the same two columns: the first label says 其中, each
 * value is a number or empty, and the list ends at an empty label. Anything else there (text in the value
 * column, a 其中 label with its part name shifted a column right) is some other layout: no breakdown.
 */
function breakdownBelow(rd: SheetReader, r: number, labelCol: number, valueCol: number) {
  const parts: { label: Cell; value?: Cell }[] = [];
  for (let row = r + 1; row < rd.r1 && parts.length < BREAKDOWN_MAX; row++) {
    const name = rd.textAt(row, labelCol).trim();
    if (name === "" || rd.isMergedAway(row, labelCol)) break;
    if (parts.length === 0 && !/^其中[:：]?\S/.test(name)) return null;
    // A bare 其中： opens the next level's breakdown, a total label the next amount: this one ends here.
    if (name.length > 16 || (parts.length > 0 && (/^其中[:：]?$/.test(name) || amountKind(name) === "total"))) break;
    const v = rd.raw(row, valueCol);
    const value = rd.cell(row, valueCol);
    if (v !== null && v !== "" && cellNumber(value) === null && !isBlankMark(value)) return null;
    parts.push(v === null || v === "" ? { label: rd.cell(row, labelCol) } : { label: rd.cell(row, labelCol), value });
  }
  return parts.length >= 2 ? parts : null;
}

function recognizeSheet(ctx: Ctx, sheet: SheetSnapshot): void {
  if (!sheet || !Array.isArray(sheet.values)) return;
  const rd = new SheetReader(sheet);
  // Title rows (or the sheet name) say 部门整体: a department-wide form.
  ctx.department = titleSays(sheet, /部门整体/);
  let next: RowRoles | null = null;
  for (let r = rd.r0; r < rd.r1;) {
    const roles = next ?? classify(rd, r);
    next = null;
    if (roles.ind.size + roles.funds.size + roles.survey.size >= 1) {
      const below = r + 1 < rd.r1 ? classify(rd, r + 1) : null;
      if (
        isIndicatorHeader(roles.ind) ||
        (below && roles.ind.size > 0 && isIndicatorHeader(new Map([...roles.ind, ...below.ind])))
      ) {
        // The row below holds sub-headers (一级/二级/三级 under 绩效指标, 指标性质 | 指标值 | 度量单位 under 年度指标值)
        // unless it is a complete header of its own while this row is one too.
        const useBelow =
          !!below && below.ind.size > 0 && (!isIndicatorHeader(roles.ind) || !isIndicatorHeader(below.ind));
        const assign = combineHeaders(rd, r, roles.ind, useBelow ? below!.ind : new Map());
        const cols = pickColumns(assign, (c) => `${rd.textAt(r, c)} ${useBelow ? rd.textAt(r + 1, c) : ""}`);
        r = readIndicatorTables(ctx, rd, useBelow ? [r, r + 1] : [r], cols);
        continue;
      }
      if (isFundsHeader(roles.funds)) {
        r = readFunds(ctx, rd, r, roles.funds);
        continue;
      }
      if (isSurveyHeader(roles.survey)) {
        r = readSurvey(ctx, rd, r, roles.survey);
        continue;
      }
      next = below;
    }
    readLooseRow(ctx, rd, r);
    r++;
  }
}

function nearest<T extends { value: Cell }>(items: T[], row: number): T | undefined {
  let best: T | undefined;
  for (const it of items) if (!best || Math.abs(it.value.row - row) < Math.abs(best.value.row - row)) best = it;
  return best;
}

/** Attach totals to grades and questionnaire counts / rates to surveys found on the same sheet. */
function link(model: WorkbookModel): void {
  const bySheet = new Map<string, LabelledAmount[]>();
  for (const a of model.amounts) {
    let l = bySheet.get(a.sheet);
    if (!l) bySheet.set(a.sheet, (l = []));
    l.push(a);
  }
  for (const g of model.grades) {
    const amounts = (bySheet.get(g.sheet) ?? []).filter((a) => a.kind === "totalScore" && cellNumber(a.value) !== null);
    const a = nearest(amounts, g.value.row);
    if (a) {
      g.total = a.value;
      continue;
    }
    const t = model.tables.find(
      (x) => x.sheet === g.sheet && x.kind !== "declaration" && x.total?.score && cellNumber(x.total.score) !== null,
    );
    if (t) g.total = t.total!.score;
  }
  for (const s of model.surveys) {
    const amounts = bySheet.get(s.sheet) ?? [];
    const near = (kind: LabelledAmount["kind"]) =>
      nearest(
        amounts.filter((a) => a.kind === kind),
        s.headerRow,
      )?.value;
    s.valid ??= near("valid");
    s.issued ??= near("issued");
    s.rate ??= near("rate");
  }
}

/** Recognize every table on every sheet. Never throws on malformed snapshots; never changes them. */
export function recognizeWorkbook(snapshot: WorkbookSnapshot): WorkbookModel {
  const model: WorkbookModel = {
    tables: [],
    indicators: [],
    funds: [],
    grades: [],
    surveys: [],
    amounts: [],
    goals: [],
    fields: [],
  };
  const ctx: Ctx = { model, department: false };
  for (const sheet of snapshot?.sheets ?? []) recognizeSheet(ctx, sheet);
  link(model);
  recognizeGoals(snapshot, model);
  return model;
}

export type { GradeCell };
