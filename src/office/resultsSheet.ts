/**
 * The optional 检查结果 sheet: one row per finding with a hyperlink to its cell. It is always a new sheet
 * (a suffix when the name is taken — never overwrite), every cell is formatted as text ("@") before its value
 * is written so that a message starting with = + - @ stays literal, and a failure part-way removes the
 * partial sheet so nothing is left half-written.
 */
import type { Finding, Severity } from "../core/findings";
import type { Locale } from "../core/locale";
import { type SheetSnapshot } from "../core/snapshot";
import { qualify } from "../core/a1";
import { uniqueSheetName } from "../core/templates/sheetName";
import { isPayloadLimitError, officeErrorCode, toUserFacingError, UserFacingError } from "./errors";
import { currentLocale } from "./locale";
import { ruleTitle } from "../i18n/index";
import { NOTHING_RECOGNIZED, describeRecognized, type RecognizedTable } from "../core/recognize/coverage";

const RESULTS_SHEET_BASE = "检查结果";
/** The results sheet's name in the language it is written in. */
const RESULTS_SHEET_NAMES: Record<Locale, string> = { "zh-CN": RESULTS_SHEET_BASE, "en-US": "Check results" };

const RESULTS_HEADERS: Record<Locale, readonly string[]> = {
  "zh-CN": ["级别", "规则", "工作表", "单元格", "说明", "相关单元格"],
  "en-US": ["Severity", "Rule", "Sheet", "Cell", "Message", "Related cells"],
};

const SEVERITY_LABEL: Record<Severity, Record<Locale, string>> = {
  error: { "zh-CN": "错误", "en-US": "Error" },
  warning: { "zh-CN": "警告", "en-US": "Warning" },
  info: { "zh-CN": "提示", "en-US": "Info" },
};

const COLUMN_WIDTHS = [48, 150, 90, 60, 420, 160];

/** A sheet this add-in wrote (its header row is ours): checks skip it. */
export function isResultsSheet(s: SheetSnapshot): boolean {
  const first = s.values[0];
  if (!first || s.originRow !== 0 || s.originCol !== 0) return false;
  return Object.values(RESULTS_HEADERS).some((h) => h.every((x, i) => first[i] === x));
}

/** The rows written for the findings (text only), in the given language. */
function resultRows(findings: readonly Finding[], locale: Locale): string[][] {
  const sep = locale === "zh-CN" ? "、" : ", ";
  return findings.map((f) => [
    SEVERITY_LABEL[f.severity][locale],
    // The rule's title in the reader's language; the id stays in the CLI's JSON, not in a sheet people read.
    ruleTitle(f.rule, locale),
    f.sheet,
    f.cell,
    f.message[locale],
    f.related.join(sep),
  ]);
}

interface ResultsSheetOptions {
  locale?: Locale;
  context?: Excel.RequestContext;
  /** Rows per request (halved automatically when Excel refuses a request for its size). */
  rowsPerSync?: number;
  /** Name of the profile the check used: stated in a last row, so the record says which rules applied. */
  profile?: string;
  /**
   * What the check recognized, listed after the findings so the record says what was read. Given and empty, the
   * sheet says nothing was recognized, never "no issues found".
   */
  recognized?: readonly RecognizedTable[];
}

/** Write the findings to a new results sheet; returns its name. */
async function writeResultsSheet(findings: readonly Finding[], options: ResultsSheetOptions = {}): Promise<string> {
  if (!options.context) return Excel.run((ctx) => writeResultsSheet(findings, { ...options, context: ctx }));
  const context = options.context;
  const locale = options.locale ?? currentLocale();
  const headers = RESULTS_HEADERS[locale];
  // With nothing found the sheet still says so: it is the evaluator's record that the check ran.
  const nothingRead = options.recognized !== undefined && options.recognized.length === 0;
  const none = nothingRead ? NOTHING_RECOGNIZED[locale] : locale === "zh-CN" ? "未发现问题。" : "No issues found.";
  const rows = findings.length ? resultRows(findings, locale) : [["", "", "", "", none, ""]];
  for (const t of options.recognized ?? [])
    rows.push([
      "",
      "",
      t.sheet,
      t.range,
      `${locale === "zh-CN" ? "识别：" : "Recognized: "}${describeRecognized(t, locale)}`,
      "",
    ]);
  if (options.profile)
    rows.push(["", "", "", "", `${locale === "zh-CN" ? "评价口径：" : "Profile: "}${options.profile}`, ""]);
  const ncol = headers.length;

  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  await context.sync();
  const existingIds = new Set(sheets.items.map((s) => s.id));
  const name = uniqueSheetName(
    RESULTS_SHEET_NAMES[locale],
    sheets.items.map((s) => s.name),
  );

  try {
    const ws = sheets.add(name);
    const head = ws.getRangeByIndexes(0, 0, 1, ncol);
    head.numberFormat = [headers.map(() => "@")];
    head.values = [headers.slice()];
    head.format.font.bold = true;
    head.format.fill.color = "#DDEBF7";
    ws.freezePanes.freezeRows(1);
    COLUMN_WIDTHS.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w));
    await context.sync();

    let chunk = Math.max(1, options.rowsPerSync ?? 1000);
    let start = 0;
    while (start < rows.length) {
      const n = Math.min(chunk, rows.length - start);
      const block = rows.slice(start, start + n);
      const rg = ws.getRangeByIndexes(1 + start, 0, n, ncol);
      // Text format first, in the same request: Excel would turn "=…", "+…", "-…", "@…" into formulas otherwise.
      rg.numberFormat = block.map(() => headers.map(() => "@"));
      rg.values = block;
      block.forEach((_, i) => {
        const f = findings[start + i];
        if (!f) return;
        ws.getRangeByIndexes(1 + start + i, 3, 1, 1).hyperlink = {
          documentReference: qualify(f.sheet, f.cell),
          screenTip: qualify(f.sheet, f.cell),
        };
        if (f.related.length)
          ws.getRangeByIndexes(1 + start + i, 5, 1, 1).hyperlink = {
            documentReference: f.related[0],
            screenTip: f.related[0],
          };
      });
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each block is its own request to stay under the payload limit
        await context.sync();
      } catch (e) {
        if (!isPayloadLimitError(e) || n === 1) throw e;
        chunk = Math.ceil(n / 2);
        continue;
      }
      start += n;
    }
    return name;
  } catch (e) {
    // Even a refused first request may have created the sheet (a half-applied batch): look — unless the add
    // itself was refused because someone else took the name meanwhile; that sheet is not ours to remove.
    const removed = officeErrorCode(e) === "ItemAlreadyExists" || (await removeSheet(context, name, existingIds));
    throw toUserFacingError(
      e,
      { "zh-CN": "写入“检查结果”工作表", "en-US": "Writing the results sheet" },
      removed
        ? {
            "zh-CN": "未完成的结果表已删除，其他工作表未被修改。",
            "en-US": "The incomplete results sheet was removed; no other sheet was changed.",
          }
        : {
            "zh-CN": `请手动删除未完成的工作表“${name}”；其他工作表未被修改。`,
            "en-US": `Please delete the incomplete sheet "${name}" by hand; no other sheet was changed.`,
          },
    );
  }
}

/** Best-effort removal of the partially written sheet (never one that existed before); true when none is left. */
async function removeSheet(context: Excel.RequestContext, name: string, existingIds: Set<string>): Promise<boolean> {
  try {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("id");
    await context.sync();
    if (ws.isNullObject || existingIds.has(ws.id)) return true;
    ws.delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** Workbook setting naming the results sheet this add-in last wrote (by Worksheet.id, which survives renames). */
const RESULTS_SHEET_SETTING = "perfEval.resultsSheet";

/**
 * One results sheet per workbook: write the new one first (a new sheet, as writeResultsSheet always does), then
 * remove the one the previous run wrote and give the new one its name. The old sheet is removed only when it is
 * provably ours: its id is the one recorded in the workbook's settings and its header row is still our header.
 * A sheet the user made, renamed into place or changed the header of is never removed; then the new sheet
 * simply keeps its suffixed name. Returns the new sheet's name and the name of the sheet it replaced.
 */
export async function replaceResultsSheet(
  findings: readonly Finding[],
  options: ResultsSheetOptions = {},
): Promise<{ name: string; replaced?: string }> {
  if (!options.context) return Excel.run((ctx) => replaceResultsSheet(findings, { ...options, context: ctx }));
  const context = options.context;
  const setting = context.workbook.settings.getItemOrNullObject(RESULTS_SHEET_SETTING);
  setting.load("value");
  await context.sync();
  const oldId = setting.isNullObject ? null : String(setting.value);
  let old: { ws: Excel.Worksheet; name: string } | null = null;
  if (oldId) {
    const ws = context.workbook.worksheets.getItemOrNullObject(oldId);
    ws.load("name");
    await context.sync();
    if (!ws.isNullObject) {
      const head = ws.getRangeByIndexes(0, 0, 1, RESULTS_HEADERS["zh-CN"].length);
      head.load("values");
      await context.sync();
      const row = head.values[0] ?? [];
      const ours = Object.values(RESULTS_HEADERS).some((h) => h.every((x, i) => row[i] === x));
      if (ours) old = { ws, name: ws.name };
    }
  }
  const name = await writeResultsSheet(findings, options);
  const ws = context.workbook.worksheets.getItem(name);
  ws.load("id");
  await context.sync();
  // Record the new sheet before touching the old one: whatever happens next, the next run knows which is ours.
  context.workbook.settings.add(RESULTS_SHEET_SETTING, ws.id);
  await context.sync();
  if (!old) return { name };
  try {
    old.ws.delete();
    await context.sync();
    if (name !== old.name) {
      ws.name = old.name;
      await context.sync();
      return { name: old.name, replaced: old.name };
    }
    return { name, replaced: old.name };
  } catch (e) {
    throw toUserFacingError(
      e,
      { "zh-CN": "替换上次的“检查结果”工作表", "en-US": "Replacing the previous results sheet" },
      {
        "zh-CN": `新的检查结果已写入工作表“${name}”；上次的结果表未能删除。`,
        "en-US": `The new findings are in sheet "${name}"; the previous results sheet could not be removed.`,
      },
    );
  }
}

export { UserFacingError };
