import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";
import { provinceSplit } from "../fixtures/layouts/province-split";

const run = (s: ReturnType<typeof sheet>) => runRule("missing-deviation-reason", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

function withRow(i: number, row: Ind) {
  const rows = standardIndicators();
  rows[i] = row;
  return selfAssessment(rows);
}

describe("missing-deviation-reason", () => {
  describe("valid", () => {
    it.each([
      ["the standard form (every target met)", selfAssessment()],
      ["the seed: both missed targets explained", seedSelfAssessment()],
      [
        "a missed target with a reason",
        withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", 450, 20, 18, "生源不足，下一步扩大宣传"]),
      ],
      ["a met ≤ target", withRow(3, ["产出指标", "成本指标", "人均培训成本", "≤1000元", 1000, 10, 10])],
      [
        "a percent actual written as points that meets the target (96 vs ≥95%)",
        withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 96, 10, 10]),
      ],
      [
        "a cost without its operator is ≤ (1000元, actual 950)",
        withRow(3, ["产出指标", "成本指标", "人均培训成本", "1000元", 950, 10, 10]),
      ],
      [
        "qualitative values are not judged",
        withRow(4, ["效益指标", "社会效益指标", "就业技能提升", "明显提升", "有所提升", 20, 15]),
      ],
      ["an actual not filled in yet", withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", null, 20, null])],
      [
        "a form without the 偏差原因 column",
        sheet("自评表", [
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
          ["产出指标", "数量指标", "培训人数", "≥500人", 450, 20, 18],
        ]),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("real-world layout: 指标性质|指标值|度量单位 split", () => {
    it("clean", () => {
      expect(run(provinceSplit())).toEqual([]);
    });
    it("新建高标准农田面积 4500 of ≥ 5000 亩 with no reason", () => {
      const s = provinceSplit();
      const r = s.values.findIndex((row) => row[3] === "新建高标准农田面积");
      s.values[r][8] = 4500;
      s.values[r][9] = 18;
      const f = run(s);
      expect(f.map((x) => x.message["zh-CN"])).toEqual([
        "指标“新建高标准农田面积”未达到指标值≥5000亩（实际4500亩），但未填写偏差原因分析。",
      ]);
      expect(f[0].cell).toBe(`K${r + 1}`);
    });
  });

  describe("an operator written only in the declaration", () => {
    const decl = sheet("申报表", [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "质量指标", "返工率", "≤5%"],
    ]);
    const self = (actual: number) =>
      selfAssessment([["产出指标", "质量指标", "返工率", "5%", actual, 10, 10]], { funds: null, total: null });
    it("3 % is within ≤5 %: nothing to explain", () => {
      expect(runRule("missing-deviation-reason", [decl, self(0.03)])).toEqual([]);
    });
    it("8 % misses ≤5 %", () => {
      expect(runRule("missing-deviation-reason", [decl, self(0.08)]).map((f) => f.cell)).toEqual(["H4"]);
    });
  });

  describe("invalid", () => {
    it("a missed ≥ target with an empty reason", () => {
      const f = run(withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", 450, 20, 18]));
      expect(at(f)).toEqual(["自评表!H8"]);
      expect(f[0].related).toEqual(["自评表!D8", "自评表!E8"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toBe("指标“培训人数”未达到指标值≥500人（实际450），但未填写偏差原因分析。");
    });
    it("a missed ≤ target whose reason is only 无", () => {
      expect(at(run(withRow(3, ["产出指标", "成本指标", "人均培训成本", "≤1000元", 1100, 10, 9.09, "无"])))).toEqual([
        "自评表!H11",
      ]);
    });
    it("a missed percent target (0.9 of ≥95%) with a dash", () => {
      expect(at(run(withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 0.9, 10, 9.47, "—"])))).toEqual([
        "自评表!H9",
      ]);
    });
    it("a cost without its operator over its value", () => {
      expect(at(run(withRow(3, ["产出指标", "成本指标", "人均培训成本", "1000元", 1100, 10, 9.09])))).toEqual([
        "自评表!H11",
      ]);
    });
    it("a missed date target", () => {
      expect(
        at(run(withRow(2, ["产出指标", "时效指标", "完成时间", "2021年12月31日前", "2022年3月1日", 10, 5]))),
      ).toEqual(["自评表!H10"]);
    });
    it("the seed with its explanation removed", () => {
      const s = seedSelfAssessment();
      s.values[14][8] = null;
      expect(at(run(s))).toEqual(["自评表!I15"]);
    });
  });
});
