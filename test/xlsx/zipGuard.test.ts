import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import * as ExcelJS from "exceljs";
import { DEFAULT_ZIP_LIMITS, XlsxInputError, readGuardedFile, worstCaseExpansion } from "../../src/xlsx/zipGuard";
import { guardXlsxBytes, readXlsxBytes } from "../support/xlsxBytes";
import { SIMPLE_SHEET_XML, deflatedZeros, makeTempDir, makeZip, minimalXlsxParts, removeDir } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

/** The refusal's en-US message, or "ok". */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxInputError) return e.text["en-US"];
    throw e;
  }
  return "ok";
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxInputError) {
      // Messages are one line in both languages.
      expect(e.message).not.toMatch(/\n/);
      expect(e.text["zh-CN"]).not.toMatch(/\n/);
      return e.code;
    }
    throw e;
  }
  return "ok";
}

describe("the zip guard", () => {
  test("a real ExcelJS workbook passes and lists its parts", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = 1;
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const entries = guardXlsxBytes(buf);
    expect(entries.map((e) => e.name)).toContain("xl/workbook.xml");
    expect(codeOf(() => guardXlsxBytes(buf))).toBe("ok");
  });

  test("empty, CFB (encrypted / .xls), plain text", () => {
    expect(codeOf(() => guardXlsxBytes(Buffer.alloc(0)))).toBe("empty");
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(codeOf(() => guardXlsxBytes(cfb))).toBe("encrypted-or-xls");
    try {
      guardXlsxBytes(cfb);
    } catch (e) {
      expect((e as Error).message).toMatch(/encrypted or legacy \.xls workbook/);
    }
    expect(codeOf(() => guardXlsxBytes(Buffer.from("项目名称,金额\n养老保险,100\n")))).toBe("not-xlsx");
  });

  test("a zip that is not a workbook is not an .xlsx", () => {
    const zip = makeZip([{ name: "readme.txt", data: Buffer.from("hello") }]);
    expect(codeOf(() => guardXlsxBytes(zip))).toBe("not-xlsx");
  });

  test("truncated archives are refused wherever they are cut", () => {
    const good = makeZip(minimalXlsxParts(SIMPLE_SHEET_XML));
    expect(codeOf(() => guardXlsxBytes(good))).toBe("ok");
    for (const keep of [10, 100, Math.floor(good.length / 2), good.length - 30, good.length - 5]) {
      expect(codeOf(() => guardXlsxBytes(good.subarray(0, keep)))).toBe("truncated");
    }
  });

  test("the zero-bomb helper really is valid deflate of the size it claims", () => {
    expect(zlib.inflateRawSync(deflatedZeros(3)).length).toBe(3 * 1024 * 1024);
  });

  test("a zip bomb is refused from its declared sizes, before inflating", () => {
    const bomb = makeZip(
      minimalXlsxParts({
        name: "xl/worksheets/sheet1.xml",
        compressed: deflatedZeros(300),
        uncompressedSize: 300 * 1024 * 1024,
      }),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(codeOf(() => guardXlsxBytes(bomb))).toBe("zip-bomb");
  });

  test("an absurd compression ratio is refused even under the total limit", () => {
    const bomb = makeZip(
      minimalXlsxParts({
        name: "xl/worksheets/sheet1.xml",
        compressed: deflatedZeros(50),
        uncompressedSize: 50 * 1024 * 1024,
      }),
    );
    expect(50 * 1024 * 1024).toBeLessThan(DEFAULT_ZIP_LIMITS.maxTotalUncompressed);
    expect(codeOf(() => guardXlsxBytes(bomb))).toBe("zip-bomb");
  });

  test("headers that understate a part's size are caught by the capped inflate", () => {
    const liar = makeZip(
      minimalXlsxParts({
        name: "xl/worksheets/sheet1.xml",
        compressed: deflatedZeros(20),
        uncompressedSize: 20 * 1024 * 1024,
        declaredSize: 1000,
      }),
    );
    // 20 KB of deflate could reach ~22 MB: over a 5 MB limit, so the capped inflate runs and catches the lie
    // (the headers alone, which declare 1000 bytes, would have let it through).
    const small = { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 5 * 1024 * 1024 };
    expect(codeOf(() => guardXlsxBytes(liar, small))).toBe("zip-bomb");
    expect(messageOf(() => guardXlsxBytes(liar, small))).toContain("expands past its declared size");
    // Under the default 200 MB it cannot do harm whatever it says, so it is not inflated twice.
    expect(worstCaseExpansion(guardXlsxBytes(liar))).toBeLessThan(DEFAULT_ZIP_LIMITS.maxTotalUncompressed);
  });

  test("a lying archive that could really expand past the limit is refused by the capped inflate", () => {
    // 300 KB of deflated zeros (could reach ~330 MB) declared as 1 KB.
    const liar = makeZip(
      minimalXlsxParts({
        name: "xl/worksheets/sheet1.xml",
        compressed: deflatedZeros(300),
        uncompressedSize: 300 * 1024 * 1024,
        declaredSize: 1024,
      }),
    );
    expect(codeOf(() => guardXlsxBytes(liar))).toBe("zip-bomb");
    expect(messageOf(() => guardXlsxBytes(liar))).toContain("expands past its declared size");
  });

  test("password-protected zip entries and unknown methods are refused", () => {
    const enc = makeZip(
      minimalXlsxParts({ name: "xl/worksheets/sheet1.xml", data: SIMPLE_SHEET_XML, encrypted: true }),
    );
    expect(codeOf(() => guardXlsxBytes(enc))).toBe("encrypted-or-xls");
    const bzip = makeZip(
      minimalXlsxParts({ name: "xl/worksheets/sheet1.xml", data: SIMPLE_SHEET_XML, method: 12 as 8 }),
    );
    expect(codeOf(() => guardXlsxBytes(bzip))).toBe("unsupported");
  });

  test("limits are configurable", () => {
    const good = makeZip(minimalXlsxParts(SIMPLE_SHEET_XML));
    expect(codeOf(() => guardXlsxBytes(good, { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 100 }))).toBe("zip-bomb");
    expect(codeOf(() => guardXlsxBytes(good, { ...DEFAULT_ZIP_LIMITS, maxEntries: 2 }))).toBe("zip-bomb");
  });

  test("the reader refuses through the guard, and a valid zip with broken XML gives one clean line", async () => {
    await expect(readXlsxBytes(Buffer.from("not a workbook"))).rejects.toMatchObject({ code: "not-xlsx" });
    const broken = makeZip(minimalXlsxParts(Buffer.from("<worksheet><sheetData><row r=")));
    const err = await readXlsxBytes(broken).then(
      () => null,
      (e) => e,
    );
    // ExcelJS may tolerate some broken XML; when it does not, the error is ours and one line.
    if (err !== null) {
      expect(err).toBeInstanceOf(XlsxInputError);
      expect(err.message).not.toMatch(/\n/);
    }
  });
});

describe("readGuardedFile", () => {
  test("missing, directory, empty, valid", () => {
    expect(codeOf(() => readGuardedFile(path.join(dir, "nope.xlsx")))).toBe("missing");
    expect(codeOf(() => readGuardedFile(dir))).toBe("not-a-file");
    const empty = path.join(dir, "empty.xlsx");
    fs.writeFileSync(empty, "");
    expect(codeOf(() => readGuardedFile(empty))).toBe("empty");
    const ok = path.join(dir, "ok.xlsx");
    fs.writeFileSync(ok, makeZip(minimalXlsxParts(SIMPLE_SHEET_XML)));
    expect(readGuardedFile(ok).length).toBeGreaterThan(0);
  });
});
