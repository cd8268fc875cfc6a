/**
 * The core's formula semantics pinned cell by cell against HyperFormula (test-only, GPL): one sheet of data and
 * one formula per row, evaluated by both; every value must agree. Where HyperFormula is known to differ from
 * Excel (a TRUE literal needs TRUE() there, text in a single reference of OR, an empty cell in AND, implicit
 * intersection, 16 digits for a number as text), test/core/formula.test.ts pins Excel's answer instead.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import "../templates/hfEval"; // registers the EVAL.* plugin
import { isEvalError } from "../../src/core/errors";
import { evaluateExpr, type FormulaValue } from "../../src/core/formula";
import { parseFormula } from "../../src/core/formulaParse";
import { fromA1, toA1 } from "../../src/core/a1";

const OWN: Record<string, FormulaValue> = {
  A1: 1,
  B1: "a",
  D1: 3,
  A2: 16931.41,
  A3: 18.4,
  A4: 249.35,
  A5: "备注",
  B2: "≥3.52万人",
  B3: 35452,
  B4: 10,
  B5: "部分达成",
};
const DATA: Record<string, FormulaValue> = { A1: 61196.81, B1: 61001.46, C1: 80.37, D1: 62867.9 };

const FORMULAS = [
  "=1+2*3",
  "=0.1+0.2",
  "=SUM(A2:A5)",
  "=Data!A1-Data!B1",
  "=Data!B1/Data!A1",
  "=AVERAGE(C1)",
  "=AVERAGE(A1:D1)",
  "=SUM(B1)",
  "=MIN(B1)",
  "=MAX(C1)",
  '=COUNT(1,"2","x")',
  "=COUNT(A1:D1)",
  "=COUNTA(A1:D1)",
  "=AND(A1:B1)",
  "=AND(B1)",
  '=NOT("TRUE")',
  '=IF(" TRUE ",1,2)',
  '=IF(A1>0,"yes","no")',
  '=IF(C1="","",1)',
  "=C1=0",
  '=B1="A"',
  '=A1<"1"',
  '=" 1 "+1',
  '="x"&A1',
  '=C1&""',
  '=IFERROR(1/0,"-")',
  "=ROUND(2.675,2)",
  "=ROUND(-2.5,0)",
  "=-2^2",
  "=2^3^2",
  "=50%*D1",
  "=A1/0",
  "=SUMPRODUCT(A1:A4,A1:A4)",
  "=ABS(-4)",
  "=NOSUCH(1)",
  // The template's standard formulas.
  '=IF(Data!A1=0,"",Data!B1/Data!A1)',
  "=10*MIN(Data!B1/Data!A1,1)",
  '=IF(ROUND(Data!C1,9)>=90,"优",IF(ROUND(Data!C1,9)>=80,"良",IF(ROUND(Data!C1,9)>=60,"中","差")))',
  // EVAL.* through the same core code in both engines: the argument passing must agree.
  "=EVAL.SCORE(B2,B3,B4)",
  "=EVAL.QUALSCORE(B5,B4)",
  "=EVAL.EXECRATE(Data!B1,Data!A1)",
  "=EVAL.ARRIVALRATE(Data!A1,Data!D1)",
  "=EVAL.GRADE(Data!C1)",
];

function grid(cells: Record<string, FormulaValue>, extra: string[] = []): (string | number | boolean | null)[][] {
  const g: (string | number | boolean | null)[][] = [];
  for (const [a1, v] of Object.entries(cells)) {
    const p = fromA1(a1)!;
    (g[p.row] ??= [])[p.col] = v as string | number | boolean | null;
  }
  extra.forEach((f, i) => ((g[20 + i] ??= [])[0] = f));
  for (let i = 0; i < g.length; i++) g[i] ??= [];
  return g;
}

describe("core formula semantics = HyperFormula, cell by cell", () => {
  const hf = HyperFormula.buildFromSheets({ Sheet1: grid(OWN, FORMULAS), Data: grid(DATA) }, { licenseKey: "gpl-v3" });
  afterAll(() => hf.destroy());
  const sheet = hf.getSheetId("Sheet1")!;
  it.each(FORMULAS.map((f, i) => [f, i] as const))("%s", (f, i) => {
    let expected = hf.getCellValue({ sheet, row: 20 + i, col: 0 }) as unknown;
    if (expected instanceof DetailedCellError) expected = expected.value;
    const e = parseFormula(f)!;
    const v = evaluateExpr(e, {
      cell: (s, r, c) => (s === null ? OWN : s === "Data" ? DATA : {})[toA1(r, c)] ?? null,
      hasSheet: (n) => n === "Data",
    });
    const got = isEvalError(v) ? v.code : v;
    // HyperFormula rounds what it shows to 14 significant digits: compare numbers to that precision.
    if (typeof expected === "number")
      expect(Math.abs((got as number) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)) * 100);
    else expect(got).toEqual(expected);
  });
});
