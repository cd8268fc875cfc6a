import { runRule, workbook } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";

const run = (s: Parameters<typeof runRule>[1]) => runRule("cost-exceeds-budget", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

const GOAL = "完成职业技能培训500人，培训合格率达到95%以上。";

/** The declaration (budget 90万元 in B4) with its 数量 (D7), 时效 (D9) and 成本 (D10) rows replaced. */
function decl(quantity: DeclRow | null, cost: DeclRow, timing?: DeclRow, budget: number = 90) {
  const rows = declIndicators();
  if (quantity) rows[0] = quantity;
  if (timing) rows[2] = timing;
  rows[3] = cost;
  return declaration(GOAL, rows, { funds: [budget, budget, 0] });
}
const q = (name: string, value: string): DeclRow => ["产出指标", "数量指标", name, value];
const c = (name: string, value: string): DeclRow => ["产出指标", "成本指标", name, value];

describe("cost-exceeds-budget", () => {
  describe("valid", () => {
    it.each([
      ["the standard declaration (人均培训成本 ≤1000元: no unit to multiply)", declaration(GOAL)],
      ["the standard self-assessment", selfAssessment()],
      ["the seed's forms", workbook(seedDeclaration(), seedSelfAssessment())],
      ["a provincial self-assessment", workbook(provinceSplit())],
      ["the county forms", countyText()],
      ["an evaluation system", evaluationSystem()],
      [
        "a unit cost that fits (≤1000元/人 × ≥500人 = 50万元 ≤ 90万元)",
        decl(q("培训人数", "≥500人"), c("人均培训成本", "≤1000元/人")),
      ],
      [
        "exactly the budget (=2万元/个 × 45个 = 90万元)",
        decl(q("建设站点个数", "=45个"), c("站点建设成本", "=2万元/个")),
      ],
      [
        "a coarse unit cost that may be rounded (0.2万元/人 × 460人: 92万元, but 0.15–0.25万元 is what 0.2 can mean)",
        decl(q("培训人数", "≥460人"), c("人均培训成本", "≤0.2万元/人")),
      ],
      [
        "a cost floor is target-direction's (≥1000元/人 × 2000人)",
        decl(q("培训人数", "≥2000人"), c("人均培训成本", "≥1000元/人")),
      ],
      [
        "no single count to multiply (two 人 counts that share no name with the cost)",
        declaration(GOAL, [
          q("培训人数", "≥2000人"),
          q("鉴定人数", "≥1500人"),
          ["产出指标", "质量指标", "培训合格率", "≥95%"],
          ["产出指标", "时效指标", "完成时间", "2021年12月31日前"],
          c("单位成本", "≤1000元/人"),
        ]),
      ],
      ["a monthly cost with no stated period", decl(null, c("人工成本", "≤20万元/月"))],
      [
        "a monthly cost that fits its period (≤8万/月 × 11 months = 88万元)",
        decl(null, c("人工成本", "≤8万/月"), ["产出指标", "时效指标", "服务期限", "2020年1月--2020年11月"]),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("a cost's actual against the year's 全年执行数", () => {
    const withCost = (actual: string | number, funds: [number | string, number | string]) => {
      const rows: Ind[] = standardIndicators();
      rows[3] = ["产出指标", "成本指标", "市民中心运行维护费", "150万", actual, 10, 10];
      return selfAssessment(rows, { funds: [funds[0], funds[1], 10, 0.835, 8.35] });
    };
    it("鄂州 2021 (hubei-ezhou-…-shiminzhongxin): 150万 actual while 125.25万 was executed", () => {
      const f = run(withCost("150万", ["150万", "125.25万"]));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        [
          "E11",
          "成本指标“市民中心运行维护费”的实际完成值为150万，超过全年执行数125.25万：实际成本不可能多于全年实际支出。",
        ],
      ]);
      expect(f[0].related).toEqual(["自评表!D4"]);
    });
    it.each([
      ["an actual within what was spent", "120万", [150, 125.25]],
      ["a per-unit actual (元/人)", "950元/人", [150, 125.25]],
      ["an actual rounded to 万 above a spend in 万元 with decimals (125万 for 125.25)", "125万", [150, 125.25]],
    ] as const)("valid: %s", (_n, actual, funds) => {
      expect(run(withCost(actual, [funds[0], funds[1]]))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a standard per cooperative × the cooperatives (a published Nanyue declaration: 23万元/个 × 10个 > 214.06万元)", () => {
      const f = run(decl(q("入股合作社个数", "=10个"), c("补助合作社平均标准", "=23万元/个"), undefined, 214.06));
      expect(at(f)).toEqual(["申报表!D10"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].related).toEqual(["申报表!B4", "申报表!D7"]);
      expect(f[0].message["zh-CN"]).toBe(
        "成本指标“补助合作社平均标准”为=23万元/个，按数量指标“入股合作社个数”=10个计，合计230万元，超过项目预算214.06万元：单位成本、数量与预算不一致。",
      );
    });

    it("a per-pupil standard × the pupils (a published Linyi declaration: 780元/生/年 × 6962人 > 438.768万元)", () => {
      const f = run(
        decl(q("小学就读人数", "<=6962人"), c("义务教育小学生均公用经费", "780元/生/年"), undefined, 438.768),
      );
      expect(at(f)).toEqual(["申报表!D10"]);
      expect(f[0].message["zh-CN"]).toContain("合计543.036万元，超过项目预算438.768万元");
    });

    it("a monthly ceiling × the stated months (a published Tianjin declaration: ≤620万/月 × 11 > 5652万元)", () => {
      const f = run(
        decl(
          null,
          c("人工成本", "≤620万/月"),
          ["产出指标", "时效指标", "各项费用使用周期", "2020年1月--2020年11月"],
          5652,
        ),
      );
      expect(at(f)).toEqual(["申报表!D10"]);
      expect(f[0].related).toEqual(["申报表!B4", "申报表!D9"]);
      expect(f[0].message["zh-CN"]).toContain("按所列期限11个月计，合计6820万元，超过项目预算5652万元");
    });

    it("in a self-assessment, against the funds block's 全年预算数 (100万元)", () => {
      const rows: Ind[] = standardIndicators().map((r, i): Ind => {
        if (i === 0) return ["产出指标", "数量指标", "培训人数", "≥2000人", 2100, 20, 20];
        if (i === 3) return ["产出指标", "成本指标", "人均培训成本", "≤1000元/人", 950, 10, 10];
        return r;
      });
      const f = run(selfAssessment(rows));
      expect(at(f)).toEqual(["自评表!D11"]);
      expect(f[0].message["zh-CN"]).toContain("合计200万元，超过项目预算100万元");
    });
  });
});
