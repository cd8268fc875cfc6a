/**
 * The demo page: installs the simulated Excel host (no Office.js, no network), fills it with the seed's example
 * forms, shows its sheets as grids and runs the real task pane beside them, so the add-in can be tried without
 * Excel. The grid is plain DOM and always rendered with textContent (cell text is never parsed as HTML).
 */
import { formatCellText, installSimHost } from "../sim/index";
import { toLocale, type Locale } from "../core/locale";
import { type CellValue } from "../core/snapshot";
import { colToLetters, toA1 } from "../core/a1";
import { t } from "../i18n/index";
import { mountTaskpane } from "../taskpane/mount";

/** The part of the simulated workbook the grid reads (raw accessors, no syncs). */
interface DemoSheet {
  id: string;
  name: string;
  visibility: string;
  merges: { r0: number; c0: number; r1: number; c1: number }[];
  colWidths: Map<number, number>;
  selection: { r0: number; c0: number; r1: number; c1: number };
  usedBounds(valuesOnly?: boolean): { r0: number; c0: number; r1: number; c1: number } | null;
  cell(
    r: number,
    c: number,
  ): {
    value: unknown;
    formula: string | null;
    numberFormat: string;
    fill: string | null;
    font: { bold: boolean; italic: boolean; color: string };
    horizontalAlignment?: string;
    wrapText?: boolean;
  };
}
interface DemoWorkbook {
  sheets: DemoSheet[];
  activeSheetId: string | null;
  activeSheet: DemoSheet | undefined;
}
interface DemoHost {
  workbook: DemoWorkbook;
  syncCount: number;
  onChange(listener: () => void): unknown;
  actions: Map<string, (event?: unknown) => unknown>;
}

const MAX_ROWS = 300;
const MAX_COLS = 40;

const CSS = `
html, body { margin: 0; height: 100%; font: 12px "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif; }
#demo-app { display: flex; height: 100vh; }
.demo-book { flex: 1; display: flex; flex-direction: column; min-width: 0; border-right: 1px solid #c8c8c8; background: #fff; }
.demo-banner { background: #fff4ce; color: #5c4400; padding: 4px 10px; border-bottom: 1px solid #f0d78c; }
.demo-ribbon { display: flex; gap: 6px; align-items: center; padding: 4px 8px; background: #f3f2f1; border-bottom: 1px solid #e0e0e0; }
.demo-ribbon-label { color: #605e5c; padding-right: 6px; border-right: 1px solid #d0d0d0; }
.demo-ribbon button { font: inherit; padding: 3px 10px; border: 1px solid #107c41; border-radius: 3px; background: #fff; color: #107c41; cursor: pointer; }
.demo-ribbon button:disabled { opacity: 0.5; cursor: default; }
.demo-bar { display: flex; gap: 8px; align-items: center; padding: 3px 8px; border-bottom: 1px solid #e0e0e0; background: #f8f8f8; }
.demo-namebox { font-family: Consolas, monospace; min-width: 160px; padding: 1px 6px; border: 1px solid #c8c8c8; background: #fff; }
.demo-formula { flex: 1; font-family: Consolas, monospace; color: #444; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.demo-grid-wrap { flex: 1; overflow: auto; }
table.demo-grid { border-collapse: collapse; table-layout: fixed; }
.demo-grid th { background: #f3f3f3; color: #555; font-weight: normal; border: 1px solid #d6d6d6; position: sticky; top: 0; z-index: 1; height: 18px; }
.demo-grid th.rh { position: sticky; left: 0; width: 36px; z-index: 1; }
.demo-grid td { border: 1px solid #e1e1e1; padding: 1px 3px; height: 18px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; vertical-align: middle; cursor: cell; }
.demo-grid td.wrap { white-space: normal; }
.demo-grid td.num { text-align: right; }
.demo-grid td.sel { outline: 2px solid #107c41; outline-offset: -2px; }
.demo-tabs { display: flex; gap: 1px; padding: 0 8px; background: #f0f0f0; border-top: 1px solid #d0d0d0; overflow-x: auto; }
.demo-tabs button { border: none; background: transparent; padding: 4px 12px; cursor: pointer; font: inherit; white-space: nowrap; }
.demo-tabs button.active { background: #fff; color: #107c41; font-weight: 600; border-bottom: 2px solid #107c41; }
.demo-empty { padding: 24px; color: #888; }
.demo-pane { width: 360px; flex: none; overflow: auto; }
/* In Excel the pane is a separate web view: here layout and paint of the grid and the pane are kept apart too,
   so a change in one never lays out or repaints the other. */
.demo-book { contain: strict; will-change: transform; }
.demo-pane { contain: layout paint style; will-change: transform; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Renders the active sheet; returns nothing, replaces the grid container's content. */
function renderSheet(
  sheet: DemoSheet,
  container: HTMLElement,
  locale: Locale,
  onSelect: (r: number, c: number) => void,
) {
  container.replaceChildren();
  const bounds = sheet.usedBounds();
  if (!bounds) {
    container.append(el("div", "demo-empty", t(locale, "demoEmptySheet")));
    return;
  }
  const rows = Math.min(bounds.r1 + 1, MAX_ROWS);
  const cols = Math.min(bounds.c1 + 1, MAX_COLS);
  // Merged areas: the top-left cell spans, the others are skipped.
  const covered = new Set<string>();
  const spans = new Map<string, { rs: number; cs: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.r0},${m.c0}`, { rs: m.r1 - m.r0 + 1, cs: m.c1 - m.c0 + 1 });
    for (let r = m.r0; r <= m.r1; r++)
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }
  const table = el("table", "demo-grid");
  table.dataset.sheet = sheet.name;
  const colgroup = el("colgroup");
  colgroup.append(Object.assign(el("col"), { style: "width:36px" }));
  for (let c = 0; c < cols; c++) {
    const col = el("col");
    const pts = sheet.colWidths.get(c) ?? 64;
    col.style.width = `${Math.round(Math.max(24, pts) * (4 / 3))}px`;
    colgroup.append(col);
  }
  table.append(colgroup);
  const head = el("tr");
  head.append(el("th", "rh"));
  for (let c = 0; c < cols; c++) head.append(el("th", undefined, colToLetters(c)));
  table.append(head);
  const sel = sheet.selection;
  for (let r = 0; r < rows; r++) {
    const tr = el("tr");
    tr.append(el("th", "rh", String(r + 1)));
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = sheet.cell(r, c);
      const text = formatCellText(cell.value as CellValue, cell.numberFormat);
      const td = el("td", undefined, text);
      const span = spans.get(`${r},${c}`);
      if (span) {
        td.rowSpan = Math.min(span.rs, rows - r);
        td.colSpan = Math.min(span.cs, cols - c);
      }
      if (typeof cell.value === "number") td.classList.add("num");
      if (cell.wrapText) td.classList.add("wrap");
      if (cell.horizontalAlignment === "Center" || cell.horizontalAlignment === "CenterAcrossSelection")
        td.style.textAlign = "center";
      if (cell.horizontalAlignment === "Right") td.style.textAlign = "right";
      if (cell.fill) td.style.background = cell.fill;
      if (cell.font.bold) td.style.fontWeight = "600";
      if (cell.font.italic) td.style.fontStyle = "italic";
      if (cell.font.color && cell.font.color !== "#000000") td.style.color = cell.font.color;
      if (r === sel.r0 && c === sel.c0) td.classList.add("sel");
      td.dataset.addr = toA1(r, c);
      td.title = cell.formula ? `${toA1(r, c)}: ${cell.formula}` : toA1(r, c);
      td.addEventListener("click", () => onSelect(r, c));
      tr.append(td);
    }
    table.append(tr);
  }
  container.append(table);
}

async function seed(lang: Locale): Promise<void> {
  // The seed's example forms: a declaration and a self-assessment whose cost indicators disagree (the seed's
  // ≤628,678,956.50元 vs ≤628,278,103.22元), so the check has something real to find.
  const { insertTemplate } = await import(/* webpackChunkName: "office-templates" */ "../office/templateWriter");
  // The forms in the pane's language: the check reads the English headers, categories and funds lines of the
  // en-US forms as it reads the Chinese ones (test/templates/check-integration.test.ts).
  await insertTemplate("declaration", { example: true, lang });
  await insertTemplate("self-assessment", { example: true, lang });
}

/** Resolves once the pane shows its 检查 tab (its first screen). */
function firstScreen(pane: HTMLElement): Promise<void> {
  const shown = () => pane.querySelector('[data-testid="run-check"]') !== null;
  if (shown()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(pane, { childList: true, subtree: true });
  });
}

async function startDemo(root: HTMLElement): Promise<DemoHost> {
  const params = new URLSearchParams(location.search);
  const locale = toLocale(params.get("lang") ?? navigator.language);
  const host = installSimHost(globalThis, { displayLanguage: locale }) as unknown as DemoHost;
  const wb = host.workbook;

  document.head.append(el("style", undefined, CSS));
  document.title = `${t(locale, "appTitle")} · Demo`;
  const book = el("section", "demo-book");
  const banner = el("div", "demo-banner", t(locale, "demoBanner"));
  const bar = el("div", "demo-bar");
  const ribbon = el("div", "demo-ribbon");
  const ribbonLabel = el("span", "demo-ribbon-label", t(locale, "demoRibbonGroup"));
  const ribbonCheck = el("button", undefined, t(locale, "demoRibbonCheck"));
  ribbonCheck.type = "button";
  ribbonCheck.dataset.testid = "ribbon-run-check";
  ribbonCheck.title = t(locale, "demoRibbonCheckTip");
  ribbonCheck.addEventListener("click", () => {
    // Exactly what Excel does for an ExecuteFunction button: call the associated action with an event.
    const action = host.actions.get("runCheck");
    ribbonCheck.disabled = true;
    void Promise.resolve(action?.({ completed: () => (ribbonCheck.disabled = false) }));
  });
  ribbon.append(ribbonLabel, ribbonCheck);
  const nameBox = el("div", "demo-namebox");
  nameBox.dataset.testid = "namebox";
  const formula = el("div", "demo-formula");
  bar.append(nameBox, formula);
  const gridWrap = el("div", "demo-grid-wrap");
  gridWrap.dataset.testid = "grid";
  const tabs = el("nav", "demo-tabs");
  tabs.dataset.testid = "sheet-tabs";
  book.append(banner, ribbon, bar, gridWrap, tabs);
  const pane = el("aside", "demo-pane");
  pane.id = "root";
  root.replaceChildren(book, pane);

  let lastSig = "";
  const render = (force = false) => {
    const active = wb.activeSheet;
    // Writes re-render through onChange; this catches sheet switches and selection changes. Not the sync count:
    // a check's reads change nothing, and redrawing the grid on every read would load the pane's thread.
    const sig = `${wb.sheets.map((s) => s.name).join("|")}#${active?.id}#${active ? Object.values(active.selection).join(",") : ""}`;
    if (!force && sig === lastSig) return;
    lastSig = sig;
    tabs.replaceChildren();
    for (const s of wb.sheets) {
      if (s.visibility !== "Visible") continue;
      const b = el("button", s === active ? "active" : undefined, s.name);
      b.type = "button";
      b.dataset.sheet = s.name;
      b.addEventListener("click", () => {
        wb.activeSheetId = s.id;
        render(true);
      });
      tabs.append(b);
    }
    if (!active) {
      gridWrap.replaceChildren(el("div", "demo-empty", t(locale, "demoNoSheets")));
      nameBox.textContent = "";
      formula.textContent = "";
      return;
    }
    const sel = active.selection;
    const addr = toA1(sel.r0, sel.c0);
    nameBox.textContent = `${active.name}!${addr}`;
    const selCell = active.cell(sel.r0, sel.c0);
    formula.textContent = selCell.formula ?? (selCell.value === null ? "" : String(selCell.value));
    renderSheet(active, gridWrap, locale, (r, c) => {
      active.selection = { r0: r, c0: c, r1: r, c1: c };
      render(true);
    });
    // Keep the selected cell in view after navigation from the pane.
    gridWrap.querySelector("td.sel")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  };

  // The host fires onChange after a sync that changed the workbook; selection changes and the like are caught by
  // a cheap signature check.
  host.onChange(() => render(true));
  setInterval(() => render(), 250);

  const w = window as unknown as { __perfEvalDemo?: unknown };
  w.__perfEvalDemo = { host, ready: false };
  // The ribbon commands register through Office.actions.associate, which exists only now that the host is in.
  const { registerCommands } = await import(/* webpackChunkName: "commands-demo" */ "../commands/commands");
  registerCommands();
  // Mount the pane before seeding: in Excel the workbook is already there when the pane opens, so the template
  // writer and definitions the seed loads are no part of the pane's first screen.
  mountTaskpane(pane, { locale });
  await firstScreen(pane);
  if (params.get("empty") !== "1") {
    try {
      await seed(locale);
    } catch (err) {
      banner.textContent = `${t(locale, "demoBanner")} — ${err instanceof Error ? err.message : String(err)}`;
    }
    if (wb.sheets.length) wb.activeSheetId = wb.sheets[0].id;
  }
  render(true);
  w.__perfEvalDemo = { host, ready: true };
  return host;
}

const rootEl = document.getElementById("demo-app");
if (rootEl) void startDemo(rootEl);
