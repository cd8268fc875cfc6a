import * as ExcelJS from "exceljs";
import type { TemplateKind } from "../../src/core/templates";
import { buildTemplate } from "../../src/core/templates";
import { writeTemplateSheet } from "../../src/xlsx/templateWriter";

/** The seed example as an evaluator's workbook: every example form the product has, in one file. */
export const SEED_KINDS: TemplateKind[] = ["declaration", "self-assessment", "survey", "indicator-system"];

export async function seedWorkbookBuffer(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const k of SEED_KINDS) writeTemplateSheet(wb, buildTemplate(k, { example: true }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
