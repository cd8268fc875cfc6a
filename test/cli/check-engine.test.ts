/**
 * `perf-eval check` with the real engine on the seed forms written as .xlsx files: what the CLI reports must
 * be exactly what checkWorkbook finds on the same snapshot built in memory (the reader loses nothing the
 * rules need), and the seed's clean forms give no error and no warning but the seed's own vague goals and
 * 效益 values (vague-target: the notice's first finding, 目标设立笼统、未量化).
 */
import * as path from "path";
import { run } from "../../src/cli/check";
import { checkWorkbook } from "../../src/core/check";
import { pick } from "../../src/core/locale";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { makeTempDir, removeDir, writeSnapshotXlsx } from "../xlsx/helpers";
import { recorder } from "../support/cliRecorder";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

async function write(name: string, snapshot: WorkbookSnapshot): Promise<string> {
  const file = path.join(dir, name);
  await writeSnapshotXlsx(snapshot, file);
  return file;
}

async function checkJson(args: string[]) {
  const io = recorder();
  const code = await run(["--format", "json", ...args], io);
  return { code, doc: JSON.parse(io.stdout), err: io.stderr };
}

const CLEAN_COST = "≤628,678,956.50元";

type Row = { severity: string; rule: string; sheet: string; cell: string };
/** The seed's goals and its 有效保障 / 长期 values are vague (目标设立笼统、未量化): warnings in every seed file. */
const VAGUE = ["申报表!B8", "申报表!E16", "申报表!E17", "自评表!B11", "自评表!E19", "自评表!E20"];
const vague = (fs: Row[]) => fs.filter((f) => f.rule === "vague-target").map((f) => `${f.sheet}!${f.cell}`);
const serious = (fs: Row[]) => fs.filter((f) => f.severity !== "info" && f.rule !== "vague-target");

test("the .xlsx round trip keeps what the rules read: same findings as the in-memory snapshot", async () => {
  const mem: WorkbookSnapshot = { sheets: [seedDeclaration(), seedSelfAssessment()] };
  const file = await write("seed.xlsx", mem);
  const read = await readSnapshotFromFile(file);
  for (const [i, s] of mem.sheets.entries()) {
    expect(read.sheets[i].name).toBe(s.name);
    expect(read.sheets[i].merges).toEqual(expect.arrayContaining(s.merges));
    // Same cells, ignoring the trailing empties the reader drops.
    s.values.forEach((row, r) =>
      row.forEach((v, c) => expect([r, c, read.sheets[i].values[r]?.[c] ?? null]).toEqual([r, c, v])),
    );
  }
  const expected = checkWorkbook(mem).findings.map((f) => ({ ...f, message: pick(f.message, "zh-CN") }));
  const { doc } = await checkJson([file]);
  expect(doc.files[0].findings).toEqual(
    expected.map(({ rule, severity, sheet, cell, related, message }) => ({
      rule,
      severity,
      sheet,
      cell,
      related,
      message,
    })),
  );
});

test("the seed with the same cost value in both tables: no error and no warning, exit 0", async () => {
  const file = await write("clean.xlsx", { sheets: [seedDeclaration(CLEAN_COST), seedSelfAssessment(CLEAN_COST)] });
  const { code, doc, err } = await checkJson([file]);
  expect(err).toBe("");
  expect(serious(doc.files[0].findings)).toEqual([]);
  expect(vague(doc.files[0].findings)).toEqual(VAGUE);
  expect(code).toBe(0);
});

test("--merge of a clean declaration file and a clean self-assessment file: no error, only the vague goals", async () => {
  const decl = await write("decl-clean.xlsx", { sheets: [seedDeclaration(CLEAN_COST)] });
  const self = await write("self-clean.xlsx", { sheets: [seedSelfAssessment(CLEAN_COST)] });
  const { code, doc } = await checkJson(["--merge", decl, self]);
  expect(doc.summary).toMatchObject({ files: 2, errors: 0, warnings: VAGUE.length });
  expect([...vague(doc.files[0].findings), ...vague(doc.files[1].findings)]).toEqual(VAGUE);
  expect(code).toBe(0);
});

test("the seed in one file: exactly the cost indicator's indicator-value-mismatch, exit 1, text and JSON", async () => {
  const file = await write("seed-one.xlsx", { sheets: [seedDeclaration(), seedSelfAssessment()] });
  const { code, doc } = await checkJson([file]);
  expect(code).toBe(1);
  expect(serious(doc.files[0].findings)).toEqual([
    {
      rule: "indicator-value-mismatch",
      severity: "error",
      sheet: "自评表",
      cell: "E18",
      related: ["申报表!E15"],
      message: expect.stringContaining("≤628,678,956.50元"),
    },
  ]);
  expect(doc.summary).toMatchObject({ files: 1, errors: 1, warnings: VAGUE.length });

  const io = recorder();
  expect(await run(["--lang", "en-US", file], io)).toBe(1);
  expect(io.stdout).toContain(`${file} 自评表!E18 [error] indicator-value-mismatch: Indicator "成本指标"`);
  expect(io.stdout).toMatch(/1 file: 1 error, 6 warnings/);
  expect(io.stdout).toContain(`${file}: recognized self-assessment 自评表!A12:I22, 9 rows`);
});

test("--merge: the declaration and the self-assessment in two files give the mismatch across files", async () => {
  const decl = await write("seed-decl.xlsx", { sheets: [seedDeclaration()] });
  const self = await write("seed-self.xlsx", { sheets: [seedSelfAssessment()] });
  const merged = await checkJson(["--merge", decl, self]);
  expect(merged.code).toBe(1);
  expect(merged.doc.files[0]).toMatchObject({ file: decl, status: "checked" });
  expect(merged.doc.files[0].recognized.map((t: { kind: string }) => t.kind)).toEqual(["funds", "declaration"]);
  expect(serious(merged.doc.files[0].findings)).toEqual([]);
  expect(serious(merged.doc.files[1].findings)).toEqual([
    expect.objectContaining({
      rule: "indicator-value-mismatch",
      sheet: "自评表",
      cell: "E18",
      related: [`[${decl}]申报表!E15`],
      file: self,
    }),
  ]);
  // Checked apart, neither file alone has two tables to compare.
  const apart = await checkJson([decl, self]);
  expect(apart.doc.summary.errors).toBe(0);
  expect(apart.code).toBe(0);
});
