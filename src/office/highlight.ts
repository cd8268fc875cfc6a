/**
 * Optional highlighting of finding cells — the only write the add-in ever makes to user cells, and only when
 * the user turns it on. Each cell's original fill (including "no fill", which Excel reports as white with
 * pattern "None") is remembered in the workbook's settings *before* any fill is changed, in the same request,
 * so even a half-applied request can be undone. clearHighlights restores exactly, and leaves alone any cell
 * whose fill the user changed after highlighting.
 */
import type { Finding, Severity } from "../core/findings";
import { apiSupported, toUserFacingError } from "./errors";

const HIGHLIGHT_SETTING = "perfEval.highlights";

const HIGHLIGHT_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** One highlighted cell: where, the fill it had (null = none) and the fill we put there. */
interface HighlightRecord {
  sheet: string;
  /** Worksheet.id: survives a rename of the sheet between highlighting and clearing. */
  sheetId?: string;
  cell: string;
  color: string | null;
  pattern: string | null;
  applied: string;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

const keyOf = (sheet: string, cell: string) => `${sheet}\u0000${cell.toUpperCase()}`;

/** Highlight every finding's cell by its most severe finding; returns how many cells were highlighted. */
export async function highlightFindings(
  findings: readonly Finding[],
  context?: Excel.RequestContext,
): Promise<{ highlighted: number; skippedProtected: string[] }> {
  if (!context) return Excel.run((ctx) => highlightFindings(findings, ctx));
  try {
    return await highlight(context, findings);
  } catch (e) {
    // Restore whatever part of the request was applied, from the record written first.
    let restored = true;
    try {
      await clearHighlights(context);
    } catch {
      restored = false;
    }
    throw toUserFacingError(
      e,
      { "zh-CN": "标记问题单元格", "en-US": "Highlighting the cells" },
      restored
        ? { "zh-CN": "已恢复所有单元格原来的填充色。", "en-US": "Every cell's original fill was restored." }
        : {
            "zh-CN": "部分单元格可能仍带有标记颜色，请点击“清除标记”恢复。",
            "en-US": "Some cells may still be highlighted; use Clear highlights to restore them.",
          },
    );
  }
}

async function highlight(
  context: Excel.RequestContext,
  findings: readonly Finding[],
): Promise<{ highlighted: number; skippedProtected: string[] }> {
  const wanted = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    const k = keyOf(f.sheet, f.cell);
    const prev = wanted.get(k);
    if (!prev || RANK[f.severity] > RANK[prev.severity])
      wanted.set(k, { sheet: f.sheet, cell: f.cell.toUpperCase(), severity: f.severity });
  }

  // Request 1: the existing record, the sheets and their protection, each target cell's current fill.
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/protection/protected");
  await context.sync();
  const existing = renamed(setting.isNullObject ? [] : parseRecord(setting.value), sheets.items);
  const idOf = new Map(sheets.items.map((s) => [s.name, s.id]));
  const protectedSheets = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
  const present = new Set(sheets.items.map((s) => s.name));
  const skippedProtected = [
    ...new Set([...wanted.values()].filter((w) => protectedSheets.has(w.sheet)).map((w) => w.sheet)),
  ];
  const targets = [...wanted.values()].filter((w) => present.has(w.sheet) && !protectedSheets.has(w.sheet));

  const byKey = new Map(existing.map((r) => [keyOf(r.sheet, r.cell), r]));
  // fill.pattern (ExcelApi 1.9) tells "no fill" from white; without it white is taken for no fill.
  const withPattern = apiSupported(9);
  const fills = targets.map((t) => {
    const fill = context.workbook.worksheets.getItem(t.sheet).getRange(t.cell).format.fill;
    fill.load(withPattern ? "color,pattern" : "color");
    return fill;
  });
  await context.sync();

  // A cell highlighted before keeps its true original; a new one records what it has now.
  const records = new Map(byKey);
  targets.forEach((t, i) => {
    const k = keyOf(t.sheet, t.cell);
    const before = byKey.get(k);
    const none = withPattern
      ? fills[i].pattern === "None" || fills[i].color === null
      : fills[i].color === null || fills[i].color.toUpperCase() === "#FFFFFF";
    const rec: HighlightRecord = before
      ? { ...before, applied: HIGHLIGHT_COLORS[t.severity] }
      : {
          sheet: t.sheet,
          sheetId: idOf.get(t.sheet),
          cell: t.cell,
          color: none ? null : fills[i].color,
          pattern: none ? null : withPattern ? fills[i].pattern : "Solid",
          applied: HIGHLIGHT_COLORS[t.severity],
        };
    records.set(k, rec);
  });

  // Request 2: the record first, then the fills — so whatever gets applied can be undone.
  context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify([...records.values()]));
  for (const t of targets) {
    context.workbook.worksheets.getItem(t.sheet).getRange(t.cell).format.fill.color = records.get(
      keyOf(t.sheet, t.cell),
    )!.applied;
  }
  await context.sync();
  return { highlighted: targets.length, skippedProtected };
}

/** Records with each sheet's current name, found by its id (a sheet renamed since keeps its highlights). */
function renamed(records: HighlightRecord[], sheets: { name: string; id: string }[]): HighlightRecord[] {
  const nameOf = new Map(sheets.map((s) => [s.id, s.name]));
  return records.map((r) => {
    const now = r.sheetId ? nameOf.get(r.sheetId) : undefined;
    return now && now !== r.sheet ? { ...r, sheet: now } : r;
  });
}

function parseRecord(v: unknown): HighlightRecord[] {
  try {
    const arr = typeof v === "string" ? JSON.parse(v) : v;
    return Array.isArray(arr) ? arr.filter((r) => r && typeof r.sheet === "string" && typeof r.cell === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Restore every highlighted cell's original fill and forget the record. A cell whose fill no longer is the one
 * we applied was changed by the user since, and is left as it is. Returns how many cells were restored.
 */
export async function clearHighlights(context?: Excel.RequestContext): Promise<number> {
  if (!context) return Excel.run((ctx) => clearHighlights(ctx));
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/protection/protected");
  await context.sync();
  if (setting.isNullObject) return 0;
  const records = renamed(parseRecord(setting.value), sheets.items);
  const writable = new Set(sheets.items.filter((s) => !s.protection.protected).map((s) => s.name));
  const live = records.filter((r) => writable.has(r.sheet));
  const fills = live.map((r) => {
    const fill = context.workbook.worksheets.getItem(r.sheet).getRange(r.cell).format.fill;
    fill.load("color");
    return fill;
  });
  await context.sync();

  let restored = 0;
  live.forEach((r, i) => {
    if (fills[i].color?.toUpperCase() !== r.applied.toUpperCase()) return;
    const fill = context.workbook.worksheets.getItem(r.sheet).getRange(r.cell).format.fill;
    if (r.color === null) fill.clear();
    else {
      fill.color = r.color;
      if (r.pattern && r.pattern !== "Solid" && apiSupported(9)) fill.pattern = r.pattern as Excel.FillPattern;
    }
    restored++;
  });
  // Forget the record last: if this request fails part-way, a retry still knows the originals.
  const kept = records.filter((r) => !writable.has(r.sheet) && sheets.items.some((s) => s.name === r.sheet));
  if (kept.length) context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify(kept));
  else context.workbook.settings.getItem(HIGHLIGHT_SETTING).delete();
  try {
    await context.sync();
  } catch (e) {
    throw toUserFacingError(
      e,
      { "zh-CN": "清除标记", "en-US": "Clearing highlights" },
      {
        "zh-CN": "标记记录已保留，可以再次点击“清除标记”。",
        "en-US": "The highlight record was kept; you can try Clear highlights again.",
      },
    );
  }
  return restored;
}

/** How many cells carry a highlight this add-in applied (0 when none): the pane offers 清除标记 only then. */
export async function countHighlights(context?: Excel.RequestContext): Promise<number> {
  if (!context) return Excel.run((ctx) => countHighlights(ctx));
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load("value");
  await context.sync();
  return setting.isNullObject ? 0 : parseRecord(setting.value).length;
}
