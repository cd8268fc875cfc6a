import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { replaceResultsSheet, isResultsSheet } from "../../src/office/resultsSheet";

/** The header row a reviewer sees, in each language (also how a later run knows the sheet is ours). */
const RESULTS_HEADERS = {
  "zh-CN": ["级别", "规则", "工作表", "单元格", "说明", "相关单元格"],
  "en-US": ["Severity", "Rule", "Sheet", "Cell", "Message", "Related cells"],
};

/** Writes the results sheet into a workbook that has none yet: its name. */
async function writeResultsSheet(findings: Finding[], options: Parameters<typeof replaceResultsSheet>[1] = {}) {
  const r = await replaceResultsSheet(findings, options);
  expect(r.replaced).toBeUndefined();
  return r.name;
}
import { UserFacingError } from "../../src/office/errors";
import type { Finding } from "../../src/core/findings";

let host: SimHost;
afterEach(() => host?.uninstall());

const finding = (i: number, over: Partial<Finding> = {}): Finding => ({
  rule: "sum-mismatch",
  severity: i % 3 === 0 ? "error" : i % 3 === 1 ? "warning" : "info",
  sheet: "My Sheet",
  cell: `D${i + 2}`,
  related: [`'My Sheet'!E${i + 2}`, "自评表!F3"],
  message: { "zh-CN": `合计不等于各项之和 ${i}`, "en-US": `Total is not the sum ${i}` },
  ...over,
});

function book(): SimWorkbook {
  const wb = new SimWorkbook();
  wb.addSheet("My Sheet", [["x"]]);
  wb.addSheet("自评表", [["y"]]);
  return wb;
}

describe("the results sheet", () => {
  test("one row per finding under the header, hyperlinks to the cells, everything as text", async () => {
    host = installSimHost(globalThis, { workbook: book() });
    const name = await writeResultsSheet([finding(0), finding(1)], { locale: "zh-CN" });
    expect(name).toBe("检查结果");
    const s = host.workbook.sheet(name);
    expect(RESULTS_HEADERS["zh-CN"].map((_, c) => s.cell(0, c).value)).toEqual([...RESULTS_HEADERS["zh-CN"]]);
    expect([0, 1, 2, 3, 4, 5].map((c) => s.cell(1, c).value)).toEqual([
      "错误",
      "合计不等于各分项之和",
      "My Sheet",
      "D2",
      "合计不等于各项之和 0",
      "'My Sheet'!E2、自评表!F3",
    ]);
    expect(s.cell(2, 0).value).toBe("警告");
    expect(s.cell(1, 3).hyperlink).toMatchObject({ documentReference: "'My Sheet'!D2" });
    expect(s.cell(1, 5).hyperlink).toMatchObject({ documentReference: "'My Sheet'!E2" });
    for (let r = 0; r <= 2; r++)
      for (let c = 0; c < 6; c++) expect(s.cell(r, c)).toMatchObject({ formula: null, numberFormat: "@" });
    expect(s.freezeRows).toBe(1);
    expect(host.workbook.sheet("My Sheet").cell("A1").value).toBe("x");
  });

  test("English headers and messages for en-US", async () => {
    host = installSimHost(globalThis, { workbook: book() });
    const name = await writeResultsSheet([finding(0)], { locale: "en-US" });
    const s = host.workbook.sheet(name);
    expect(name).toBe("Check results");
    expect(s.cell(0, 0).value).toBe("Severity");
    expect(s.cell(1, 4).value).toBe("Total is not the sum 0");
    expect(s.cell(1, 1).value).toBe("Total is not the sum of its parts");
  });

  test("never overwrites: a taken name gets a suffix, case-insensitively", async () => {
    const wb = book();
    wb.addSheet("检查结果", [["用户自己的数据"]]);
    host = installSimHost(globalThis, { workbook: wb });
    const name = await writeResultsSheet([finding(0)]);
    expect(name).toBe("检查结果 (2)");
    expect(wb.sheet("检查结果").cell("A1").value).toBe("用户自己的数据");
  });

  test("many findings are written in several requests under a small payload limit, completely", async () => {
    host = installSimHost(globalThis, { workbook: book(), payloadLimitBytes: 40_000 });
    const many = Array.from({ length: 400 }, (_, i) => finding(i));
    const name = await writeResultsSheet(many, { rowsPerSync: 400 });
    const s = host.workbook.sheet(name);
    expect(s.cell(400, 4).value).toBe("合计不等于各项之和 399");
    expect(s.usedBounds()).toEqual({ r0: 0, c0: 0, r1: 400, c1: 5 });
  });

  test("a request failing half-way removes the partial sheet and says so", async () => {
    const wb = book();
    host = installSimHost(globalThis, { workbook: wb });
    const before = wb.snapshotState();
    // The first syncs (the previous sheet's setting, the sheet list) succeed; the one creating the sheet and
    // writing the header fails half-way.
    host.failNextSync({ skip: 2, afterOps: 3 });
    const err = await writeResultsSheet([finding(0), finding(1)]).catch((e) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.bilingual["zh-CN"]).toMatch(/已删除/);
    expect(err.bilingual["en-US"]).toMatch(/removed/);
    expect(wb.snapshotState()).toEqual(before);
  });

  test("a failure in a later block also removes the sheet", async () => {
    const wb = book();
    host = installSimHost(globalThis, { workbook: wb });
    const before = wb.snapshotState();
    host.resetSyncCount();
    host.failNextSync({ skip: 4, afterOps: 5 });
    const err = await writeResultsSheet(
      Array.from({ length: 30 }, (_, i) => finding(i)),
      { rowsPerSync: 10 },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect(host.syncCount).toBeGreaterThan(4);
    expect(wb.sheetNames()).toEqual(["My Sheet", "自评表"]);
    expect(wb.snapshotState()).toEqual(before);
  });

  test("a protected workbook gives a clear message and no sheet", async () => {
    const wb = book();
    wb.protected = true;
    host = installSimHost(globalThis, { workbook: wb });
    const err = await writeResultsSheet([finding(0)]).catch((e) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.bilingual["zh-CN"]).toMatch(/受保护/);
    expect(wb.sheetNames()).toEqual(["My Sheet", "自评表"]);
  });

  test("isResultsSheet recognizes our header row only", () => {
    expect(
      isResultsSheet({ name: "x", originRow: 0, originCol: 0, values: [[...RESULTS_HEADERS["en-US"]]], merges: [] }),
    ).toBe(true);
    expect(
      isResultsSheet({ name: "x", originRow: 0, originCol: 0, values: [["级别", "规则", "工作表"]], merges: [] }),
    ).toBe(false);
  });
});

test("no findings: the sheet says so", async () => {
  host = installSimHost(globalThis, { workbook: book() });
  const name = await writeResultsSheet([], { locale: "zh-CN" });
  const s = host.workbook.sheet(name);
  expect(s.cell(1, 4).value).toBe("未发现问题。");
  expect(s.cell(1, 3).hyperlink).toBeNull();
});

test("nothing recognized: the sheet says nothing was read, never 未发现问题", async () => {
  host = installSimHost(globalThis, { workbook: book() });
  const name = await writeResultsSheet([], { locale: "zh-CN", recognized: [] });
  const s = host.workbook.sheet(name);
  expect(s.cell(1, 4).value).toBe("未识别到绩效表格，未做检查");
});

test("what was recognized is listed after the findings", async () => {
  host = installSimHost(globalThis, { workbook: book() });
  const recognized = [
    {
      kind: "self-assessment" as const,
      sheet: "自评表",
      range: "A12:I22",
      rows: 9,
      columns: { target: "E", score: "H" },
    },
  ];
  const name = await writeResultsSheet([], { locale: "zh-CN", recognized });
  const s = host.workbook.sheet(name);
  expect(s.cell(1, 4).value).toBe("未发现问题。");
  expect(s.cell(2, 4).value).toBe("识别：项目支出绩效自评表 自评表!A12:I22，9 行（指标值 E，得分 H）");
  expect(s.cell(2, 2).value).toBe("自评表");
});

test("if another sheet takes the name between the two requests, it is neither overwritten nor removed", async () => {
  const wb = book();
  host = installSimHost(globalThis, { workbook: wb });
  const run = Excel.run;
  // Another writer creates 检查结果 right after our sheet list was read (the second request; the first reads
  // which results sheet a previous run left).
  (globalThis as { Excel: typeof Excel }).Excel.run = ((batch: (c: Excel.RequestContext) => Promise<unknown>) =>
    run(async (ctx) => {
      const sync = ctx.sync.bind(ctx);
      let n = 0;
      (ctx as { sync: unknown }).sync = async () => {
        const r = await sync();
        if (n++ === 1) wb.addSheet("检查结果", [["别人的表"]]);
        return r;
      };
      return batch(ctx);
    })) as typeof Excel.run;
  const err = await writeResultsSheet([finding(0)]).catch((e) => e);
  expect(err).toBeInstanceOf(UserFacingError);
  expect(err.code).toBe("ItemAlreadyExists");
  expect(wb.sheet("检查结果").cell("A1").value).toBe("别人的表");
  expect(wb.sheetNames()).toEqual(["My Sheet", "自评表", "检查结果"]);
});

describe("replaceResultsSheet", () => {
  test("replaces only the sheet it wrote: a user's own 检查结果 and a results sheet whose header changed stay", async () => {
    host = installSimHost(globalThis, { workbook: book() });
    const a = await replaceResultsSheet([finding(0)], { locale: "zh-CN" });
    expect(a).toEqual({ name: "检查结果" });
    const b = await replaceResultsSheet([finding(0), finding(1)], { locale: "zh-CN" });
    expect(b).toEqual({ name: "检查结果", replaced: "检查结果" });
    expect(host.workbook.sheetNames()).toEqual(["My Sheet", "自评表", "检查结果"]);
    expect(host.workbook.sheet("检查结果").cell(2, 0).value).toBe("警告");
    // The user takes the sheet over (their own header): it is theirs now and is never removed.
    host.workbook.sheet("检查结果").setCell("A1", { value: "我的笔记" });
    const c = await replaceResultsSheet([finding(0)], { locale: "zh-CN" });
    expect(c).toEqual({ name: "检查结果 (2)" });
    expect(host.workbook.sheet("检查结果").cell("A1").value).toBe("我的笔记");
    // A sheet the user made under the name, never written by us, is not touched either.
    host.uninstall();
    const wb2 = book();
    wb2.addSheet("检查结果", [["级别", "规则", "工作表", "单元格", "说明", "相关单元格"], ["用户抄来的表头"]]);
    host = installSimHost(globalThis, { workbook: wb2 });
    const d = await replaceResultsSheet([finding(0)], { locale: "zh-CN" });
    expect(d).toEqual({ name: "检查结果 (2)" });
    expect(host.workbook.sheet("检查结果").cell("A2").value).toBe("用户抄来的表头");
  });
});
