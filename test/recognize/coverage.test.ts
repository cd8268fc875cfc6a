import { checkWorkbook } from "../../src/core/check";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { nanhuFunds } from "../fixtures/layouts/nanhu-funds";
import { workbook } from "../support/grid";

const SEED_WORKBOOK: WorkbookSnapshot = { sheets: [seedDeclaration(), seedSelfAssessment()] };

describe("coverage: every result says what was recognized", () => {
  it("an empty workbook recognizes nothing", () => {
    expect(checkWorkbook({ sheets: [] }).recognized).toEqual([]);
    const blank: WorkbookSnapshot = {
      sheets: [{ name: "Sheet1", originRow: 0, originCol: 0, values: [], merges: [] }],
    };
    expect(checkWorkbook(blank).recognized).toEqual([]);
  });

  it("the seed layout gives its declaration, funds block and self-assessment with their mapped columns", () => {
    const rec = checkWorkbook(SEED_WORKBOOK).recognized;
    const kinds = rec.map((t) => `${t.sheet}:${t.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/:declaration$/),
        expect.stringMatching(/:self-assessment$/),
        expect.stringMatching(/:funds$/),
      ]),
    );
    const self = rec.find((t) => t.kind === "self-assessment")!;
    expect(self.rows).toBeGreaterThan(5);
    expect(Object.keys(self.columns)).toEqual(
      expect.arrayContaining(["level1", "level2", "level3", "target", "actual", "weight", "score"]),
    );
    expect(self.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
  });
});

describe("funds written as label/value pairs count as a funds table (Nanyue 2018 declaration)", () => {
  it("年度资金总额 with its 其中 rows beside their amounts", () => {
    const s = {
      name: "Sheet1",
      originRow: 0,
      originCol: 0,
      merges: [],
      values: [
        ["绩效目标申报表"],
        ["资金情况(万元)", "年度资金总额:", 10],
        [null, "其中:财政拨款", 10],
        [null, "其他资金", 0],
      ],
    };
    expect(checkWorkbook({ sheets: [s] }).recognized).toEqual([
      { kind: "funds", sheet: "Sheet1", range: "B2:C4", rows: 3, columns: { label: "B", amount: "C" } },
    ]);
  });
  it("amounts broken down by source in the rows below them (Nanhu 2016): one funds table down to the last part", () => {
    expect(checkWorkbook(workbook(nanhuFunds())).recognized).toEqual([
      { kind: "funds", sheet: "Sheet1", range: "A3:H8", rows: 6, columns: { label: "A", amount: "B" } },
    ]);
  });
  it("a lone 资金总额 with no parts is no table", () => {
    const s = { name: "Sheet1", originRow: 0, originCol: 0, merges: [], values: [["资金总额", 10]] };
    expect(checkWorkbook({ sheets: [s] }).recognized).toEqual([]);
  });
});

describe("sizes a hostile sheet can reach", () => {
  it("200,000 loose funds labels: no argument spread over them", () => {
    const values: (string | number | null)[][] = [];
    for (let i = 0; i < 100_000; i++) values.push(["资金总额", 1], ["其他资金", 1]);
    const s = { name: "Sheet1", originRow: 0, originCol: 0, merges: [], values };
    const funds = checkWorkbook({ sheets: [s] }, { rules: [] }).recognized.filter((t) => t.kind === "funds");
    expect(funds.map((t) => [t.range, t.rows])).toEqual([["A1:B200000", 200_000]]);
  });
});
