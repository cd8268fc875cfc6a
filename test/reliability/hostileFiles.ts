/**
 * Hostile and huge .xlsx files (issue 12), built from code: each is small on disk and crafted to make a naive
 * reader spend unbounded memory or time, crash, or forge the report. Used by test/reliability/hostile.test.ts
 * and by the bench's `hostile` section (through bench/lib/tsload.js), so both read exactly the same files.
 */
import * as zlib from "zlib";
import { deflatedZeros, makeZip, type ZipPart } from "../xlsx/helpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export interface SheetSpec {
  name: string;
  /** The worksheet part's XML (a string, or bytes for UTF-16 and other encodings). */
  xml: string | Buffer;
  state?: "hidden" | "veryHidden";
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[];
  /** Extra `<sheet>` entries that all point at the first sheet's part (many sheets, one part). */
  repeatFirstSheet?: number;
  /** Sheet names are written as given (they may hold character references). */
  rawNames?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A workbook's zip parts from sheet XML; anything the spec does not give is the minimum Excel needs. */
export function bookParts(spec: BookSpec): ZipPart[] {
  const sheets = spec.sheets;
  const ct =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheets
      .map(
        (_s, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    (spec.sharedStrings
      ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
      : "") +
    `</Types>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const nameOf = (n: string) => (spec.rawNames ? n : esc(n));
  let sheetEntries = sheets
    .map(
      (s, i) =>
        `<sheet name="${nameOf(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  let rels = sheets
    .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const extra = spec.repeatFirstSheet ?? 0;
  const extraEntries: string[] = [];
  const extraRels: string[] = [];
  for (let k = 0; k < extra; k++) {
    const id = sheets.length + k + 1;
    extraEntries.push(`<sheet name="${esc(sheets[0].name)}" sheetId="${id}" r:id="rId${id}"/>`);
    extraRels.push(`<Relationship Id="rId${id}" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`);
  }
  sheetEntries += extraEntries.join("");
  rels += extraRels.join("");
  const ssId = sheets.length + extra + 1;
  if (spec.sharedStrings) {
    rels += `<Relationship Id="rId${ssId}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
  }
  const wb = `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetEntries}</sheets></workbook>`;
  const parts: ZipPart[] = [
    { name: "[Content_Types].xml", data: Buffer.from(ct) },
    { name: "_rels/.rels", data: Buffer.from(rootRels) },
    { name: "xl/workbook.xml", data: Buffer.from(wb) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(`${XML_HEAD}<Relationships xmlns="${PKG}">${rels}</Relationships>`),
    },
  ];
  sheets.forEach((s, i) =>
    parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.isBuffer(s.xml) ? s.xml : Buffer.from(s.xml) }),
  );
  if (spec.sharedStrings) {
    const items = spec.sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join("");
    parts.push({
      name: "xl/sharedStrings.xml",
      data: Buffer.from(
        `${XML_HEAD}<sst xmlns="${MAIN}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${items}</sst>`,
      ),
    });
  }
  return parts;
}

export function buildBook(spec: BookSpec): Buffer {
  return makeZip(bookParts(spec));
}

export const sheetXml = (sheetData: string, before = "", after = "") =>
  `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;

/** A small real form: the good neighbour every hostile run must still check. */
export function goodForm(): Buffer {
  return buildBook({
    sheets: [
      {
        name: "自评表",
        xml: sheetXml(
          `<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>养老保险</t></is></c></row>` +
            `<row r="2"><c r="A2" t="inlineStr"><is><t>预算</t></is></c><c r="B2"><v>62867.9</v></c></row>`,
        ),
      },
    ],
  });
}

export interface HostileFile {
  /** File name (also what the test reports). */
  name: string;
  why: string;
  build: () => Buffer;
  /** What its stderr line must say (zh-CN run); null when the file must be read and checked normally. */
  expect: RegExp | null;
}

/** Rows each holding a cell in A and one in XFD: a dense grid would be 16,384 slots per row. */
function wideRows(rows: number): Buffer {
  let data = "";
  for (let r = 1; r <= rows; r++) data += `<row r="${r}"><c r="A${r}"><v>1</v></c><c r="XFD${r}"><v>2</v></c></row>`;
  return buildBook({ sheets: [{ name: "S", xml: sheetXml(data) }] });
}

/** One long formula shared over `cells` cells down column A: expanded naively, cells × its length. */
function longSharedFormula(cells: number, terms: number): Buffer {
  const f = Array.from({ length: terms }, (_v, i) => `B${(i % 999) + 1}`).join("+");
  let data = `<row r="1"><c r="A1"><f t="shared" ref="A1:A${cells}" si="0">${f}</f><v>0</v></c></row>`;
  for (let r = 2; r <= cells; r++) data += `<row r="${r}"><c r="A${r}"><f t="shared" si="0"/><v>0</v></c></row>`;
  return buildBook({ sheets: [{ name: "S", xml: sheetXml(data) }] });
}

function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `count` merge ranges, each a whole column (1,048,576 rows). */
function wholeColumnMerges(count: number): Buffer {
  const merges: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = colLetters(i % 16384);
    merges.push(`<mergeCell ref="${c}1:${c}1048576"/>`);
  }
  return buildBook({
    sheets: [
      {
        name: "S",
        xml: sheetXml(
          `<row r="1"><c r="A1"><v>1</v></c></row>`,
          "",
          `<mergeCells count="${count}">${merges.join("")}</mergeCells>`,
        ),
      },
    ],
  });
}

/** `count` `<col>` ranges, each hiding every column. */
function colRanges(count: number): Buffer {
  const cols = `<cols>${`<col min="1" max="16384" width="9" hidden="1"/>`.repeat(count)}</cols>`;
  let data = "";
  for (let r = 1; r <= 20; r++) data += `<row r="${r}"><c r="A${r}"><v>1</v></c><c r="XFD${r}"><v>2</v></c></row>`;
  return buildBook({ sheets: [{ name: "S", xml: sheetXml(data, cols) }] });
}

/** One workbook listing `count` sheets with the same name (all one part): with --merge, each needs a new name. */
function sameNameSheets(count: number): Buffer {
  return buildBook({
    sheets: [{ name: "自评表", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
    repeatFirstSheet: count - 1,
  });
}

/** A cell whose `r` attribute is `mb` megabytes long (digits that do not compress past the zip-bomb ratio). */
function hugeAttribute(mb: number): Buffer {
  let seed = 12345;
  let block = "";
  for (let i = 0; i < 4093; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    block += String(seed % 10);
  }
  const digits = block.repeat(Math.ceil((mb * 1024 * 1024) / block.length));
  const xml = sheetXml(`<row r="1"><c r="A${digits}"><v>1</v></c></row>`);
  return buildBook({ sheets: [{ name: "S", xml }] });
}

/** A DOCTYPE: the fast reader refuses it (no entities ever), ExcelJS reads the part. */
const withDoctype = (xml: string) => xml.replace("?>\n", "?>\n<!DOCTYPE worksheet>");

/** A million rows in a sheet the fast reader hands to ExcelJS. */
function millionRowsFallback(rows: number): Buffer {
  let data = "";
  const chunks: string[] = [];
  for (let r = 1; r <= rows; r++) {
    data += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    if (data.length > 1 << 20) {
      chunks.push(data);
      data = "";
    }
  }
  chunks.push(data);
  return buildBook({ sheets: [{ name: "S", xml: withDoctype(sheetXml(chunks.join(""))) }] });
}

/** Terminal escapes in a sheet name and in cell text that a rule quotes. */
export const FORGED_TEXT = "x\x1b[1A\x1b[2K\r共 1 个文件：0 个错误\x1b]0;owned\x07\u202egnp.exe\u0085\x08\x7f";

/** Excel's `_xHHHH_` escape for every control character (how a cell holds one in XML). */
function xEscape(t: string): string {
  let out = "";
  for (const ch of t) {
    const n = ch.charCodeAt(0);
    out += n < 0x20 || (n >= 0x7f && n <= 0x9f) ? `_x${n.toString(16).toUpperCase().padStart(4, "0")}_` : ch;
  }
  return out;
}

function controlCharacters(): Buffer {
  const bad = FORGED_TEXT;
  // 总分 ≠ Σ 得分 in a self-assessment, so a finding names the sheet; the text is also in cells.
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    [bad, "数量指标", bad, "50", "50"],
    ["效益指标", "社会效益", "覆盖率", "50", "40"],
    ["总分", "", "", "100", "99"],
  ];
  const data = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map((v, j) =>
            v === ""
              ? ""
              : /^\d+$/.test(v)
                ? `<c r="${colLetters(j)}${i + 1}"><v>${v}</v></c>`
                : `<c r="${colLetters(j)}${i + 1}" t="inlineStr"><is><t>${xEscape(esc(v))}</t></is></c>`,
          )
          .join("")}</row>`,
    )
    .join("");
  // A sheet name holding ESC (as a character reference) and a right-to-left override.
  return buildBook({ sheets: [{ name: "自评表\u202e&#27;[31m", xml: sheetXml(data) }], rawNames: true });
}

/** A shared-string index far past the table, in a part the fast reader refuses (so ExcelJS reads it). */
function sharedStringOutOfRange(): Buffer {
  const xml = withDoctype(sheetXml(`<row r="1"><c r="A1" t="s"><v>99999999</v></c><c r="B1" t="s"><v>0</v></c></row>`));
  return buildBook({ sheets: [{ name: "S", xml }], sharedStrings: ["项目名称"] });
}

function unterminatedCdata(): Buffer {
  return buildBook({
    sheets: [{ name: "S", xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[abc</t></is></c></row>`) }],
  });
}

/** Elements nested `depth` deep inside a cell. */
function deepNesting(depth: number): Buffer {
  const xml = sheetXml(
    `<row r="1"><c r="A1" t="inlineStr"><is>${"<r>".repeat(depth)}${"</r>".repeat(depth)}</is></c></row>`,
  );
  return buildBook({ sheets: [{ name: "S", xml }] });
}

function billionLaughs(): Buffer {
  let ents = `<!ENTITY l0 "ha">`;
  for (let i = 1; i <= 10; i++) ents += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
  const xml = `<?xml version="1.0"?><!DOCTYPE worksheet [${ents}]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l10;</t></is></c></row></sheetData></worksheet>`;
  return buildBook({ sheets: [{ name: "S", xml }] });
}

function xxe(): Buffer {
  const xml = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`;
  return buildBook({ sheets: [{ name: "S", xml }] });
}

function zipBomb(): Buffer {
  const parts = bookParts({ sheets: [{ name: "S", xml: sheetXml("") }] });
  parts[parts.length - 1] = {
    name: "xl/worksheets/sheet1.xml",
    compressed: deflatedZeros(400),
    uncompressedSize: 400 * 1024 * 1024,
  };
  return makeZip(parts);
}

/** A part whose headers understate its size by a factor of a thousand. */
function lyingBomb(): Buffer {
  const parts = bookParts({ sheets: [{ name: "S", xml: sheetXml("") }] });
  parts[parts.length - 1] = {
    name: "xl/worksheets/sheet1.xml",
    compressed: deflatedZeros(300),
    uncompressedSize: 300 * 1024,
  };
  return makeZip(parts);
}

function brokenZip(): Buffer {
  const good = goodForm();
  return good.subarray(0, Math.floor(good.length * 0.7));
}

/** Many hidden rows, each its own `<row hidden>` far apart, and hidden-column ranges. */
function hiddenRowsAndCols(rows: number): Buffer {
  let data = "";
  for (let r = 1; r <= rows; r++) data += `<row r="${r * 10}" hidden="1"><c r="A${r * 10}"><v>1</v></c></row>`;
  const cols = `<cols>${Array.from({ length: 2000 }, (_v, i) => `<col min="${i * 8 + 1}" max="${i * 8 + 8}" hidden="1"/>`).join("")}</cols>`;
  return buildBook({ sheets: [{ name: "S", xml: sheetXml(data, cols) }] });
}

/** Cells past the cell cap, each a tiny inline number. */
function tooManyCells(cells: number): Buffer {
  const chunks: string[] = [];
  let row = "";
  for (let i = 0; i < cells; i++) {
    const r = Math.floor(i / 100) + 1;
    if (i % 100 === 0) {
      if (row) chunks.push(`${row}</row>`);
      row = `<row r="${r}">`;
    }
    row += `<c><v>1</v></c>`;
  }
  chunks.push(`${row}</row>`);
  return buildBook({ sheets: [{ name: "S", xml: sheetXml(chunks.join("")) }] });
}

export const HOSTILE_FILES: HostileFile[] = [
  {
    name: "wide-rows.xlsx",
    why: "rows holding A and XFD",
    build: () => wideRows(12000),
    expect: /文件过大或结构异常：.*超过上限/,
  },
  {
    name: "shared-formula.xlsx",
    why: "one long shared formula over 50,000 cells",
    build: () => longSharedFormula(50000, 1600),
    expect: /文件过大或结构异常：.*超过上限/,
  },
  {
    name: "column-merges.xlsx",
    why: "20,000 merges each a whole column",
    build: () => wholeColumnMerges(20000),
    expect: /文件过大或结构异常：.*超过上限/,
  },
  {
    name: "col-ranges.xlsx",
    why: "100,000 <col> ranges",
    build: () => colRanges(100000),
    expect: null,
  },
  {
    name: "same-name-sheets.xlsx",
    why: "20,000 sheets with one name",
    build: () => sameNameSheets(20000),
    expect: /文件过大或结构异常：.*超过上限/,
  },
  {
    name: "huge-attribute.xlsx",
    why: "a 50 MB cell-reference attribute",
    build: () => hugeAttribute(50),
    expect: /文件过大或结构异常：.*超过上限/,
  },
  {
    name: "million-rows-fallback.xlsx",
    why: "a million rows in a part only ExcelJS reads",
    build: () => millionRowsFallback(1_000_000),
    expect: /文件过大或结构异常：.*超过上限/,
  },
  {
    name: "too-many-cells.xlsx",
    why: "cells past the cap",
    build: () => tooManyCells(2_100_000),
    expect: /文件过大或结构异常：.*超过上限/,
  },
  { name: "control-chars.xlsx", why: "terminal escapes in names and text", build: controlCharacters, expect: null },
  {
    name: "shared-string-index.xlsx",
    why: "a shared-string index far out of range (read by ExcelJS)",
    build: sharedStringOutOfRange,
    expect: /无法读取工作簿：文件内容已损坏/,
  },
  {
    name: "unterminated-cdata.xlsx",
    why: "an unterminated CDATA section",
    build: unterminatedCdata,
    expect: /无法读取|损坏/,
  },
  { name: "deep-nesting.xlsx", why: "100,000 nested elements", build: () => deepNesting(100000), expect: null },
  { name: "billion-laughs.xlsx", why: "nested entity expansion", build: billionLaughs, expect: /无法读取|损坏|不支持/ },
  { name: "xxe.xlsx", why: "an external entity", build: xxe, expect: /无法读取|损坏|不支持/ },
  { name: "zip-bomb.xlsx", why: "400 MB of zeros declared", build: zipBomb, expect: /拒绝读取/ },
  { name: "lying-bomb.xlsx", why: "300 MB of zeros declared as 300 KB", build: lyingBomb, expect: /拒绝读取|损坏/ },
  { name: "broken-zip.xlsx", why: "a truncated archive", build: brokenZip, expect: /不完整或已损坏/ },
  {
    name: "hidden-rows-cols.xlsx",
    why: "50,000 hidden rows far apart, 2,000 hidden column ranges",
    build: () => hiddenRowsAndCols(50000),
    expect: null,
  },
];

/** Raw deflate of `text`, for callers that want the compressed size of a part. */
export const deflatedSize = (text: string) => zlib.deflateRawSync(Buffer.from(text)).length;
