import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";
import { cellAt, type SheetSnapshot } from "../../src/core/snapshot";
import { makeTempDir, makeZip, minimalXlsxParts, readWithBothReaders, removeDir } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

async function roundTrip(build: (wb: ExcelJS.Workbook) => void, opts: { date1904?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  build(wb);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return readWithBothReaders(buf, "t.xlsx");
}

function sheet(snap: { sheets: SheetSnapshot[] }, name: string): SheetSnapshot {
  const s = snap.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function formulaAt(s: SheetSnapshot, r: number, c: number) {
  return s.formulas?.[r - s.originRow]?.[c - s.originCol] ?? null;
}
function fmtAt(s: SheetSnapshot, r: number, c: number) {
  return s.numberFormats?.[r - s.originRow]?.[c - s.originCol] ?? null;
}

// Every case below reads its file with both readers (the part reader and ExcelJS) and requires the same snapshot.
describe("readSnapshotFromFile", () => {
  test("used range origin, plain values, sheet order and visibility", async () => {
    const snap = await roundTrip((wb) => {
      const a = wb.addWorksheet("申报表");
      a.getCell("C3").value = "项目名称";
      a.getCell("D3").value = 12.5;
      a.getCell("E4").value = true;
      const b = wb.addWorksheet("隐藏");
      b.state = "hidden";
      b.getCell("A1").value = "x";
      const c = wb.addWorksheet("深藏");
      c.state = "veryHidden";
      wb.addWorksheet("空表");
    });
    expect(path.basename(snap.source ?? "")).toBe("t.xlsx");
    expect(snap.sheets.map((s) => s.name)).toEqual(["申报表", "隐藏", "深藏", "空表"]);
    expect(snap.sheets.map((s) => s.visibility)).toEqual(["Visible", "Hidden", "VeryHidden", "Visible"]);
    const a = sheet(snap, "申报表");
    expect([a.originRow, a.originCol]).toEqual([2, 2]);
    expect(cellAt(a, 2, 2)).toBe("项目名称");
    expect(cellAt(a, 2, 3)).toBe(12.5);
    expect(cellAt(a, 3, 4)).toBe(true);
    expect(cellAt(a, 3, 2)).toBeNull();
    const empty = sheet(snap, "空表");
    expect(empty.values).toEqual([]);
    expect(empty.merges).toEqual([]);
  });

  test("formulas keep '=' and give their cached result; shared formulas are translated", async () => {
    const snap = await roundTrip((wb) => {
      const s = wb.addWorksheet("S");
      s.getCell("A1").value = 1;
      s.getCell("A2").value = 2;
      s.getCell("A3").value = 3;
      s.fillFormula("B1:B3", "A1*2", [2, 4, 6]);
      s.getCell("C1").value = { formula: "SUM(A1:A3)", result: 6 } as ExcelJS.CellFormulaValue;
      s.getCell("C2").value = { formula: "A1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue;
      s.getCell("C3").value = { formula: 'IF(A1>0,"是","否")', result: "是" } as ExcelJS.CellFormulaValue;
    });
    const s = sheet(snap, "S");
    expect(cellAt(s, 0, 1)).toBe(2);
    expect(cellAt(s, 2, 1)).toBe(6);
    expect(formulaAt(s, 0, 1)).toBe("=A1*2");
    expect(formulaAt(s, 1, 1)).toBe("=A2*2");
    expect(formulaAt(s, 2, 1)).toBe("=A3*2");
    expect(cellAt(s, 0, 2)).toBe(6);
    expect(formulaAt(s, 0, 2)).toBe("=SUM(A1:A3)");
    expect(cellAt(s, 1, 2)).toBe("#DIV/0!");
    expect(cellAt(s, 2, 2)).toBe("是");
    expect(formulaAt(s, 0, 0)).toBeNull();
  });

  test("rich text, hyperlinks and error cells become text", async () => {
    const snap = await roundTrip((wb) => {
      const s = wb.addWorksheet("S");
      s.getCell("A1").value = { richText: [{ text: "≥" }, { font: { bold: true }, text: "95" }, { text: "%" }] };
      s.getCell("A2").value = { text: "财政部", hyperlink: "https://example.invalid/" };
      s.getCell("A3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      s.getCell("A4").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    });
    const s = sheet(snap, "S");
    expect(s.values.map((r) => r[0])).toEqual(["≥95%", "财政部", "#N/A", "#DIV/0!"]);
  });

  test("dates become Excel serial numbers (1900 and 1904 systems), number formats kept", async () => {
    const build = (wb: ExcelJS.Workbook) => {
      const s = wb.addWorksheet("S");
      s.getCell("A1").value = new Date(Date.UTC(2021, 0, 1));
      s.getCell("A1").numFmt = "yyyy-mm-dd";
      s.getCell("A2").value = 0.9734;
      s.getCell("A2").numFmt = "0.00%";
      s.getCell("A3").value = 628678956.5;
      s.getCell("A3").numFmt = "#,##0.00";
      s.getCell("A4").value = 5;
    };
    const snap = await roundTrip(build);
    const s = sheet(snap, "S");
    expect(cellAt(s, 0, 0)).toBe(44197); // 2021-01-01
    expect(fmtAt(s, 0, 0)).toBe("yyyy-mm-dd");
    expect(cellAt(s, 1, 0)).toBe(0.9734);
    expect(fmtAt(s, 1, 0)).toBe("0.00%");
    expect(fmtAt(s, 2, 0)).toBe("#,##0.00");
    expect(fmtAt(s, 3, 0)).toBeNull();
    const s1904 = sheet(await roundTrip(build, { date1904: true }), "S");
    expect(cellAt(s1904, 0, 0)).toBe(44197 - 1462);
  });

  test("merges are 0-based and inclusive; covered cells read empty", async () => {
    const snap = await roundTrip((wb) => {
      const s = wb.addWorksheet("S");
      s.getCell("B2").value = "产出指标";
      s.mergeCells("B2:B5");
      s.getCell("C2").value = "数量指标";
      s.mergeCells("C2:D3");
      s.getCell("E6").value = 1;
    });
    const s = sheet(snap, "S");
    expect(s.merges).toEqual([
      { r0: 1, c0: 1, r1: 4, c1: 1 },
      { r0: 1, c0: 2, r1: 2, c1: 3 },
    ]);
    expect(cellAt(s, 1, 1)).toBe("产出指标");
    expect(cellAt(s, 2, 1)).toBeNull();
    expect(cellAt(s, 2, 3)).toBeNull();
  });

  test("a merge alone extends the used range", async () => {
    const snap = await roundTrip((wb) => {
      const s = wb.addWorksheet("S");
      s.getCell("C3").value = "x";
      s.mergeCells("C3:F9");
    });
    const s = sheet(snap, "S");
    expect([s.originRow, s.originCol]).toEqual([2, 2]);
    expect(s.values.length).toBe(7);
  });

  test("a stray value far below the table: empty rows stay cheap and read as empty", async () => {
    const snap = await roundTrip((wb) => {
      const s = wb.addWorksheet("S");
      s.getCell("A1").value = "总分";
      s.getCell("B1").value = 100;
      s.getCell("A1048576").value = "x";
    });
    const s = sheet(snap, "S");
    expect(s.values).toHaveLength(1048576);
    expect(cellAt(s, 0, 1)).toBe(100);
    expect(cellAt(s, 500000, 0)).toBeNull();
    expect(cellAt(s, 1048575, 0)).toBe("x");
    expect(s.values[500000]).toEqual([]);
    expect(Object.isFrozen(s.values[500000])).toBe(true);
    expect(s.values[1]).toBe(s.values[2]);
  });

  test("hidden rows and columns inside the used range", async () => {
    const snap = await roundTrip((wb) => {
      const s = wb.addWorksheet("S");
      for (let r = 1; r <= 6; r++) for (let c = 1; c <= 4; c++) s.getCell(r, c).value = r * 10 + c;
      s.getRow(3).hidden = true;
      s.getRow(5).hidden = true;
      s.getColumn(2).hidden = true;
    });
    const s = sheet(snap, "S");
    expect(s.hiddenRows).toEqual([2, 4]);
    expect(s.hiddenCols).toEqual([1]);
  });

  test("the snapshot names the file by the path given, formulas with their cached results", async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("自评表");
    s.getCell("A1").value = "项目名称";
    s.getCell("B2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    const file = path.join(dir, "same.xlsx");
    await wb.xlsx.writeFile(file);
    const fromFile = await readSnapshotFromFile(file);
    expect(fromFile.source).toBe(file);
    expect(fromFile.sheets[0].values).toEqual([["项目名称"], [null, 2]]);
    expect(fromFile.sheets[0].formulas?.[1]).toEqual([null, "=1+1"]);
  });

  test("sheets full of extras (validation lists, conditional formats, a table, an image, protection) read the same", async () => {
    const fill = (s: ExcelJS.Worksheet) => {
      s.getCell("A1").value = "三级指标";
      s.getCell("B1").value = "得分";
      for (let r = 2; r <= 6; r++) {
        s.getCell(r, 1).value = `指标${r}`;
        s.getCell(r, 2).value = r * 1.5;
        s.getCell(r, 2).numFmt = "0.00";
      }
      s.mergeCells("C1:D1");
      s.getCell("C1").value = { text: "说明", hyperlink: "#Sheet2!A1" };
      s.getRow(4).hidden = true;
    };
    const plain = await roundTrip((wb) => fill(wb.addWorksheet("S")));
    const busy = await roundTrip((wb) => {
      const s = wb.addWorksheet("S", {
        pageSetup: { orientation: "landscape" },
        views: [{ state: "frozen", ySplit: 1 }],
      });
      fill(s);
      for (let r = 2; r <= 6; r++) {
        s.getCell(r, 2).dataValidation = { type: "list", allowBlank: true, formulae: ['"1,2,3,4,5,6,7,8,9,10"'] };
      }
      s.addConditionalFormatting({
        ref: "B2:B6",
        rules: [
          {
            type: "cellIs",
            operator: "greaterThan",
            formulae: ["5"],
            priority: 1,
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } } },
          },
        ],
      });
      s.autoFilter = "A1:B6";
      s.headerFooter.oddFooter = "第 &P 页";
      const png = fs.readFileSync(
        path.join(
          __dirname,
          "..",
          "..",
          "assets",
          fs.readdirSync(path.join(__dirname, "..", "..", "assets")).find((f) => f.endsWith(".png"))!,
        ),
      );
      s.addImage(s.workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), "F2:G4");
      const t = wb.addWorksheet("T");
      t.addTable({
        name: "Scores",
        ref: "A1",
        columns: [{ name: "名称" }, { name: "分值" }],
        rows: [
          ["产出", 50],
          ["效益", 30],
        ],
      });
      void s.protect("", {});
    });
    expect(busy.sheets[0]).toEqual(plain.sheets[0]);
    const t = sheet(busy, "T");
    expect(t.values.slice(0, 3)).toEqual([
      ["名称", "分值"],
      ["产出", 50],
      ["效益", 30],
    ]);
  });

  test("a hand-made minimal workbook (no styles part) reads", async () => {
    const xml = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
        `<row r="2"><c r="B2" t="inlineStr"><is><t>总分</t></is></c><c r="C2"><f>1+1</f><v>2</v></c><c r="D2" t="e"><v>#DIV/0!</v></c></row>` +
        `</sheetData></worksheet>`,
    );
    const snap = await readWithBothReaders(makeZip(minimalXlsxParts(xml)));
    const s = snap.sheets[0];
    expect(s.name).toBe("S");
    expect([s.originRow, s.originCol]).toEqual([1, 1]);
    expect(s.values[0]).toEqual(["总分", 2, "#DIV/0!"]);
    expect(s.formulas?.[0]).toEqual([null, "=1+1", null]);
  });
});
