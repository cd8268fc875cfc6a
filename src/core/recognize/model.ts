/**
 * The recognized model of a workbook: the tables an evaluator works with (申报表, 自评表, 评分表, survey
 * tables), the funds block, totals, grades and loose labelled amounts, each with the cell it came from so
 * that every finding can point at a cell. Built once per check by `recognizeWorkbook`; rules only read it.
 */
import type { CellValue } from "../snapshot";

/** A position on a sheet, 0-based absolute. */
export interface CellPos {
  sheet: string;
  row: number;
  col: number;
}

/** One non-structural cell as read from the snapshot. */
export interface Cell extends CellPos {
  raw: CellValue;
  /** Trimmed text as written ("" when empty; numbers as their JS string). */
  text: string;
  /** Number format when set and not "General". */
  format?: string;
  /** Formula text with its "=" when the cell holds one. */
  formula?: string;
  /** Internal: the number read from the cell, once (see recognize/cells.ts cellNumber). */
  _num?: unknown;
  /** Internal: the cell's parse as an indicator value, once (see recognize/cells.ts parsed). */
  _val?: unknown;
}

export type TableKind = "declaration" | "self-assessment" | "evaluation";

/** Column roles of an indicator table, recognized from header words. */
export type IndicatorRole =
  | "level1"
  | "level2"
  | "level3"
  /** 指标值 / 年度指标值（A） / 目标值 */
  | "target"
  /** 实际完成值（B） */
  | "actual"
  /** 分值 / 权重 */
  | "weight"
  /** 得分 */
  | "score"
  /** 偏差原因分析及改进措施 */
  | "reason"
  /** 指标性质 (≥ ≤ = 定性) when split from the value */
  | "nature"
  /** 度量单位 / 计量单位 when split from the value */
  | "unit"
  /** 扣分原因 */
  | "deduction"
  /** 指标解释 */
  | "explanation"
  /** 评分标准 / 评（扣）分标准 */
  | "standard"
  | "remark";

/** Standard families the second-level (or first-level) names fall into. */
export type IndicatorCategory =
  "数量" | "质量" | "时效" | "成本" | "经济效益" | "社会效益" | "生态效益" | "可持续影响" | "满意度" | "预算执行";

/** First-level families: self-assessment (预算执行/产出/效益/满意度) and evaluation (决策/过程/产出/效益). */
export type IndicatorFamily = "预算执行" | "产出" | "成本" | "效益" | "满意度" | "决策" | "过程";

export interface IndicatorRow extends CellPos {
  /** Index of the row's table in `WorkbookModel.tables`. */
  table: number;
  /** Names as written (merged and blank cells filled down from above), trimmed. */
  level1: string;
  level2: string;
  level3: string;
  /**
   * Where each name is written (the top-left cell of a merge; row -1 when none is), as numbers: an object per
   * name and row was a fifth of the model at 1M cells, and no rule asks. `levelCell(row, level)` gives the cell.
   */
  level1Row?: number;
  level1Col?: number;
  level2Row?: number;
  level2Col?: number;
  level3Row?: number;
  level3Col?: number;
  /** Normalized 一级/二级/三级 key used to match indicators across tables ("产出/数量/参保人数"). */
  key: string;
  /** Normalized three-level name alone, for matching when first-level naming differs between forms. */
  nameKey: string;
  /** Marked as a core indicator (★). */
  core: boolean;
  family?: IndicatorFamily;
  category?: IndicatorCategory;
  target?: Cell;
  actual?: Cell;
  /** The indicator value as one text when the form splits it into 指标性质 | 指标值 | 度量单位 (≥ + 95 + % → "≥95%"). */
  targetText?: string;
  /** The actual value joined with the 度量单位 column when the form has one. */
  actualText?: string;
  weight?: Cell;
  score?: Cell;
  reason?: Cell;
  nature?: Cell;
  unit?: Cell;
  deduction?: Cell;
  explanation?: Cell;
  standard?: Cell;
}

export interface TotalRow extends CellPos {
  label: Cell;
  weight?: Cell;
  score?: Cell;
}

/** A 合计 / 小计 row inside a table: it totals only the indicator rows from `fromRow` to `toRow`. */
interface SubtotalRow extends TotalRow {
  fromRow: number;
  toRow: number;
  /** A 合计 of every row so far followed by the form's 总分 (which then counts this total, not the rows). */
  block?: boolean;
}

export interface IndicatorTable {
  kind: TableKind;
  /** A department-wide form (部门整体支出绩效自评表 / 部门整体绩效目标表), judged from its title and groups. */
  department?: boolean;
  sheet: string;
  /** One or two header rows (headers split over two rows). */
  headerRows: number[];
  columns: Partial<Record<IndicatorRole, number>>;
  /** Units written in a column's header brackets: 实际完成值（万元） → { actual: "万元" }; （A）/（B） are not units. */
  headerUnits?: Partial<Record<IndicatorRole, string>>;
  rows: IndicatorRow[];
  /** The table's last total row (总分): it covers every row, and the funds block's 预算执行 when the table has none. */
  total?: TotalRow;
  /** Block totals before it (绩效指标（90分）… 合计 90 before 总分 100; 小计 rows of a group). */
  subtotals?: SubtotalRow[];
  /** First and last data row (inclusive); equal to the header row + 1 / header row when there are no rows. */
  firstRow: number;
  lastRow: number;
}

/** prior: the previous year's amount beside this year's request (上年度安排资金 | 本年度申请资金, Hunan's forms). */
export type FundsRole = "initial" | "budget" | "executed" | "weight" | "rate" | "score" | "prior";

/** What a funds row is: 年度资金总额, or one of its 其中 rows. */
export type FundsRowKind = "total" | "fiscal" | "carryover" | "other" | "part";

export interface FundsRow extends CellPos {
  kind: FundsRowKind;
  label: Cell;
  cells: Partial<Record<FundsRole, Cell>>;
}

/** 项目资金（万元）: 年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率 | 得分. */
export interface FundsBlock {
  sheet: string;
  headerRow: number;
  columns: Partial<Record<FundsRole, number>>;
  total?: FundsRow;
  parts: FundsRow[];
  /** Leftmost column of the block (its 项目资金（万元） label). */
  firstCol?: number;
  /** Money unit from the block's label, e.g. 项目资金（万元）. */
  unit?: "元" | "万元";
}

/** A grade word (优/良/中/差) with its label, and the total it should match when one is found on the sheet. */
export interface GradeCell {
  sheet: string;
  label: Cell;
  value: Cell;
  /** The grade as one of 优/良/中/差 (优秀 → 优 …). */
  grade: "优" | "良" | "中" | "差";
  /** The total score the grade belongs to, when recognized on the same sheet. */
  total?: Cell;
}

interface SurveyLevel {
  label: Cell;
  count?: Cell;
  weight?: Cell;
}

/** A satisfaction / awareness survey: levels with counts (and weights), total, valid questionnaires, rate. */
export interface SurveyTable {
  sheet: string;
  headerRow: number;
  columns: { level: number; count: number; weight?: number; share?: number };
  levels: SurveyLevel[];
  /** The 合计 row's count. */
  total?: Cell;
  /** 有效问卷（份） / 有效样本. */
  valid?: Cell;
  /** 发放问卷（份）. */
  issued?: Cell;
  /** 满意度 / 知晓率 as stated. */
  rate?: Cell;
}

/** What a loose label names. */
export type AmountKind =
  | "budget" // 预算资金 / 预算数
  | "arrived" // 到位资金 / 项目收入资金
  | "spent" // 支出 / 实际支出 / 执行数
  | "balance" // 结余 / 结余资金
  | "total" // 年度资金总额 / 资金总额
  | "fiscal" // 财政拨款 / 财政资金
  | "carryover" // 上年结转
  | "other" // 其他资金
  | "arrivalRate" // 资金到位率
  | "execRate" // 执行率 / 预算执行率
  | "rate" // any other …率 / 满意度
  | "valid" // 有效问卷
  | "issued" // 发放问卷
  | "totalScore"; // 总分 / 评价分值 / 综合得分

/** A label and the value written next to it (to its right, or below it), outside any recognized table. */
export interface LabelledAmount {
  sheet: string;
  kind: AmountKind;
  /** The label as written, trimmed. */
  name: string;
  label: Cell;
  value: Cell;
  /** Money unit given in the label (预算资金（万元）) or around it (单位：万元 above, 项目资金（万元） to its left). */
  unit?: "元" | "万元";
  /**
   * The amount broken down in the rows below it, in the same two columns (实际到位资金 170, then 其中:中央财政 /
   * 省财政 170 / … / 其它 9.6): each part's label and, when written, its value.
   */
  parts?: { label: Cell; value?: Cell }[];
}

/**
 * What a 年度总体目标 text is: the declared goal (申报表), the self-assessment's 预期目标, its 实际完成情况
 * (what was achieved, not a target), or a 中长期目标 beside the year's (not measured by this year's indicators).
 */
export type GoalKind = "declared" | "expected" | "achieved" | "long-term";

/** A 年度总体目标 / 总体目标 / 年度目标 text and the label it was found by. */
export interface GoalText {
  sheet: string;
  kind: GoalKind;
  /** The label (年度总体目标), or the sub-header (预期目标) the text sits under. */
  label: Cell;
  /** The cell holding the text (for "年度总体目标：…" in one cell, the label cell itself). */
  cell: Cell;
  /** The goal as written, trimmed (without the label when both share one cell); "" for a 实际完成情况 left blank. */
  text: string;
}

/** What a form's header field names: 项目名称, 主管部门, 实施单位, 项目负责人, the project's period. */
export type HeaderFieldKind = "project" | "department" | "implementer" | "owner" | "period";

/** A header field (项目名称 | …) and the cell right after its label, written or left blank. */
export interface HeaderField {
  sheet: string;
  kind: HeaderFieldKind;
  label: Cell;
  value: Cell;
}

export interface WorkbookModel {
  tables: IndicatorTable[];
  /** All indicator rows of all tables, in sheet order. */
  indicators: IndicatorRow[];
  funds: FundsBlock[];
  grades: GradeCell[];
  surveys: SurveyTable[];
  amounts: LabelledAmount[];
  /** 年度总体目标 texts (recognize/goals.ts). */
  goals: GoalText[];
  /** Header fields outside the tables (项目名称, 主管部门, 项目期 …), blank ones too. */
  fields: HeaderField[];
}
