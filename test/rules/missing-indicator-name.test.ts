import { runRule, sheet, workbook } from "../support/grid";
import { selfAssessment, standardIndicators, withRow } from "./forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { twoRowHeader, departmentWide, costFirstLevel, blockSubtotal } from "../fixtures/layouts/real-shapes";
import { recognizeWorkbook } from "../../src/core/recognize";

const run = (s: Parameters<typeof runRule>[1]) => runRule("missing-indicator-name", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

/** The Linhai 2024 declaration's indicator block: 指标类型 | 指标名称 | 指标值 | 指标描述, the names only categories. */
function linhai() {
  return sheet(
    "绩效目标",
    [
      ["指标类型", "指标名称", "指标值", "指标描述"],
      ["产出指标", "数量指标", "375万平方米", "完成全市375万平方米的绿地养护、维护等"],
      [null, "质量指标", "100%", "达到绿化绿地全覆盖"],
      [null, "时效指标", "全年", "全年"],
      ["效益指标", "社会效益指标", "是", "满足市民生存环境的需求"],
      [null, "可持续性发展影响指标", "是", "保障绿化养护的稳定正常运行"],
      ["满意度指标", "服务对象或受益者满意度指标", "≥95%", "服务对象对于绿化的养护及配套设施的维护满意率应该在95%以上"],
    ],
    { merges: ["A2:A4", "A5:A6"], origin: "B11" },
  );
}

/** The Ningxiang Batang 2021 declaration: 指标内容 holds 88 / 68 / 20 and 指标值 a bare 100. */
function batang() {
  return sheet(
    "Sheet1",
    [
      ["一级指标", "二级指标", "指标内容", "指标值", "备注"],
      ["产出指标", "数量指标", 88, 100],
      [null, "质量指标", 88, 100],
      [null, "时效指标", 88, 100],
      [null, "成本指标", 88, 100],
      ["效益指标", "社会效益指标", 68, 100],
      [null, "生态效益指标", 20, 100],
      ["社会公众或服务对象满意度指标", null, 88, 100],
    ],
    { merges: ["B18:B21", "B22:B23", "B24:C24"], origin: "B17" },
  );
}

describe("missing-indicator-name", () => {
  describe("valid", () => {
    it.each([
      ["the standard form", selfAssessment()],
      [
        "the seed's forms (成本指标 | ≤628,678,956.50元 caps the whole cost)",
        workbook(seedDeclaration(), seedSelfAssessment()),
      ],
      ["the county road form", countyText()],
      ["a provincial split form", workbook(provinceSplit())],
      ["an evaluation system (no 指标值)", evaluationSystem()],
      ["a two-row header", workbook(twoRowHeader())],
      ["a department-wide form", workbook(departmentWide())],
      ["成本 as a first level", workbook(costFirstLevel())],
      ["a block subtotal", workbook(blockSubtotal())],
      [
        "a short name is a name (Suining 2020: 成本 | 10万元; Lijiang 2020: 满意度 | ≥95%)",
        selfAssessment(withRow(6, ["满意度指标", "服务对象满意度指标", "满意度", "≥95%", 0.96, 10, 10])),
      ],
      [
        "服务对象满意度 without 指标 names a measure",
        selfAssessment(withRow(6, ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", 0.95, 10, 10])),
      ],
      [
        "an empty name over a value in words (Tongxin 2023: 生态效益指标 | | 生态修复功能提高) is vague-target's",
        selfAssessment(withRow(4, ["效益指标", "生态效益指标", "", "生态修复功能提高", "提高", 20, 20])),
      ],
      [
        "the template's empty rows (指标2, ……) with no value",
        selfAssessment(withRow(5, ["效益指标", "可持续影响指标", "……", null, null, null, null])),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("霍邱 2022 (held out): the 时效 row's name is its deadline (2022年底之前 | 2022年底之前)", () => {
      const rows = standardIndicators();
      rows[2] = ["产出指标", "时效指标", "2022年底之前", "2022年底之前", "达成预期指标", 10, 10];
      const f = run(selfAssessment(rows));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        [
          "C10",
          "时效的三级指标名称只是日期“2022年底之前”（指标值“2022年底之前”）：没有写明要按期完成的是什么；应写明具体指标，如“项目完工时间”“资金拨付时间”。",
        ],
      ]);
    });
    it("a name that says what the date is for (2022年底前完工率) is a name", () => {
      const rows = standardIndicators();
      rows[2] = ["产出指标", "时效指标", "2022年底前完工率", "100%", 1, 10, 10];
      expect(run(selfAssessment(rows))).toEqual([]);
    });

    it("names that are only the category (Linhai 2024, C12:C18); categories are still recognized", () => {
      const s = linhai();
      const model = recognizeWorkbook(workbook(s));
      expect(model.indicators.map((r) => r.category)).toEqual([
        "数量",
        "质量",
        "时效",
        "社会效益",
        "可持续影响",
        "满意度",
      ]);
      const f = run(s);
      expect(at(f)).toEqual([
        "绩效目标!C12",
        "绩效目标!C13",
        "绩效目标!C14",
        "绩效目标!C15",
        "绩效目标!C16",
        "绩效目标!C17",
      ]);
      expect(f[1].message["zh-CN"]).toBe(
        "三级指标名称只写了类别“质量指标”，指标值“100%”衡量的是什么无从判断；应写明该类下的具体指标，如“种植面积”“验收合格率”。",
      );
      expect(f[1].message["en-US"]).toContain('only the category heading "质量指标"');
      expect(f[1].related).toEqual(["绩效目标!D13"]);
      expect(f[0].severity).toBe("warning");
    });

    it("names that are only numbers (Ningxiang Batang 2021, D18:D24)", () => {
      const f = run(batang());
      expect(at(f)).toEqual([
        "Sheet1!D18",
        "Sheet1!D19",
        "Sheet1!D20",
        "Sheet1!D21",
        "Sheet1!D22",
        "Sheet1!D23",
        "Sheet1!D24",
      ]);
      expect(f[4].message["zh-CN"]).toBe(
        "社会效益下的三级指标名称只是数字“68”，指标值“100”衡量的是什么无从判断；应写明具体指标。",
      );
    });

    it("an empty name over a number", () => {
      const f = run(selfAssessment(withRow(1, ["产出指标", "质量指标", "", "≥95%", 0.97, 10, 10])));
      expect(at(f)).toEqual(["自评表!C9"]);
      expect(f[0].message["zh-CN"]).toBe(
        "质量下的指标值“≥95%”没有三级指标名称，无法判断衡量的是什么；应写明具体指标，如“种植面积”“验收合格率”。",
      );
    });

    it("a category name with a bracket (数量指标（必填）) and a cost heading over a non-money value", () => {
      const rows = withRow(0, ["产出指标", "数量指标", "数量指标（必填）", "≥500人", 520, 20, 20]);
      rows[3] = ["产出指标", "成本指标", "成本指标", "≤100%", 0.9, 10, 10];
      expect(at(run(selfAssessment(rows)))).toEqual(["自评表!C8", "自评表!C11"]);
    });
  });
});
