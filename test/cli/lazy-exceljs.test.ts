/**
 * With worker threads the main thread only hands out files, so loading `check` must not load ExcelJS (it
 * cost most of a second before the workers could even start). Files are read by the part reader; ExcelJS is
 * loaded only for a file that reader gives up on.
 */
describe("perf-eval check loads ExcelJS only when it reads", () => {
  const poisoned = () => {
    throw new Error("ExcelJS loaded");
  };

  const paths = ["exceljs", "exceljs/lib/doc/workbook", "exceljs/lib/doc/enums"];

  test("the check command and the pool do not load ExcelJS", async () => {
    await jest.isolateModulesAsync(async () => {
      for (const p of paths) jest.doMock(p, poisoned);
      try {
        await expect(import("../../src/cli/check")).resolves.toBeDefined();
        await expect(import("../../src/cli/pool")).resolves.toBeDefined();
      } finally {
        for (const p of paths) jest.dontMock(p);
      }
    });
  });

  async function sampleWorkbook(): Promise<Buffer> {
    const ExcelJS = jest.requireActual("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 7;
    ws.getCell("B1").value = { formula: "A1*2", result: 14 };
    ws.mergeCells("A2:B2");
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  function expectSample(snap: { sheets: { values: unknown[][]; formulas?: unknown[][]; merges: unknown[] }[] }) {
    expect(snap.sheets[0].values[0]).toEqual([7, 14]);
    expect(snap.sheets[0].formulas?.[0]).toEqual([null, "=A1*2"]);
    expect(snap.sheets[0].merges).toEqual([{ r0: 1, c0: 0, r1: 1, c1: 1 }]);
  }

  test("an ordinary workbook is read without loading ExcelJS at all", async () => {
    const buf = await sampleWorkbook();
    await jest.isolateModulesAsync(async () => {
      for (const p of paths) jest.doMock(p, poisoned);
      try {
        const { readXlsxBytes } = await import("../support/xlsxBytes");
        expectSample(await readXlsxBytes(buf, "t.xlsx"));
      } finally {
        for (const p of paths) jest.dontMock(p);
      }
    });
  });

  test("the ExcelJS reader still reads with the deep ExcelJS modules", async () => {
    const buf = await sampleWorkbook();
    const { readXlsxBytes } = jest.requireActual("../support/xlsxBytes");
    expectSample(await readXlsxBytes(buf, "t.xlsx", { reader: "exceljs" }));
  });
});
