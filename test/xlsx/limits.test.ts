/** Read limits (issue 12): each cap refuses with its own line, before the ExcelJS fallback, and nothing else. */
import { hiddenColumns } from "../../src/xlsx/grid";
import { isReadLimitError } from "../../src/xlsx/limits";
import { readXlsxBytes } from "../support/xlsxBytes";
import { buildBook, sheetXml } from "../reliability/hostileFiles";

const cells = (n: number) =>
  Array.from({ length: n }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");

async function refusal(buf: Buffer, read: Record<string, number>): Promise<string> {
  try {
    await readXlsxBytes(buf, "x.xlsx", { read });
  } catch (e) {
    expect(isReadLimitError(e)).toBe(true);
    return (e as { text: { "zh-CN": string } }).text["zh-CN"];
  }
  throw new Error("not refused");
}

test.each([
  ["maxCells", 5, sheetXml(cells(6)), /单元格数超过上限（5）/],
  ["maxGridSlots", 100, sheetXml(`<row r="1"><c r="A1"><v>1</v></c><c r="DA1"><v>1</v></c></row>`), /表格区域/],
  [
    "maxMerges",
    1,
    sheetXml(cells(1), "", `<mergeCells><mergeCell ref="B1:C1"/><mergeCell ref="B2:C2"/></mergeCells>`),
    /合并区域数/,
  ],
  [
    "maxMergedCells",
    10,
    sheetXml(cells(1), "", `<mergeCells><mergeCell ref="B1:B20"/></mergeCells>`),
    /合并单元格总数/,
  ],
  ["maxFormulaLength", 10, sheetXml(`<row r="1"><c r="A1"><f>B1+B2+B3+B4</f><v>0</v></c></row>`), /单个公式的长度/],
  [
    "maxTagChars",
    50,
    sheetXml(`<row r="1"><c r="A1" s="0" t="n" x="${"1".repeat(60)}"><v>0</v></c></row>`),
    /XML 标记长度/,
  ],
])("%s: one line naming the cap", async (key, cap, xml, re) => {
  const buf = buildBook({ sheets: [{ name: "S", xml }] });
  // Within the default limits the same file reads.
  await expect(readXlsxBytes(buf, "x.xlsx")).resolves.toBeDefined();
  expect(await refusal(buf, { [key]: cap })).toMatch(re);
});

test("a shared formula is counted before it is expanded, master length per copy", async () => {
  let rows = `<row r="1"><c r="A1"><f t="shared" ref="A1:A50" si="0">B1+B2</f><v>0</v></c></row>`;
  for (let r = 2; r <= 50; r++) rows += `<row r="${r}"><c r="A${r}"><f t="shared" si="0"/><v>0</v></c></row>`;
  const buf = buildBook({ sheets: [{ name: "S", xml: sheetXml(rows) }] });
  expect(await refusal(buf, { maxFormulaChars: 100 })).toMatch(/公式文本总长度/);
  const ok = await readXlsxBytes(buf, "x.xlsx", { read: { maxFormulaChars: 250 } });
  expect(ok.sheets[0].formulas?.[49]?.[0]).toBe("=B50+B51");
});

test("sheets: the cap counts every <sheet> entry", async () => {
  const buf = buildBook({ sheets: [{ name: "S", xml: sheetXml(cells(1)) }], repeatFirstSheet: 3 });
  expect(await refusal(buf, { maxSheets: 3 })).toMatch(/工作表数超过上限（3）/);
});

test("a file only ExcelJS could read is refused past the fallback size, not handed to it", async () => {
  const xml = sheetXml(cells(200)).replace("?>\n", "?>\n<!DOCTYPE worksheet>");
  const buf = buildBook({ sheets: [{ name: "S", xml }] });
  await expect(readXlsxBytes(buf, "x.xlsx")).resolves.toBeDefined();
  expect(await refusal(buf, { maxFallbackBytes: 1000 })).toMatch(/结构不常见/);
});

test("hiddenColumns: the difference array gives what a column-by-column walk gives", () => {
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  for (let k = 0; k < 200; k++) {
    const ranges = Array.from({ length: rnd(8) }, () => {
      const a = rnd(60);
      return { c0: a, c1: a + rnd(10) - 2 };
    });
    const minC = rnd(30);
    const maxC = minC + rnd(40) - 5;
    const slow = new Set<number>();
    for (const g of ranges) for (let c = Math.max(g.c0, minC); c <= Math.min(g.c1, maxC); c++) slow.add(c);
    expect(hiddenColumns(ranges, minC, maxC)).toEqual([...slow].sort((a, b) => a - b));
  }
});
