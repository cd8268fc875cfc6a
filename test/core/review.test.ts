import * as path from "path";
import { reviewSummary } from "../../src/core/review";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";

/** The batch review's per-file line, on two real published self-assessments (copies in test/notice/fixtures). */
const real = (name: string) => path.join(__dirname, "..", "notice", "fixtures", `real-${name}.xlsx`);

it("rescoring a real self-assessment by the rules: missed targets proportional, 预算执行率 by its rate", async () => {
  const s = reviewSummary(await readSnapshotFromFile(real("hunan-yongzhou-lingling-linye-2021-bumen")));
  // Amounts written as text with their unit (4753.66万元) are read in 万元.
  expect(s).toMatchObject({ year: 2021, budget: 4753.66, executed: 3824.26, statedScore: 76, statedGrade: "中" });
  // Met rows keep their weights (10+7+7+7+7+6+6), 木材销售收入 6×1093/1100, 林产品收入 6×2.45/2.6, 提高就业率
  // (显著, no tier word) keeps its written 6, and 预算执行率 10×3824.26/4753.66 instead of the stated 10.
  const expected = 10 + 7 + 7 + 7 + 7 + 6 + 6 + (6 * 1093) / 1100 + (6 * 2.45) / 2.6 + 6 + (10 * 3824.26) / 4753.66;
  expect(s.recomputedScore).toBe(Math.round(expected * 100) / 100);
});

it("reads the header fields and sees a stated total below the sum of the scores", async () => {
  const s = reviewSummary(await readSnapshotFromFile(real("sichuan-deyang-zhongjiang-2022-shuibiaochi")));
  expect(s).toMatchObject({ department: "中江县水利局", implementer: "中江县水利局", year: 2022, statedScore: 100 });
  expect(s.recomputedScore).toBeGreaterThan(s.statedScore!);
});
