import { EvalError, isEvalError } from "../../src/core/errors";
import {
  call,
  evaluateAll,
  num,
  op,
  range,
  ref,
  renderFormula,
  str,
  type Expr,
  type FormulaGrid,
} from "../../src/core/formula";
import { referencedCells } from "./render";

function grid(cells: Record<string, string | number | boolean | null | Expr>): FormulaGrid {
  return {
    get(a1) {
      if (!(a1 in cells)) return undefined;
      const v = cells[a1];
      return v !== null && typeof v === "object" ? { formula: v } : { value: v as string | number | boolean | null };
    },
  };
}
const evalOne = (cells: Record<string, string | number | boolean | null | Expr>, a1: string) =>
  evaluateAll(grid(cells), [a1]).get(a1);

describe("renderFormula", () => {
  it("renders EVAL calls, ranges, literals and nested calls as Excel text", () => {
    expect(renderFormula(call("EVAL.EXECRATE", ref("D7"), ref("C7")))).toBe("=EVAL.EXECRATE(D7,C7)");
    expect(renderFormula(call("EVAL.SATISFACTION", range("C5:C8"), range("D5:D8")))).toBe(
      "=EVAL.SATISFACTION(C5:C8,D5:D8)",
    );
    expect(
      renderFormula(
        call("IF", op("=", ref("E15"), str("")), str(""), call("EVAL.SCORE", ref("D15"), ref("E15"), ref("F15"))),
      ),
    ).toBe('=IF(E15="","",EVAL.SCORE(D15,E15,F15))');
    expect(renderFormula(call("EVAL.GRADE", ref("G40"), str('say "hi"')))).toBe('=EVAL.GRADE(G40,"say ""hi""")');
    expect(renderFormula(op("+", ref("D7"), op("*", num(0.5), ref("D8"))))).toBe("=D7+(0.5*D8)");
    expect(renderFormula(num(0.1 + 0.2))).toBe("=0.3");
  });

  it("lists referenced cells, ranges expanded", () => {
    expect(referencedCells(call("SUM", range("B2:C3"), ref("$E$9")))).toEqual(["B2", "C2", "B3", "C3", "E9"]);
  });
});

describe("evaluateAll", () => {
  it("SUM ignores referenced text and blanks, adds money without float noise", () => {
    expect(
      evalOne({ A1: 16931.41, A2: 18.4, A3: 249.35, A4: 33.32, A5: "备注", B1: call("SUM", range("A1:A6")) }, "B1"),
    ).toBe(17232.48);
    expect(evalOne({ A1: 61196.81, A2: 61001.46, B1: op("-", ref("A1"), ref("A2")) }, "B1")).toBe(195.35);
  });

  it("IF, comparisons and blanks behave as in Excel", () => {
    expect(evalOne({ B1: call("IF", op("=", ref("A1"), str("")), str("empty"), str("full")) }, "B1")).toBe("empty");
    expect(evalOne({ A1: 0, B1: call("IF", op("=", ref("A1"), str("")), str("empty"), str("full")) }, "B1")).toBe(
      "full",
    );
    expect(evalOne({ B1: call("IF", op("=", ref("A1"), num(0)), num(1), num(2)) }, "B1")).toBe(1);
    expect(evalOne({ A1: "ABC", B1: op("=", ref("A1"), str("abc")) }, "B1")).toBe(true);
    expect(evalOne({ A1: 5, B1: op("<", ref("A1"), str("1")) }, "B1")).toBe(true); // numbers sort before text
    expect(evalOne({ B1: call("COUNT", range("A1:A3")), A1: 1, A2: "x", A3: 2 }, "B1")).toBe(2);
    expect(evalOne({ B1: call("AND", num(1), op(">", num(2), num(1))) }, "B1")).toBe(true);
    expect(evalOne({ B1: call("OR", num(0), num(0)) }, "B1")).toBe(false);
  });

  it("errors: division by zero, text in arithmetic, unknown functions, cycles, error inputs propagate", () => {
    const code = (v: unknown) => (isEvalError(v) ? v.code : v);
    expect(code(evalOne({ B1: op("/", num(1), ref("A1")) }, "B1"))).toBe("#DIV/0!");
    expect(code(evalOne({ A1: "abc", B1: op("+", ref("A1"), num(1)) }, "B1"))).toBe("#VALUE!");
    expect(code(evalOne({ B1: call("VLOOKUP", num(1)) }, "B1"))).toBe("#NAME?");
    expect(code(evalOne({ A1: ref("B1"), B1: ref("A1") }, "B1"))).toBe("#REF!");
    expect(code(evalOne({ A1: "#N/A", B1: call("SUM", ref("A1"), num(1)) }, "B1"))).toBe("#N/A");
    expect(code(evalOne({ A1: "#DIV/0!", B1: call("EVAL.GRADE", ref("A1")) }, "B1"))).toBe("#DIV/0!");
  });

  it("EVAL.* goes through callEval with scalars and 2-D ranges", () => {
    expect(evalOne({ A1: 61001.46, A2: 61196.81, B1: call("EVAL.EXECRATE", ref("A1"), ref("A2")) }, "B1")).toBeCloseTo(
      0.9968,
      4,
    );
    const sat = evalOne(
      {
        A1: 69,
        A2: 46,
        A3: 24,
        A4: 2,
        B1: 1,
        B2: 0.85,
        B3: 0.6,
        B4: 0,
        C1: call("EVAL.SATISFACTION", range("A1:A4"), range("B1:B4")),
      },
      "C1",
    );
    expect(sat).toBeCloseTo(0.8688, 4);
    expect(evalOne({ A1: 80.37, B1: call("EVAL.GRADE", ref("A1")) }, "B1")).toBe("良");
    expect(evalOne({ A1: 80.37, B1: call("EVAL.GRADE", ref("A1"), str("en-US")) }, "B1")).toBe("Good");
    const missing = evalOne({ B1: call("EVAL.NOSUCH", num(1)) }, "B1");
    expect(missing).toBeInstanceOf(EvalError);
  });

  it("chains formulas across cells in any order", () => {
    const r = evaluateAll(grid({ A1: 2, A2: op("*", ref("A1"), num(3)), A3: op("+", ref("A2"), ref("A1")) }), [
      "A3",
      "A2",
    ]);
    expect(r.get("A3")).toBe(8);
    expect(r.get("A2")).toBe(6);
  });
});
