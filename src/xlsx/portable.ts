/**
 * The portable copy: a workbook that computes in any spreadsheet program, without the add-in. Every formula
 * that calls an EVAL function is rewritten into its standard equivalent (src/core/portable.ts) or, where none
 * exists, replaced by its current value with a cell note saying so. Works on bytes in, bytes out: the original
 * is never touched. Pure ExcelJS (no Node modules), so the task pane runs the same code in the browser.
 */
import * as ExcelJS from "exceljs";
import { EvalError, isEvalError, isErrorText, type ExcelErrorCode } from "../core/errors";
import { evaluateExpr, renderFormula, type Expr, type FormulaValue } from "../core/formula";
import { toDisplayFormula } from "../core/formulaForms";
import { parseFormula } from "../core/formulaParse";
import type { Locale } from "../core/locale";
import { portableExpr, usesEval } from "../core/portable";
import { toA1 } from "../core/a1";

interface PortableCell {
  sheet: string;
  cell: string;
  /** The original formula, display form ("=EVAL.SCORE(D13,E13,F13)"). */
  formula: string;
  /** The standard formula written instead, or undefined when the value was kept. */
  standard?: string;
  /** The value kept (frozen cells) or cached (rewritten cells). */
  value: FormulaValue;
}

interface PortableReport {
  rewritten: PortableCell[];
  frozen: PortableCell[];
}

/** The note on a cell whose EVAL formula had no standard equivalent. */
function frozenNote(formula: string, lang: Locale): string {
  return lang === "zh-CN"
    ? `通用副本：原公式 ${formula} 需要“绩效评价助手”加载项，且没有等效的标准公式，此处保留生成副本时的计算结果（不再随输入更新）。`
    : `Portable copy: the original formula ${formula} needs the 绩效评价助手 add-in and has no standard equivalent; this cell keeps the value it had when the copy was made (it no longer follows its inputs).`;
}

type Cached = string | number | boolean | null | EvalError;

function cachedOf(v: ExcelJS.CellValue): Cached | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    if (v instanceof Date) return null;
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined) return undefined;
      return cachedOf(r as ExcelJS.CellValue);
    }
    if ("error" in v) return new EvalError((v as ExcelJS.CellErrorValue).error as ExcelErrorCode);
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("text" in v) return String((v as { text: unknown }).text);
    return null;
  }
  if (typeof v === "string" && isErrorText(v)) return new EvalError(v as ExcelErrorCode);
  return v as string | number | boolean;
}

function excelValue(v: Cached): ExcelJS.CellValue {
  if (isEvalError(v)) return { error: v.code } as ExcelJS.CellErrorValue;
  // An empty text result ("" from IF(…,"",…)) is kept as an empty cell.
  return v === "" ? null : v;
}

/** Rewrite the EVAL formulas of a workbook held in `wb` (in place); returns what was done. */
function makePortable(wb: ExcelJS.Workbook, lang: Locale = "zh-CN"): PortableReport {
  const report: PortableReport = { rewritten: [], frozen: [] };
  const byName = new Map(wb.worksheets.map((w) => [w.name.toLowerCase(), w] as const));
  // The value a formula reads from another cell: its cached result or constant; a formula cell without a
  // cached result is computed by the core (references only: cycles end as #REF!).
  const computing = new Set<string>();
  const valueAt = (ws: ExcelJS.Worksheet, row: number, col: number): FormulaValue => {
    // ExcelJS, not Office.js: the office-addins lint rules (load/sync before read) do not apply.
    const { value, formula } = ws.findCell(row + 1, col + 1) ?? { value: null, formula: undefined };
    const c = cachedOf(value);
    if (c !== undefined) return c;
    const key = `${ws.name}!${toA1(row, col)}`;
    if (computing.has(key)) return new EvalError("#REF!", "circular reference");
    computing.add(key);
    const e = formula ? parseFormula(`=${formula}`) : null;
    const v = e ? evaluateIn(ws, e) : new EvalError("#NAME?");
    computing.delete(key);
    return v;
  };
  const evaluateIn = (ws: ExcelJS.Worksheet, e: Expr): FormulaValue => {
    const v = evaluateExpr(e, {
      cell: (sheet, r, c) => {
        const target = sheet === null ? ws : byName.get(sheet.toLowerCase());
        return target ? valueAt(target, r, c) : new EvalError("#REF!");
      },
      hasSheet: (n) => byName.has(n.toLowerCase()),
    });
    return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
  };

  for (const ws of wb.worksheets) {
    // Collect first, write after: a shared formula's other cells read their text from the first cell.
    const work: { cell: ExcelJS.Cell; text: string; expr: Expr; cached: Cached | undefined }[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        let f: string | undefined;
        try {
          f = cell.formula;
        } catch {
          f = undefined;
        }
        if (!f) return;
        const text = toDisplayFormula(f.startsWith("=") ? f : `=${f}`);
        const expr = parseFormula(text);
        if (!expr || !usesEval(expr)) return;
        work.push({ cell, text, expr, cached: cachedOf(cell.value) });
      }),
    );
    for (const w of work) {
      const value = w.cached !== undefined ? w.cached : evaluateIn(ws, w.expr);
      const at = { sheet: ws.name, cell: w.cell.address, formula: w.text, value };
      const standard = portableExpr(w.expr);
      if (standard) {
        const text = renderFormula(standard);
        const result = excelValue(value);
        w.cell.value = {
          formula: text.slice(1),
          result: result === null ? undefined : result,
        } as ExcelJS.CellFormulaValue;
        report.rewritten.push({ ...at, standard: text });
      } else {
        w.cell.value = excelValue(value);
        w.cell.note = frozenNote(w.text, lang);
        report.frozen.push(at);
      }
    }
  }
  return report;
}

/** .xlsx bytes → the portable copy's bytes and the report. The input bytes are not modified. */
export async function portableCopy(
  input: ArrayBuffer | Uint8Array,
  lang: Locale = "zh-CN",
): Promise<{ bytes: Uint8Array; report: PortableReport }> {
  const wb = new ExcelJS.Workbook();
  // A private copy: ExcelJS must not see (or keep) the caller's buffer.
  // (A fresh, exactly sized buffer: a Node Buffer may be a view into a larger shared pool.)
  const src = input instanceof Uint8Array ? input : new Uint8Array(input);
  const copy = new Uint8Array(src.byteLength);
  copy.set(src);
  await wb.xlsx.load(copy.buffer as ArrayBuffer);
  const report = makePortable(wb, lang);
  const out = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), report };
}
