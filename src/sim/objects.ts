/**
 * The Excel object proxies of the simulated host: workbook, worksheets, worksheet, range and their
 * formatting, names, settings. Only the subset the add-in uses; each behaves like Office.js (load + sync,
 * queued writes, null objects, errors on protected sheets).
 */
import { type CellValue, type MergeArea } from "../core/snapshot";
import { areaToA1, MAX_COLS, MAX_ROWS, qualify } from "../core/a1";
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FONT,
  DEFAULT_ROW_HEIGHT,
  enterValue,
  tryParseArea,
  type CellState,
  type SimSheet,
  type SimWorkbook,
  type Visibility,
} from "./model";
import {
  SimClientResult,
  SimCollection,
  SimObject,
  SimOfficeError,
  SimRequestContext,
  defineProps,
  requireApi,
  type PropDef,
} from "./context";
import { formatCellText } from "./format";

interface RangeTarget {
  sheet: SimSheet;
  area: MergeArea;
}

const err = (code: string, msg: string) => new SimOfficeError(code, msg);

function guardCells(t: RangeTarget): void {
  if (t.sheet.protected)
    throw err(
      "InvalidOperation",
      `The cell or chart you're trying to change is on a protected sheet (${t.sheet.name}). To make a change, unprotect the sheet.`,
    );
}

function guardStructure(wb: SimWorkbook): void {
  if (wb.protected)
    throw err(
      "InvalidOperation",
      "The workbook structure is protected; sheets cannot be added, deleted, moved or renamed.",
    );
}

function rangeAddress(sheet: SimSheet, a: MergeArea): string {
  return qualify(sheet.name, areaToA1(a));
}

function forEachCell(a: MergeArea, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) fn(r, c, r - a.r0, c - a.c0);
}

function gridOf<V>(a: MergeArea, fn: (r: number, c: number) => V): V[][] {
  // Reading a whole sheet's cells cannot fit any response: refuse as Excel does, without building it.
  if ((a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1) > 5_000_000) {
    throw err("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  }
  const out: V[][] = [];
  for (let r = a.r0; r <= a.r1; r++) {
    const row: V[] = [];
    for (let c = a.c0; c <= a.c1; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

/** A 2-D input must match the range; a single value applies to every cell (as Office.js allows). */
function inputAt(value: unknown, a: MergeArea): (i: number, j: number) => unknown {
  // null is no valid input for a whole property (it is inside a 2-D array: "leave this cell").
  if (value === null || value === undefined)
    throw err("InvalidArgument", "null is not a valid value for this property.");
  if (!Array.isArray(value)) return () => value;
  const rows = a.r1 - a.r0 + 1;
  const cols = a.c1 - a.c0 + 1;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw err(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
    );
  }
  return (i, j) => (value as unknown[][])[i][j];
}

/**
 * Areas bigger than this (whole columns, rows or the sheet) are handled through their stored cells only: the
 * rest are default cells. An approximation — Excel keeps row/column-level formats, the sim doesn't — that keeps
 * "format column A" from touching a million cells one by one.
 */
const HUGE_AREA = 1_000_000;
const areaSize = (a: MergeArea) => (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1);

/** Each cell of an area, or for a huge area each stored cell in it. */
function forEachFormatCell(sheet: SimSheet, a: MergeArea, fn: (r: number, c: number) => void): void {
  if (areaSize(a) <= HUGE_AREA) forEachCell(a, fn);
  else for (const { r, c } of sheet.storedIn(a)) fn(r, c);
}

/** One value when every cell agrees, null otherwise (Office.js's rule for format properties). */
function uniform<V>(a: MergeArea, fn: (r: number, c: number) => V, sheet?: SimSheet): V | null {
  let first: V | undefined;
  let same = true;
  const visit = (r: number, c: number) => {
    if (!same) return;
    const v = fn(r, c);
    if (first === undefined) first = v;
    else if (JSON.stringify(v) !== JSON.stringify(first)) same = false;
  };
  if (sheet && areaSize(a) > HUGE_AREA) {
    const stored = sheet.storedIn(a);
    // A huge area always holds default cells too: the value at a cell nobody touched.
    visit(MAX_ROWS - 1, MAX_COLS - 1);
    for (const { r, c } of stored) visit(r, c);
  } else forEachCell(a, visit);
  return same ? (first ?? null) : null;
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
};

function normColor(v: unknown): string {
  const s = String(v ?? "").trim();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`.toUpperCase();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  throw err("InvalidArgument", `Invalid color '${s}'.`);
}

function mapSet(wb: SimWorkbook, m: Map<number, number>, k: number, v: number): void {
  const had = m.has(k);
  const old = m.get(k);
  m.set(k, v);
  wb.record(() => (had ? m.set(k, old!) : m.delete(k)));
  wb.changed = true;
}

function checkArea(a: MergeArea): MergeArea {
  if (a.r0 < 0 || a.c0 < 0 || a.r1 >= MAX_ROWS || a.c1 >= MAX_COLS || a.r1 < a.r0 || a.c1 < a.c0) {
    throw err("InvalidArgument", "The range is outside the worksheet.");
  }
  return a;
}

// --- Range -----------------------------------------------------------------------------------------------

const valueType = (v: CellValue): string =>
  v === null || v === ""
    ? "Empty"
    : typeof v === "number"
      ? "Double"
      : typeof v === "boolean"
        ? "Boolean"
        : /^#[A-Z/0!?_]+[!?A]?$/.test(v) && isErrorValue(v)
          ? "Error"
          : "String";

function isErrorValue(v: string): boolean {
  return ["#VALUE!", "#DIV/0!", "#NUM!", "#N/A", "#REF!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"].includes(v);
}

const RANGE_PROPS: Record<string, PropDef<RangeTarget>> = {
  address: { get: (t) => rangeAddress(t.sheet, t.area) },
  addressLocal: { get: (t) => rangeAddress(t.sheet, t.area) },
  rowIndex: { get: (t) => t.area.r0 },
  columnIndex: { get: (t) => t.area.c0 },
  rowCount: { get: (t) => t.area.r1 - t.area.r0 + 1 },
  columnCount: { get: (t) => t.area.c1 - t.area.c0 + 1 },
  cellCount: { get: (t) => (t.area.r1 - t.area.r0 + 1) * (t.area.c1 - t.area.c0 + 1) },
  values: {
    get: (t) => gridOf(t.area, (r, c) => t.sheet.workbook.valueAt(t.sheet, r, c) ?? ""),
    guard: guardCells,
    set: (t, v) => {
      const at = inputAt(v, t.area);
      forEachCell(t.area, (r, c, i, j) => {
        const x = at(i, j);
        // A null entry leaves its cell as it is; "" clears it.
        if (x === null || x === undefined) return;
        t.sheet.mutate(r, c, (cell) => {
          const e = enterValue(x, cell.numberFormat);
          cell.value = e.value;
          cell.formula = e.formula;
          if (e.numberFormat) cell.numberFormat = e.numberFormat;
        });
      });
    },
  },
  formulas: {
    get: (t) => gridOf(t.area, (r, c) => t.sheet.raw(r, c)?.formula ?? t.sheet.raw(r, c)?.value ?? ""),
    guard: guardCells,
    set: (t, v) => RANGE_PROPS.values.set!(t, v),
  },
  text: {
    get: (t) =>
      gridOf(t.area, (r, c) =>
        formatCellText(t.sheet.workbook.valueAt(t.sheet, r, c), t.sheet.raw(r, c)?.numberFormat ?? "General"),
      ),
  },
  numberFormat: {
    get: (t) => gridOf(t.area, (r, c) => t.sheet.raw(r, c)?.numberFormat ?? "General"),
    guard: guardCells,
    set: (t, v) => {
      const at = inputAt(v, t.area);
      // A whole column formatted at once: stored cells only (see HUGE_AREA).
      if (!Array.isArray(v) && areaSize(t.area) > HUGE_AREA) {
        forEachFormatCell(t.sheet, t.area, (r, c) =>
          t.sheet.mutate(r, c, (cell) => void (cell.numberFormat = v === "" ? "General" : String(v))),
        );
        return;
      }
      forEachCell(t.area, (r, c, i, j) => {
        const f = at(i, j);
        if (f === null || f === undefined) return;
        t.sheet.mutate(r, c, (cell) => void (cell.numberFormat = f === "" ? "General" : String(f)));
      });
    },
  },
  valueTypes: { get: (t) => gridOf(t.area, (r, c) => valueType(t.sheet.workbook.valueAt(t.sheet, r, c))) },
  hyperlink: {
    get: (t) => t.sheet.raw(t.area.r0, t.area.c0)?.hyperlink ?? null,
    guard: guardCells,
    set: (t, v) => {
      const link = v && typeof v === "object" ? { ...(v as object) } : null;
      forEachCell(t.area, (r, c) =>
        t.sheet.mutate(r, c, (cell) => {
          cell.hyperlink = link;
          const text = (link as { textToDisplay?: string } | null)?.textToDisplay;
          if (text !== undefined) {
            const e = enterValue(text, cell.numberFormat);
            cell.value = e.value;
            cell.formula = e.formula;
          }
        }),
      );
    },
  },
};

class SimRange extends SimObject<RangeTarget> {
  protected readonly props = RANGE_PROPS;
  protected readonly typeName = "Range";
  protected navs = ["format", "worksheet"] as const;
  private _format?: SimRangeFormat;

  get format(): SimRangeFormat {
    return (this._format ??= new SimRangeFormat(this.context, () => this.resolve()));
  }

  private _worksheet?: SimWorksheet;
  get worksheet(): SimWorksheet {
    return (this._worksheet ??= new SimWorksheet(this.context, () => this.target().sheet));
  }

  private derive(fn: (a: MergeArea) => MergeArea, nullable = false): SimRange {
    return new SimRange(
      this.context,
      () => {
        const t = this.target();
        return { sheet: t.sheet, area: checkArea(fn(t.area)) };
      },
      nullable,
    );
  }

  getCell(row: number, column: number): SimRange {
    return this.derive((a) => ({ r0: a.r0 + row, c0: a.c0 + column, r1: a.r0 + row, c1: a.c0 + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this.derive((a) => ({
      r0: a.r0 + rowOffset,
      c0: a.c0 + columnOffset,
      r1: a.r1 + rowOffset,
      c1: a.c1 + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this.derive((a) => ({ r0: a.r0, c0: a.c0, r1: a.r1 + deltaRows, c1: a.c1 + deltaColumns }));
  }
  getRow(row: number): SimRange {
    return this.derive((a) => ({ r0: a.r0 + row, c0: a.c0, r1: a.r0 + row, c1: a.c1 }));
  }
  getColumn(column: number): SimRange {
    return this.derive((a) => ({ r0: a.r0, c0: a.c0 + column, r1: a.r1, c1: a.c0 + column }));
  }
  getEntireRow(): SimRange {
    return this.derive((a) => ({ r0: a.r0, c0: 0, r1: a.r1, c1: MAX_COLS - 1 }));
  }
  getEntireColumn(): SimRange {
    return this.derive((a) => ({ r0: 0, c0: a.c0, r1: MAX_ROWS - 1, c1: a.c1 }));
  }
  getLastCell(): SimRange {
    return this.derive((a) => ({ r0: a.r1, c0: a.c1, r1: a.r1, c1: a.c1 }));
  }
  getLastRow(): SimRange {
    return this.derive((a) => ({ r0: a.r1, c0: a.c0, r1: a.r1, c1: a.c1 }));
  }

  getMergedAreasOrNullObject(): SimRangeAreas {
    requireApi(this.host(), 13, "Range.getMergedAreasOrNullObject");
    return new SimRangeAreas(
      this.context,
      () => {
        // On a null range the result is a null object too.
        const t = this.resolve();
        if (t === null) return null;
        const hits = t.sheet.merges.filter(
          (m) => m.r0 <= t.area.r1 && m.r1 >= t.area.r0 && m.c0 <= t.area.c1 && m.c1 >= t.area.c0,
        );
        return hits.length ? { sheet: t.sheet, areas: hits.map((m) => ({ ...m })) } : null;
      },
      true,
    );
  }

  merge(across = false): void {
    this.act({ merge: across }, (t) => {
      guardCells(t);
      const parts: MergeArea[] = across
        ? Array.from({ length: t.area.r1 - t.area.r0 + 1 }, (_, i) => ({
            ...t.area,
            r0: t.area.r0 + i,
            r1: t.area.r0 + i,
          }))
        : [t.area];
      const sheet = t.sheet;
      const kept = sheet.merges.filter(
        (m) => !(m.r0 <= t.area.r1 && m.r1 >= t.area.r0 && m.c0 <= t.area.c1 && m.c1 >= t.area.c0),
      );
      sheet.setField("merges", [...kept, ...parts.filter((p) => p.r1 > p.r0 || p.c1 > p.c0).map((p) => ({ ...p }))]);
      // Excel keeps only the upper-left value of a merged area.
      for (const p of parts)
        forEachCell(p, (r, c) => {
          if ((r !== p.r0 || c !== p.c0) && sheet.raw(r, c))
            sheet.mutate(r, c, (cell) => ((cell.value = null), (cell.formula = null)));
        });
    });
  }

  unmerge(): void {
    this.act({ unmerge: true }, (t) => {
      guardCells(t);
      t.sheet.setField(
        "merges",
        t.sheet.merges.filter(
          (m) => !(m.r0 <= t.area.r1 && m.r1 >= t.area.r0 && m.c0 <= t.area.c1 && m.c1 >= t.area.c0),
        ),
      );
    });
  }

  clear(applyTo: string = "All"): void {
    this.act({ clear: applyTo }, (t) => {
      guardCells(t);
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      const links = applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks";
      const used = t.sheet.usedBounds();
      if (!used) return;
      const a = {
        r0: Math.max(t.area.r0, used.r0),
        c0: Math.max(t.area.c0, used.c0),
        r1: Math.min(t.area.r1, used.r1),
        c1: Math.min(t.area.c1, used.c1),
      };
      if (a.r0 > a.r1 || a.c0 > a.c1) return;
      forEachCell(a, (r, c) => {
        if (!t.sheet.raw(r, c)) return;
        t.sheet.mutate(r, c, (cell) => {
          if (contents) {
            cell.value = null;
            cell.formula = null;
          }
          if (links) cell.hyperlink = null;
          if (formats) {
            cell.numberFormat = "General";
            cell.fill = null;
            delete cell.fillPattern;
            delete cell.font;
            delete cell.horizontalAlignment;
            delete cell.verticalAlignment;
            delete cell.wrapText;
            delete cell.borders;
          }
        });
      });
      if (formats)
        t.sheet.setField(
          "merges",
          t.sheet.merges.filter(
            (m) => !(m.r0 >= t.area.r0 && m.r1 <= t.area.r1 && m.c0 >= t.area.c0 && m.c1 <= t.area.c1),
          ),
        );
    });
  }

  select(): void {
    this.context.queue({
      write: false,
      payload: { select: true },
      run: () => {
        const t = this.target();
        if (t.sheet.visibility !== "Visible") throw err("InvalidOperation", "Cannot select a range on a hidden sheet.");
        const wb = t.sheet.workbook;
        t.sheet.selection = { ...t.area };
        wb.activeSheetId = t.sheet.id;
        // Not data, but what the demo grid shows: listeners hear about it.
        wb.changed = true;
      },
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(
      this.context,
      () => {
        const t = this.target();
        const u = t.sheet.usedBounds(valuesOnly);
        if (!u) return null;
        const a = {
          r0: Math.max(t.area.r0, u.r0),
          c0: Math.max(t.area.c0, u.c0),
          r1: Math.min(t.area.r1, u.r1),
          c1: Math.min(t.area.c1, u.c1),
        };
        return a.r0 > a.r1 || a.c0 > a.c1 ? null : { sheet: t.sheet, area: a };
      },
      true,
    );
  }
}
defineProps(SimRange, Object.keys(RANGE_PROPS));

class SimRangeAreas extends SimObject<{ sheet: SimSheet; areas: MergeArea[] }> {
  protected readonly typeName = "RangeAreas";
  protected navs = ["areas"] as const;
  protected readonly props: Record<string, PropDef<{ sheet: SimSheet; areas: MergeArea[] }>> = {
    // As documented: "Sheet1!A1:B4, Sheet1!D1:D4".
    address: { get: (t) => t.areas.map((a) => rangeAddress(t.sheet, a)).join(", ") },
    areaCount: { get: (t) => t.areas.length },
    cellCount: { get: (t) => t.areas.reduce((s, a) => s + (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1), 0) },
  };
  private _areas?: SimCollection<RangeTarget, SimRange>;
  get areas(): SimCollection<RangeTarget, SimRange> {
    return (this._areas ??= new SimCollection(
      this.context,
      () => {
        // The areas of a null RangeAreas: none.
        const t = this.resolve();
        return t ? t.areas.map((a) => ({ sheet: t.sheet, area: a })) : [];
      },
      (t) => new SimRange(this.context, () => t),
      "RangeCollection",
    ));
  }
}
defineProps(SimRangeAreas, ["address", "areaCount", "cellCount"]);

// --- Range formatting ------------------------------------------------------------------------------------

const fmtSetter =
  (fn: (cell: CellState, v: unknown) => void) =>
  (t: RangeTarget, v: unknown): void =>
    forEachFormatCell(t.sheet, t.area, (r, c) => t.sheet.mutate(r, c, (cell) => fn(cell, v)));

class SimRangeFormat extends SimObject<RangeTarget> {
  protected readonly typeName = "RangeFormat";
  protected navs = ["fill", "font", "borders"] as const;
  protected readonly props: Record<string, PropDef<RangeTarget>> = {
    horizontalAlignment: {
      get: (t) => uniform(t.area, (r, c) => t.sheet.raw(r, c)?.horizontalAlignment ?? "General", t.sheet),
      guard: guardCells,
      set: fmtSetter((cell, v) => (cell.horizontalAlignment = String(v))),
    },
    verticalAlignment: {
      get: (t) => uniform(t.area, (r, c) => t.sheet.raw(r, c)?.verticalAlignment ?? "Bottom", t.sheet),
      guard: guardCells,
      set: fmtSetter((cell, v) => (cell.verticalAlignment = String(v))),
    },
    wrapText: {
      get: (t) => uniform(t.area, (r, c) => t.sheet.raw(r, c)?.wrapText ?? false, t.sheet),
      guard: guardCells,
      set: fmtSetter((cell, v) => (cell.wrapText = !!v)),
    },
    columnWidth: {
      get: (t) => uniform({ ...t.area, r0: 0, r1: 0 }, (_r, c) => t.sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH),
      guard: guardCells,
      set: (t, v) => {
        for (let c = t.area.c0; c <= t.area.c1; c++) mapSet(t.sheet.workbook, t.sheet.colWidths, c, Number(v));
      },
    },
    rowHeight: {
      get: (t) => uniform({ ...t.area, c0: 0, c1: 0 }, (r) => t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT),
      guard: guardCells,
      set: (t, v) => {
        for (let r = t.area.r0; r <= t.area.r1; r++) mapSet(t.sheet.workbook, t.sheet.rowHeights, r, Number(v));
      },
    },
  };
  private _fill?: SimRangeFill;
  private _font?: SimRangeFont;
  get fill(): SimRangeFill {
    return (this._fill ??= new SimRangeFill(this.context, () => this.resolve()));
  }
  get font(): SimRangeFont {
    return (this._font ??= new SimRangeFont(this.context, () => this.resolve()));
  }
  private _borders?: SimBorders;
  get borders(): SimBorders {
    return (this._borders ??= new SimBorders(this.context, () => this.resolve()));
  }
  autofitColumns(): void {
    this.context.queue({ write: false, run: () => void this.target() });
  }
  autofitRows(): void {
    this.context.queue({ write: false, run: () => void this.target() });
  }
}
defineProps(SimRangeFormat, ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight"]);

class SimRangeFill extends SimObject<RangeTarget> {
  protected readonly typeName = "RangeFill";
  protected readonly props: Record<string, PropDef<RangeTarget>> = {
    // Excel reports a cell without fill as white with pattern "None": the color alone can't tell them apart.
    color: {
      get: (t) => uniform(t.area, (r, c) => t.sheet.raw(r, c)?.fill ?? "#FFFFFF", t.sheet),
      guard: guardCells,
      set: (t, v) => {
        const color = normColor(v);
        fmtSetter((cell) => {
          cell.fill = color;
          cell.fillPattern = "Solid";
        })(t, v);
      },
    },
    pattern: {
      minApi: 9,
      get: (t) =>
        uniform(
          t.area,
          (r, c) => (t.sheet.raw(r, c)?.fill ? (t.sheet.raw(r, c)!.fillPattern ?? "Solid") : "None"),
          t.sheet,
        ),
      guard: guardCells,
      set: fmtSetter((cell, v) => {
        if (v === "None") {
          cell.fill = null;
          delete cell.fillPattern;
        } else {
          cell.fill ??= "#FFFFFF";
          cell.fillPattern = String(v);
        }
      }),
    },
  };
  clear(): void {
    this.act({ clearFill: true }, (t) => {
      guardCells(t);
      forEachFormatCell(t.sheet, t.area, (r, c) => {
        if (t.sheet.raw(r, c)?.fill)
          t.sheet.mutate(r, c, (cell) => {
            cell.fill = null;
            delete cell.fillPattern;
          });
      });
    });
  }
}
defineProps(SimRangeFill, ["color", "pattern"]);

function fontProp(k: keyof typeof DEFAULT_FONT, conv: (v: unknown) => unknown): PropDef<RangeTarget> {
  return {
    get: (t) => uniform(t.area, (r, c) => t.sheet.raw(r, c)?.font?.[k] ?? DEFAULT_FONT[k], t.sheet),
    guard: guardCells,
    set: fmtSetter((cell, v) => (cell.font = { ...(cell.font ?? {}), [k]: conv(v) })),
  };
}

class SimRangeFont extends SimObject<RangeTarget> {
  protected readonly typeName = "RangeFont";
  protected readonly props: Record<string, PropDef<RangeTarget>> = {
    bold: fontProp("bold", (v) => !!v),
    italic: fontProp("italic", (v) => !!v),
    color: fontProp("color", normColor),
    size: fontProp("size", Number),
    name: fontProp("name", String),
  };
}
defineProps(SimRangeFont, ["bold", "italic", "color", "size", "name"]);

class SimBorders {
  constructor(
    private readonly context: SimRequestContext,
    private readonly resolve: () => RangeTarget | null,
  ) {}
  private readonly items = new Map<string, SimBorder>();
  getItem(index: string): SimBorder {
    let b = this.items.get(index);
    if (!b) this.items.set(index, (b = new SimBorder(this.context, () => this.resolve(), index)));
    return b;
  }
  load(): this {
    return this;
  }
}

class SimBorder extends SimObject<RangeTarget> {
  protected readonly typeName = "RangeBorder";
  protected readonly props: Record<string, PropDef<RangeTarget>>;
  constructor(context: SimRequestContext, resolve: () => RangeTarget | null, index: string) {
    super(context, resolve);
    const prop = (k: "style" | "weight" | "color", dflt: string): PropDef<RangeTarget> => ({
      get: (t) => t.sheet.raw(t.area.r0, t.area.c0)?.borders?.[index]?.[k] ?? dflt,
      guard: guardCells,
      set: fmtSetter((cell, v) => {
        const b = { style: "None", weight: "Thin", color: "#000000", ...(cell.borders?.[index] ?? {}) };
        b[k] = k === "color" ? normColor(v) : String(v);
        if (k !== "style" && b.style === "None") b.style = "Continuous";
        cell.borders = { ...(cell.borders ?? {}), [index]: b };
      }),
    });
    this.props = {
      style: prop("style", "None"),
      weight: prop("weight", "Thin"),
      color: prop("color", "#000000"),
      sideIndex: { get: () => index },
    };
  }
}
defineProps(SimBorder, ["style", "weight", "color", "sideIndex"]);

// --- Worksheet -------------------------------------------------------------------------------------------

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

function validateSheetName(wb: SimWorkbook, name: string, self?: SimSheet): void {
  if (!name || name.length > 31 || INVALID_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
    throw err("InvalidArgument", `The sheet name '${name}' is not valid (1–31 characters, none of [ ] : * ? / \\).`);
  }
  const other = wb.findSheet(name);
  if (other && other !== self) throw err("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
}

const WORKSHEET_PROPS: Record<string, PropDef<SimSheet>> = {
  id: { get: (s) => s.id },
  name: {
    get: (s) => s.name,
    set: (s, v) => {
      guardStructure(s.workbook);
      validateSheetName(s.workbook, String(v), s);
      s.setField("name", String(v));
    },
  },
  position: {
    get: (s) => s.position,
    set: (s, v) => {
      guardStructure(s.workbook);
      s.workbook.moveSheet(s, Number(v));
    },
  },
  visibility: {
    get: (s) => s.visibility,
    set: (s, v) => {
      guardStructure(s.workbook);
      const vis = String(v) as Visibility;
      if (!["Visible", "Hidden", "VeryHidden"].includes(vis))
        throw err("InvalidArgument", `Invalid visibility ${vis}.`);
      if (vis !== "Visible" && s.workbook.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) {
        throw err("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.setField("visibility", vis);
    },
  },
  tabColor: { get: (s) => s.tabColor ?? "", set: (s, v) => s.setField("tabColor", v ? normColor(v) : null) },
  showGridlines: { get: (s) => s.showGridlines, set: (s, v) => s.setField("showGridlines", !!v) },
};

class SimWorksheet extends SimObject<SimSheet> {
  protected readonly props = WORKSHEET_PROPS;
  protected readonly typeName = "Worksheet";
  protected navs = ["protection", "pageLayout", "freezePanes"] as const;

  private rangeOf(area: () => MergeArea, nullable = false): SimRange {
    return new SimRange(
      this.context,
      () => {
        const s = this.resolve();
        if (s === null) return null;
        return { sheet: s, area: checkArea(area()) };
      },
      nullable,
    );
  }

  getRange(address?: string): SimRange {
    return this.rangeOf(() => {
      if (address === undefined || address === "") return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      const a = tryParseArea(address);
      if (!a) throw err("InvalidArgument", `The address '${address}' is not valid.`);
      return a;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this.rangeOf(() => {
      if (rowCount < 1 || columnCount < 1) throw err("InvalidArgument", "rowCount and columnCount must be positive.");
      return { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    });
  }
  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly = false): SimRange {
    return this.rangeOf(() => this.target().usedBounds(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    requireApi(this.host(), 4, "Worksheet.getUsedRangeOrNullObject");
    return new SimRange(
      this.context,
      () => {
        const s = this.target();
        const u = s.usedBounds(valuesOnly);
        return u ? { sheet: s, area: u } : null;
      },
      true,
    );
  }
  activate(): void {
    this.context.queue({
      write: false,
      payload: { activate: true },
      run: () => {
        const s = this.target();
        if (s.visibility !== "Visible")
          throw err("InvalidOperation", `The sheet '${s.name}' is hidden and cannot be activated.`);
        s.workbook.activeSheetId = s.id;
        s.workbook.changed = true;
      },
    });
  }
  delete(): void {
    this.act({ deleteSheet: true }, (s) => {
      guardStructure(s.workbook);
      if (
        s.visibility === "Visible" &&
        s.workbook.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0
      ) {
        throw err("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.workbook.removeSheet(s);
    });
  }
  // Navigation properties are cached so that loading through them ("items/protection/protected") and reading
  // them later hit the same proxy, as in Office.js.
  private _protection?: SimWorksheetProtection;
  private _freezePanes?: SimFreezePanes;
  private _pageLayout?: SimPageLayout;
  get protection(): SimWorksheetProtection {
    return (this._protection ??= new SimWorksheetProtection(this.context, () => this.resolve()));
  }
  get freezePanes(): SimFreezePanes {
    return (this._freezePanes ??= new SimFreezePanes(this.context, () => this.resolve()));
  }
  get pageLayout(): SimPageLayout {
    return (this._pageLayout ??= new SimPageLayout(this.context, () => this.resolve()));
  }
}
defineProps(SimWorksheet, Object.keys(WORKSHEET_PROPS));

class SimWorksheetProtection extends SimObject<SimSheet> {
  protected readonly typeName = "WorksheetProtection";
  protected readonly props: Record<string, PropDef<SimSheet>> = { protected: { get: (s) => s.protected } };
  protect(): void {
    this.act({ protect: true }, (s) => s.setField("protected", true));
  }
  unprotect(): void {
    this.act({ unprotect: true }, (s) => s.setField("protected", false));
  }
}
defineProps(SimWorksheetProtection, ["protected"]);

class SimFreezePanes {
  constructor(
    private readonly context: SimRequestContext,
    private readonly resolve: () => SimSheet | null,
  ) {}
  private act(fn: (s: SimSheet) => void): void {
    this.context.queue({
      write: true,
      payload: { freeze: true },
      run: () => {
        const s = this.resolve();
        if (!s) throw err("InvalidOperation", "null object");
        fn(s);
      },
    });
  }
  freezeRows(count = 1): void {
    this.act((s) => s.setField("freezeRows", count));
  }
  freezeColumns(count = 1): void {
    this.act((s) => s.setField("freezeCols", count));
  }
  unfreeze(): void {
    this.act((s) => {
      s.setField("freezeRows", 0);
      s.setField("freezeCols", 0);
    });
  }
  getLocationOrNullObject(): SimRange {
    return new SimRange(
      this.context,
      () => {
        const s = this.resolve();
        if (!s || (!s.freezeRows && !s.freezeCols)) return null;
        return {
          sheet: s,
          area: { r0: 0, c0: 0, r1: Math.max(s.freezeRows, 1) - 1, c1: Math.max(s.freezeCols, 1) - 1 },
        };
      },
      true,
    );
  }
  load(): this {
    return this;
  }
}

const pageProp = (
  k: "orientation" | "paperSize" | "centerHorizontally" | "printGridlines" | "zoom",
): PropDef<SimSheet> => ({
  get: (s) => s.pageLayout[k],
  set: (s, v) => s.setField("pageLayout", { ...s.pageLayout, [k]: k === "zoom" ? { ...(v as object) } : v }),
});

class SimPageLayout extends SimObject<SimSheet> {
  protected readonly typeName = "PageLayout";
  protected readonly props: Record<string, PropDef<SimSheet>> = {
    orientation: pageProp("orientation"),
    paperSize: pageProp("paperSize"),
    centerHorizontally: pageProp("centerHorizontally"),
    printGridlines: pageProp("printGridlines"),
    zoom: pageProp("zoom"),
  };
  private titles(k: "printTitleRows" | "printTitleColumns", r: unknown): void {
    this.act({ [k]: typeof r === "string" ? r : "range" }, (s) => {
      const addr = typeof r === "string" ? r : null;
      s.setField("pageLayout", { ...s.pageLayout, [k]: addr ?? "(range)" });
    });
  }
  setPrintTitleRows(rows: unknown): void {
    this.titles("printTitleRows", rows);
  }
  setPrintTitleColumns(cols: unknown): void {
    this.titles("printTitleColumns", cols);
  }
  setPrintArea(area: unknown): void {
    this.act({ printArea: typeof area === "string" ? area : "range" }, () => undefined);
  }
}
defineProps(SimPageLayout, ["orientation", "paperSize", "centerHorizontally", "printGridlines", "zoom"]);

// --- Collections and workbook ----------------------------------------------------------------------------

class SimWorksheetCollection extends SimCollection<SimSheet, SimWorksheet> {
  constructor(
    context: SimRequestContext,
    private readonly wb: () => SimWorkbook,
  ) {
    super(
      context,
      () => wb().sheets.slice(),
      (s) => new SimWorksheet(context, () => s),
      "WorksheetCollection",
    );
  }

  /** A proxy bound to the sheet found by name/id at first resolution, then by identity (survives renames). */
  private byKey(key: string, nullable: boolean): SimWorksheet {
    let bound: SimSheet | null = null;
    return new SimWorksheet(
      this.context,
      () => {
        if (bound && this.wb().sheets.includes(bound)) return bound;
        const s = this.wb().findSheet(key) ?? this.wb().sheetById(key);
        if (!s) {
          if (nullable) return null;
          throw err("ItemNotFound", `The requested resource doesn't exist (worksheet '${key}').`);
        }
        bound = s;
        return s;
      },
      nullable,
    );
  }

  getItem(key: string): SimWorksheet {
    return this.byKey(key, false);
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return this.byKey(key, true);
  }
  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context, () => {
      const s = this.wb().activeSheet;
      if (!s) throw err("ItemNotFound", "No active worksheet.");
      return s;
    });
  }
  getFirst(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, () => {
      const s = this.wb().sheets.find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw err("ItemNotFound", "No worksheet.");
      return s;
    });
  }
  getLast(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, () => {
      const s = [...this.wb().sheets].reverse().find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw err("ItemNotFound", "No worksheet.");
      return s;
    });
  }
  getCount(visibleOnly = false): SimClientResult<number> {
    return new SimClientResult(
      this.context,
      () => this.wb().sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length,
    );
  }
  add(name?: string): SimWorksheet {
    let created: SimSheet | null = null;
    this.context.queue({
      write: true,
      payload: { addSheet: name ?? null },
      run: () => {
        const wb = this.wb();
        guardStructure(wb);
        let n = name;
        if (n === undefined) {
          let i = wb.sheets.length + 1;
          while (wb.findSheet(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        validateSheetName(wb, n);
        created = wb.addSheet(n);
      },
    });
    return new SimWorksheet(this.context, () => {
      if (!created) throw err("ItemNotFound", "The worksheet was not added.");
      return created;
    });
  }
}

interface NameEntry {
  name: string;
  reference: string;
  comment: string;
}

class SimNamedItem extends SimObject<NameEntry> {
  protected readonly typeName = "NamedItem";
  protected readonly props: Record<string, PropDef<NameEntry>> = {
    name: { get: (n) => n.name },
    formula: { get: (n) => n.reference },
    value: { get: (n) => n.reference.replace(/^=/, "") },
    comment: { get: (n) => n.comment },
    type: { get: () => "Range" },
    visible: { get: () => true },
  };
  delete(): void {
    this.act({ deleteName: true }, (n) => {
      const wb = this.context.host.workbook as SimWorkbook;
      wb.setField(
        "names",
        wb.names.filter((x) => x !== n),
      );
    });
  }
}
defineProps(SimNamedItem, ["name", "formula", "value", "comment", "type", "visible"]);

class SimNamedItemCollection extends SimCollection<NameEntry, SimNamedItem> {
  constructor(
    context: SimRequestContext,
    private readonly wb: () => SimWorkbook,
  ) {
    super(
      context,
      () => wb().names.slice(),
      (n) => new SimNamedItem(context, () => n),
      "NamedItemCollection",
    );
  }
  private find(name: string, nullable: boolean): SimNamedItem {
    return new SimNamedItem(
      this.context,
      () => {
        const n = this.wb().names.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!n && !nullable) throw err("ItemNotFound", `The name '${name}' doesn't exist.`);
        return n ?? null;
      },
      nullable,
    );
  }
  getItem(name: string): SimNamedItem {
    return this.find(name, false);
  }
  getItemOrNullObject(name: string): SimNamedItem {
    return this.find(name, true);
  }
  add(name: string, reference: unknown, comment = ""): SimNamedItem {
    let entry: NameEntry | null = null;
    this.context.queue({
      write: true,
      payload: { addName: name, ref: typeof reference === "string" ? reference : "range", comment },
      run: () => {
        const wb = this.wb();
        if (!/^[A-Za-z_\\\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
          throw err("InvalidArgument", `The name '${name}' is not valid.`);
        if (wb.names.some((x) => x.name.toLowerCase() === name.toLowerCase()))
          throw err("ItemAlreadyExists", `The name '${name}' already exists.`);
        let ref: string;
        if (reference instanceof SimRange) {
          const t = reference.resolve();
          if (!t) throw err("InvalidArgument", "null range");
          ref = `=${qualify(t.sheet.name, areaToA1(t.area).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"))}`;
        } else ref = String(reference).startsWith("=") ? String(reference) : `=${String(reference)}`;
        entry = { name, reference: ref, comment };
        wb.setField("names", [...wb.names, entry]);
      },
    });
    return new SimNamedItem(this.context, () => {
      if (!entry) throw err("ItemNotFound", "The name was not added.");
      return entry;
    });
  }
  getCount(): SimClientResult<number> {
    return new SimClientResult(this.context, () => this.wb().names.length);
  }
}

class SimSetting extends SimObject<string> {
  protected readonly typeName = "Setting";
  protected readonly props: Record<string, PropDef<string>> = {
    key: { get: (k) => k },
    value: {
      get: (k) => this.context.host.workbook.settings.get(k) ?? null,
      set: (k, v) => this.context.host.workbook.setSetting(k, v),
    },
  };
  delete(): void {
    this.act({ deleteSetting: true }, (k) => this.context.host.workbook.deleteSetting(k));
  }
}
defineProps(SimSetting, ["key", "value"]);

class SimSettingCollection extends SimCollection<string, SimSetting> {
  constructor(
    context: SimRequestContext,
    private readonly wb: () => SimWorkbook,
  ) {
    super(
      context,
      () => [...wb().settings.keys()],
      (k) => new SimSetting(context, () => k),
      "SettingCollection",
    );
  }
  add(key: string, value: unknown): SimSetting {
    this.context.queue({
      write: true,
      payload: { key, value },
      run: () => {
        requireApi(this.context.host, 4, "SettingCollection.add");
        if (!key) throw err("InvalidArgument", "A setting needs a key.");
        this.wb().setSetting(key, value);
      },
    });
    return new SimSetting(this.context, () => key);
  }
  private find(key: string, nullable: boolean): SimSetting {
    return new SimSetting(
      this.context,
      () => {
        if (this.wb().settings.has(key)) return key;
        if (nullable) return null;
        throw err("ItemNotFound", `The setting '${key}' doesn't exist.`);
      },
      nullable,
    );
  }
  getItem(key: string): SimSetting {
    return this.find(key, false);
  }
  getItemOrNullObject(key: string): SimSetting {
    return this.find(key, true);
  }
  getCount(): SimClientResult<number> {
    return new SimClientResult(this.context, () => this.wb().settings.size);
  }
}

class SimWorkbookProtection extends SimObject<SimWorkbook> {
  protected readonly typeName = "WorkbookProtection";
  protected readonly props: Record<string, PropDef<SimWorkbook>> = { protected: { get: (w) => w.protected } };
  protect(): void {
    this.act({ protect: true }, (w) => w.setField("protected", true));
  }
  unprotect(): void {
    this.act({ unprotect: true }, (w) => w.setField("protected", false));
  }
}
defineProps(SimWorkbookProtection, ["protected"]);

class SimApplication extends SimObject<SimWorkbook> {
  protected readonly typeName = "Application";
  protected readonly props: Record<string, PropDef<SimWorkbook>> = {
    calculationMode: { get: (w) => w.calculationMode, set: (w, v) => w.setField("calculationMode", String(v)) },
  };
  calculate(): void {
    this.context.queue({ write: false, run: () => undefined });
  }
}
defineProps(SimApplication, ["calculationMode"]);

export class SimWorkbookProxy extends SimObject<SimWorkbook> {
  protected readonly typeName = "Workbook";
  protected navs = ["worksheets", "names", "settings", "protection", "application"] as const;
  protected readonly props: Record<string, PropDef<SimWorkbook>> = { name: { get: (w) => w.name, minApi: 7 } };
  readonly worksheets: SimWorksheetCollection;
  readonly names: SimNamedItemCollection;
  readonly settings: SimSettingCollection;
  readonly protection: SimWorkbookProtection;
  readonly application: SimApplication;

  constructor(context: SimRequestContext) {
    super(context, () => context.host.workbook);
    const wb = () => context.host.workbook;
    this.worksheets = new SimWorksheetCollection(context, wb);
    this.names = new SimNamedItemCollection(context, wb);
    this.settings = new SimSettingCollection(context, wb);
    this.protection = new SimWorkbookProtection(context, wb);
    this.application = new SimApplication(context, wb);
  }

  getActiveCell(): SimRange {
    return new SimRange(this.context, () => {
      const s = this.target().activeSheet;
      if (!s) throw err("ItemNotFound", "No active worksheet.");
      return { sheet: s, area: { r0: s.selection.r0, c0: s.selection.c0, r1: s.selection.r0, c1: s.selection.c0 } };
    });
  }
  getSelectedRange(): SimRange {
    return new SimRange(this.context, () => {
      const s = this.target().activeSheet;
      if (!s) throw err("ItemNotFound", "No active worksheet.");
      return { sheet: s, area: { ...s.selection } };
    });
  }
}
defineProps(SimWorkbookProxy, ["name"]);

SimRequestContext.makeWorkbook = (ctx) => new SimWorkbookProxy(ctx);
