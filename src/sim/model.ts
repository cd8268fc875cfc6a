/**
 * The simulated host's in-memory workbook: the state behind the Office.js-shaped proxies, plus raw
 * accessors for tests and the demo that bypass proxies and syncs. Browser- and node-safe.
 *
 * Every mutation goes through `journal`, so a sync that must be refused (payload limit) can be undone
 * exactly, while a sync that fails half-way (failNextSync) can keep the part that was applied — which is
 * what Excel does, and what the adapter has to cope with.
 */
import { type CellValue, type MergeArea, type WorkbookSnapshot } from "../core/snapshot";
import { fromA1, parseRef, toA1 } from "../core/a1";
import { evaluateFormula, type FormulaValue } from "./formula";

interface FontState {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  name: string;
}

interface BorderState {
  style: string;
  weight: string;
  color: string;
}

interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** What one cell holds. Only cells that differ from an empty General cell are stored. */
export interface CellState {
  /** The constant, when there is no formula. */
  value: CellValue;
  /** With its leading "="; null when the cell holds a constant. */
  formula: string | null;
  numberFormat: string;
  /** Fill color ("#RRGGBB"); null when the cell has no fill (Excel reports "#FFFFFF" + pattern "None"). */
  fill: string | null;
  fillPattern?: string;
  font?: Partial<FontState>;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Record<string, BorderState>;
  hyperlink?: Hyperlink | null;
}

/** A cell as the raw accessor shows it: value computed when the cell holds a formula. */
export interface CellView extends Omit<CellState, "font"> {
  font: FontState;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

interface PageLayoutState {
  orientation: string;
  paperSize: string;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  printGridlines: boolean;
}

export const DEFAULT_FONT: FontState = { bold: false, italic: false, color: "#000000", size: 11, name: "Calibri" };
export const DEFAULT_COLUMN_WIDTH = 48; // points, like Excel's 8.43 characters
export const DEFAULT_ROW_HEIGHT = 15;

const KEY_STRIDE = 20000;
const key = (r: number, c: number) => r * KEY_STRIDE + c;

export interface SheetOptions {
  visibility?: Visibility;
  protected?: boolean;
  /** Top-left cell of `values` ("A1" default), A1 or 0-based. */
  at?: string | { row: number; col: number };
  numberFormats?: (string | null | undefined)[][];
  merges?: (string | MergeArea)[];
  /** Fills by A1 address, e.g. { B2: "#FFFF00" }. */
  fills?: Record<string, string>;
  position?: number;
}

/** A deep, plain copy of everything a user could lose, for before/after comparisons. */
export interface WorkbookState {
  sheets: {
    name: string;
    position: number;
    visibility: Visibility;
    protected: boolean;
    cells: Record<
      string,
      {
        value: CellValue;
        formula: string | null;
        numberFormat: string;
        fill: string | null;
        fillPattern?: string;
        font?: Partial<FontState>;
        hyperlink?: Hyperlink | null;
      }
    >;
    merges: MergeArea[];
    freezeRows: number;
    tabColor: string | null;
  }[];
  names: { name: string; reference: string; comment: string }[];
  settings: Record<string, unknown>;
  protected: boolean;
}

let nextSheetId = 1;

export class SimSheet {
  readonly id: string;
  visibility: Visibility = "Visible";
  protected = false;
  readonly cells = new Map<number, CellState>();
  merges: MergeArea[] = [];
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freezeRows = 0;
  freezeCols = 0;
  tabColor: string | null = null;
  showGridlines = true;
  pageLayout: PageLayoutState = {
    orientation: "Portrait",
    paperSize: "A4",
    printTitleRows: null,
    printTitleColumns: null,
    zoom: { scale: 100 },
    centerHorizontally: false,
    printGridlines: false,
  };
  /** Selected range on this sheet (0-based inclusive). */
  selection: MergeArea = { r0: 0, c0: 0, r1: 0, c1: 0 };

  constructor(
    readonly workbook: SimWorkbook,
    public name: string,
  ) {
    this.id = `sheet${nextSheetId++}`;
  }

  /** The raw cell (undefined when the cell is empty and unformatted). */
  raw(r: number, c: number): CellState | undefined {
    return this.cells.get(key(r, c));
  }

  /** Raw accessor: a cell's content and formatting, its value computed when it holds a formula. A1 or 0-based. */
  cell(rOrA1: number | string, c?: number): CellView {
    const { r, c: col } = rc(rOrA1, c);
    const s = this.raw(r, col);
    return {
      value: this.workbook.valueAt(this, r, col),
      formula: s?.formula ?? null,
      numberFormat: s?.numberFormat ?? "General",
      fill: s?.fill ?? null,
      fillPattern: s?.fill ? (s.fillPattern ?? "Solid") : "None",
      font: { ...DEFAULT_FONT, ...(s?.font ?? {}) },
      horizontalAlignment: s?.horizontalAlignment ?? "General",
      verticalAlignment: s?.verticalAlignment ?? "Bottom",
      wrapText: s?.wrapText ?? false,
      borders: s?.borders ? { ...s.borders } : {},
      hyperlink: s?.hyperlink ?? null,
    };
  }

  /**
   * Raw accessor: set a cell without a sync. A string starting with "=" becomes a formula; pass an object to set
   * formatting too. Journaled like any other mutation.
   */
  setCell(rOrA1: number | string, cOrValue: unknown, maybeValue?: unknown): void {
    let r: number, c: number, v: unknown;
    if (typeof rOrA1 === "string") {
      ({ r, c } = rc(rOrA1));
      v = cOrValue;
    } else {
      r = rOrA1;
      c = cOrValue as number;
      v = maybeValue;
    }
    this.mutate(r, c, (cell) => {
      if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        const o = v as Partial<CellState> & { value?: unknown };
        if (o.numberFormat !== undefined) cell.numberFormat = o.numberFormat;
        // Under the text format "=…" is literal text, as in Excel.
        if ("value" in o) assignRaw(cell, o.value as CellValue, cell.numberFormat === "@");
        if (o.formula !== undefined) cell.formula = o.formula;
        if (o.fill !== undefined) cell.fill = o.fill;
        if (o.fillPattern !== undefined) cell.fillPattern = o.fillPattern;
        if (o.font) cell.font = { ...(cell.font ?? {}), ...o.font };
        if (o.hyperlink !== undefined) cell.hyperlink = o.hyperlink;
      } else {
        assignRaw(cell, v as CellValue);
      }
    });
  }

  /** Apply `fn` to a (possibly new) cell, recording how to undo it; drops the cell again when it ends up default. */
  mutate(r: number, c: number, fn: (cell: CellState) => void): void {
    const k = key(r, c);
    const old = this.cells.get(k);
    const cell: CellState = old ? cloneCell(old) : { value: null, formula: null, numberFormat: "General", fill: null };
    fn(cell);
    const stored = !isDefaultCell(cell);
    if (stored) this.cells.set(k, cell);
    else this.cells.delete(k);
    this.extend("all", r, c, stored, !!old);
    this.extend("values", r, c, stored && hasContent(cell), !!old && hasContent(old));
    this.workbook.record(() => {
      if (old) this.cells.set(k, old);
      else this.cells.delete(k);
      // An undo may shrink the extent anywhere: scan again when next asked.
      this.extent = { all: undefined, values: undefined };
    });
    this.workbook.changed = true;
  }

  /** Coordinates of the stored (non-default) cells inside an area. */
  storedIn(a: MergeArea): { r: number; c: number }[] {
    const out: { r: number; c: number }[] = [];
    for (const k of this.cells.keys()) {
      const r = Math.floor(k / KEY_STRIDE);
      const c = k % KEY_STRIDE;
      if (r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1) out.push({ r, c });
    }
    return out.sort((x, y) => x.r - y.r || x.c - y.c);
  }

  /** Set any sheet-level field through the journal. */
  setField<K extends keyof this>(field: K, value: this[K]): void {
    const old = this[field];
    const copy = typeof old === "object" && old !== null ? JSON.parse(JSON.stringify(old)) : old;
    this[field] = value;
    this.workbook.record(() => {
      this[field] = copy;
    });
    this.workbook.changed = true;
  }

  /**
   * The stored cells' extent ("all") and that of the cells with content ("values"), kept up to date as cells change
   * (a cell that grows it extends it; one removed from its edge forgets it), so the used range of a big sheet is
   * known without a scan, as Excel knows it from its own index. undefined: not known, scan when asked.
   */
  private extent: Record<"all" | "values", MergeArea | null | undefined> = { all: null, values: null };

  private extend(which: "all" | "values", r: number, c: number, isIn: boolean, wasIn: boolean): void {
    const e = this.extent[which];
    if (e === undefined) return;
    if (isIn) {
      if (e === null) this.extent[which] = { r0: r, c0: c, r1: r, c1: c };
      else {
        if (r < e.r0) e.r0 = r;
        if (r > e.r1) e.r1 = r;
        if (c < e.c0) e.c0 = c;
        if (c > e.c1) e.c1 = c;
      }
    } else if (wasIn && e !== null && (r === e.r0 || r === e.r1 || c === e.c0 || c === e.c1)) {
      this.extent[which] = undefined;
    }
  }

  /** Smallest rectangle holding every non-empty cell (and formatted cells and merges unless valuesOnly); null when none. */
  usedBounds(valuesOnly = false): MergeArea | null {
    const which = valuesOnly ? "values" : "all";
    let e = this.extent[which];
    if (e === undefined) e = this.extent[which] = this.scanBounds(valuesOnly);
    let out = e && { ...e };
    if (!valuesOnly) {
      for (const m of this.merges) {
        out = out
          ? {
              r0: Math.min(out.r0, m.r0),
              c0: Math.min(out.c0, m.c0),
              r1: Math.max(out.r1, m.r1),
              c1: Math.max(out.c1, m.c1),
            }
          : { ...m };
      }
    }
    return out;
  }

  private scanBounds(valuesOnly: boolean): MergeArea | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && !hasContent(cell)) continue;
      const r = Math.floor(k / KEY_STRIDE);
      const c = k % KEY_STRIDE;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Rows × cols grid of computed values for a rectangle ("" for empty, as Office.js returns). */
  grid(a: MergeArea): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: CellValue[] = [];
      for (let c = a.c0; c <= a.c1; c++) row.push(this.workbook.valueAt(this, r, c));
      out.push(row);
    }
    return out;
  }

  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }
}

export class SimWorkbook {
  sheets: SimSheet[] = [];
  names: { name: string; reference: string; comment: string }[] = [];
  settings = new Map<string, unknown>();
  /** Workbook structure protection: sheets cannot be added, deleted or renamed. */
  protected = false;
  calculationMode = "Automatic";
  /** File name as Workbook.name reports it. */
  name = "Book1.xlsx";
  activeSheetId: string | null = null;
  /** Set by any mutation; the host reads and clears it to fire change listeners. */
  changed = false;
  private journal: (() => void)[] | null = null;
  /** Formula evaluation depth guard (circular references). */
  private evaluating = new Set<string>();

  /**
   * A workbook holding a snapshot's sheets (values, formulas, number formats, merges, visibility, origin), for
   * running the Office.js adapter over the same fixtures the core's tests use. A formula's value is computed by
   * the simulated host, not taken from the snapshot.
   */
  static fromSnapshot(snapshot: WorkbookSnapshot): SimWorkbook {
    const wb = new SimWorkbook();
    for (const s of snapshot.sheets) {
      const sheet = wb.addSheet(s.name, [], { visibility: s.visibility ?? "Visible" });
      s.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const f = s.formulas?.[i]?.[j] ?? null;
          const nf = s.numberFormats?.[i]?.[j] ?? null;
          if ((v === null || v === "") && !f && (!nf || nf === "General")) return;
          sheet.mutate(s.originRow + i, s.originCol + j, (cell) => {
            if (nf) cell.numberFormat = nf;
            if (f) cell.formula = f;
            else assignRaw(cell, v, true);
          });
        }),
      );
      sheet.merges = s.merges.map((m) => ({ ...m }));
    }
    wb.changed = false;
    return wb;
  }

  /** Raw accessor: add a sheet with values (strings starting with "=" are formulas). */
  addSheet(name: string, values: unknown[][] = [], opts: SheetOptions = {}): SimSheet {
    if (this.findSheet(name)) throw new Error(`sheet ${name} exists`);
    const sheet = new SimSheet(this, name);
    const at = typeof opts.at === "string" ? fromA1(opts.at) : (opts.at ?? { row: 0, col: 0 });
    if (!at) throw new Error(`bad address ${String(opts.at)}`);
    const pos = opts.position ?? this.sheets.length;
    this.sheets.splice(pos, 0, sheet);
    this.record(() => {
      this.sheets = this.sheets.filter((s) => s !== sheet);
    });
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    sheet.visibility = opts.visibility ?? "Visible";
    sheet.protected = opts.protected ?? false;
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const nf = opts.numberFormats?.[i]?.[j];
        if ((v === null || v === undefined || v === "") && !nf) return;
        sheet.mutate(at.row + i, at.col + j, (cell) => {
          if (nf) cell.numberFormat = nf;
          assignRaw(cell, (v ?? null) as CellValue, nf === "@");
        });
      }),
    );
    for (const m of opts.merges ?? []) sheet.merges.push(typeof m === "string" ? parseArea(m) : { ...m });
    for (const [a1, color] of Object.entries(opts.fills ?? {})) sheet.setCell(a1, { fill: color });
    this.changed = true;
    return sheet;
  }

  findSheet(name: string): SimSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Raw accessor: the sheet of that name; throws when missing. */
  sheet(name: string): SimSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet named ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  get activeSheet(): SimSheet | undefined {
    return (
      (this.activeSheetId && this.sheetById(this.activeSheetId)) || this.sheets.find((s) => s.visibility === "Visible")
    );
  }

  /** Computed value of a cell: the constant, or the formula's result (errors as their text). */
  valueAt(sheet: SimSheet, r: number, c: number): CellValue {
    const cell = sheet.raw(r, c);
    if (!cell) return null;
    if (cell.formula === null) return cell.value;
    const id = `${sheet.id}:${r}:${c}`;
    if (this.evaluating.has(id)) return 0; // Excel shows 0 for a circular reference
    this.evaluating.add(id);
    try {
      return toCellValue(
        evaluateFormula(cell.formula, {
          cell: (sheetName, row, col) => {
            const s = sheetName === null ? sheet : this.findSheet(sheetName);
            return s ? this.valueAt(s, row, col) : "#REF!";
          },
          hasSheet: (sheetName) => !!this.findSheet(sheetName),
        }),
      );
    } finally {
      this.evaluating.delete(id);
    }
  }

  // --- journal ---------------------------------------------------------------------------------------------

  record(undo: () => void): void {
    this.journal?.push(undo);
  }

  beginJournal(): void {
    this.journal = [];
  }

  /** Stop journaling; when `rollback`, undo everything since beginJournal. */
  endJournal(rollback: boolean): void {
    const j = this.journal;
    this.journal = null;
    if (rollback && j) for (let i = j.length - 1; i >= 0; i--) j[i]();
  }

  /** Set a workbook-level field through the journal. */
  setField<K extends keyof this>(field: K, value: this[K]): void {
    const old = this[field];
    this[field] = value;
    this.record(() => {
      this[field] = old;
    });
    this.changed = true;
  }

  setSetting(k: string, v: unknown): void {
    const had = this.settings.has(k);
    const old = this.settings.get(k);
    this.settings.set(k, JSON.parse(JSON.stringify(v ?? null)));
    this.record(() => (had ? this.settings.set(k, old) : this.settings.delete(k)));
    this.changed = true;
  }

  deleteSetting(k: string): void {
    if (!this.settings.has(k)) return;
    const old = this.settings.get(k);
    this.settings.delete(k);
    this.record(() => this.settings.set(k, old));
    this.changed = true;
  }

  /** Remove a sheet (journaled). */
  removeSheet(sheet: SimSheet): void {
    const idx = this.sheets.indexOf(sheet);
    if (idx < 0) return;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    const wasActive = this.activeSheetId === sheet.id;
    if (wasActive) this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
    this.record(() => {
      this.sheets.splice(idx, 0, sheet);
      if (wasActive) this.activeSheetId = sheet.id;
    });
    this.changed = true;
  }

  /** Move a sheet to a position (journaled). */
  moveSheet(sheet: SimSheet, pos: number): void {
    const old = this.sheets.slice();
    const rest = this.sheets.filter((s) => s !== sheet);
    rest.splice(Math.max(0, Math.min(pos, rest.length)), 0, sheet);
    this.sheets = rest;
    this.record(() => {
      this.sheets = old;
    });
    this.changed = true;
  }

  /** Raw accessor: a deep copy of all user-visible state. */
  snapshotState(): WorkbookState {
    return {
      sheets: this.sheets.map((s, position) => {
        const cells: WorkbookState["sheets"][number]["cells"] = {};
        const keys = [...s.cells.keys()].sort((a, b) => a - b);
        for (const k of keys) {
          const cell = s.cells.get(k)!;
          const r = Math.floor(k / KEY_STRIDE);
          const c = k % KEY_STRIDE;
          cells[toA1(r, c)] = {
            value: this.valueAt(s, r, c),
            formula: cell.formula,
            numberFormat: cell.numberFormat,
            fill: cell.fill,
            ...(cell.fill ? { fillPattern: cell.fillPattern ?? "Solid" } : {}),
            ...(cell.font ? { font: { ...cell.font } } : {}),
            ...(cell.hyperlink ? { hyperlink: { ...cell.hyperlink } } : {}),
          };
        }
        return {
          name: s.name,
          position,
          visibility: s.visibility,
          protected: s.protected,
          cells,
          merges: s.merges.map((m) => ({ ...m })),
          freezeRows: s.freezeRows,
          tabColor: s.tabColor,
        };
      }),
      names: this.names.map((n) => ({ ...n })),
      settings: JSON.parse(JSON.stringify(Object.fromEntries(this.settings))),
      protected: this.protected,
    };
  }
}

// --- helpers ---------------------------------------------------------------------------------------------

function rc(rOrA1: number | string, c?: number): { r: number; c: number } {
  if (typeof rOrA1 === "number") return { r: rOrA1, c: c ?? 0 };
  const p = fromA1(rOrA1);
  if (!p) throw new Error(`bad cell address ${rOrA1}`);
  return { r: p.row, c: p.col };
}

function cloneCell(c: CellState): CellState {
  return {
    ...c,
    font: c.font ? { ...c.font } : undefined,
    borders: c.borders ? JSON.parse(JSON.stringify(c.borders)) : undefined,
    hyperlink: c.hyperlink ? { ...c.hyperlink } : c.hyperlink,
  };
}

/** A cell the values-only used range counts: a formula or a non-empty value. */
function hasContent(c: CellState): boolean {
  return c.formula !== null || (c.value !== null && c.value !== "");
}

function isDefaultCell(c: CellState): boolean {
  return (
    (c.value === null || c.value === "") &&
    c.formula === null &&
    c.numberFormat === "General" &&
    c.fill === null &&
    (!c.font || Object.keys(c.font).length === 0) &&
    !c.horizontalAlignment &&
    !c.verticalAlignment &&
    !c.wrapText &&
    (!c.borders || Object.keys(c.borders).length === 0) &&
    !c.hyperlink
  );
}

/** Raw assignment used by test accessors: "=…" is a formula, anything else stored as given. */
function assignRaw(cell: CellState, v: CellValue, asText = false): void {
  if (!asText && typeof v === "string" && v.startsWith("=") && v.length > 1) {
    cell.formula = v;
    cell.value = null;
  } else {
    cell.formula = null;
    cell.value = v === "" ? null : v;
  }
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * What Excel stores when a value is written through `range.values`/`range.formulas`, as if typed: in a cell
 * formatted as text ("@") a string stays text; otherwise "=…", "+…", "-…" and "@…" become formulas, numeric text
 * becomes a number and TRUE/FALSE become booleans. This is the behaviour the results sheet must defend against.
 */
export function enterValue(
  v: unknown,
  numberFormat: string,
): { value: CellValue; formula: string | null; numberFormat?: string } {
  if (v === null || v === undefined || v === "") return { value: null, formula: null };
  if (typeof v === "number")
    return Number.isFinite(v) ? { value: v, formula: null } : { value: "#NUM!", formula: null };
  if (typeof v === "boolean") return { value: v, formula: null };
  const s = String(v);
  if (numberFormat === "@") return { value: s, formula: null };
  const t = s.trim();
  if (NUMERIC.test(t)) return { value: Number(t), formula: null };
  // "95%" typed into a General cell is 0.95 shown as a percentage; "1,234.5" is 1234.5.
  const pct = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/.exec(t);
  if (pct) {
    const dec = pct[1].split(".")[1]?.length ?? 0;
    const value = Number(pct[1]) / 100;
    return { value, formula: null, ...(numberFormat === "General" ? { numberFormat: dec ? "0.00%" : "0%" } : {}) };
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { value: Number(t.replace(/,/g, "")), formula: null };
  if (/^[=+\-@]/.test(s) && s.length > 1) return { value: null, formula: s.startsWith("=") ? s : `=${s}` };
  if (/^(true|false)$/i.test(s)) return { value: /^true$/i.test(s), formula: null };
  return { value: s, formula: null };
}

function toCellValue(v: FormulaValue): CellValue {
  if (Array.isArray(v)) return toCellValue(v[0]?.[0] ?? null);
  if (typeof v === "number" && !Number.isFinite(v)) return "#NUM!";
  return v === null ? 0 : v;
}

/** "B2:C4", "B2", "A:B" or "1:3" (a sheet before "!" is ignored) → 0-based inclusive area; throws when bad. */
function parseArea(a: string): MergeArea {
  const area = tryParseArea(a);
  if (!area) throw new Error(`bad range address ${a}`);
  return area;
}

/** parseArea, or null when the address is bad. */
export function tryParseArea(a: string): MergeArea | null {
  return parseRef(a)?.area ?? null;
}
