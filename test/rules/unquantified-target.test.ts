import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

const run = (s: ReturnType<typeof sheet>) => runRule("unquantified-target", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

function withRow(i: number, row: Ind) {
  const rows = standardIndicators();
  rows[i] = row;
  return selfAssessment(rows);
}

describe("unquantified-target", () => {
  describe("valid", () => {
    it.each([
      ["the standard form", selfAssessment()],
      ["the seed's declaration", seedDeclaration()],
      ["the seed's self-assessment", seedSelfAssessment()],
      [
        "qualitative 效益 and 满意度 values are fine",
        withRow(6, ["满意度指标", "服务对象满意度指标", "学员满意度", "群众满意", "满意", 10, 10]),
      ],
      [
        "a date is a quantified 时效 target",
        withRow(2, ["产出指标", "时效指标", "完成时间", "2021年底前", "2021年11月", 10, 10]),
      ],
      [
        "words around a number (带动就业不少于50人)",
        withRow(0, ["产出指标", "数量指标", "带动就业", "带动就业不少于50人", 60, 20, 20]),
      ],
      [
        "a 时效 deadline in words (Chizhou 2022: 在项目计划完成时间内完成)",
        withRow(2, ["产出指标", "时效指标", "提交报告及时性", "在项目计划完成时间内完成", "达成预期指标", 10, 10]),
      ],
      ["a 时效 period (Linhai 2024: 全年)", withRow(2, ["产出指标", "时效指标", "时效指标", "全年", "全年", 10, 10])],
      ["not applicable", withRow(3, ["产出指标", "成本指标", "人均培训成本", "不适用", "不适用", 10, "不适用"])],
      [
        "an evaluation system has no 指标值 to quantify",
        sheet("评分表", [
          ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "得分"],
          ["产出", "产出数量", "实际完成率", 10, "实际完成数/计划数", "按比例得分", 9],
        ]),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it.each([
      ["尽快完成", 2, "D10", "时效"],
      ["*", 0, "D8", "数量"],
      ["**", 3, "D11", "成本"],
      ["质量较好", 1, "D9", "质量"],
      ["／", 1, "D9", "质量"],
    ])("%s", (value, i, cell, category) => {
      const rows = standardIndicators();
      rows[i] = [rows[i][0], rows[i][1], rows[i][2], value, rows[i][4], rows[i][5], rows[i][6]];
      const f = run(selfAssessment(rows));
      expect(at(f)).toEqual([`自评表!${cell}`]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toBe(`指标“${rows[i][2]}”（${category}）的指标值“${value}”未量化。`);
    });
    it("an empty value", () => {
      const f = run(withRow(0, ["产出指标", "数量指标", "培训人数", null, 520, 20, 20]));
      expect(at(f)).toEqual(["自评表!D8"]);
      expect(f[0].message["en-US"]).toBe('Indicator "培训人数" (数量) has no target value.');
    });
  });
});
