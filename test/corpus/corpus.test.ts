/**
 * The real-form corpus is the judge of the checks (issue 11): `npm run corpus` over test/fixtures/real/ must keep
 * its targets. Error precision is a hard 100 % (a false error on a real form is a regression); warning precision
 * at least 90 %. Recall is printed and recorded, and may only go up: the floor below is today's measure.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
/**
 * Recall measured when this floor was set (scripts/corpus.js on the committed corpus); raise it as checks improve.
 * It was 0.9 on the 51 forms the checks were written against (92.5 % there by the end of 2026-12-04). That day seven
 * more forms were transcribed blind (defects recorded before any check ran): the checks found 19 of their 50
 * defects on the first run, and the whole corpus measured 84.1 % after the fixes their misses showed. The floor is
 * that measure: the target of 90 % is to be won back on the larger corpus, not kept by leaving hard forms out.
 */
const RECALL_FLOOR = 0.84;

interface CorpusReport {
  forms: number;
  provinces: number;
  errors: { true: number; false: number; precision: number };
  warnings: { true: number; false: number; precision: number };
  recall: number;
  rules: Record<string, { precision: number; recall: number }>;
  perForm: { id: string; falseFindings: string[] }[];
}

let report: CorpusReport;

beforeAll(() => {
  // The corpus runs on the compiled core, like the CLI; tsc is incremental, so this is quick when up to date.
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], {
    stdio: "ignore",
  });
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "corpus-")), "corpus.json");
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "corpus.js"), "--out", out], { stdio: "ignore" });
  report = JSON.parse(fs.readFileSync(out, "utf8"));
}, 180000);

test("the corpus holds at least 20 real forms from at least 8 provinces", () => {
  expect(report.forms).toBeGreaterThanOrEqual(20);
  expect(report.provinces).toBeGreaterThanOrEqual(8);
});

test("no false error on any real form", () => {
  const falseErrors = report.perForm.flatMap((f) =>
    f.falseFindings.filter((x) => x.startsWith("error")).map((x) => `${f.id}: ${x}`),
  );
  expect(falseErrors).toEqual([]);
  expect(report.errors.precision).toBe(1);
});

test("warning precision at least 90 %", () => {
  expect(report.warnings.precision).toBeGreaterThanOrEqual(0.9);
});

test(`recall does not fall below ${Math.round(RECALL_FLOOR * 100)} %`, () => {
  expect(report.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
});

test("every form's .xlsx is the build of its .json (node scripts/build-real-corpus.js)", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { specs } = require(path.join(ROOT, "scripts", "build-real-corpus.js"));
  const { readSnapshotFromFile } = await import("../../src/xlsx/snapshotReader");
  for (const file of specs() as string[]) {
    const spec = JSON.parse(fs.readFileSync(file, "utf8"));
    const snap = await readSnapshotFromFile(file.replace(/\.json$/, ".xlsx"));
    expect(snap.sheets.map((s) => s.name)).toEqual(spec.sheets.map((s: { name: string }) => s.name));
    for (const [i, s] of spec.sheets.entries()) {
      const sheet = snap.sheets[i];
      // Every written cell of the transcription reads back with the same value.
      s.rows.forEach((row: unknown[], r: number) =>
        row.forEach((v, c) => {
          if (v === null || v === "") return;
          const got = sheet.values[r - sheet.originRow]?.[c - sheet.originCol];
          if (got !== v)
            throw new Error(
              `${spec.id} ${s.name} row ${r + 1} col ${c + 1}: ${JSON.stringify(got)} ≠ ${JSON.stringify(v)}`,
            );
        }),
      );
    }
  }
}, 120000);
