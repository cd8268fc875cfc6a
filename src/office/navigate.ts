/** Selecting a finding's cell: activate its sheet and select the cell (what a click on a finding does). */
import { toUserFacingError } from "./errors";

export async function selectCell(sheet: string, a1: string, context?: Excel.RequestContext): Promise<void> {
  if (!context) return Excel.run((ctx) => selectCell(sheet, a1, ctx));
  try {
    // No sheet name: a cell on the active sheet.
    const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
    ws.activate();
    ws.getRange(a1.replace(/\$/g, "")).select();
    await context.sync();
  } catch (e) {
    throw toUserFacingError(e, { "zh-CN": `定位到 ${sheet}!${a1}`, "en-US": `Going to ${sheet}!${a1}` });
  }
}

/** "自评表!D14" or "'My Sheet'!D14" → select it. */
export async function selectReference(ref: string, context?: Excel.RequestContext): Promise<void> {
  const bang = ref.lastIndexOf("!");
  if (bang <= 0) return selectCell("", ref, context);
  let sheet = ref.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return selectCell(sheet, ref.slice(bang + 1), context);
}
