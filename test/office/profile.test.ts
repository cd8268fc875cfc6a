/**
 * The pane → Office adapter → core channel: a profile saved to the workbook's hidden 评价口径 sheet is read
 * back equal, the next check uses it (and the results sheet says so), a bad one stops the check with a
 * message naming the field, and a user's own sheet called 评价口径 is never overwritten.
 */
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { runCheck } from "../../src/office/check";
import { readWorkbookProfile, writeWorkbookProfile } from "../../src/office/profile";
import { UserFacingError } from "../../src/office/errors";
import { defaultProfile, NATIONAL_PROFILE, PROFILE_SHEET_NAME, type Profile } from "../../src/core/profile";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

let host: SimHost;
afterEach(() => host?.uninstall());

function seedBook(): SimWorkbook {
  return SimWorkbook.fromSnapshot({ sheets: [seedDeclaration(), seedSelfAssessment()] });
}

function province(): Profile {
  const p = defaultProfile();
  p.name = "某省（预算执行20分）";
  Object.assign(p.weights, { budgetExecution: 20, output: 40 });
  p.gradeBands[0].min = 97;
  p.rules = { "indicator-value-mismatch": "warning" };
  return p;
}

test("a saved profile round-trips through the hidden sheet and drives the next check", async () => {
  host = installSimHost(globalThis, { workbook: seedBook() });
  expect(await readWorkbookProfile()).toBeNull();
  const before = await runCheck();
  expect(before.profile).toBe(NATIONAL_PROFILE.name);
  expect(before.findings.filter((f) => f.rule === "weight-total")).toEqual([]);

  await writeWorkbookProfile(province());
  expect(await readWorkbookProfile()).toEqual(province());
  expect(host.workbook.sheet(PROFILE_SHEET_NAME).visibility).toBe("Hidden");

  const after = await runCheck({ resultsSheet: true });
  expect(after.profile).toBe("某省（预算执行20分）");
  expect(after.findings.filter((f) => f.rule === "weight-total")).toHaveLength(2);
  expect(after.findings.filter((f) => f.rule === "grade-mismatch")).toHaveLength(1);
  // rules: the seed's 成本指标 mismatch comes out at the profile's severity.
  expect(after.findings.filter((f) => f.rule === "indicator-value-mismatch").map((f) => f.severity)).toEqual([
    "warning",
  ]);
  expect(after.findings.some((f) => f.sheet === PROFILE_SHEET_NAME)).toBe(false);
  // The results sheet states which profile was used.
  const results = host.workbook.sheet(after.resultsSheetName!);
  const grid = results.grid(results.usedBounds()!);
  expect(grid[grid.length - 1][4]).toBe("评价口径：某省（预算执行20分）");

  // Saving again rewrites our sheet in place (恢复国家默认).
  await writeWorkbookProfile(defaultProfile());
  expect(await readWorkbookProfile()).toEqual(NATIONAL_PROFILE);
  expect(host.workbook.sheetNames().filter((n) => n === PROFILE_SHEET_NAME)).toHaveLength(1);
});

test("a bad profile is refused before anything is written, naming the field", async () => {
  host = installSimHost(globalThis, { workbook: seedBook() });
  const bad = province();
  bad.gradeBands[1].min = 98;
  const before = host.workbook.snapshotState();
  await expect(writeWorkbookProfile(bad)).rejects.toThrow(/gradeBands\[1\]\.min/);
  expect(host.workbook.snapshotState()).toEqual(before);
});

test("a bad profile in the workbook stops the check with a pane error naming the field", async () => {
  host = installSimHost(globalThis, { workbook: seedBook() });
  await writeWorkbookProfile(province());
  // Someone edits the hidden sheet by hand: 产出 55 makes the weights total 115.
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(PROFILE_SHEET_NAME);
    const used = ws.getUsedRange();
    used.load("values");
    await ctx.sync();
    const row = used.values.findIndex((r) => r[1] === "weights.output");
    ws.getRangeByIndexes(row, 2, 1, 1).values = [[55]];
    await ctx.sync();
  });
  const err = await runCheck().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserFacingError);
  expect((err as UserFacingError).text("zh-CN")).toMatch(/评价口径有误，未执行检查：评价口径的 weights /);
  await expect(readWorkbookProfile()).rejects.toThrow(/weights/);
});

test("a user's own sheet called 评价口径 is never overwritten", async () => {
  const wb = seedBook();
  wb.addSheet(PROFILE_SHEET_NAME, [["本单位评价口径说明"], ["预算执行", 20]]);
  host = installSimHost(globalThis, { workbook: wb });
  const before = host.workbook.snapshotState();
  await expect(writeWorkbookProfile(province())).rejects.toThrow(/不是本加载项写入的/);
  expect(host.workbook.snapshotState()).toEqual(before);
  expect(await readWorkbookProfile()).toBeNull();
});
