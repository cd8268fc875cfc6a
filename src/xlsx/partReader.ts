/**
 * The fast .xlsx reader: inflates the parts the snapshot needs with Node's own zlib and scans their XML
 * directly, building nothing but the snapshot.
 *
 * Why not ExcelJS here: it builds a full document model (styles, rows, cell objects, formula bookkeeping) for
 * every file, which cost ~6.5 ms for a small form once warm and ~20 ms while its large code base was still
 * being compiled; `perf-eval check` pays that per file and per worker thread, so two workers gained nothing
 * on 500 files. This reader keeps to ExcelJS's conventions (see snapshotReader.ts) and is tested against it
 * on the same files. Anything it does not understand throws PartReaderUnsupported, and the caller falls back
 * to ExcelJS, so unusual files read exactly as before.
 */
import * as zlib from "zlib";
import { type CellValue, type MergeArea, type SheetSnapshot, type WorkbookSnapshot } from "../core/snapshot";
import { fromA1, parseArea } from "../core/a1";
import { CellCollector, hiddenColumns } from "./grid";
import { DEFAULT_READ_LIMITS, ReadBudget, type ReadLimits } from "./limits";
import { shiftFormula } from "./sharedFormula";
import { XmlScanner } from "./xml";
import type { ZipEntryInfo } from "./zipGuard";

class PartReaderUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PartReaderUnsupported";
  }
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) that have one meaning in every locale. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Zip parts by normalized name (part names are case-insensitive). */
class Parts {
  private readonly byName = new Map<string, ZipEntryInfo>();
  constructor(
    private readonly buf: Buffer,
    entries: readonly ZipEntryInfo[],
  ) {
    for (const e of entries) this.byName.set(normalizePart(e.name), e);
  }

  has(name: string): boolean {
    return this.byName.has(normalizePart(name));
  }

  /** The part's text, or null when the archive has no such part. */
  text(name: string): string | null {
    const e = this.byName.get(normalizePart(name));
    if (!e) return null;
    const raw = this.buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let bytes: Buffer;
    if (e.method === 0) bytes = raw;
    else {
      try {
        // Capped at the declared size: a part that lies about it is left to the full reader's refusal.
        bytes = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
      } catch (err) {
        throw new PartReaderUnsupported(`cannot inflate ${e.name}: ${(err as Error).message}`);
      }
    }
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw new PartReaderUnsupported(`${e.name} is UTF-16`);
    }
    return bytes.toString("utf8");
  }
}

function normalizePart(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

function dirOf(part: string): string {
  const k = part.lastIndexOf("/");
  return k < 0 ? "" : part.slice(0, k + 1);
}

/** A relationship target resolved against the part that owns the .rels file. */
function resolveTarget(ownerDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out: string[] = [];
  for (const seg of (ownerDir + target).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

interface Relationship {
  type: string;
  target: string;
}

/** The relationships of `part` (Id → type and resolved target). */
function readRels(parts: Parts, part: string, limits: ReadLimits): Map<string, Relationship> {
  const dir = dirOf(part);
  const relsName = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const out = new Map<string, Relationship>();
  const xml = parts.text(relsName);
  if (xml === null) return out;
  const x = new XmlScanner(xml, limits.maxTagChars);
  while (x.next()) {
    if (!x.isOpen() || x.tag() !== "Relationship") continue;
    if (x.attr("TargetMode") === "External") continue;
    const id = x.attr("Id");
    const target = x.attr("Target");
    if (id === null || target === null) continue;
    out.set(id, { type: x.attr("Type") ?? "", target: resolveTarget(dir, target) });
  }
  return out;
}

function relOfType(rels: Map<string, Relationship>, kind: string): string | null {
  for (const r of rels.values()) if (r.type === REL_NS + kind || r.type.endsWith(`/${kind}`)) return r.target;
  return null;
}

/** Excel's `_xHHHH_` escapes in strings (as ExcelJS decodes them: upper-case hex). */
function unescapeX(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The plain text of a string item (`<si>`, `<is>`) the scanner has just opened: its `<t>` runs, rich-text
 * runs included, phonetic guides (`<rPh>`) left out.
 */
function readStringItem(x: XmlScanner): string {
  const depth = x.depth;
  let text = "";
  let phonetic = 0;
  while (x.next()) {
    if (x.isOpen()) {
      if (x.tag() === "rPh" && !x.selfClosing()) phonetic++;
      continue;
    }
    if (x.depth < depth) break;
    if (x.tag() === "rPh") phonetic--;
    else if (x.tag() === "t" && phonetic === 0) text += unescapeX(x.text());
  }
  return text;
}

function readSharedStrings(parts: Parts, name: string | null, limits: ReadLimits): string[] {
  const out: string[] = [];
  const xml = name === null ? null : parts.text(name);
  if (xml === null) return out;
  const x = new XmlScanner(xml, limits.maxTagChars);
  while (x.next()) {
    if (x.isOpen() && x.tag() === "si") out.push(x.selfClosing() ? "" : readStringItem(x));
  }
  return out;
}

/** Number format of each cell style (`cellXfs` index), null for General and unknown built-ins. */
function readStyleFormats(parts: Parts, name: string | null, limits: ReadLimits): (string | null)[] {
  const xml = name === null ? null : parts.text(name);
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfs: (string | null)[] = [];
  const ids: number[] = [];
  const x = new XmlScanner(xml, limits.maxTagChars);
  let inCellXfs = false;
  while (x.next()) {
    if (!x.isOpen()) {
      if (x.tag() === "cellXfs") inCellXfs = false;
      continue;
    }
    if (x.tag() === "numFmt") {
      const id = Number(x.attr("numFmtId"));
      const code = x.attr("formatCode");
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    } else if (x.tag() === "cellXfs") {
      inCellXfs = !x.selfClosing();
    } else if (x.tag() === "xf" && inCellXfs) {
      ids.push(Number(x.attr("numFmtId") ?? 0));
      if (!x.selfClosing()) x.skipElement();
    }
  }
  for (const id of ids) xfs.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id] ?? null) : null);
  return xfs;
}

function isTrue(v: string | null): boolean {
  return v === "1" || v === "true";
}

/** A number as ExcelJS reads it (parseFloat), non-finite numbers as Excel's #NUM!. */
function toNumber(v: string): CellValue {
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : "#NUM!";
}

/** ISO 8601 date (`t="d"`, Strict files) → serial number. */
function isoToSerial(v: string, date1904: boolean): CellValue {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !/T/.test(v) ? v : `${v}Z`);
  if (Number.isNaN(t)) return v;
  return Math.round((25569 + t / 86400000 - (date1904 ? 1462 : 0)) * 1e9) / 1e9;
}

interface SharedMaster {
  formula: string;
  r: number;
  c: number;
}

/** One worksheet part → its snapshot. */
function readSheet(
  xml: string,
  name: string,
  visibility: SheetSnapshot["visibility"],
  strings: readonly string[],
  formats: readonly (string | null)[],
  date1904: boolean,
  budget: ReadBudget,
): SheetSnapshot {
  const cells = new CellCollector(budget);
  const merges: MergeArea[] = [];
  const hiddenRows: number[] = [];
  const hiddenColRanges: { c0: number; c1: number }[] = [];
  const shared = new Map<string, SharedMaster>();
  const x = new XmlScanner(xml, budget.limits.maxTagChars);
  let row = -1;
  let col = -1;

  while (x.next()) {
    if (!x.isOpen()) continue;
    switch (x.tag()) {
      case "row": {
        const r = x.attr("r");
        row = r !== null ? Number(r) - 1 : row + 1;
        if (!Number.isInteger(row) || row < 0) throw new PartReaderUnsupported(`bad row number ${r}`);
        col = -1;
        if (isTrue(x.attr("hidden"))) hiddenRows.push(row);
        break;
      }
      case "c": {
        const ref = x.attr("r");
        let r = row;
        let c = col + 1;
        if (ref !== null) {
          const at = fromA1(ref);
          if (!at || at.col < 0) throw new PartReaderUnsupported(`bad cell reference ${ref}`);
          r = at.row;
          c = at.col;
        }
        if (r < 0) throw new PartReaderUnsupported("cell outside a row");
        col = c;
        const s = x.attr("s");
        const t = x.attr("t");
        if (x.selfClosing()) break;
        let v: string | null = null;
        let f: string | null = null;
        let fType: string | null = null;
        let si: string | null = null;
        let fRef: string | null = null;
        let inline: string | null = null;
        const depth = x.depth;
        while (x.next()) {
          if (!x.isOpen()) {
            if (x.depth < depth) break;
            if (x.tag() === "v") v = x.text();
            else if (x.tag() === "f") f = x.text();
            continue;
          }
          if (x.tag() === "f") {
            fType = x.attr("t");
            si = x.attr("si");
            fRef = x.attr("ref");
            if (x.selfClosing()) f = "";
          } else if (x.tag() === "is") {
            inline = x.selfClosing() ? "" : readStringItem(x);
          } else if (x.tag() === "v" && x.selfClosing()) {
            v = "";
          }
        }
        // The formula text: its own, or a shared one moved from its master.
        let formula: string | null = null;
        if (fType === "shared" && si !== null) {
          if (f) {
            budget.addFormula(f.length);
            if (fRef !== null) shared.set(si, { formula: f, r, c });
            formula = f;
          } else {
            const m = shared.get(si);
            if (m) {
              // Counted before expanding: a long master copied down a column stops here, not after.
              budget.addFormula(m.formula.length);
              formula = shiftFormula(m.formula, r - m.r, c - m.c);
            }
          }
        } else if (f) {
          budget.addFormula(f.length);
          formula = f;
        }
        // ExcelJS treats any <f t="..."> as a formula cell, even without text.
        const isFormula = formula !== null || !!fType;
        let value: CellValue = null;
        if (isFormula) {
          // A formula's cached result; an empty <v> means none (as ExcelJS reads it).
          if (v) value = t === "str" ? v : t === "b" ? parseInt(v, 10) !== 0 : t === "e" ? v : toNumber(v);
        } else if (t === "inlineStr") {
          value = inline;
        } else if (v !== null && v !== "") {
          if (t === "s") value = strings[parseInt(v, 10)] ?? null;
          else if (t === "str" || t === "e") value = v;
          else if (t === "b") value = parseInt(v, 10) !== 0;
          else if (t === "d") value = isoToSerial(v, date1904);
          else value = toNumber(v);
        }
        if (value === null && formula === null) break;
        const fmt = s !== null ? (formats[Number(s)] ?? null) : null;
        cells.push(r, c, value, formula === null ? null : `=${formula}`, fmt);
        break;
      }
      case "col": {
        if (isTrue(x.attr("hidden"))) {
          const c0 = Number(x.attr("min")) - 1;
          const c1 = Number(x.attr("max")) - 1;
          if (Number.isInteger(c0) && Number.isInteger(c1) && c0 >= 0) hiddenColRanges.push({ c0, c1 });
        }
        break;
      }
      case "mergeCell": {
        const ref = x.attr("ref");
        const m = ref === null ? null : parseArea(ref);
        if (m) {
          budget.addMerge(m.r1 - m.r0 + 1, m.c1 - m.c0 + 1);
          merges.push(m);
        }
        break;
      }
      case "conditionalFormatting":
      case "dataValidations":
      case "extLst":
      case "headerFooter":
        // Long and never read: skipped without looking inside (nesting is still checked).
        x.skipElement();
        break;
      default:
        break;
    }
  }

  return cells.toSheet(name, visibility, merges, (minR, maxR, minC, maxC) => ({
    rows: hiddenRows.filter((r) => r >= minR && r <= maxR),
    cols: hiddenColumns(hiddenColRanges, minC, maxC),
  }));
}

/**
 * Reads the workbook in `buf` (already passed through guardXlsxBuffer, which gave `entries`).
 * Throws PartReaderUnsupported (or XmlScanError) for anything unusual; the caller then uses ExcelJS.
 */
export function readWorkbookParts(
  buf: Buffer,
  entries: readonly ZipEntryInfo[],
  source?: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): WorkbookSnapshot {
  const parts = new Parts(buf, entries);
  const budget = new ReadBudget(limits);
  const rootRels = readRels(parts, "", limits);
  const workbookPart = relOfType(rootRels, "officeDocument") ?? "xl/workbook.xml";
  const workbookXml = parts.text(workbookPart);
  if (workbookXml === null) throw new PartReaderUnsupported(`no workbook part ${workbookPart}`);
  const rels = readRels(parts, workbookPart, limits);

  let date1904 = false;
  const sheets: { name: string; visibility: SheetSnapshot["visibility"]; part: string }[] = [];
  const x = new XmlScanner(workbookXml, limits.maxTagChars);
  while (x.next()) {
    if (!x.isOpen()) continue;
    if (x.tag() === "workbookPr") date1904 = isTrue(x.attr("date1904"));
    else if (x.tag() === "sheet") {
      const name = x.attr("name");
      const id = x.prefixedAttr("id");
      const rel = id === null ? undefined : rels.get(id);
      if (name === null || !rel) throw new PartReaderUnsupported("a sheet without a name or a part");
      // Chart sheets and dialog sheets have no cells; ExcelJS does not list them either.
      if (!rel.type.endsWith("/worksheet")) continue;
      if (!parts.has(rel.target)) throw new PartReaderUnsupported(`missing sheet part ${rel.target}`);
      const state = x.attr("state");
      budget.sheets(sheets.length + 1);
      sheets.push({
        name,
        visibility: state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible",
        part: rel.target,
      });
    }
  }

  const strings = readSharedStrings(parts, relOfType(rels, "sharedStrings"), limits);
  const formats = readStyleFormats(parts, relOfType(rels, "styles"), limits);
  const out: SheetSnapshot[] = [];
  for (const s of sheets) {
    out.push(readSheet(parts.text(s.part)!, s.name, s.visibility, strings, formats, date1904, budget));
  }
  return source === undefined ? { sheets: out } : { source, sheets: out };
}
