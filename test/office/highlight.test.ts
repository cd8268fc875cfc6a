import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { highlightFindings, clearHighlights } from "../../src/office/highlight";

/** The fills a reviewer sees (Excel's own bad / neutral / note styles) and the setting that records them. */
const HIGHLIGHT_COLORS = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
const HIGHLIGHT_SETTING = "perfEval.highlights";
import { UserFacingError } from "../../src/office/errors";
import type { Finding, Severity } from "../../src/core/findings";

let host: SimHost;
afterEach(() => host?.uninstall());

const f = (sheet: string, cell: string, severity: Severity = "error"): Finding => ({
  rule: "sum-mismatch",
  severity,
  sheet,
  cell,
  related: [],
  message: { "zh-CN": "m", "en-US": "m" },
});

function book(): SimWorkbook {
  const wb = new SimWorkbook();
  wb.addSheet(
    "自评表",
    [
      ["a", "b", "c"],
      [1, 2, 3],
    ],
    { fills: { B1: "#00FF00", C2: "#FFFFFF" } },
  );
  wb.sheet("自评表").setCell("C1", { fill: "#123456", fillPattern: "Gray50" });
  wb.addSheet("Other Sheet", [["x", "y"]]);
  return wb;
}

describe("highlight and clear", () => {
  test("fills by the most severe finding per cell, then restores every original fill exactly (none, white, colors, patterns)", async () => {
    const wb = book();
    host = installSimHost(globalThis, { workbook: wb });
    const before = wb.snapshotState();
    const findings = [
      f("自评表", "A1", "info"),
      f("自评表", "A1", "error"),
      f("自评表", "B1", "warning"),
      f("自评表", "C1", "info"),
      f("自评表", "C2"),
      f("Other Sheet", "B1", "warning"),
    ];
    const r = await highlightFindings(findings);
    expect(r.highlighted).toBe(5);
    const s = wb.sheet("自评表");
    expect(s.cell("A1").fill).toBe(HIGHLIGHT_COLORS.error);
    expect(s.cell("B1").fill).toBe(HIGHLIGHT_COLORS.warning);
    expect(s.cell("C1").fill).toBe(HIGHLIGHT_COLORS.info);
    expect(s.cell("C2").fill).toBe(HIGHLIGHT_COLORS.error);
    expect(wb.sheet("Other Sheet").cell("B1").fill).toBe(HIGHLIGHT_COLORS.warning);
    // Values, formulas and number formats are untouched by highlighting.
    for (const [a1, v] of Object.entries(before.sheets[0].cells))
      expect(s.cell(a1)).toMatchObject({ value: v.value, formula: v.formula, numberFormat: v.numberFormat });

    expect(await clearHighlights()).toBe(5);
    expect(wb.snapshotState()).toEqual(before);
    expect(s.cell("A1").fill).toBeNull();
    expect(s.cell("C2").fill).toBe("#FFFFFF");
    expect(s.cell("C1")).toMatchObject({ fill: "#123456", fillPattern: "Gray50" });
  });

  test("highlighting twice keeps the true originals", async () => {
    const wb = book();
    host = installSimHost(globalThis, { workbook: wb });
    const before = wb.snapshotState();
    await highlightFindings([f("自评表", "B1", "warning")]);
    await highlightFindings([f("自评表", "B1", "error"), f("自评表", "A2")]);
    expect(wb.sheet("自评表").cell("B1").fill).toBe(HIGHLIGHT_COLORS.error);
    await clearHighlights();
    expect(wb.snapshotState()).toEqual(before);
  });

  test("a fill the user changed after highlighting is left alone", async () => {
    const wb = book();
    host = installSimHost(globalThis, { workbook: wb });
    await highlightFindings([f("自评表", "A1"), f("自评表", "A2")]);
    wb.sheet("自评表").setCell("A2", { fill: "#0000FF" });
    expect(await clearHighlights()).toBe(1);
    expect(wb.sheet("自评表").cell("A1").fill).toBeNull();
    expect(wb.sheet("自评表").cell("A2").fill).toBe("#0000FF");
    expect(wb.settings.has(HIGHLIGHT_SETTING)).toBe(false);
  });

  test("clearing with nothing highlighted does nothing in one sync", async () => {
    const wb = book();
    host = installSimHost(globalThis, { workbook: wb });
    const before = wb.snapshotState();
    host.resetSyncCount();
    expect(await clearHighlights()).toBe(0);
    expect(host.syncCount).toBe(1);
    expect(wb.snapshotState()).toEqual(before);
  });

  test("cells on protected sheets are skipped and reported", async () => {
    const wb = book();
    wb.sheet("Other Sheet").protected = true;
    host = installSimHost(globalThis, { workbook: wb });
    const r = await highlightFindings([f("自评表", "A1"), f("Other Sheet", "A1")]);
    expect(r).toEqual({ highlighted: 1, skippedProtected: ["Other Sheet"] });
    expect(wb.sheet("Other Sheet").cell("A1").fill).toBeNull();
  });

  test("a request failing half-way is undone and the user is told", async () => {
    const wb = book();
    host = installSimHost(globalThis, { workbook: wb });
    const before = wb.snapshotState();
    // Syncs 1–2 read; sync 3 writes the record and the fills: let the record and one fill through.
    host.failNextSync({ skip: 2, afterOps: 2 });
    const err = await highlightFindings([f("自评表", "A1"), f("自评表", "B1"), f("自评表", "C2")]).catch((e) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.bilingual["zh-CN"]).toMatch(/已恢复/);
    expect(err.bilingual["en-US"]).toMatch(/restored/);
    expect(wb.snapshotState()).toEqual(before);
  });
});

test("without fill.pattern (ExcelApi < 1.9) highlighting still works and restores colors", async () => {
  const wb = book();
  host = installSimHost(globalThis, { workbook: wb, apiVersion: "1.8" });
  await highlightFindings([f("自评表", "A1"), f("自评表", "B1")]);
  expect(wb.sheet("自评表").cell("A1").fill).toBe(HIGHLIGHT_COLORS.error);
  await clearHighlights();
  expect(wb.sheet("自评表").cell("A1").fill).toBeNull();
  expect(wb.sheet("自评表").cell("B1").fill).toBe("#00FF00");
});

test("a sheet renamed after highlighting is still restored (records keep the sheet id)", async () => {
  const wb = book();
  host = installSimHost(globalThis, { workbook: wb });
  const before = wb.sheet("自评表").cell("B1");
  await highlightFindings([f("自评表", "A1"), f("自评表", "B1", "warning")]);
  wb.sheet("自评表").name = "自评表（改）";
  expect(await clearHighlights()).toBe(2);
  expect(wb.sheet("自评表（改）").cell("A1").fill).toBeNull();
  expect(wb.sheet("自评表（改）").cell("B1")).toEqual(before);
});

test("clearing that fails half-way keeps the record; clearing again finishes exactly", async () => {
  const wb = book();
  host = installSimHost(globalThis, { workbook: wb });
  const before = wb.snapshotState();
  await highlightFindings([f("自评表", "A1"), f("自评表", "B1", "warning"), f("自评表", "C2", "info")]);
  // clear: sync 1 reads the record, sync 2 the fills, sync 3 restores: let one restore through, then fail.
  host.failNextSync({ skip: 2, afterOps: 1 });
  const err = await clearHighlights().catch((e) => e);
  expect(err).toBeInstanceOf(UserFacingError);
  expect(err.bilingual["en-US"]).toMatch(/record was kept/);
  expect(wb.settings.has(HIGHLIGHT_SETTING)).toBe(true);
  expect(wb.snapshotState()).not.toEqual(before);
  expect(await clearHighlights()).toBe(2);
  expect(wb.snapshotState()).toEqual(before);
});
