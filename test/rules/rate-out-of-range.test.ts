import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";
import type { CellValue } from "../../src/core/snapshot";

const rates = (...pairs: [string, CellValue][]) =>
  sheet(
    "资金情况",
    pairs.map(([l, v]) => [l, v]),
  );

describe("rate-out-of-range", () => {
  describe("valid", () => {
    it.each([
      ["the seed's self-assessment", seedSelfAssessment()],
      ["到位率 97.34% and 执行率 99.68% as text", rates(["资金到位率", "97.34%"], ["资金执行率", "99.68%"])],
      ["a completion rate above 100 % (100.72 %)", rates(["参保完成率", "100.72%"])],
      ["a negative cost saving rate", rates(["成本节约率", "-5%"])],
      ["percent points written bare (86.88)", rates(["政策知晓率", 86.88])],
      ["a 100 % satisfaction", rates(["满意度", 1])],
      [
        "an actual written with its own unit (98.5分 against ≥90%)",
        selfAssessment([["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "98.5分", 10, 10]], {
          funds: null,
          total: null,
        }),
      ],
    ])("%s", (_n, s) => {
      expect(runRule("rate-out-of-range", s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("satisfaction above 100 %", () => {
      const f = runRule("rate-out-of-range", rates(["群众满意度", "105%"]));
      expect(f.map((x) => [x.cell, x.severity, x.message["zh-CN"]])).toEqual([
        ["B1", "warning", "群众满意度为105%，超过100%。"],
      ]);
    });

    it("an arrival rate below 0", () => {
      const f = runRule("rate-out-of-range", rates(["资金到位率", -0.03]));
      expect(f.map((x) => [x.cell, x.message["en-US"]])).toEqual([["B1", "资金到位率 is -3%, below 0."]]);
    });

    it("an indicator's actual satisfaction above 100 % (percent-formatted number)", () => {
      const ind = standardIndicators();
      ind[6] = ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", 1.05, 10, 10];
      const s = selfAssessment(ind, { options: { formats: { E14: "0%" } } });
      expect(runRule("rate-out-of-range", s).map((x) => x.cell)).toEqual(["E14"]);
    });

    it("the funds block's 执行率 above 100 %", () => {
      const s = selfAssessment(undefined, { funds: [100, 120, 10, 1.2, 10] });
      expect(runRule("rate-out-of-range", s).map((x) => x.cell)).toEqual(["F4"]);
    });
  });
});
