import { checkWorkbook } from "../../src/core/check";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

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
