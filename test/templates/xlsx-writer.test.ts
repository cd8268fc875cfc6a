import { toStoredFormula } from "../../src/core/formulaForms";
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
import { templateToBuffer, writeTemplateSheet } from "../../src/xlsx/templateWriter";

/** ExcelJS cell (a helper so the Office.js lint rules do not mistake it for a proxy). */
const cellAt = (ws: ExcelJS.Worksheet, a1: string): ExcelJS.Cell => ws.getCell(a1);

async function readBack(kind: TemplateKind, options: TemplateOptions = {}) {
  const buf = await templateToBuffer(kind, options);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const cases: [TemplateKind, TemplateOptions][] = [
  ...TEMPLATE_KINDS.map((k): [TemplateKind, TemplateOptions] => [k, {}]),
  ["self-assessment", { example: true }],
  ["declaration", { example: true, lang: "en-US" }],
  ["survey", { example: true }],
];

describe.each(cases)("ExcelJS writer: %s %j", (kind, options) => {
  it("stores every cell, formula with its core result, merges, widths, names and print setup", async () => {
    const def = buildTemplate(kind, options);
    const wb = await readBack(kind, options);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe(def.sheetName);
    for (const w of writtenCells(def)) {
      const cell = cellAt(ws, w.a1);
      if (w.formula) {
        const v = cell.value as ExcelJS.CellFormulaValue;
        expect(v.formula).toBe(toStoredFormula(w.formula).slice(1));
        // ExcelJS's reader drops a falsy cached result (<v>0</v>, <v></v>): read back as undefined.
        const result = v.result === undefined && (w.value === 0 || w.value === "") ? w.value : v.result;
        if (isEvalError(w.value)) expect(result).toEqual({ error: w.value.code });
        else if (typeof w.value === "number") expect(result).toBeCloseTo(w.value, 9);
        else expect(result).toEqual(w.value);
      } else {
        expect(cell.value ?? null).toEqual(w.value);
      }
      if (w.numFmt) expect(cell.numFmt).toBe(w.numFmt);
    }
    const merges = mergesOf(def).map(
      (m) => `${String.fromCharCode(65 + m.c0)}${m.r0 + 1}:${String.fromCharCode(65 + m.c1)}${m.r1 + 1}`,
    );
    expect([...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort()).toEqual(merges.sort());
    def.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBeCloseTo(w, 2));
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe(def.print.orientation);
    expect(ws.pageSetup.scale).toBe(def.print.scale);
    expect(ws.pageSetup.fitToPage).toBe(false);
    if (def.print.repeatRows)
      expect(ws.pageSetup.printTitlesRow).toBe(`${def.print.repeatRows.from + 1}:${def.print.repeatRows.to + 1}`);
    for (const n of namesOf(def)) {
      const ranges = wb.definedNames.getRanges(n.name).ranges;
      expect(ranges).toHaveLength(1);
      expect(ranges[0].replace(/\$/g, "")).toMatch(new RegExp(`!${n.a1}$`));
    }
  });
});

describe("ExcelJS writer details", () => {
  it("styles the header cells with bold, a fill and thin borders on every cell of a merged area", async () => {
    const wb = await readBack("self-assessment");
    const ws = wb.worksheets[0];
    expect(ws.getCell("A12").font?.bold).toBe(true);
    expect(ws.getCell("A12").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    // B3:H3 is merged: its last cell carries the border too.
    expect(ws.getCell("H3").border?.right?.style).toBe("thin");
    expect(ws.getCell("A1").font?.size).toBe(16);
  });

  it("open boxes: the rectification's signature lines sit inside one frame (sides only, bottom on the date)", async () => {
    const ws = (await readBack("rectification")).worksheets[0];
    expect(ws.getCell("B5").border).toEqual({ left: expect.anything(), right: expect.anything() });
    expect(ws.getCell("D7").border?.bottom?.style).toBe("thin");
    expect(ws.getCell("B4").border?.bottom).toBeUndefined();
    expect(ws.getCell("B4").border?.top?.style).toBe("thin");
  });

  it("numeric inputs are right-aligned, text inputs left-aligned", async () => {
    const ws = (await readBack("self-assessment")).worksheets[0];
    expect(ws.getCell("C7").alignment?.horizontal).toBe("right");
    expect(ws.getCell("D13").alignment?.horizontal).toBe("left");
  });

  it("the example shows 示例 and the seed's cached numbers", async () => {
    const wb = await readBack("self-assessment", { example: true });
    const ws = wb.worksheets[0];
    expect(String(ws.getCell("A1").value)).toContain("示例");
    expect((ws.getCell("G6").value as ExcelJS.CellFormulaValue).result as number).toBeCloseTo(0.9968, 4);
    expect(ws.getCell("E19").value).toBe("≤628,278,103.22元");
  });

  it("writes user text that looks like a formula as text", async () => {
    const wb = await readBack("declaration", {
      projectName: '=HYPERLINK("http://x")',
      department: "+1",
      implementer: "@SUM(A1)",
    });
    const ws = wb.worksheets[0];
    expect(ws.getCell("B3").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("B3").numFmt).toBe("@");
    expect(ws.getCell("B4").value).toBe("+1");
    expect(ws.getCell("E4").value).toBe("@SUM(A1)");
  });

  it("never overwrites a sheet: a second copy gets a suffix", () => {
    const wb = new ExcelJS.Workbook();
    const first = writeTemplateSheet(wb, buildTemplate("survey"));
    first.getCell("B4").value = "mine";
    const second = writeTemplateSheet(wb, buildTemplate("survey"));
    expect(first.name).toBe("调查统计");
    expect(second.name).toBe("调查统计 (2)");
    expect(first.getCell("B4").value).toBe("mine");
  });
});
