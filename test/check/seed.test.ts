/**
 * The seed as a workbook: a 申报表 and a 自评表 with the seed's numbers. The one inconsistency the seed's
 * evaluators found between them — the cost indicator declared as ≤628,678,956.50元 and assessed as
 * ≤628,278,103.22元 — must be the only inconsistency found; besides it, the notice's first finding "目标设立笼统、
 * 未量化" is reported on the goals (no quantity, no date) and on the vague 效益 values 有效保障 and 长期.
 */
import { brief, check, workbook } from "../support/grid";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

/** The vague goals and values the seed's reviewers marked as 目标设立笼统、未量化, in both tables. */
const VAGUE = [
  "申报表!B8 vague-target",
  "申报表!E16 vague-target",
  "申报表!E17 vague-target",
  "自评表!B11 vague-target",
  "自评表!E19 vague-target",
  "自评表!E20 vague-target",
];
const notVague = <T extends { rule: string }>(fs: T[]) => fs.filter((f) => f.rule !== "vague-target");

describe("the seed as a workbook", () => {
  it("finds the changed cost indicator value, on exactly that indicator, and nothing else but the vague goals", () => {
    const r = check(workbook(seedDeclaration(), seedSelfAssessment()));
    expect(brief(r.findings).sort()).toEqual([...VAGUE, "自评表!E18 indicator-value-mismatch"].sort());
    const f = notVague(r.findings)[0];
    expect(f.severity).toBe("error");
    expect(f.related).toEqual(["申报表!E15"]);
    expect(f.message["zh-CN"]).toContain("628");
  });

  it("with the same cost value in both tables the workbook is clean", () => {
    const r = check(workbook(seedDeclaration("≤628,678,956.50元"), seedSelfAssessment("≤628,678,956.50元")));
    expect(brief(r.findings).sort()).toEqual(VAGUE);
  });

  it("the same value written in 万元 at coarser precision still agrees (62867.90万元 vs 628,678,956.50元)", () => {
    const r = check(workbook(seedDeclaration("≤62867.90万元"), seedSelfAssessment("≤628,678,956.50元")));
    expect(notVague(r.findings)).toEqual([]);
  });

  it("summarizes the self-assessment's score: total, grade, first-level categories", () => {
    const r = check(workbook(seedDeclaration(), seedSelfAssessment()));
    expect(r.scores).toHaveLength(1);
    const s = r.scores[0];
    expect(s).toMatchObject({ sheet: "自评表", kind: "self-assessment", total: 96.34, grade: "优" });
    expect(s.categories.map((c) => [c.name, c.weight])).toEqual([
      ["预算执行率", 10],
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 10],
    ]);
    expect(s.categories[1].score).toBeCloseTo(49.99, 9);
  });
});
