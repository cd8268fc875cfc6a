import { toDisplayFormula, toStoredFormula } from "../../src/core/formulaForms";
import { renderFormula } from "../../src/core/formula";
import { parseFormula } from "../../src/core/formulaParse";

describe("formula forms: display (EVAL.X) and stored (_xldudf_EVAL_X)", () => {
  it.each([
    ["=EVAL.EXECRATE(E6,D6)", "=_xldudf_EVAL_EXECRATE(E6,D6)"],
    ['=IF(D6=0,"",EVAL.EXECSCORE(G6,F6))', '=IF(D6=0,"",_xldudf_EVAL_EXECSCORE(G6,F6))'],
    ['=IF(G25=0,"",eval.grade(G25,"en-US"))', '=IF(G25=0,"",_xldudf_EVAL_GRADE(G25,"en-US"))'],
    // Text and sheet names that look like a call are not calls.
    ['="EVAL.GRADE(1)"&EVAL.GRADE(80)', '="EVAL.GRADE(1)"&_xldudf_EVAL_GRADE(80)'],
    ["='EVAL.X('!A1+1", "='EVAL.X('!A1+1"],
    ["=SUM(A1:A3)", "=SUM(A1:A3)"],
    ["=MYEVAL.GRADE(1)", "=MYEVAL.GRADE(1)"],
  ])("%s ⇄ %s", (display, stored) => {
    expect(toStoredFormula(display)).toBe(stored);
    expect(toDisplayFormula(stored)).toBe(display.replace("eval.grade", "EVAL.GRADE"));
  });

  it("drops Excel's _xlfn. and _xlfn._xlws. prefixes", () => {
    expect(toDisplayFormula("=_xlfn.IFS(A1>1,1,TRUE,2)")).toBe("=IFS(A1>1,1,TRUE,2)");
    expect(toDisplayFormula("=_xlfn._xlws.SORT(A1:A3)")).toBe("=SORT(A1:A3)");
    expect(toDisplayFormula('="_xlfn.IFS("')).toBe('="_xlfn.IFS("');
  });

  it("the parser reads all three forms to the same expression", () => {
    const want = renderFormula(parseFormula("=EVAL.SCORE(D13,E13,F13)+_xlfn.IFNA(1,2)")!);
    expect(renderFormula(parseFormula("=_xldudf_EVAL_SCORE(D13,E13,F13)+IFNA(1,2)")!)).toBe(want);
    expect(want).toBe("=EVAL.SCORE(D13,E13,F13)+IFNA(1,2)");
  });
});
