/**
 * Template definition → ExcelJS worksheet. Renders exactly what the core's definition says; every formula is
 * stored with the value the core computed (`{ formula, result }`), so the file shows its numbers in any
 * spreadsheet program, even without the add-in's EVAL functions.
 */
import * as ExcelJS from "exceljs";
import { isEvalError } from "../core/errors";
import { toStoredFormula } from "../core/formulaForms";
import {
  borderEdges,
  buildTemplate,
  fontOf,
  mergesOf,
  namesOf,
  STYLES,
  uniqueSheetName,
  writtenCells,
  type TemplateDefinition,
  type TemplateKind,
  type TemplateOptions,
  type StyleSpec,
} from "../core/templates";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function excelStyle(
  spec: StyleSpec,
  font: { name: string; size: number },
  numFmt: string | undefined,
): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: { name: font.name, bold: spec.bold ?? false, italic: spec.italic ?? false, size: font.size },
    alignment: { horizontal: spec.hAlign, vertical: spec.vAlign, wrapText: spec.wrap },
  };
  if (spec.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${spec.fill}` } };
  const edges = borderEdges(spec);
  if (edges.length) style.border = Object.fromEntries(edges.map((e) => [e, THIN])) as Partial<ExcelJS.Borders>;
  if (numFmt) style.numFmt = numFmt;
  return style;
}

/** ExcelJS cell value for a written cell: constants as themselves, formulas without "=" plus their result. */
function excelValue(value: unknown, formula: string | undefined): ExcelJS.CellValue {
  const plain = (v: unknown): ExcelJS.CellValue => {
    if (isEvalError(v)) return { error: v.code } as ExcelJS.CellErrorValue;
    if (v === undefined) return null;
    return v as ExcelJS.CellValue;
  };
  if (formula) {
    const result = plain(value);
    // Stored as Excel stores an add-in function (_xldudf_EVAL_X): Excel binds it to the add-in when it loads.
    return {
      formula: toStoredFormula(formula).slice(1),
      result: result === null ? undefined : result,
    } as ExcelJS.CellFormulaValue;
  }
  return plain(value);
}

/**
 * Add the template as a new sheet of `wb`. The sheet gets the definition's name, suffixed " (2)", " (3)" …
 * when the workbook already has it: an existing sheet is never touched.
 */
export function writeTemplateSheet(wb: ExcelJS.Workbook, def: TemplateDefinition): ExcelJS.Worksheet {
  const name = uniqueSheetName(
    def.sheetName,
    wb.worksheets.map((w) => w.name),
  );
  const repeat = def.print.repeatRows;
  const ws = wb.addWorksheet(name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: def.print.orientation,
      // One A4 page at the scale the layout computed (never below 9 pt text), not "shrink to fit".
      fitToPage: false,
      scale: def.print.scale,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(repeat ? { printTitlesRow: `${repeat.from + 1}:${repeat.to + 1}` } : {}),
    },
  });
  // ExcelJS leaves out a column of width exactly 9 (its own default), which Excel would then show at 8.43.
  def.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w === 9 ? 9.001 : w));
  for (const [r, h] of Object.entries(def.rowHeights)) ws.getRow(Number(r) + 1).height = h;

  const written = writtenCells(def);
  def.cells.forEach((cell, i) => {
    const style = excelStyle(STYLES[cell.style], fontOf(cell.style, def.lang), cell.numFmt);
    // Style every cell of a merged area so its borders print all round.
    for (let r = cell.row; r < cell.row + (cell.rowSpan ?? 1); r++)
      for (let c = cell.col; c < cell.col + (cell.colSpan ?? 1); c++) ws.getCell(r + 1, c + 1).style = style;
    ws.getCell(cell.row + 1, cell.col + 1).value = excelValue(written[i].value, written[i].formula);
  });
  for (const m of mergesOf(def)) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  // Names are workbook-scoped in the file; a second template in the same workbook keeps the first's names.
  for (const n of namesOf(def)) {
    const abs = n.a1.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    if (!hasDefinedName(wb, n.name)) wb.definedNames.add(`'${name.replace(/'/g, "''")}'!${abs}`, n.name);
  }
  return ws;
}

function hasDefinedName(wb: ExcelJS.Workbook, name: string): boolean {
  const model = (wb.definedNames as unknown as { model: { name: string }[] }).model;
  return Array.isArray(model) && model.some((d) => d.name.toLowerCase() === name.toLowerCase());
}

/** A new workbook holding one template. */
function templateWorkbook(kind: TemplateKind, options: TemplateOptions = {}): ExcelJS.Workbook {
  const def = buildTemplate(kind, options);
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效评价助手";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  writeTemplateSheet(wb, def);
  return wb;
}

/** The .xlsx bytes of one template. */
export async function templateToBuffer(kind: TemplateKind, options: TemplateOptions = {}): Promise<Buffer> {
  const wb = templateWorkbook(kind, options);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
