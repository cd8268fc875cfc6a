/** Test helpers: temp dirs outside the repo, and a tiny zip writer for hand-made (broken, hostile) archives. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import * as zlib from "zlib";

export function makeTempDir(prefix = "perf-eval-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface ZipPart {
  name: string;
  /** Uncompressed content (used unless `compressed` is given). */
  data?: Buffer;
  /** Pre-compressed raw deflate data; then `uncompressedSize` must be given. */
  compressed?: Buffer;
  uncompressedSize?: number;
  /** Lie in the headers about the uncompressed size. */
  declaredSize?: number;
  method?: 0 | 8;
  encrypted?: boolean;
}

/** Writes a classic (non-ZIP64) zip archive in memory. */
export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const method = p.method ?? 8;
    const raw = p.data ?? Buffer.alloc(0);
    const body = p.compressed ?? (method === 8 ? zlib.deflateRawSync(raw) : raw);
    const size = p.declaredSize ?? p.uncompressedSize ?? raw.length;
    const crc = p.compressed ? 0 : zlib.crc32(raw);
    const name = Buffer.from(p.name, "utf8");
    const flags = (p.encrypted ? 1 : 0) | 0x800;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += lh.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/**
 * Raw deflate data for `megabytes` MB of zeros without ever holding them: one sync-flushed 1 MB block
 * repeated (each copy only refers back inside itself), closed by an empty final block.
 */
export function deflatedZeros(megabytes: number): Buffer {
  const deflater = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), {
    level: 9,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  const tail = zlib.deflateRawSync(Buffer.alloc(0));
  const chunks: Buffer[] = [];
  for (let i = 0; i < megabytes; i++) chunks.push(deflater);
  chunks.push(tail);
  return Buffer.concat(chunks);
}

/** The minimal parts that make JSZip + ExcelJS accept an archive as a workbook, with a custom sheet XML. */
export function minimalXlsxParts(sheetXml: Buffer | ZipPart): ZipPart[] {
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  const sheet: ZipPart = Buffer.isBuffer(sheetXml) ? { name: "xl/worksheets/sheet1.xml", data: sheetXml } : sheetXml;
  return [
    { name: "[Content_Types].xml", data: Buffer.from(ct) },
    { name: "_rels/.rels", data: Buffer.from(rels) },
    { name: "xl/workbook.xml", data: Buffer.from(wb) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(wbRels) },
    sheet,
  ];
}

export const SIMPLE_SHEET_XML = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`,
);

/**
 * Reads .xlsx bytes with the part reader after checking that ExcelJS reads them to exactly the same snapshot;
 * returns the part reader's. isDeepStrictEqual first: jest's toEqual takes seconds on a million-row grid, so it
 * runs only to show a diff.
 */
export async function readWithBothReaders(
  buf: Buffer,
  source?: string,
): Promise<import("../../src/core/snapshot").WorkbookSnapshot> {
  const { withXlsxFile } = await import("../support/xlsxBytes");
  const { readSnapshotFromFile } = await import("../../src/xlsx/snapshotReader");
  const [parts, exceljs] = await withXlsxFile(buf, source ?? "book.xlsx", async (file) => [
    await readSnapshotFromFile(file, { reader: "parts" }),
    await readSnapshotFromFile(file, { reader: "exceljs" }),
  ]);
  if (!isDeepStrictEqual(parts, exceljs)) expect(parts).toEqual(exceljs);
  return parts;
}

/** Writes a snapshot (as tests build them with test/support/grid) to an .xlsx file with ExcelJS. */
export async function writeSnapshotXlsx(
  snapshot: import("../../src/core/snapshot").WorkbookSnapshot,
  file: string,
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.visibility === "Hidden") ws.state = "hidden";
    if (s.visibility === "VeryHidden") ws.state = "veryHidden";
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = ws.getCell(s.originRow + i + 1, s.originCol + j + 1);
        const f = s.formulas?.[i]?.[j];
        if (f) cell.value = { formula: f.replace(/^=/, ""), result: v as number } as import("exceljs").CellFormulaValue;
        else if (typeof v === "string" && /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(v)) {
          cell.value = { error: v } as import("exceljs").CellErrorValue;
        } else if (v !== null) cell.value = v;
        const fmt = s.numberFormats?.[i]?.[j];
        if (fmt && fmt !== "General") cell.numFmt = fmt;
      }),
    );
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    for (const r of s.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
    for (const c of s.hiddenCols ?? []) ws.getColumn(c + 1).hidden = true;
  }
  await wb.xlsx.writeFile(file);
}

/**
 * Builds the compiled CLI once before spawning it. bin/perf-eval.js rebuilds when stale, and two test files
 * doing that at once would write the same output files together; a lock directory serializes the builds.
 */
export function ensureCliBuilt(root: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require("child_process") as typeof import("child_process");
  const lock = path.join(os.tmpdir(), "perf-eval-cli-build.lock");
  const deadline = Date.now() + 180000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than the build can take was left by a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200); // a synchronous 200 ms pause
    }
  }
  try {
    execFileSync(process.execPath, [path.join(root, "bin", "perf-eval.js"), "--help"], { stdio: "ignore" });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
