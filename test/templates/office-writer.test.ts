import { toDisplayFormula } from "../../src/core/formulaForms";
import * as ExcelJS from "exceljs";
import { isEvalError } from "../../src/core/errors";
import {
  buildTemplate,
  mergesOf,
  namesOf,
  TEMPLATE_KINDS,
  writtenCells,
  type TemplateKind,
  type TemplateOptions,
} from "../../src/core/templates";
import { UserFacingError } from "../../src/office/errors";
import { insertTemplate } from "../../src/office/templateWriter";

/** Excel's column width in points for a width in characters: 7 px a character plus 5 px padding, 0.75 pt a px. */
const charsToPoints = (chars: number) => (chars * 7 + 5) * 0.75;
import { toA1 } from "../../src/core/a1";
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { templateToBuffer } from "../../src/xlsx/templateWriter";

let host: SimHost;
afterEach(() => host?.uninstall());

function install(wb = new SimWorkbook(), apiVersion?: string): SimHost {
  if (wb.sheets.length === 0) wb.addSheet("Sheet1", [["keep me"]]);
  host = installSimHost(globalThis, { workbook: wb, apiVersion });
  return host;
}

describe("insertTemplate on the simulated host", () => {
  it.each(TEMPLATE_KINDS)("%s: exactly two syncs, a new active sheet with every cell, merge and name", async (kind) => {
    const h = install();
    const { sheetName } = await insertTemplate(kind, {});
    expect(h.syncCount).toBe(2);
    const def = buildTemplate(kind, {});
    expect(sheetName).toBe(def.sheetName);
    const sheet = h.workbook.sheet(sheetName);
    expect(h.workbook.activeSheet).toBe(sheet);
    expect(h.workbook.sheetNames()).toEqual(["Sheet1", sheetName]);
    for (const w of writtenCells(def)) {
      const cell = sheet.cell(w.a1);
      if (w.formula) expect(cell.formula).toBe(w.formula);
      else expect(cell.value ?? null).toEqual(w.value === "" ? null : w.value);
      if (w.numFmt) expect(cell.numberFormat).toBe(w.numFmt);
    }
    expect(sheet.merges.map((m) => ({ ...m })).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)).toEqual(
      mergesOf(def).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0),
    );
    def.columnWidths.forEach((w, c) => expect(sheet.colWidths.get(c)).toBeCloseTo(charsToPoints(w), 2));
    for (const n of namesOf(def))
      expect(h.workbook.names.find((x) => x.name === n.name)?.reference.replace(/\$/g, "")).toBe(
        `=${sheetName}!${n.a1}`,
      );
    expect(sheet.pageLayout.paperSize).toBe("A4");
    expect(sheet.pageLayout.orientation).toBe(def.print.orientation === "landscape" ? "Landscape" : "Portrait");
    if (def.print.repeatRows)
      expect(sheet.pageLayout.printTitleRows).toBe(`$${def.print.repeatRows.from + 1}:$${def.print.repeatRows.to + 1}`);
    expect(h.workbook.sheet("Sheet1").cell("A1").value).toBe("keep me");
  });

  it("formats: header bold with fill and borders, title 16 pt, computed cells right-aligned", async () => {
    const h = install();
    const { sheetName } = await insertTemplate("self-assessment", {});
    const s = h.workbook.sheet(sheetName);
    expect(s.cell("B12").font.bold).toBe(true);
    expect(s.cell("B12").fill).toBe("#D9E1F2");
    expect(s.cell("B12").font.name).toBe("宋体");
    expect(s.cell("G6").font.name).toBe("Times New Roman");
    expect(s.pageLayout.zoom).toEqual({ scale: buildTemplate("self-assessment").print.scale });
    expect((s.cell("H3").borders ?? {}).EdgeRight?.style).toBe("Continuous");
    expect(s.cell("A1").font.size).toBe(16);
    expect(s.cell("G6").horizontalAlignment).toBe("Right");
    expect(s.showGridlines).toBe(false);
    expect(s.pageLayout.centerHorizontally).toBe(true);
  });

  it("open boxes: only the listed sides get a border", async () => {
    const h = install();
    const { sheetName } = await insertTemplate("rectification", {});
    const b = h.workbook.sheet(sheetName).cell("B5").borders ?? {};
    expect(Object.keys(b).sort()).toEqual(["EdgeLeft", "EdgeRight"]);
  });

  it("the example computes the seed's numbers in the simulated workbook too", async () => {
    const h = install();
    const { sheetName } = await insertTemplate("self-assessment", { example: true });
    const s = h.workbook.sheet(sheetName);
    expect(s.cell("G6").value as number).toBeCloseTo(0.9968, 4);
    expect(s.cell("F17").value as number).toBeCloseTo(0.9734, 4);
  });

  it("a second insert gets ' (2)', a third ' (3)', case-insensitively; nothing is overwritten", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("自评表", [["mine"]]);
    const h = install(wb);
    expect((await insertTemplate("self-assessment", {})).sheetName).toBe("自评表 (2)");
    expect((await insertTemplate("self-assessment", {})).sheetName).toBe("自评表 (3)");
    expect(h.workbook.sheet("自评表").cell("A1").value).toBe("mine");
    const wb2 = new SimWorkbook();
    wb2.addSheet("survey", [["x"]]);
    host.uninstall();
    install(wb2);
    expect((await insertTemplate("survey", { lang: "en-US" })).sheetName).toBe("Survey (2)");
  });

  it("names already in the workbook are kept (a second copy does not steal them)", async () => {
    const h = install();
    await insertTemplate("self-assessment", {});
    const before = h.workbook.names.map((n) => ({ ...n }));
    await insertTemplate("self-assessment", {});
    expect(h.workbook.names).toEqual(before);
  });

  it("protected workbook: clear bilingual error, no sheet, one sync", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("Sheet1");
    wb.protected = true;
    const h = install(wb);
    const before = h.workbook.snapshotState();
    const err = await insertTemplate("notice", {}).catch((e) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.text("zh-CN")).toMatch(/受保护/);
    expect(err.text("en-US")).toMatch(/protected/i);
    expect(h.workbook.snapshotState()).toEqual(before);
    expect(h.syncCount).toBe(1);
  });

  it("bad options: a bilingual message before any sync", async () => {
    const h = install();
    const err = await insertTemplate("survey", { year: 20245 }).catch((e) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.text("zh-CN")).toMatch(/年度应为四位年份/);
    expect(err.text("en-US")).toMatch(/four-digit year/);
    expect(h.syncCount).toBe(0);
    const err2 = await insertTemplate("nope" as never, {}).catch((e) => e);
    expect(err2.text("en-US")).toMatch(/Unknown template kind: nope/);
  });

  it("host without ExcelApi 1.7: clear error before touching the workbook", async () => {
    const h = install(undefined, "1.6");
    const err = await insertTemplate("survey", {}).catch((e) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.text("zh-CN")).toMatch(/ExcelApi 1\.7/);
    expect(err.text("en-US")).toMatch(/ExcelApi 1\.7/);
    expect(h.syncCount).toBe(0);
    expect(h.workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("on an ExcelApi 1.7 host: no gridline or page setup calls, the form itself is complete", async () => {
    const h = install(undefined, "1.7");
    const { sheetName } = await insertTemplate("self-assessment", { example: true });
    expect(h.syncCount).toBe(2);
    const s = h.workbook.sheet(sheetName);
    expect(s.showGridlines).toBe(true);
    expect(s.pageLayout.printTitleRows).toBeNull();
    expect(s.cell("G6").value as number).toBeCloseTo(0.9968, 4);
  });

  it("without ExcelApi 1.9 the page setup is skipped, the rest is written", async () => {
    const h = install(undefined, "1.8");
    const { sheetName } = await insertTemplate("declaration", {});
    expect(h.syncCount).toBe(2);
    expect(h.workbook.sheet(sheetName).pageLayout.printTitleRows).toBeNull();
    expect(h.workbook.sheet(sheetName).cell("A1").value).toBe("项目支出绩效目标申报表");
  });

  it.each([0, 5, 200])(
    "write sync failing after %i operations: the half-written sheet is removed, clear error",
    async (afterOps) => {
      const h = install();
      const before = h.workbook.snapshotState();
      // Let the first (read) sync pass, fail the write sync.
      const origSync = h.failNextSync.bind(h);
      let armed = false;
      const realRun = (globalThis as unknown as { Excel: { run: (...a: unknown[]) => Promise<unknown> } }).Excel.run;
      (globalThis as unknown as { Excel: { run: unknown } }).Excel.run = (
        batch: (ctx: { sync(): Promise<void> }) => Promise<unknown>,
      ) =>
        realRun(async (ctx: { sync(): Promise<void> }) => {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = async () => {
            if (h.syncCount === 1 && !armed) {
              armed = true;
              origSync({ afterOps });
            }
            return sync();
          };
          return batch(ctx);
        });
      const err = await insertTemplate("indicator-system", {}).catch((e) => e);
      expect(err).toBeInstanceOf(UserFacingError);
      expect(err.text("zh-CN")).toMatch(/插入模板失败/);
      expect(err.text("zh-CN")).toMatch(/没有留下不完整的工作表/);
      expect(err.text("en-US")).toMatch(/No half-written sheet/);
      expect(h.workbook.snapshotState()).toEqual(before);
      expect(h.syncCount).toBe(3);
    },
  );

  it("user text starting with = + - @ is written as text, never as a formula", async () => {
    const h = install();
    const opts = { projectName: "=1+1", department: "+SUM(A1)", implementer: "-cmd|' /C calc'!A0" };
    const { sheetName } = await insertTemplate("self-assessment", opts);
    const s = h.workbook.sheet(sheetName);
    expect(s.cell("B3")).toMatchObject({ value: "=1+1", formula: null, numberFormat: "@" });
    expect(s.cell("B4")).toMatchObject({ value: "+SUM(A1)", formula: null });
    expect(s.cell("F4")).toMatchObject({ value: "-cmd|' /C calc'!A0", formula: null });
  });
});

describe("both writers produce the same cell contents", () => {
  const cases: [TemplateKind, TemplateOptions][] = [
    ...TEMPLATE_KINDS.map((k): [TemplateKind, TemplateOptions] => [k, {}]),
    ["self-assessment", { example: true }],
    ["declaration", { example: true }],
    ["survey", { example: true, lang: "en-US" }],
    ["notice", { projectName: "@项目", year: 2023, implementer: "2024" }],
    ["declaration", { projectName: "a\u0001b\u0007c\td", department: "=A1" }],
  ];
  it.each(cases)("%s %j", async (kind, options) => {
    const h = install();
    const { sheetName } = await insertTemplate(kind, options);
    const sim = h.workbook.sheet(sheetName);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateToBuffer(kind, options)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe(sheetName);
    const seen: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value;
        const s = sim.cell(cell.address);
        if (v && typeof v === "object" && "formula" in v) {
          // The file stores _xldudf_EVAL_X; Office.js writes and shows EVAL.X.
          expect(s.formula).toBe(toDisplayFormula(`=${v.formula}`));
        } else if (v !== null && v !== undefined) {
          expect([cell.address, s.formula, s.value]).toEqual([cell.address, null, v]);
        } else expect([cell.address, s.value ?? null, s.formula]).toEqual([cell.address, null, null]);
        expect([cell.address, s.numberFormat]).toEqual([cell.address, cell.numFmt ?? "General"]);
        seen.push(cell.address);
      }),
    );
    // Every non-empty simulated cell was seen in the file.
    const simCells = Object.entries(h.workbook.snapshotState().sheets.find((x) => x.name === sheetName)!.cells)
      .filter(([, c]) => c.formula !== null || (c.value !== null && c.value !== ""))
      .map(([a]) => a);
    expect(simCells.filter((a) => !seen.includes(a))).toEqual([]);
    expect(seen.length).toBeGreaterThan(10);
    // Same merged areas and column widths (points in Excel, characters in the file).
    const simMerges = sim.merges.map((m) => `${toA1(m.r0, m.c0)}:${toA1(m.r1, m.c1)}`).sort();
    const fileMerges = [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort();
    expect(simMerges).toEqual(fileMerges);
    for (let c = 0; c < (ws.columnCount ?? 0); c++) {
      const w = ws.getColumn(c + 1).width;
      // The .xlsx writer stores 9 as 9.001 (ExcelJS would drop a width of exactly 9): within 0.01 pt.
      if (w !== undefined) expect(sim.colWidths.get(c)).toBeCloseTo(charsToPoints(w), 1);
    }
    void isEvalError;
  });
});
