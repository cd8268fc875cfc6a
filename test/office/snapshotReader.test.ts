import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { readWorkbookSnapshot } from "../../src/office/snapshotReader";
import { UserFacingError } from "../../src/office/errors";

let host: SimHost | null = null;
afterEach(() => host?.uninstall());

function bookWith(n: number): SimWorkbook {
  const wb = new SimWorkbook();
  for (let i = 0; i < n; i++) {
    wb.addSheet(
      `表${i + 1}`,
      [
        ["指标", "分值", "得分"],
        [`数量指标${i}`, 10, "=B2*0.9"],
        ["", null, ""],
        ["合计", "=SUM(B2:B3)", 9],
      ],
      { at: i % 2 ? "B3" : "A1", numberFormats: [[null, null, "0.00"]] },
    );
  }
  return wb;
}

describe("readWorkbookSnapshot", () => {
  test.each([1, 10, 50])("reads %i sheets in exactly 2 syncs", async (n) => {
    host = installSimHost(globalThis, { workbook: bookWith(n) });
    host.resetSyncCount();
    const snap = await readWorkbookSnapshot();
    expect(host.syncCount).toBe(2);
    expect(snap.sheets).toHaveLength(n);
    expect(snap.sheets.map((s) => s.name)).toEqual(Array.from({ length: n }, (_, i) => `表${i + 1}`));
  });

  test("values ('' → null), formulas, number formats, origin, merges and visibility", async () => {
    const wb = bookWith(2);
    wb.sheet("表2").merges.push({ r0: 2, c0: 1, r1: 2, c1: 2 }, { r0: 4, c0: 1, r1: 5, c1: 1 });
    wb.sheet("表2").visibility = "Hidden";
    wb.addSheet("空", []);
    host = installSimHost(globalThis, { workbook: wb });
    const snap = await readWorkbookSnapshot();
    expect(snap.source).toBe("Book1.xlsx");
    const [a, b, empty] = snap.sheets;
    expect(a).toMatchObject({ name: "表1", visibility: "Visible", originRow: 0, originCol: 0 });
    expect(a.values).toEqual([
      ["指标", "分值", "得分"],
      ["数量指标0", 10, 9],
      [null, null, null],
      ["合计", 10, 9],
    ]);
    expect(a.formulas).toEqual([
      [null, null, null],
      [null, null, "=B2*0.9"],
      [null, null, null],
      [null, "=SUM(B2:B3)", null],
    ]);
    expect(a.numberFormats![0]).toEqual(["General", "General", "0.00"]);
    expect(b).toMatchObject({ name: "表2", visibility: "Hidden", originRow: 2, originCol: 1 });
    expect(b.merges).toEqual([
      { r0: 2, c0: 1, r1: 2, c1: 2 },
      { r0: 4, c0: 1, r1: 5, c1: 1 },
    ]);
    expect(empty).toMatchObject({ name: "空", values: [], merges: [] });
  });

  test("a text cell starting with = is a value, not a formula", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("s", [["x"]]);
    wb.sheet("s").setCell("A2", { value: "=not a formula", numberFormat: "@" });
    host = installSimHost(globalThis, { workbook: wb });
    const snap = await readWorkbookSnapshot();
    expect(snap.sheets[0].values[1][0]).toBe("=not a formula");
    expect(snap.sheets[0].formulas![1][0]).toBeNull();
  });

  test("a sheet too big for one request is read in row blocks under the limit, identical to a one-shot read", async () => {
    const wb = new SimWorkbook();
    const rows = Array.from({ length: 3000 }, (_, i) => [`指标${i}`, i * 1.5, `≥${i}个`, "=B1*2", "说明文字说明文字"]);
    wb.addSheet("大表", rows, { at: "C2" });
    wb.addSheet("小表", [["a", 1]]);
    wb.sheet("大表").merges.push({ r0: 1, c0: 2, r1: 2, c1: 2 });
    const limit = 120_000;
    host = installSimHost(globalThis, { workbook: wb });
    const full = await readWorkbookSnapshot();
    host.uninstall();

    host = installSimHost(globalThis, { workbook: wb, payloadLimitBytes: limit });
    host.resetSyncCount();
    const blocks: number[] = [];
    const chunked = await readWorkbookSnapshot(undefined, { payloadLimitBytes: limit, onBlock: (d) => blocks.push(d) });
    expect(chunked).toEqual(full);
    // Sync 1 + the refused sync 2 + extents + more than one block.
    expect(host.syncCount).toBeGreaterThan(4);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks[blocks.length - 1]).toBe(3000 * 5 + 2);
  });

  test("the block reader adapts when its first guess is too optimistic (the limit is smaller than it was told)", async () => {
    const wb = new SimWorkbook();
    wb.addSheet(
      "大表",
      Array.from({ length: 800 }, (_, i) => [`很长的中文指标名称很长的中文指标名称${i}`, i]),
    );
    host = installSimHost(globalThis, { workbook: wb });
    const full = await readWorkbookSnapshot();
    host.uninstall();
    host = installSimHost(globalThis, { workbook: wb, payloadLimitBytes: 30_000 });
    const chunked = await readWorkbookSnapshot(undefined, { payloadLimitBytes: 5 * 1024 * 1024 });
    expect(chunked).toEqual(full);
  });

  test("a single row over the limit gives a clear bilingual error", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("宽", [Array.from({ length: 50 }, () => "很长".repeat(50))]);
    host = installSimHost(globalThis, { workbook: wb, payloadLimitBytes: 2000 });
    const err = await readWorkbookSnapshot().catch((e) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.bilingual["zh-CN"]).toMatch(/宽/);
    expect(err.bilingual["en-US"]).toMatch(/limit/);
  });

  test("works without getMergedAreasOrNullObject (older ExcelApi): merges empty, still 2 syncs", async () => {
    const wb = bookWith(3);
    wb.sheet("表1").merges.push({ r0: 0, c0: 0, r1: 0, c1: 1 });
    host = installSimHost(globalThis, { workbook: wb, apiVersion: "1.9" });
    host.resetSyncCount();
    const snap = await readWorkbookSnapshot();
    expect(host.syncCount).toBe(2);
    expect(snap.sheets[0].merges).toEqual([]);
    expect(snap.sheets[0].values[1][0]).toBe("数量指标0");
  });

  test("reads the merged areas of a sheet whose name needs quotes (a comma, a space, a quote)", async () => {
    // The host writes the address as "'a, b''s'!A1:B4, 'a, b''s'!D1:D4": the core's parseRefList reads it
    // (its own cases are in test/core/a1.test.ts).
    const wb = new SimWorkbook();
    wb.addSheet("a, b's", [["x", null, null, "y"], [null], [null], [null, "z", null, "w"]]);
    wb.sheet("a, b's").merges.push({ r0: 0, c0: 0, r1: 3, c1: 1 }, { r0: 0, c0: 3, r1: 3, c1: 3 });
    host = installSimHost(globalThis, { workbook: wb });
    const snap = await readWorkbookSnapshot();
    expect(snap.sheets[0].name).toBe("a, b's");
    expect(snap.sheets[0].merges).toEqual([
      { r0: 0, c0: 0, r1: 3, c1: 1 },
      { r0: 0, c0: 3, r1: 3, c1: 3 },
    ]);
  });
});
