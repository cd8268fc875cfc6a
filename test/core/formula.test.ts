import { EvalError, isEvalError } from "../../src/core/errors";
import { evaluateAll, evaluateExpr, renderFormula, type Expr, type FormulaValue } from "../../src/core/formula";
import { parseFormula } from "../../src/core/formulaParse";
import { toA1 } from "../../src/core/a1";
import { evaluateFormula } from "../../src/sim/formula";

// One sheet ("Sheet1", the formula's own) and "数据" for cross-sheet references.
const SHEETS: Record<string, Record<string, FormulaValue>> = {
  own: {
    A1: 1,
    B1: "a",
    C1: null,
    D1: 3,
    E1: true,
    A2: 16931.41,
    A3: 18.4,
    A4: 249.35,
    A5: "备注",
    F1: "#N/A",
    G1: "",
  },
  数据: { A1: 61196.81, B1: 61001.46, C1: 80.37 },
};
type FormulaEnv = Parameters<typeof evaluateExpr>[1];
type FormulaResult = ReturnType<typeof evaluateExpr>;

const env = (): FormulaEnv => ({
  cell: (sheet, row, col) => SHEETS[sheet === null ? "own" : sheet]?.[toA1(row, col)] ?? null,
  hasSheet: (name) => name in SHEETS,
});
const shown = (v: FormulaResult): unknown =>
  Array.isArray(v) ? v.map((r) => r.map(shown)) : isEvalError(v) ? v.code : v;
const run = (text: string) => {
  const e = parseFormula(text);
  return e ? shown(evaluateExpr(e, env())) : "#NAME?";
};

describe("parseFormula", () => {
  it.each([
    ["=SUM(A1:B2,3)", "=SUM(A1:B2,3)"],
    ["=sum( a1 , $B$2 )", "=SUM(a1,$B$2)"],
    ["=1+2*3", "=1+(2*3)"],
    ["=(1+2)*3", "=(1+2)*3"],
    ["=-A1^2", "=(-A1)^2"],
    ["=50%", "=50%"],
    ['="a""b"&C1', '="a""b"&C1'],
    ["=数据!A1+'My Sheet'!B2:C3", "=数据!A1+'My Sheet'!B2:C3"],
    ["=IF(A1,,2)", "=IF(A1,,2)"],
    ["=TRUE<>false", "=TRUE<>FALSE"],
    ['=EVAL.GRADE(G40,"en-US")', '=EVAL.GRADE(G40,"en-US")'],
  ])("%s renders back as %s", (text, rendered) => {
    expect(renderFormula(parseFormula(text)!)).toBe(rendered);
  });

  it("refuses what Excel would not accept (the caller shows #NAME?)", () => {
    for (const bad of ["=(", "=1+", '="abc', "=1 2", "=,", "=#N/A", "=SUM(1;2)"]) expect(parseFormula(bad)).toBeNull();
  });

  it("keeps a bare unknown name, which evaluates to #NAME?", () => {
    expect(parseFormula("=foo")).toEqual({ kind: "name", name: "foo" });
    expect(run("=foo")).toBe("#NAME?");
  });
});

describe("evaluateExpr: formula text → value (Excel's semantics)", () => {
  it.each<[string, unknown]>([
    ["=1+2*3", 7],
    ["=2^3^2", 64], // left-associative, as in Excel
    ["=-2^2", 4],
    ["=50%*D1", 1.5],
    ['="x"&A1&TRUE', "x1TRUE"], // Excel writes a boolean as TRUE/FALSE
    ["=A1/0", "#DIV/0!"],
    ["=2^1024", "#NUM!"],
    ["=SUM(A1:E1)", 4],
    ["=COUNT(A1:E1)", 2],
    ["=COUNTA(A1:E1)", 4],
    ["=AND(A1>0,D1>2)", true],
    ["=OR(A1>5,D1>5)", false],
    ["=NOT(E1)", false],
    ['=IFERROR(1/0,"-")', "-"],
    ["=IFERROR(A1,0)", 1],
    ["=SUMPRODUCT(A1:A1,D1:D1)", 3],
    ["=AND(1/0)", "#DIV/0!"],
    ["=MIN(A1:E1)", 1],
    ["=MAX(A1,D1,2)", 3],
    ["=AVERAGE(A1:D1)", 2],
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(-2.5,0)", -3],
    ["=ABS(-4)", 4],
    ['=C1=""', true], // an empty cell is "" and 0 and FALSE in comparisons
    ["=C1=0", true],
    ["=C1=FALSE", true],
    ['=IF(C1="","",1)', ""],
    ['="x"=C1', false],
    ['=B1="A"', true], // text compares case-insensitively
    ['=A1<"1"', true], // numbers sort before text
    ['=IF(A1>0,"yes","no")', "yes"],
    ["=IF(FALSE,1)", false],
    ["=F1+1", "#N/A"], // an error in a cell propagates
    ["=SUM(F1,1)", "#N/A"],
    ["=SUM(数据!A1:B1)>122198", true],
    ["=Missing!A1", "#REF!"],
    ["=NOSUCH(1)", "#NAME?"],
    ["=EVAL.EXECRATE(数据!B1,数据!A1)", expect.closeTo(0.99681, 5)],
    ["=EVAL.GRADE(数据!C1)", "良"],
    ["=EVAL.EXECRATE(1,0)", "#DIV/0!"],
    ["=EVAL.NOSUCH(1)", "#NAME?"],
    ["=EVAL.GRADE(F1)", "#N/A"], // a custom function is not called with an error argument
    ["=ROUND(EVAL.EXECRATE(数据!B1,数据!A1)*100,2)", 99.68],
    ["=A1:A1", [[1]]],
  ])("%s → %p", (text, value) => {
    expect(run(text)).toEqual(value);
  });

  it("never throws: runaway nesting is #NUM!", () => {
    const deep = parseFormula("=" + "(".repeat(2000) + "1" + ")".repeat(2000))!;
    expect(run("=" + "(".repeat(2000) + "1" + ")".repeat(2000))).toBe(1);
    let e: Expr = deep;
    for (let i = 0; i < 100000; i++) e = { kind: "unary", op: "-", arg: e };
    expect(shown(evaluateExpr(e, env()))).toBe("#NUM!");
  });
});

describe("one Excel semantics where the template grid and the sim host used to differ", () => {
  it.each<[string, unknown]>([
    ["=0.1+0.2", 0.3], // sums shown as Excel shows them (15 digits), not 0.30000000000000004
    ["=SUM(A2:A5)", 17199.16],
    ["=数据!A1-数据!B1", 195.35],
    ["=AVERAGE(C1)", "#DIV/0!"], // an empty cell is no number
    ["=G1+1", "#VALUE!"], // text "" is not 0 in arithmetic
    ["=SUM(B1)", 0], // a reference's text is skipped, a literal's is not
    ['=SUM("x")', "#VALUE!"],
    ['=COUNT(1,"2","x")', 2], // a literal that reads as a number counts
    ["=COUNT(B1,A1,E1)", 1], // text and booleans in cells do not
    ["=AND(A1:B1)", true], // text in a range is skipped
    ["=OR(A1,B1)", true], // … and in a single reference (Excel; HyperFormula says #VALUE!)
    ["=AND(B1)", "#VALUE!"], // nothing logical left
    ['=NOT("TRUE")', false],
    ['=IF(" TRUE ",1,2)', "#VALUE!"], // no trimming
    ["=IF(1>0)", true], // the missing branch gives the condition
    ['=1/3&""', "0.333333333333333"], // 15 significant digits, as Excel writes a number as text
    ['="x"&0.1+0.2', "x0.3"],
    ["=A1:D1+1", "#VALUE!"], // no implicit intersection: a range where one value is expected
  ])("%s → %p", (text, value) => {
    expect(run(text)).toEqual(value);
  });
});

describe("the sim adapter", () => {
  const simEnv = {
    cell: (sheet: string | null, row: number, col: number) => {
      const v = SHEETS[sheet === null ? "own" : sheet]?.[toA1(row, col)] ?? null;
      return isEvalError(v) ? v.code : v;
    },
    hasSheet: (name: string) => name in SHEETS,
  };
  it("returns errors as their text and ranges as rows; bad text is #NAME?", () => {
    expect(evaluateFormula("=1/0", simEnv)).toBe("#DIV/0!");
    expect(evaluateFormula("=A1:B1", simEnv)).toEqual([[1, "a"]]);
    expect(evaluateFormula("=(", simEnv)).toBe("#NAME?");
    expect(evaluateFormula("=EVAL.EXECRATE(61001.46, 61196.81)", simEnv)).toBeCloseTo(0.99681, 5);
  });
});

describe("evaluateAll over a template grid", () => {
  it("reads the grid through the same evaluator: chains, cycles → #REF!, other sheets → #REF!", () => {
    const cells: Record<string, { value?: string | number | null; formula?: Expr }> = {
      A1: { value: 2 },
      A2: { formula: parseFormula("=A1*3")! },
      A3: { formula: parseFormula("=A2+A1")! },
      B1: { formula: parseFormula("=B2")! },
      B2: { formula: parseFormula("=B1")! },
      C1: { formula: parseFormula("=数据!A1")! },
      C2: { value: "#N/A" },
    };
    const out = evaluateAll({ get: (a1) => cells[a1] }, ["A3", "A2", "B1", "C1", "C2"]);
    expect(out.get("A3")).toBe(8);
    expect(out.get("A2")).toBe(6);
    expect((out.get("B1") as EvalError).code).toBe("#REF!");
    expect((out.get("C1") as EvalError).code).toBe("#REF!");
    expect((out.get("C2") as EvalError).code).toBe("#N/A");
  });
});
