/**
 * Each standard formula equals its EVAL function on valid input, computed three ways: EVAL.X through the core,
 * the standard formula through the core, and the standard formula through HyperFormula (test-only, GPL).
 * Then the portable rewrite: which calls it replaces and which it must leave to a frozen value.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { isEvalError } from "../../src/core/errors";
import { evaluateExpr, renderFormula, type Expr, type FormulaValue } from "../../src/core/formula";
import { parseFormula } from "../../src/core/formulaParse";
import { portableExpr, usesEval } from "../../src/core/portable";
import { toA1 } from "../../src/core/a1";

const CASES: [string, FormulaValue[][]][] = [
  [
    "=EVAL.EXECRATE(A1,B1)",
    [
      [61001.46, 61196.81],
      [0, 5],
      [7, 7],
      [1, 0],
      [120, 100],
    ],
  ],
  [
    "=EVAL.ARRIVALRATE(A1,B1)",
    [
      [61196.81, 62867.9],
      [3, 4],
    ],
  ],
  [
    "=EVAL.QUALITYRATE(A1,B1)",
    [
      [7845, 7846],
      [0, 1],
    ],
  ],
  [
    "=EVAL.COSTSAVINGRATE(A1,B1)",
    [
      [100, 90],
      [100, 120],
      [5, 5],
    ],
  ],
  [
    "=EVAL.EXECSCORE(A1,B1)",
    [
      [0.9968, 10],
      [1.2, 10],
      [0, 5],
      [0.5, 20],
    ],
  ],
  ["=EVAL.EXECSCORE(A1)", [[0.9968], [1.5]]],
  ["=EVAL.GRADE(A1)", [[80.37], [90], [89.99999999999999], [60], [59.99], [0], [100], [100.5], [-1], ["abc"]]],
  ['=EVAL.GRADE(A1,"en-US")', [[80.37], [95], [10]]],
  [
    "=EVAL.SATISFACTION(A1:D1,A2:D2)",
    [
      [69, 46, 24, 2],
      [1, 0.85, 0.6, 0],
    ],
  ],
  [
    "=EVAL.SATISFACTION(A1:E1,A2:E2)",
    [
      [10, 5, 0, 3, 1],
      [100, 80, 60, 30, 0],
    ],
  ],
];

function grid(rows: FormulaValue[][]): Record<string, FormulaValue> {
  const out: Record<string, FormulaValue> = {};
  rows.forEach((row, r) => row.forEach((v, c) => (out[toA1(r, c)] = v)));
  return out;
}
const core = (e: Expr, cells: Record<string, FormulaValue>) => {
  const v = evaluateExpr(e, { cell: (_s, r, c) => cells[toA1(r, c)] ?? null, hasSheet: () => false });
  return isEvalError(v) ? v.code : v;
};

describe("standard formulas equal their EVAL function", () => {
  for (const [text, inputs] of CASES) {
    const evalExpr = parseFormula(text)!;
    const standard = portableExpr(evalExpr)!;
    it(`${text} ≡ ${renderFormula(standard)}`, () => {
      expect(usesEval(standard)).toBe(false);
      // SATISFACTION takes two rows at once; the others one row per case.
      const sets = text.includes("SATISFACTION") ? [inputs] : inputs.map((row) => [row]);
      for (const rows of sets) {
        const cells = grid(rows);
        const want = core(evalExpr, cells);
        const got = core(standard, cells);
        const hf = HyperFormula.buildFromArray(
          [...rows.map((r) => r.map((v) => v as string | number | null)), [renderFormula(standard)]],
          { licenseKey: "gpl-v3" },
        );
        let h = hf.getCellValue({ sheet: 0, row: rows.length, col: 0 }) as unknown;
        hf.destroy();
        if (h instanceof DetailedCellError) h = h.value;
        if (typeof want === "number") {
          expect([rows, got]).toEqual([rows, expect.closeTo(want, 12)]);
          expect([rows, h]).toEqual([rows, expect.closeTo(want, 9)]);
        } else {
          expect([rows, got]).toEqual([rows, want]);
          expect([rows, h]).toEqual([rows, want]);
        }
      }
    });
  }
});

describe("portable rewrite", () => {
  it.each([
    ['=IF(D6=0,"",EVAL.EXECRATE(E6,D6))', '=IF(D6=0,"",E6/D6)'],
    ["=ROUND(EVAL.EXECSCORE(G6),2)", "=ROUND(10*MIN(G6,1),2)"],
    ["=SUM(A1:A3)", "=SUM(A1:A3)"],
  ])("%s → %s", (text, want) => {
    expect(renderFormula(portableExpr(parseFormula(text)!)!)).toBe(want);
  });
  it.each([
    '=IF(E13="","",EVAL.SCORE(D13,E13,F13))',
    "=EVAL.QUALSCORE(E21,F21)",
    "=EVAL.SATISFACTION(C7:C10)", // default weights depend on the number of levels
    "=EVAL.GRADE(G25,H1)", // language from a cell
    "=EVAL.EXECRATE(E7:E9,D7:D9)", // EVAL sums ranges
    "=EVAL.TOTALSCORE(G1:G5,F1:F5)",
  ])("%s has no standard equivalent: the copy keeps its value", (text) => {
    expect(portableExpr(parseFormula(text)!)).toBeNull();
  });
});
