/**
 * Template definition → a new worksheet through Office.js. Renders the same core definition as the .xlsx
 * writer, in exactly two syncs: one to learn the sheet names, defined names and workbook protection, one to
 * write everything. A new sheet is always added (suffixed when its name is taken): nothing existing is
 * touched. If the write fails, the half-written sheet is deleted (one more sync) and the user is told.
 */
import type { Bilingual } from "../core/locale";
import { toA1 } from "../core/a1";
import {
  borderEdges,
  buildTemplate,
  fontOf,
  TemplateOptionsError,
  isTemplateKind,
  namesOf,
  STYLES,
  TEMPLATE_KINDS,
  uniqueSheetName,
  writtenCells,
  type BorderEdge,
  type StyleSpec,
  type TemplateCell,
  type TemplateDefinition,
  type TemplateKind,
  type TemplateOptions,
} from "../core/templates";
import { isEvalError } from "../core/errors";
import { toUserFacingError, UserFacingError } from "./errors";

/** ExcelApi needed for everything written here (workbook.protection is 1.7). Page setup needs 1.9 and is skipped below it. */
export const TEMPLATE_API_MINOR = 7;
const PAGE_LAYOUT_MINOR = 9;
const GRIDLINES_MINOR = 8;

const bi = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, "en-US": en });

function apiSupported(minor: number): boolean {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return req ? req.isSetSupported("ExcelApi", `1.${minor}`) : false;
}

/** Excel character units → points for `format.columnWidth` (7 px per character plus 5 px padding, 0.75 pt per px). */
function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN: Record<StyleSpec["hAlign"], Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
};
const V_ALIGN: Record<StyleSpec["vAlign"], Excel.VerticalAlignment> = {
  top: "Top" as Excel.VerticalAlignment,
  middle: "Center" as Excel.VerticalAlignment,
};
const EDGE_INDEX: Record<BorderEdge, Excel.BorderIndex> = {
  top: "EdgeTop" as Excel.BorderIndex,
  bottom: "EdgeBottom" as Excel.BorderIndex,
  left: "EdgeLeft" as Excel.BorderIndex,
  right: "EdgeRight" as Excel.BorderIndex,
};

function areaOf(cell: TemplateCell): string {
  const tl = toA1(cell.row, cell.col);
  const rows = cell.rowSpan ?? 1;
  const cols = cell.colSpan ?? 1;
  return rows === 1 && cols === 1 ? tl : `${tl}:${toA1(cell.row + rows - 1, cell.col + cols - 1)}`;
}

function grid<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

/**
 * Queue every write of a definition on `ws` (no sync here). `takenNames`: defined names already in the
 * workbook (lower case); those are skipped, since a workbook name can point at one cell only.
 */
export function queueTemplateWrites(
  ws: Excel.Worksheet,
  names: Excel.NamedItemCollection,
  def: TemplateDefinition,
  takenNames: Set<string>,
  withPageLayout: boolean,
  withGridlines = withPageLayout,
): void {
  // Forms print their own borders; hide the grid where the host can (ExcelApi 1.8).
  if (withGridlines) ws.showGridlines = false;
  def.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = charsToPoints(w);
  });
  for (const [r, h] of Object.entries(def.rowHeights)) ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;

  const written = writtenCells(def);
  def.cells.forEach((cell, i) => {
    const spec = STYLES[cell.style];
    const rows = cell.rowSpan ?? 1;
    const cols = cell.colSpan ?? 1;
    const area = ws.getRange(areaOf(cell));
    if (rows > 1 || cols > 1) area.merge(false);
    area.format.horizontalAlignment = H_ALIGN[spec.hAlign];
    area.format.verticalAlignment = V_ALIGN[spec.vAlign];
    area.format.wrapText = spec.wrap;
    if (spec.bold) area.format.font.bold = true;
    if (spec.italic) area.format.font.italic = true;
    const font = fontOf(cell.style, def.lang);
    area.format.font.name = font.name;
    area.format.font.size = font.size;
    if (spec.fill) area.format.fill.color = `#${spec.fill}`;
    for (const edge of borderEdges(spec)) {
      const border = area.format.borders.getItem(EDGE_INDEX[edge]);
      border.style = "Continuous" as Excel.BorderLineStyle;
      border.weight = "Thin" as Excel.BorderWeight;
      border.color = "#000000";
    }
    // The number format goes first: with "@" a typed "=…" stays text instead of becoming a formula.
    if (cell.numFmt) area.numberFormat = grid(rows, cols, cell.numFmt);
    const w = written[i];
    const top = ws.getRange(toA1(cell.row, cell.col));
    if (w.formula) top.formulas = [[w.formula]];
    else if (w.value !== null && !isEvalError(w.value)) top.values = [[w.value]];
  });

  for (const n of namesOf(def)) {
    if (takenNames.has(n.name.toLowerCase())) continue;
    names.add(n.name, ws.getRange(n.a1));
    takenNames.add(n.name.toLowerCase());
  }

  if (withPageLayout) {
    const p = ws.pageLayout;
    p.paperSize = "A4" as Excel.PaperType;
    p.orientation = (def.print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
    p.centerHorizontally = true;
    // The scale the layout computed so the form fills one A4 page with text never below 9 pt.
    p.zoom = { scale: def.print.scale };
    const rep = def.print.repeatRows;
    if (rep) p.setPrintTitleRows(`$${rep.from + 1}:$${rep.to + 1}`);
  }
}

/**
 * Insert a template as a new, activated sheet; resolves with the sheet's name. Throws a UserFacingError
 * (zh-CN/en-US) for an unknown kind, a host without ExcelApi 1.7, a protected workbook, or a failed write
 * (after removing the half-written sheet).
 */
export async function insertTemplate(
  kind: TemplateKind,
  options: TemplateOptions = {},
): Promise<{ sheetName: string }> {
  if (!isTemplateKind(kind)) {
    throw new UserFacingError(
      bi(
        `未知的模板类型：${String(kind)}（可选：${TEMPLATE_KINDS.join("、")}）`,
        `Unknown template kind: ${String(kind)} (one of ${TEMPLATE_KINDS.join(", ")})`,
      ),
    );
  }
  if (!apiSupported(TEMPLATE_API_MINOR)) {
    throw new UserFacingError(
      bi(
        `此版本的 Excel 不支持插入模板（需要 ExcelApi 1.${TEMPLATE_API_MINOR}）。请更新 Office 或使用 Excel 网页版；也可以用命令行 perf-eval template 导出 .xlsx 文件。`,
        `This version of Excel cannot insert templates (ExcelApi 1.${TEMPLATE_API_MINOR} is required). Update Office or use Excel on the web, or export an .xlsx file with perf-eval template.`,
      ),
      "ApiNotFound",
    );
  }
  let def: TemplateDefinition;
  try {
    def = buildTemplate(kind, options);
  } catch (e) {
    if (e instanceof TemplateOptionsError) throw new UserFacingError(e.bilingual, "InvalidArgument", e);
    throw e;
  }
  const withPageLayout = apiSupported(PAGE_LAYOUT_MINOR);
  const withGridlines = apiSupported(GRIDLINES_MINOR);
  const doing = bi("插入模板", "Inserting the template");

  return Excel.run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    const { sheetNames, taken } = await namesForNewSheets(
      context,
      doing,
      bi(
        "工作簿结构受保护，无法添加工作表。请先撤销工作簿保护（审阅 → 保护工作簿）再插入模板。工作簿未被修改。",
        "The workbook's structure is protected, so no sheet can be added. Unprotect the workbook (Review → Protect Workbook) and insert the template again. The workbook was not changed.",
      ),
    );
    const sheetName = uniqueSheetName(def.sheetName, sheetNames);
    try {
      const ws = sheets.add(sheetName);
      queueTemplateWrites(ws, wb.names, def, taken, withPageLayout, withGridlines);
      ws.activate();
      await context.sync();
    } catch (e) {
      // Never leave a half-written sheet behind: delete it (one more sync, only on this path).
      let cleaned = true;
      try {
        sheets.getItem(sheetName).delete();
        await context.sync();
      } catch (cleanupError) {
        // ItemNotFound: the sheet was never added, so there is nothing to remove.
        cleaned = (cleanupError as { code?: string })?.code === "ItemNotFound";
      }
      throw toUserFacingError(
        e,
        doing,
        cleaned
          ? bi(
              "没有留下不完整的工作表，工作簿中原有内容未被修改。",
              "No half-written sheet was left; nothing already in the workbook was changed.",
            )
          : bi(
              `未能删除不完整的工作表“${sheetName}”，请手动删除。原有工作表未被修改。`,
              `The half-written sheet '${sheetName}' could not be removed; please delete it. No existing sheet was changed.`,
            ),
      );
    }
    return { sheetName };
  });
}

/**
 * What adding sheets needs, in one request: the sheet names and the defined names (lower-cased) already taken,
 * after refusing a workbook whose structure is protected with `protectedText`. Nothing is written.
 */
export async function namesForNewSheets(
  context: Excel.RequestContext,
  doing: Bilingual,
  protectedText: Bilingual,
): Promise<{ sheetNames: string[]; taken: Set<string> }> {
  const wb = context.workbook;
  wb.worksheets.load("items/name");
  wb.names.load("items/name");
  wb.protection.load("protected");
  try {
    await context.sync();
  } catch (e) {
    throw toUserFacingError(e, doing, bi("工作簿未被修改。", "The workbook was not changed."));
  }
  if (wb.protection.protected) throw new UserFacingError(protectedText, "WorkbookProtected");
  return {
    sheetNames: wb.worksheets.items.map((s) => s.name),
    taken: new Set(wb.names.items.map((n) => n.name.toLowerCase())),
  };
}
