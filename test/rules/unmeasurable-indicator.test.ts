import { runRule, sheet, workbook } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";

const run = (s: Parameters<typeof runRule>[1]) => runRule("unmeasurable-indicator", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

const GOAL = "完成职业技能培训500人，培训合格率达到95%以上。";

/** The declaration with its 社会效益 indicator (row 11) replaced. */
function withEffect(name: string, value: unknown): DeclRow[] {
  const rows = declIndicators();
  rows[4] = ["效益指标", "社会效益指标", name, value as DeclRow[3]];
  return rows;
}

describe("unmeasurable-indicator", () => {
  describe("valid", () => {
    it.each([
      ["the standard self-assessment", selfAssessment()],
      ["the standard declaration", declaration(GOAL)],
      ["the seed's forms", workbook(seedDeclaration(), seedSelfAssessment())],
      ["a provincial self-assessment", workbook(provinceSplit())],
      ["the county forms", countyText()],
      ["an evaluation system", evaluationSystem()],
      ["an aim with a rate in it (教学质量提升率 ≥5%)", declaration(GOAL, withEffect("教学质量提升率", "≥5%"))],
      ["an aim with a count (促进就业人数 ≥50人)", declaration(GOAL, withEffect("促进就业人数", "≥50人"))],
      ["an aim with a degree (群众获得感提升程度 ≥90%)", declaration(GOAL, withEffect("群众获得感提升程度", "≥90%"))],
      [
        "a published Yongde name with 覆盖 (营养改善计划覆盖率 ≥100%)",
        declaration(GOAL, withEffect("营养改善计划覆盖率", "≥100%")),
      ],
      [
        "a countable state (实现项目按期完成 100%: a share of items done)",
        declaration(GOAL, withEffect("实现项目按期完成", "100%")),
      ],
      [
        "an aim written in words, not a percentage (促进经济发展 / 有效): vague-target's",
        declaration(GOAL, withEffect("促进经济发展", "有效")),
      ],
      [
        "a name with no aim verb (学生受益情况 =100%, a published Linyi declaration)",
        declaration(GOAL, withEffect("学生受益情况", "=100%")),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it.each([
      ["教学质量提高、办学条件改善", "=100%", "提高、改善", "a published Linyi declaration"],
      ["促进人口与经济、社会、资源、环境协调和可持续发展", "100%", "促进", "a published Zhaohua declaration"],
      ["促进学校教育事业健康发展", "≥100%", "促进", "a published Yongde self-assessment"],
    ])("社会效益 %s %s (%s, %s)", (name, value, words) => {
      const f = run(declaration(GOAL, withEffect(name, value)));
      expect(at(f)).toEqual(["申报表!D11"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].related).toEqual(["申报表!C11"]);
      expect(f[0].message["zh-CN"]).toContain(`指标“${name}”是一句目标（${words}）`);
      expect(f[0].message["zh-CN"]).toContain(`指标值“${value}”`);
    });

    it("a 质量 aim in a self-assessment (教学条件改善、办学水平提高 =100%, a published Linyi declaration)", () => {
      const rows: Ind[] = standardIndicators().map((r, i): Ind =>
        i === 1 ? ["产出指标", "质量指标", "教学条件改善、办学水平提高", "=100%", 1, 10, 10] : r,
      );
      expect(at(run(selfAssessment(rows)))).toEqual(["自评表!D9"]);
    });

    it("an aim in a bare four-column table (推动乡村振兴 ≥95%)", () => {
      const s = sheet("申报表", [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["效益指标", "可持续影响指标", "推动乡村振兴", "≥95%"],
      ]);
      expect(at(run(s))).toEqual(["申报表!D2"]);
    });
  });
});
