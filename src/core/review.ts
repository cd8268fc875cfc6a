/**
 * One line of a bureau's batch review (复核) table per workbook: who and what the form is about, its money, its
 * stated self-assessment score and grade, and the score recomputed from its own targets and actuals by the
 * scoring rules. Pure: a snapshot (and its recognized model) in, data out.
 */
import { readActual, meetsNumber } from "./compare";
import { isEvalError } from "./errors";
import { readFields, readYear } from "./notice/fields";
import { recognizeWorkbook } from "./recognize";
import { actualHint, actualParse, cellNumber, targetParse } from "./recognize/cells";
import type { Cell, IndicatorTable, WorkbookModel } from "./recognize/model";
import { scoreSummaries } from "./recognize/scores";
import { execScore, GRADE_WORDS, gradeKey, qualScore, quantScore, toTier } from "./scoring";
import type { WorkbookSnapshot } from "./snapshot";
import { parseValueShared } from "./value";

export interface ReviewSummary {
  projectName: string | null;
  department: string | null;
  implementer: string | null;
  year: number | null;
  /**
   * 全年预算数 and 全年执行数 in 万元: a cell that writes its unit (4753.66万元, 1,234元) is read in it, a bare
   * number in the unit its block or label states (元 or 万元; 万元, the standard forms' unit, when none).
   */
  budget: number | null;
  executed: number | null;
  /**
   * 总分 as stated in the self-assessment (or the evaluation score sheet when there is no self-assessment); the
   * sum of the written scores when no 总分 cell is recognized.
   */
  statedScore: number | null;
  /** The grade word written on the form, else the grade of the stated score. */
  statedGrade: string | null;
  /** Σ scores recomputed from each row's target, actual and weight (and 预算执行率 from the funds block). */
  recomputedScore: number | null;
}

function scoredTable(model: WorkbookModel): IndicatorTable | undefined {
  return (
    model.tables.find((t) => t.kind === "self-assessment" && t.columns.score !== undefined) ??
    model.tables.find((t) => t.kind === "evaluation" && t.columns.score !== undefined)
  );
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** An amount in 万元 (see ReviewSummary.budget). */
function inWan(cell: Cell | undefined, unit: "元" | "万元" | undefined): number | null {
  const n = cellNumber(cell);
  if (!n || !cell) return null;
  if (typeof cell.raw === "string") {
    const p = parseValueShared(cell.raw);
    // The parse is in base units (元) whenever the text names a unit or a scale.
    if (p.unit === "元" || p.scale !== 1) return n.value / 1e4;
  }
  return unit === "元" ? n.value / 1e4 : n.value;
}

/** The score a row should have by the rules; the written score when no rule applies (qualitative, no tier). */
function rowScore(row: IndicatorTable["rows"][number]): number | null {
  const w = cellNumber(row.weight)?.value;
  const written = cellNumber(row.score)?.value ?? null;
  if (w === undefined || w < 0) return written;
  if (row.target && row.actual) {
    const t = targetParse(row);
    if (t.quantitative && t.number !== null && !t.date) {
      const a = readActual(t, actualParse(row), actualHint(row.actual));
      const op = t.operator ?? (row.category === "成本" ? "<=" : null);
      if (a !== null && meetsNumber({ operator: op, number: t.number }, a) !== null) {
        const s = quantScore(op, t.number, a, w);
        return isEvalError(s) ? written : s;
      }
    }
    const tier = toTier(row.actual.raw);
    if (tier !== null) {
      const s = qualScore(tier, w);
      return isEvalError(s) ? written : s;
    }
  }
  return written;
}

function recompute(model: WorkbookModel, table: IndicatorTable): number | null {
  let total = 0;
  let any = false;
  for (const row of table.rows) {
    const s = rowScore(row);
    if (s === null) continue;
    total += s;
    any = true;
  }
  // Without a single scorable indicator row there is nothing to recompute (the funds block alone is not a total).
  if (!any) return null;
  // The self-assessment keeps 预算执行率 in its funds block.
  if (table.kind === "self-assessment" && !table.rows.some((r) => r.family === "预算执行")) {
    const f = model.funds.find((x) => x.sheet === table.sheet && x.total)?.total;
    const w = cellNumber(f?.cells.weight)?.value;
    const b = cellNumber(f?.cells.budget)?.value;
    const e = cellNumber(f?.cells.executed)?.value;
    if (w !== undefined && b !== undefined && e !== undefined && b > 0) {
      const s = execScore(e / b, w);
      if (!isEvalError(s)) {
        total += s;
        any = true;
      }
    }
  }
  return round2(total);
}

export function reviewSummary(
  snapshot: WorkbookSnapshot,
  model: WorkbookModel = recognizeWorkbook(snapshot),
): ReviewSummary {
  const table = scoredTable(model);
  const fields = readFields(snapshot, table?.sheet);
  const funds =
    model.funds.find((f) => f.total && (!table || f.sheet === table.sheet)) ?? model.funds.find((f) => f.total);
  let budget = inWan(funds?.total?.cells.budget, funds?.unit);
  let executed = inWan(funds?.total?.cells.executed, funds?.unit);
  if (budget === null) {
    const b = model.amounts.find((a) => a.kind === "budget" && cellNumber(a.value));
    const s = model.amounts.find((a) => a.kind === "spent" && cellNumber(a.value));
    budget = inWan(b?.value, b?.unit);
    executed = inWan(s?.value, s?.unit);
  }
  // A blank form's 总分 formula shows 0: with no row scored there is no score to state.
  const scored = !!table && table.rows.some((r) => cellNumber(r.score) !== null);
  // Many forms have no recognized 总分 cell: then the sum of the scores written (as the pane's chart shows it).
  const summed = scored
    ? scoreSummaries(model).find((x) => x.sheet === table!.sheet && x.kind === table!.kind)
    : undefined;
  const statedScore = scored
    ? (cellNumber(table!.total?.score)?.value ?? (summed?.total != null ? round2(summed.total) : null))
    : null;
  const written = model.grades.find((g) => !table || g.sheet === table.sheet);
  const key = statedScore === null ? null : gradeKey(statedScore);
  return {
    projectName: fields.projectName?.text ?? null,
    department: fields.department?.text ?? null,
    implementer: fields.implementer?.text ?? null,
    year: readYear(snapshot, table?.sheet)?.year ?? null,
    budget,
    executed,
    statedScore,
    statedGrade: written ? written.grade : key ? GRADE_WORDS[key]["zh-CN"] : null,
    recomputedScore: table ? recompute(model, table) : null,
  };
}
