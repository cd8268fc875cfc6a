/**
 * The score summary states what the card may claim (issue 14): no total or grade for a form whose 得分 are all
 * blank, the sheet's own 总分 cell beside the recomputed Σ 得分 so a disagreement or an error in it can be shown.
 */
import { check, sheet, workbook } from "../support/grid";
import { selfAssessmentFormats, selfAssessmentMerges, selfAssessmentRows } from "../fixtures/layouts/seed";

function selfWith(edit: (rows: ReturnType<typeof selfAssessmentRows>) => void) {
  const rows = selfAssessmentRows();
  edit(rows);
  return workbook(sheet("自评表", rows, { merges: selfAssessmentMerges, formats: selfAssessmentFormats }));
}
const totalRow = (rows: unknown[][]) => rows.findIndex((r) => r[0] === "总分");

describe("score summary", () => {
  it("a filled self-assessment: total, grade key, the stated 总分 cell and the recomputed sum agree", () => {
    const s = check(selfWith(() => undefined)).scores[0];
    expect(s).toMatchObject({ total: 96.34, grade: "优", gradeKey: "excellent", filled: true });
    expect(s.statedTotal).toMatchObject({ value: 96.34 });
    expect(s.statedTotal!.cell).toMatch(/^H\d+$/);
    expect(s.computedTotal).toBeCloseTo(96.34, 6);
  });

  it("no 得分 filled in: not filled, no total, no grade — even when 总分 shows 0", () => {
    const s = check(
      selfWith((rows) => {
        const t = totalRow(rows);
        for (let i = 0; i < rows.length; i++) {
          if (i === t) rows[i][7] = 0;
          else if (typeof rows[i][7] === "number" && rows[i][0] !== "总分") rows[i][7] = null;
        }
      }),
    ).scores[0];
    expect(s).toMatchObject({ filled: false, total: null, grade: null, gradeKey: null, computedTotal: null });
  });

  it("an error in 总分 is kept as its text; the total falls back to the recomputed sum", () => {
    const s = check(
      selfWith((rows) => {
        rows[totalRow(rows)][7] = "#VALUE!";
      }),
    ).scores[0];
    expect(s.statedTotal).toMatchObject({ value: null, text: "#VALUE!" });
    expect(s.total).toBeCloseTo(96.34, 6);
    expect(s.grade).toBe("优");
  });

  it("a stated 总分 that differs from Σ 得分 is reported with both numbers", () => {
    const s = check(
      selfWith((rows) => {
        rows[totalRow(rows)][7] = 88;
      }),
    ).scores[0];
    expect(s.statedTotal!.value).toBe(88);
    expect(s.computedTotal).toBeCloseTo(96.34, 6);
  });
});
