/**
 * Issue 6, "No data loss" and "Safe output" for templates: insertion never overwrites, handles Excel's sheet-name
 * rules, leaves nothing half-written (protected workbook, failing sync), and writes user text as text.
 */
import fc from "fast-check";
import * as ExcelJS from "exceljs";
import {
  SHEET_NAME_MAX,
  TEMPLATE_KINDS,
  TemplateOptionsError,
  buildTemplate,
  sanitizeSheetName,
  uniqueSheetName,
  writtenCells,
  type TemplateOptions,
} from "../../src/core/templates";
import { templateToBuffer } from "../../src/xlsx/templateWriter";
import { UserFacingError } from "../../src/office/errors";
import { insertTemplate } from "../../src/office/templateWriter";
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";

let host: SimHost | undefined;
afterEach(() => {
  host?.uninstall();
  host = undefined;
});

function withWorkbook(setup: (wb: SimWorkbook) => void): SimHost {
  const wb = new SimWorkbook();
  setup(wb);
  host = installSimHost(globalThis, { workbook: wb });
  return host;
}

const FORBIDDEN = /[\\/?*[\]:]/;

describe("sheet names", () => {
  it("any base and any existing names give a valid, unused name of at most 31 characters", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }),
        (base, existing) => {
          const n = uniqueSheetName(base, existing);
          expect(Array.from(n).length).toBeLessThanOrEqual(SHEET_NAME_MAX);
          expect(n.length).toBeGreaterThan(0);
          expect(FORBIDDEN.test(n)).toBe(false);
          expect(/^'|'$/.test(n)).toBe(false);
          expect(existing.map((e) => e.toLocaleLowerCase())).not.toContain(n.toLocaleLowerCase());
        },
      ),
    );
  });

  it("suffixes ' (2)', ' (3)' case-insensitively and shortens a long base to fit", () => {
    expect(uniqueSheetName("自评表", ["自评表"])).toBe("自评表 (2)");
    expect(uniqueSheetName("Survey", ["SURVEY", "survey (2)"])).toBe("Survey (3)");
    const long = "A".repeat(31);
    expect(uniqueSheetName(long, [long])).toBe(`${"A".repeat(27)} (2)`);
    expect(sanitizeSheetName("a/b\\c?d*e[f]g:h")).toBe("a_b_c_d_e_f_g_h");
    expect(sanitizeSheetName("  ")).toBe("Sheet");
    expect(sanitizeSheetName(`${"B".repeat(30)}'x`)).toBe("B".repeat(30));
    expect(sanitizeSheetName("a\u0001b\tc")).toBe("abc");
  });

  it("inserting into a workbook whose names are all taken up to (12) gives (13), and every old sheet is untouched", async () => {
    const h = withWorkbook((wb) => {
      wb.addSheet("调查统计", [["0"]]);
      for (let i = 2; i <= 12; i++) wb.addSheet(`调查统计 (${i})`, [[`sheet ${i}`]]);
    });
    const before = h.workbook.snapshotState();
    const { sheetName } = await insertTemplate("survey", {});
    expect(sheetName).toBe("调查统计 (13)");
    const after = h.workbook.snapshotState();
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
  });
});

describe("never overwrites, never half-writes", () => {
  it.each(TEMPLATE_KINDS)(
    "%s twice: the first copy, including what the user typed into it, is intact",
    async (kind) => {
      const h = withWorkbook((wb) => wb.addSheet("Data", [["x"]]));
      const first = await insertTemplate(kind, {});
      h.workbook.sheet(first.sheetName).setCell("B3", "用户输入");
      const firstState = h.workbook.snapshotState().sheets.find((s) => s.name === first.sheetName);
      const second = await insertTemplate(kind, {});
      expect(second.sheetName).not.toBe(first.sheetName);
      expect(h.workbook.snapshotState().sheets.find((s) => s.name === first.sheetName)).toEqual(firstState);
    },
  );

  it("a protected workbook: a clear message in both languages, workbook unchanged", async () => {
    const h = withWorkbook((wb) => {
      wb.addSheet("Data", [[1]]);
      wb.protected = true;
    });
    const before = h.workbook.snapshotState();
    for (const kind of TEMPLATE_KINDS) {
      const e = await insertTemplate(kind, {}).catch((x) => x);
      expect(e).toBeInstanceOf(UserFacingError);
      expect(e.text("zh-CN")).toContain("受保护");
      expect(e.text("en-US")).toContain("protected");
    }
    expect(h.workbook.snapshotState()).toEqual(before);
  });

  it("Excel rejecting the write half-way (any point): no sheet, no name left behind, the user is told", async () => {
    for (const afterOps of [1, 3, 50, 400, 2000]) {
      const h = withWorkbook((wb) => wb.addSheet("Data", [["keep"]]));
      const before = h.workbook.snapshotState();
      // Fail the write sync, not the first (read) one.
      const excel = (
        globalThis as unknown as {
          Excel: { run: (b: (c: { sync(): Promise<void> }) => Promise<unknown>) => Promise<unknown> };
        }
      ).Excel;
      const run = excel.run;
      excel.run = (batch) =>
        run(async (ctx) => {
          const sync = ctx.sync.bind(ctx);
          let n = 0;
          ctx.sync = () => {
            if (++n === 2) h.failNextSync({ afterOps });
            return sync();
          };
          return batch(ctx);
        });
      const e = await insertTemplate("self-assessment", { example: true }).catch((x) => x);
      expect(e).toBeInstanceOf(UserFacingError);
      expect(e.text("zh-CN")).toContain("没有留下不完整的工作表");
      expect(h.workbook.snapshotState()).toEqual(before);
      h.uninstall();
      host = undefined;
    }
  });
});

describe("user text is written as text", () => {
  const dangerous = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    '=HYPERLINK("http://evil","x")',
    "-cmd|' /C calc'!A0",
    "2021",
    "TRUE",
    "50%",
  ];
  it.each(dangerous)("%s as 项目名称/主管部门/实施单位 stays exactly that text", async (text) => {
    const h = withWorkbook((wb) => wb.addSheet("Data"));
    const { sheetName } = await insertTemplate("declaration", {
      projectName: text,
      department: text,
      implementer: text,
    });
    const s = h.workbook.sheet(sheetName);
    for (const a1 of ["B3", "B4", "E4"]) {
      const c = s.cell(a1);
      expect([a1, c.formula, c.value]).toEqual([a1, null, text]);
    }
  });

  it("any string typed as an option is stored unchanged and never as a formula", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ""),
        async (text) => {
          const h = withWorkbook((wb) => wb.addSheet("Data"));
          try {
            const { sheetName } = await insertTemplate("notice", { projectName: text });
            const c = h.workbook.sheet(sheetName).cell("B3");
            expect(c.formula).toBeNull();
            expect(c.value).toBe(text.trim());
          } finally {
            h.uninstall();
            host = undefined;
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("any options", () => {
  const options = fc.record(
    {
      projectName: fc.oneof(
        fc.string({ maxLength: 600 }),
        fc.constantFrom("=1+1", "@x", "-2", "\u0000\u0007", "😀".repeat(300)),
      ),
      department: fc.string({ maxLength: 40 }),
      implementer: fc.string({ maxLength: 40 }),
      year: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom(Number.NaN, Infinity, 2021.5)),
      moneyUnit: fc.constantFrom("万元", "元", "美元"),
      lang: fc.constantFrom("zh-CN", "en-US", "fr"),
      example: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it("either build a form whose every cell can be written, or fail with a bilingual TemplateOptionsError", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATE_KINDS), options, (kind, o) => {
        let def;
        try {
          def = buildTemplate(kind, o as TemplateOptions);
        } catch (e) {
          expect(e).toBeInstanceOf(TemplateOptionsError);
          expect((e as TemplateOptionsError).bilingual["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
          expect((e as TemplateOptionsError).bilingual["en-US"]).toMatch(/[a-z]/);
          return;
        }
        for (const w of writtenCells(def)) if (typeof w.value === "number") expect(Number.isFinite(w.value)).toBe(true);
        for (const c of def.cells) if (c.userText) expect(c.numFmt).toBe("@");
      }),
      { numRuns: 300 },
    );
  });

  it("the .xlsx of any accepted options reads back with the typed text unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TEMPLATE_KINDS),
        fc.string({ minLength: 1, maxLength: 80 }),
        async (kind, name) => {
          const o: TemplateOptions = { projectName: name };
          const def = buildTemplate(kind, o);
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load((await templateToBuffer(kind, o)) as unknown as ArrayBuffer);
          const cell = def.cells.find((c) => c.name === "ProjectName");
          if (!cell || name.trim() === "") return;
          const v = wb.worksheets[0].getRow(cell.row + 1).getCell(cell.col + 1).value;
          expect(typeof v === "string" ? v : JSON.stringify(v)).toBe(
            kind === "rectification" ? name.trim() : name.trim(),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});
