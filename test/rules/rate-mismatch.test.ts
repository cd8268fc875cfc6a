import { runRule, sheet } from "../support/grid";
import type { CellValue } from "../../src/core/snapshot";
import { selfAssessment } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { countyText } from "../fixtures/layouts/county-text";
import { provinceSplit } from "../fixtures/layouts/province-split";

const run = (s: ReturnType<typeof sheet>) => runRule("rate-mismatch", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

/** The seed's funds figures as label/value pairs (万元), as an evaluation report's summary sheet writes them. */
function summary(arrivalRate: CellValue = "97.34%", execRate: CellValue = "99.68%") {
  return sheet("资金情况", [
    ["预算资金（万元）", 62867.9],
    ["到位资金（万元）", 61196.81],
    ["资金到位率", arrivalRate],
    ["实际支出（万元）", 61001.46],
    ["预算执行率", execRate],
  ]);
}

/** The seed's awareness survey with its stated rate. */
function survey(rate: CellValue = "86.88%", weights: CellValue[] = [1, 0.85, 0.6, 0]) {
  return sheet("调查表", [
    ["政策知晓度调查统计表"],
    ["了解程度", "人数", "权重"],
    ["非常了解", 69, weights[0]],
    ["比较了解", 46, weights[1]],
    ["了解一点", 24, weights[2]],
    ["不了解", 2, weights[3]],
    ["合计", 141, null],
    [],
    ["有效问卷（份）", 141],
    ["政策知晓率", rate],
  ]);
}

describe("rate-mismatch", () => {
  describe("valid", () => {
    it.each([
      ["the standard form", selfAssessment()],
      ["the seed's self-assessment (97.03 % written as 0.9703)", seedSelfAssessment()],
      ["the seed's 到位率 97.34 % and 执行率 99.68 %", summary()],
      ["rates as fractions (0.9734) and as points (99.68)", summary(0.9734, 99.68)],
      ["a rate shown at fewer decimals (97.3 %)", summary("97.3%")],
      ["a rate cut rather than rounded (99.68 % for 99.6808 %; 97.34 % for 97.342 %)", summary("97.34%", "99.68%")],
      ["执行率 as 支出 / 预算 is accepted too (97.03 %)", summary("97.34%", "97.03%")],
      ["funds block 95 % for 95 / 100", selfAssessment(undefined, { funds: [100, 95, 10, 0.95, 9.5] })],
      [
        "funds block written as 95 (points) in a General cell",
        selfAssessment(undefined, { funds: [100, 95, 10, 95, 9.5], options: { formats: { F4: "General" } } }),
      ],
      ["funds block rate left as —", selfAssessment(undefined, { funds: [100, 95, 10, "—", 9.5] })],
      [
        "a rate over 年初预算数 (forms that divide by the initial budget)",
        sheet("自评表", [
          [
            "项目资金（万元）",
            null,
            "年初预算数",
            "全年预算数（A）",
            "全年执行数（B）",
            "分值",
            "执行率（B/A）",
            "得分",
          ],
          [null, "年度资金总额", 100, 120, 95, 10, "95%", 9.5],
        ]),
      ],
      ["a zero budget has no rate to recompute", selfAssessment(undefined, { funds: [0, 0, 10, 0, 0] })],
      ["the seed's survey, 86.88 % with weights 1/0.85/0.6/0", survey()],
      ["the survey without a weights column uses the 4-level defaults", survey("86.88%", [null, null, null, null])],
      ["a plain share of the top level (69/141 = 48.94 %)", survey("48.94%", [null, null, null, null])],
      ["a share of the top two levels (115/141 = 81.56 %)", survey("81.56%", [null, null, null, null])],
      ["another common 4-level scale, 1/0.75/0.5/0.25 (82.27 %)", survey("82.27%", [null, null, null, null])],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("real-world layouts", () => {
    it.each([
      ["a third-party evaluation (到位率, 执行率, 知晓率 as label/value pairs)", evaluationSystem()],
      ["a county pair with a #DIV/0! 执行率 and numbers as text", countyText()],
      ["a provincial split form", provinceSplit()],
    ])("clean: %s", (_n, wb) => {
      expect(runRule("rate-mismatch", wb)).toEqual([]);
    });
    it("the evaluation with 资金到位率 mistyped as 96.34 %", () => {
      const wb = evaluationSystem();
      const cell = wb.sheets
        .flatMap((s) => s.values.map((row, r) => ({ s, row, r })))
        .find((x) => x.row[0] === "资金到位率")!;
      cell.row[1] = "96.34%";
      const f = runRule("rate-mismatch", wb);
      expect(f.map((x) => x.message["zh-CN"])).toEqual(["资金到位率填写为96.34%，按其数据计算应为97.34%。"]);
      expect(f[0].sheet).toBe(cell.s.name);
    });
  });

  describe("invalid", () => {
    it("the published form: 执行率 0 while B/A is 100 %", () => {
      const f = run(selfAssessment(undefined, { funds: [90, 90, 10, 0, 0] }));
      expect(at(f)).toEqual(["自评表!F4"]);
      expect(f[0].severity).toBe("error");
      expect(f[0].related).toEqual(["自评表!D4", "自评表!C4"]);
      expect(f[0].message["zh-CN"]).toBe("年度资金总额执行率填写为0%，按其数据计算应为100%。");
    });
    it("Chizhou 2022 as published: 年度资金总额 0 / 0 with 执行率 0 while its 其中 row holds 90 / 89.974", () => {
      const f = run(
        selfAssessment(undefined, {
          funds: [0, 0, 10, 0, 0],
          parts: [
            ["其中：本年财政拨款", 90, 89.974],
            ["其他资金", null, null],
          ],
        }),
      );
      expect(at(f)).toEqual(["自评表!F4"]);
      expect(f[0].message["zh-CN"]).toBe("年度资金总额执行率填写为0%，按其数据计算应为99.97%。");
      expect(f[0].related).toEqual(["自评表!D5", "自评表!C5"]);
    });
    it("95 in a 0.00% cell shows 9500.00 %", () => {
      expect(at(run(selfAssessment(undefined, { funds: [100, 95, 10, 95, 9.5] })))).toEqual(["自评表!F4"]);
    });
    it("a funds rate off by more than its precision (96.00 % for 95 / 100)", () => {
      expect(at(run(selfAssessment(undefined, { funds: [100, 95, 10, 0.96, 9.5] })))).toEqual(["自评表!F4"]);
    });
    it("资金到位率 not matching 到位 / 预算", () => {
      const f = run(summary("97.43%"));
      expect(at(f)).toEqual(["资金情况!B3"]);
      expect(f[0].related).toEqual(["资金情况!B2", "资金情况!B1"]);
      expect(f[0].message["en-US"]).toBe("资金到位率 is stated as 97.43%, but its inputs give 97.34%.");
    });
    it("执行率 matching neither 支出 / 到位 nor 支出 / 预算", () => {
      expect(at(run(summary("97.34%", "96.68%")))).toEqual(["资金情况!B5"]);
    });
    it("a rate computed with other weights than the survey's own", () => {
      expect(at(run(survey("82.27%")))).toEqual(["调查表!B10"]);
    });
    it("a survey rate that no weighting gives", () => {
      const f = run(survey("88.68%"));
      expect(at(f)).toEqual(["调查表!B10"]);
      expect(f[0].message["zh-CN"]).toBe("政策知晓率填写为88.68%，按其数据计算应为86.88%。");
    });
  });

  describe("precision (a stated rate is read at the decimals it shows)", () => {
    it("97.34 % agrees with 61196.81 / 62867.9 and 97.35 %, one step off, does not", () => {
      expect(run(summary("97.34%", "99.68%"))).toEqual([]);
      expect(at(run(summary("97.35%", "99.68%")))).toEqual(["资金情况!B3"]);
    });
    it("a rate written in points (99.68) or as a fraction (0.9734) reads the same", () => {
      expect(run(summary(0.9734, 99.68))).toEqual([]);
      expect(at(run(summary(0.9734, 99.69)))).toEqual(["资金情况!B5"]);
    });
    it("a stated 0 is a rate of 0, not a blank", () => {
      expect(at(run(summary(0, "99.68%")))).toEqual(["资金情况!B3"]);
    });
  });
});
