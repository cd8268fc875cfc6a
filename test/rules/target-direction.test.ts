import { runRule, workbook } from "../support/grid";
import { selfAssessment } from "./forms";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { directionColumn } from "../fixtures/layouts/direction-column";

const run = (s: Parameters<typeof runRule>[1]) => runRule("target-direction", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

const GOAL = "完成职业技能培训500人，培训合格率达到95%以上。";

/** The declaration with its 数量 (row 7) or 成本 (row 10) indicator replaced. */
function withQuantity(name: string, value: unknown): DeclRow[] {
  const rows = declIndicators();
  rows[0] = ["产出指标", "数量指标", name, value as DeclRow[3]];
  return rows;
}
function withCost(name: string, value: unknown): DeclRow[] {
  const rows = declIndicators();
  rows[3] = ["产出指标", "成本指标", name, value as DeclRow[3]];
  return rows;
}

describe("target-direction", () => {
  describe("valid", () => {
    it.each([
      ["the standard self-assessment", selfAssessment()],
      ["the standard declaration (≥500人, ≤1000元)", declaration(GOAL)],
      ["the seed's forms (成本 ≤628,678,956.50元)", workbook(seedDeclaration(), seedSelfAssessment())],
      ["a provincial self-assessment", workbook(provinceSplit())],
      ["the county forms", countyText()],
      ["an evaluation system", evaluationSystem()],
      ["an accident count capped (安全事故发生起数 ≤1起)", declaration(GOAL, withQuantity("安全事故发生起数", "≤1起"))],
      ["a staff cap (在编人数 ≤46人)", declaration(GOAL, withQuantity("在编人数", "≤46人"))],
      ["a duration capped (审批办理 ≤3个工作日)", declaration(GOAL, withQuantity("审批办理", "3个工作日以内"))],
      [
        "a share capped (空置率 ≤5%): percentages are not judged",
        declaration(GOAL, withQuantity("培训缺勤人数占比", "≤5%")),
      ],
      [
        "a ceiling the value says is meant (控制在50人以内)",
        declaration(GOAL, withQuantity("会务参加人数", "控制在50人以内")),
      ],
      ["a quantity stated with = (=6962人)", declaration(GOAL, withQuantity("小学就读人数", "=6962人"))],
      ["a class size capped (平均班额 ≤45人)", declaration(GOAL, withQuantity("平均班额", "≤45人"))],
      ["people left undone capped (未就业人数 ≤20人)", declaration(GOAL, withQuantity("未就业人数", "≤20人"))],
      ["a national minimum per pupil (生均公用经费 ≥780元)", declaration(GOAL, withCost("生均公用经费", "≥780元"))],
      [
        "budget changes capped (科目调整次数 ≤10次, a published self-assessment)",
        declaration(GOAL, withQuantity("科目调整次数", "≤10次")),
      ],
      ["waste produced capped (生活垃圾产生量 ≤50吨)", declaration(GOAL, withQuantity("生活垃圾产生量", "≤50吨"))],
      [
        "a count filed under 成本 is no money to cap (带动就业 ≥50人)",
        declaration(GOAL, withCost("带动就业", "≥50人")),
      ],
      ["a cost capped (≤90万元)", declaration(GOAL, withCost("项目总成本", "≤90万元"))],
      [
        "a subsidy standard as a floor (人均补助标准 ≥1000元/人)",
        declaration(GOAL, withCost("人均补助标准", "≥1000元/人")),
      ],
      ["a cost saving as a floor (成本节约率 ≥5%)", declaration(GOAL, withCost("成本节约率", "≥5%"))],
      ["a cost with no operator at all (780元/生/年)", declaration(GOAL, withCost("生均公用经费", "780元/生/年"))],
      [
        "a quantity name with the template's ≥ bracket is not a cost (受益人数(≥**人) 132)",
        declaration(GOAL, withQuantity("受益人数(≥**人)", 132)),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it.each([
      ["小学就读人数", "<=6962人", "≤", "6962人", "a published Linyi declaration"],
      ["培训人数", "不超过500人", "≤", "500人", "words"],
      ["新建村组道路里程", "<12公里", "<", "12公里", "strict"],
    ])("数量 %s %s (%s, %s)", (name, value, op, limit) => {
      const f = run(declaration(GOAL, withQuantity(name, value)));
      expect(at(f)).toEqual(["申报表!D7"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toContain(`数量指标“${name}”的指标值“${value}”是上限（${op}）`);
      expect(f[0].message["zh-CN"]).toContain(`如：${name}≥${limit}`);
    });

    it.each([
      ["项目总成本", "≥90万元", "≥", "costFloor"],
      ["设备购置成本", "不低于30万元", "≥", "costFloor"],
    ])("成本 %s %s", (name, value, op) => {
      const f = run(declaration(GOAL, withCost(name, value)));
      expect(at(f)).toEqual(["申报表!D10"]);
      expect(f[0].message["zh-CN"]).toContain(`成本指标“${name}”的指标值“${value}”是下限（${op}）`);
    });

    it("成本 floor set in the name's template bracket (a published Guyuan declaration: 项目总投入(≥**万元) 6070)", () => {
      const f = run(declaration(GOAL, withCost("项目总投入(≥**万元)", 6070)));
      expect(at(f)).toEqual(["申报表!D10"]);
      expect(f[0].message["zh-CN"]).toContain("成本指标“项目总投入”的名称写明下限（≥）");
      expect(f[0].message["zh-CN"]).toContain("如：项目总投入≤6070");
      expect(f[0].message["en-US"]).toContain("states a floor (≥) in its name");
    });

    it("the ceiling set in a 指标方向 column beside 指标性质 正向 (内蒙古 2024, 宣传美工制作个数 小于等于 1)", () => {
      const f = run(directionColumn(2));
      expect(at(f)).toEqual(["Sheet1!F3"]);
      expect(f[0].message["zh-CN"]).toContain("的指标值“≤1个”是上限（≤）");
    });
  });
});
