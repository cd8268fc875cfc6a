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
