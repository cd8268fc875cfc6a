/**
 * The drafted notice and rectification report as .xlsx sheets (ExcelJS). Each sentence keeps its source: the
 * 来源 column names the cell, and a note on the sentence says which file and cell it came from. A hyperlink
 * would point into the input file, which the output does not contain; a note needs nothing outside the file.
 */
import * as ExcelJS from "exceljs";
import {
  noticeSheet,
  rectificationSheet,
  sourceText,
  type DraftSheet,
  type NoticeDraft,
  type SourceRef,
} from "../core/notice";
import { writeTemplateSheet } from "./templateWriter";

/**
 * The input file and sheet a drafted sheet name stands for (several inputs are drafted as one workbook, whose
 * sheet names may carry a " (2)" suffix).
 */
type Locate = (source: SourceRef) => { file: string; sheet: string } | undefined;

function writeDraftSheet(wb: ExcelJS.Workbook, sheet: DraftSheet, locate?: Locate): ExcelJS.Worksheet {
  const ws = writeTemplateSheet(wb, sheet.def);
  for (const l of sheet.links) {
    const o = locate?.(l.source);
    const ref = sourceText(o ? { sheet: o.sheet, cell: l.source.cell } : l.source);
    ws.getCell(l.row + 1, l.col + 1).note = `来源 / source: ${o ? `${o.file} ` : ""}${ref}`;
    if (o) ws.getCell(l.refRow + 1, l.refCol + 1).value = `[${o.file}]${ref}`;
  }
  return ws;
}

/** A new workbook with the notice and the rectification report drafted from it. */
export function noticeWorkbook(draft: NoticeDraft, locate?: Locate): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效评价助手";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  writeDraftSheet(wb, noticeSheet(draft), locate);
  writeDraftSheet(wb, rectificationSheet(draft), locate);
  return wb;
}
