/**
 * Build snapshots from readable grids in tests:
 *   sheet("自评表", [["一级指标", "二级指标", …], …], { merges: ["A3:A6"], formats: { F5: "0.00%" } })
 * and run one rule (or the whole check) on them.
 */
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { fromA1 } from "../../src/core/a1";
import type { Finding, RuleId } from "../../src/core/findings";
import { recognizeWorkbook } from "../../src/core/recognize";
import { CheckScope } from "../../src/core/rules/scope";
import { RULES } from "../../src/core/rules";
import { runRuleOn, checkWorkbook, type CheckResult } from "../../src/core/check";

export type GridRow = (CellValue | undefined)[];

export interface SheetOptions {
  /** Merged areas as "A3:A6" or 0-based areas (absolute coordinates). */
  merges?: (string | MergeArea)[];
  /** Number formats by absolute A1 address. */
  formats?: Record<string, string>;
  /** Formulas by absolute A1 address (value stays as in the grid). */
  formulas?: Record<string, string>;
  /** Where the grid's first cell sits ("A1" by default). */
  origin?: string;
  hiddenRows?: number[];
  hiddenCols?: number[];
  visibility?: SheetSnapshot["visibility"];
}

export function range(a1: string): MergeArea {
  const [a, b] = a1.split(":");
  const p = fromA1(a);
  const q = fromA1(b ?? a);
  if (!p || !q) throw new Error(`bad range ${a1}`);
  return {
    r0: Math.min(p.row, q.row),
    c0: Math.min(p.col, q.col),
    r1: Math.max(p.row, q.row),
    c1: Math.max(p.col, q.col),
  };
}

export function sheet(name: string, rows: GridRow[], opts: SheetOptions = {}): SheetSnapshot {
  const origin = fromA1(opts.origin ?? "A1");
  if (!origin) throw new Error(`bad origin ${opts.origin}`);
  const values: CellValue[][] = rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  const s: SheetSnapshot = {
    name,
    originRow: origin.row,
    originCol: origin.col,
    values,
    merges: (opts.merges ?? []).map((m) => (typeof m === "string" ? range(m) : m)),
  };
  let width = 0;
  for (const r of values) width = Math.max(width, r.length);
  const grid = <T>(map: Record<string, T> | undefined): (T | null)[][] | undefined => {
    if (!map) return undefined;
    const g: (T | null)[][] = values.map(() => new Array<T | null>(width).fill(null));
    for (const [a1, v] of Object.entries(map)) {
      const p = fromA1(a1);
      if (!p) throw new Error(`bad address ${a1}`);
      const r = p.row - origin.row;
      const c = p.col - origin.col;
      if (r < 0 || c < 0 || r >= g.length) throw new Error(`${a1} is outside the grid`);
      g[r][c] = v;
    }
    return g;
  };
  const nf = grid(opts.formats);
  if (nf) s.numberFormats = nf;
  const fm = grid(opts.formulas);
  if (fm) s.formulas = fm;
  if (opts.hiddenRows) s.hiddenRows = opts.hiddenRows;
  if (opts.hiddenCols) s.hiddenCols = opts.hiddenCols;
  if (opts.visibility) s.visibility = opts.visibility;
  return s;
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { source: "test.xlsx", sheets };
}

function asWorkbook(input: WorkbookSnapshot | SheetSnapshot | SheetSnapshot[]): WorkbookSnapshot {
  if (Array.isArray(input)) return workbook(...input);
  return "sheets" in input ? input : workbook(input);
}

/** Findings of one rule alone on a snapshot (a workbook, one sheet, or several sheets). */
export function runRule(id: RuleId, input: WorkbookSnapshot | SheetSnapshot | SheetSnapshot[]): Finding[] {
  const snap = asWorkbook(input);
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  // Rethrow: a rule that throws must fail its own test table, not turn into a finding the test may not look at.
  return runRuleOn(rule, new CheckScope(recognizeWorkbook(snap)), snap, undefined, (_id, e) => {
    throw e;
  });
}

/** The whole check on a snapshot. */
export function check(input: WorkbookSnapshot | SheetSnapshot | SheetSnapshot[]): CheckResult {
  return checkWorkbook(asWorkbook(input));
}

/** "Sheet!A1 rule" strings, sorted: compact for exact-findings assertions. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort();
}
