/**
 * Damaged files, property-based: whatever bytes arrive (a real workbook with bytes flipped, cut short, or
 * spliced), the guard and the reader either give a snapshot or refuse with an XlsxInputError carrying one
 * line — never another exception, never a stack trace for the CLI to print.
 */
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import * as zlib from "zlib";
import { XlsxInputError } from "../../src/xlsx/zipGuard";
import { guardXlsxBytes, readXlsxBytes } from "../support/xlsxBytes";
import { makeZip } from "./helpers";

let good: Buffer;
/** The same workbook with its parts stored uncompressed, so damage lands in the XML itself. */
let stored: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.addRow(["一级指标", "二级指标", "三级指标", "分值", "得分"]);
  ws.addRow(["产出指标", "数量指标", "参保人数", 12, 12]);
  ws.addRow(["总分", null, null, 100, { formula: "SUM(E2:E2)", result: 12 }]);
  ws.mergeCells("A2:A3");
  good = Buffer.from(await wb.xlsx.writeBuffer());
  stored = makeZip(
    guardXlsxBytes(good).map((e) => {
      const raw = good.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
      return { name: e.name, data: e.method === 8 ? zlib.inflateRawSync(raw) : raw, method: 0 as const };
    }),
  );
});

const damage = fc.oneof(
  // Flip a few bytes anywhere.
  fc
    .array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 })
    .map((flips) => (buf: Buffer) => {
      const b = Buffer.from(buf);
      for (const f of flips) b[f.at % b.length] = f.byte;
      return b;
    }),
  // Cut it short.
  fc.nat().map((n) => (buf: Buffer) => buf.subarray(0, n % buf.length)),
  // Drop a slice from the middle.
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 400 })).map(([at, len]) => (buf: Buffer) => {
    const i = at % buf.length;
    return Buffer.concat([buf.subarray(0, i), buf.subarray(Math.min(buf.length, i + len))]);
  }),
);

async function outcome(bytes: Buffer): Promise<"ok" | "refused"> {
  try {
    guardXlsxBytes(bytes);
  } catch (e) {
    if (!(e instanceof XlsxInputError)) throw e;
  }
  try {
    const snap = await readXlsxBytes(bytes);
    expect(Array.isArray(snap.sheets)).toBe(true);
    return "ok";
  } catch (e) {
    if (!(e instanceof XlsxInputError)) throw e;
    expect(e.message).not.toMatch(/\n/);
    expect(e.text["zh-CN"]).not.toMatch(/\n/);
    return "refused";
  }
}

test.each([
  ["deflated (as Excel writes them)", () => good],
  ["stored, so the damage reaches the XML parser", () => stored],
])(
  "damaged workbooks, %s: read or refused with one clear line, never anything else",
  async (_name, base) => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        seen.add(await outcome(d(base())));
      }),
      { numRuns: 150, seed: 20211231 },
    );
    // The property exercised both ends: some damage is harmless, most is refused.
    expect(seen).toEqual(new Set(["ok", "refused"]));
  },
  120000,
);
