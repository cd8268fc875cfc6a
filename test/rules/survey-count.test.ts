import { runRule, sheet } from "../support/grid";
import type { CellValue } from "../../src/core/snapshot";

/** The seed's awareness survey: 非常了解 69, 比较了解 46, 了解一点 24, 不了解 2 of 141. */
function survey(
  counts: CellValue[] = [69, 46, 24, 2],
  total: CellValue | null = 141,
  valid: CellValue | null = 141,
  issued: CellValue | null = 141,
) {
  const rows: CellValue[][] = [
    ["政策知晓度调查统计表"],
    ["了解程度", "人数", "权重", "占比"],
    ["非常了解", counts[0], 1, null],
    ["比较了解", counts[1], 0.85, null],
    ["了解一点", counts[2], 0.6, null],
    ["不了解", counts[3], 0, null],
  ];
  if (total !== null) rows.push(["合计", total, null, null]);
  rows.push([]);
  if (issued !== null) rows.push(["发放问卷（份）", issued]);
  if (valid !== null) rows.push(["有效问卷（份）", valid]);
  rows.push(["政策知晓率", "86.88%"]);
  return sheet("调查表", rows);
}

describe("survey-count", () => {
  describe("valid", () => {
    it.each([
      ["the seed's survey", survey()],
      ["counts as text", survey(["69", "46", "24", "2"], "141")],
      ["no 合计 row, valid questionnaires match", survey(undefined, null)],
      ["fewer valid questionnaires than issued", survey(undefined, 141, 141, 150)],
    ])("%s", (_n, s) => {
      expect(runRule("survey-count", s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("counts that do not add up to the 合计", () => {
      const f = runRule("survey-count", survey(undefined, 140, 140));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([["B7", "各选项人数合计为141，但合计填写为140。"]]);
      expect(f[0].related).toEqual(["调查表!B3", "调查表!B4", "调查表!B5", "调查表!B6"]);
    });

    it("counts that do not add up to the valid questionnaires", () => {
      const f = runRule("survey-count", survey(undefined, null, 140));
      expect(f.map((x) => [x.cell, x.message["en-US"]])).toEqual([
        ["B9", "The level counts add up to 141, but there are 140 valid questionnaires."],
      ]);
    });

    it("more valid questionnaires than issued", () => {
      const f = runRule("survey-count", survey(undefined, 141, 141, 130));
      expect(f.map((x) => [x.cell, x.related])).toEqual([["B10", ["调查表!B9"]]]);
    });
  });
});
