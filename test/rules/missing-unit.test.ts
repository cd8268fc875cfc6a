import { runRule, sheet, workbook } from "../support/grid";
import { knownLayouts } from "../fixtures/layouts/known";
import { selfAssessment, standardIndicators, withRow, type Ind } from "./forms";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";
import { blockSubtotal, declarationVariant } from "../fixtures/layouts/real-shapes";

const run = (s: Parameters<typeof runRule>[1]) => runRule("missing-unit", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

function declWith(i: number, name: string, value: DeclRow[3]): DeclRow[] {
  const rows = declIndicators();
  rows[i] = [rows[i][0], rows[i][1], name, value];
  return rows;
}

const decl = (rows: DeclRow[]) => declaration("完成职业技能培训500人，2021年12月底前完成。", rows);

describe("missing-unit", () => {
  describe("valid", () => {
    it.each([
      ...knownLayouts(),
      ["a block subtotal", workbook(blockSubtotal())],
      ["a declaration headed 年初目标值(A)", workbook(declarationVariant("年初目标值(A)"))],
      [
        "units in the names' brackets (Yuanzhou 2022: 实施营造林总面积(亩) | 80000, 苗木成活率(≥**%) | 85)",
        decl(
          declWith(0, "实施营造林总面积(亩)", 80000).map((r, i) =>
            i === 1 ? [r[0], r[1], "苗木成活率(≥**%)", 85] : r,
          ),
        ),
      ],
      [
        "counts named with their measure word (受益人数 | 132; 配备车辆数 | 10; 建设项目个数(含续建) | 1)",
        decl(
          declWith(0, "受益人数", 132).map((r, i) =>
            i === 1
              ? [r[0], "数量指标", "雾炮车抑尘降尘服务配备车辆数", 10]
              : i === 2
                ? [r[0], "数量指标", "建设项目个数(含续建)", 1]
                : r,
          ),
        ),
      ],
      ["a rate as a fraction (0.95)", decl(declWith(1, "培训合格率", 0.95))],
      [
        "a rate with a % format",
        sheet(
          "申报表",
          [
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "质量指标", "培训合格率", 0.95],
          ],
          { formats: { D2: "0%" } },
        ),
      ],
      [
        "the unit in the header (年度指标值（%）)",
        sheet("申报表", [
          ["一级指标", "二级指标", "三级指标", "指标值（%）"],
          ["产出指标", "质量指标", "培训合格率", 95],
        ]),
      ],
      ["a zero needs no unit (Hengshan 2020: 库存粮食明显变质比例 | 0)", decl(declWith(1, "库存粮食明显变质比例", 0))],
      [
        "a cost in 万 is 万元 (Xiangtan 2023: 控制在预算成本内 | 250万)",
        decl(declWith(3, "控制在预算成本内", "250万")),
      ],
      [
        "points in the 指标值 column (Langzhong 2021: 20/20/10/… adding up to 100) are not values",
        selfAssessment(
          standardIndicators().map((r): Ind => [r[0], r[1], r[2], r[5], r[5], null, null]),
          { total: null },
        ),
      ],
      ["an unnamed row is missing-indicator-name's (Ningxiang Batang 2021: 88 | 100)", decl(declWith(0, "88", 100))],
      ["a period in words around numbers (1-12月)", decl(declWith(2, "全年", "1-12月"))],
      ["a 时效 year is the year itself (完成年度 | 2023)", decl(declWith(2, "项目完成年度", 2023))],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("rates written as a bare 100 (Langfang 2019: 指标1工程完工率 | 100, 指标1学生满意度 | 100)", () => {
      const rows = withRow(1, ["产出指标", "质量指标", "指标1工程完工率", 100, 100, 10, 10]);
      rows[6] = ["满意度指标", "服务对象满意度指标", "指标1学生满意度", 100, 100, 10, 10];
      const f = run(selfAssessment(rows));
      expect(at(f)).toEqual(["自评表!D9", "自评表!D14"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toBe(
        "指标“指标1工程完工率”是比率，指标值“100”却没有“%”，名称、表头和度量单位栏也未注明单位；应写成百分数。",
      );
      expect(f[0].message["en-US"]).toContain('is a rate but its value "100" has no "%"');
    });

    it("a quantity with no unit anywhere (Xiangtan 2024: 服务周期 | 180; Langfang 2019: 指标1长期使用性 | 100)", () => {
      const rows = declWith(2, "服务周期", 180);
      rows[5] = [rows[5][0], rows[5][1], "指标1长期使用性", 100];
      const f = run(decl(rows));
      expect(at(f)).toEqual(["申报表!D9", "申报表!D12"]);
      expect(f[0].message["zh-CN"]).toBe(
        "指标“服务周期”的指标值“180”只有数字，名称、表头和度量单位栏都没有给出计量单位，无法核对完成情况；应写明单位（如个、人、天、万元）。",
      );
    });

    it("an operator and a bare number (Tongxin 2023 style: 种植作物成活率 | >=85)", () => {
      expect(at(run(decl(declWith(1, "种植作物成活率", ">=85"))))).toEqual(["申报表!D8"]);
    });

    it.each([
      ["Tongxin 2023: 补助成本(≤**元/株) | ≤28.40/株", "作物种植补助标准,黄金蜜(葡萄)补助成本(≤**元/株)", "≤28.40/株"],
      ["Yongzhou 2021: 造林补助 | 每亩300", "造林补助", "每亩300"],
    ])("a price per item without 元 (%s)", (_n, name, value) => {
      const f = run(decl(declWith(3, name, value)));
      expect(at(f)).toEqual(["申报表!D10"]);
      expect(f[0].message["zh-CN"]).toBe(
        `成本指标“${name}”的指标值“${value}”有计量对象却没有货币单位（元）；应写成如“≤28.40元/株”“300元/亩”。`,
      );
    });

    it("a sum of money in the goal with no unit (Baoji Chencang 2020: '…项目投资500,改善提升9200人饮水条件。')", () => {
      const f = run(declaration("完成省级水利发展农村饮水项目投资500,改善提升9200人饮水条件。"));
      expect(at(f)).toEqual(["申报表!B5"]);
      expect(f[0].message["zh-CN"]).toBe(
        "年度总体目标中的金额“投资500”没有单位（元或万元），无法核对；应写明单位，如“投资500万元”。",
      );
    });

    it.each([
      ["投资500万元", "完成项目投资500万元，改善提升9200人饮水条件。"],
      ["资金2笔", "拨付补助资金2笔。"],
      ["a year after the word (资金2021年度)", "落实资金2021年度全部到位。"],
    ])("a goal's sum with its unit or another word after it is not reported (%s)", (_n, goal) => {
      expect(run(declaration(goal))).toEqual([]);
    });

    it("a cost amount with no unit (Langfang 2019: 指标1工程资金金额 | 43.2)", () => {
      expect(at(run(decl(declWith(3, "指标1工程资金金额", 43.2))))).toEqual(["申报表!D10"]);
    });
  });
});
