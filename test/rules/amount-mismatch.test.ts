import { runRule, sheet, workbook } from "../support/grid";
import { selfAssessment } from "./forms";
import { declaration } from "./goal-forms";
import { declarationMerges, declarationRows, seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";

const run = (s: Parameters<typeof runRule>[1]) => runRule("amount-mismatch", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

const GOAL = "完成职业技能培训500人。";

/** The seed notice's paragraph on funds (三、资金管理使用情况), with its budget figure replaceable. */
function notice(budget = "62867.90"): ReturnType<typeof sheet> {
  return sheet("通报", [
    [
      `2021年度预算资金 ${budget}万元，项目收入资金 61196.81万元，资金到位率 97.34%；项目支出资金 61001.46万元,资金执行率为99.68%；本年度结余资金 195.35 万元，结余资金结转至 2022 年延续使用。`,
    ],
  ]);
}

/** A department-wide budget table: 基本支出 / 项目支出 in 万元. */
function departmentBudget(name: string, basic: number, project: number) {
  return sheet(name, [["部门整体支出绩效目标表"], ["年度预算（万元）", "基本支出", basic, "项目支出", project]]);
}

describe("amount-mismatch", () => {
  describe("valid", () => {
    it.each([
      [
        "the seed's declaration and self-assessment (62867.9 in both)",
        workbook(seedDeclaration(), seedSelfAssessment()),
      ],
      ["the county's declaration (年度资金总额：300) and self-assessment", countyText()],
      ["the seed's notice paragraph against its self-assessment", workbook(seedSelfAssessment(), notice())],
      ["the evaluation system's funds sheet", evaluationSystem()],
      [
        "a declared total against a 全年预算数 adjusted during the year (年初 and 全年 are different roles)",
        workbook(
          declaration(GOAL, undefined, { funds: [100, 100, 0] }),
          selfAssessment(undefined, {
            funds: [120, 118, 10, 0.9833, 9.83],
            parts: [
              ["其中：财政拨款", 120, 118],
              ["其他资金", 0, 0],
            ],
          }),
        ),
      ],
      [
        "budget and executed are different roles (declared 100, spent 90)",
        workbook(declaration(GOAL), selfAssessment(undefined, { funds: [90, 81, 10, 0.9, 9] })),
      ],
      [
        "the same amount in 元 and in 万元 (900000 元 = 90 万元)",
        workbook(
          declaration(GOAL, undefined, { funds: [900000, 900000, 0] }),
          sheet("单位", [["年度资金总额（元）", 900000]]),
        ),
      ],
      [
        "precision-aware: 62867.90万元 and 628,678,956.50元 agree",
        workbook(seedSelfAssessment(), sheet("账面", [["预算资金（元）", "628,678,956.50"]])),
      ],
      [
        "×10⁴ apart is unit-mismatch's finding, not this rule's",
        workbook(seedSelfAssessment(), sheet("账面", [["预算资金（万元）", "628,678,956.50"]])),
      ],
      [
        "the department's 基本支出 and 项目支出 alike in two tables",
        workbook(departmentBudget("目标表", 320.5, 180), departmentBudget("自评表", 320.5, 180)),
      ],
      [
        "two projects' forms in one workbook (different 项目名称)",
        workbook(
          seedSelfAssessment(),
          sheet("其他项目", [
            ["项目名称", "城乡居民基本养老保险经费"],
            ["年度资金总额（万元）", 12000],
          ]),
        ),
      ],
      [
        "two years of one project (sheet names 2021 / 2022)",
        workbook(
          sheet("2021年自评表", [
            ["项目名称", "职业技能培训项目"],
            ["年度资金总额（万元）", 90],
          ]),
          sheet("2022年自评表", [
            ["项目名称", "职业技能培训项目"],
            ["年度资金总额（万元）", 120],
          ]),
        ),
      ],
      [
        "a part of the budget in running text (中央预算资金, 县级配套预算资金)",
        workbook(
          seedSelfAssessment(),
          sheet("说明", [
            ["本项目资金来源为：中央预算资金30000万元，县级配套预算资金32867.90万元，均已按规定拨付到位并专款专用。"],
          ]),
        ),
      ],
      [
        "a 预算数 column header over a detail line is not the form's total",
        workbook(
          seedSelfAssessment(),
          sheet("明细", [
            ["支出内容", "预算数", "备注"],
            ["设备购置", 30, null],
          ]),
        ),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a declared 年度资金总额 against the self-assessment's 年初预算数 (reported once, at the later place)", () => {
      const f = run(countyText({ declaredTotal: 350 }));
      expect(at(f)).toEqual(["自评表!C4"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].related).toEqual(["申报表!C4"]);
      expect(f[0].message["zh-CN"]).toBe("“年度资金总额”在此处为300万元，与另一处的350万元不一致。");
      expect(f[0].message["en-US"]).toBe('"年度资金总额" is 300万元 here but 350万元 in another place.');
    });

    it("the notice's 预算资金 against the self-assessment's 全年预算数", () => {
      const f = run(workbook(seedSelfAssessment(), notice("62687.90")));
      expect(at(f)).toEqual(["通报!A1"]);
      expect(f[0].related).toEqual(["自评表!C6", "自评表!D6"]);
      expect(f[0].message["zh-CN"]).toContain("62687.90万元");
    });

    it("财政拨款 declared 62000 while the self-assessment's 年初预算数 says 62867.9", () => {
      const rows = declarationRows();
      rows[5] = [null, "其中：财政拨款", 62000];
      const f = run(workbook(sheet("申报表", rows, { merges: declarationMerges }), seedSelfAssessment()));
      expect(at(f)).toEqual(["自评表!C7"]);
      expect(f[0].related).toEqual(["申报表!C6"]);
      expect(f[0].message["zh-CN"]).toBe("“财政拨款”在此处为62867.9万元，与另一处的62000万元不一致。");
    });

    it("the department's 基本支出 in two tables", () => {
      const f = run(workbook(departmentBudget("目标表", 320.5, 180), departmentBudget("自评表", 302.5, 180)));
      expect(at(f)).toEqual(["自评表!C2"]);
      expect(f[0].related).toEqual(["目标表!C2"]);
      expect(f[0].message["zh-CN"]).toBe("“基本支出”在此处为302.5万元，与另一处的320.5万元不一致。");
    });

    it("department lines read their column from the header above (预算数 vs 执行数 are different roles)", () => {
      const table = (name: string, budget: number, spent: number) =>
        sheet(name, [
          ["单位：万元", "预算数", "执行数"],
          ["基本支出", budget, spent],
        ]);
      expect(run(workbook(table("目标表", 320.5, 300), table("自评表", 320.5, 300)))).toEqual([]);
      const f = run(workbook(table("目标表", 320.5, 300), table("自评表", 320.5, 310)));
      expect(at(f)).toEqual(["自评表!C2"]);
      expect(f[0].related).toEqual(["目标表!C2"]);
    });

    it("executed figures: the notice's 项目支出资金 against 全年执行数", () => {
      const s = notice().values[0][0] as string;
      const f = run(workbook(seedSelfAssessment(), sheet("通报", [[s.replace("61001.46万元", "61010.46万元")]])));
      expect(at(f)).toEqual(["通报!A1"]);
      expect(f[0].related).toEqual(["自评表!E6"]);
    });
  });
});
