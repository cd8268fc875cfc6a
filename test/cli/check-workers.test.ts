/**
 * The worker-thread path of `perf-eval check`. jest runs TypeScript, which has no worker script, so these
 * tests go through the compiled CLI (bin/perf-eval.js rebuilds build/cli when stale).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { ensureCliBuilt, makeTempDir, removeDir, writeSnapshotXlsx } from "../xlsx/helpers";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");
let dir: string;
let files: string[];

function perfEval(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 120000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dir = makeTempDir();
  files = [];
  for (let i = 0; i < 5; i++) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`表${i}`);
    ws.getCell("A1").value = "项目名称";
    ws.getCell("B1").value = i;
    const f = path.join(dir, `w${i}.xlsx`);
    await wb.xlsx.writeFile(f);
    files.push(f);
  }
  fs.writeFileSync(path.join(dir, "text.xlsx"), "不是工作簿");
  files.splice(2, 0, path.join(dir, "text.xlsx"), path.join(dir, "absent.xlsx"));
  // Builds the CLI when stale, so the compiled modules below are current.
  ensureCliBuilt(root);
}, 180000);
afterAll(() => removeDir(dir));

test("--jobs 2 and --jobs 1 give the same report, in input order, with the same stderr lines", () => {
  const two = perfEval(["check", "--format", "json", "--jobs", "2", ...files]);
  const one = perfEval(["check", "--format", "json", "--jobs", "1", ...files]);
  expect(two.code).toBe(2);
  expect(one.code).toBe(2);
  expect(two.out).toBe(one.out);
  const doc = JSON.parse(two.out);
  expect(doc.files.map((f: { file: string }) => f.file)).toEqual(files);
  expect(doc.files.filter((f: object) => "error" in f)).toHaveLength(2);
  expect(two.err.trimEnd().split("\n").sort()).toEqual(one.err.trimEnd().split("\n").sort());
  expect(two.err).not.toMatch(/\n\s+at |Error:/);
}, 120000);

test("the compiled pool really uses worker threads and keeps input order", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pool = require(path.join(root, "build", "cli", "cli", "pool.js"));
  const seen: number[] = [];
  const used = await pool.checkFilesInOrder(
    files,
    (i: number, o: { file: string }) => {
      expect(o.file).toBe(files[i]);
      seen.push(i);
    },
    { jobs: 2 },
  );
  // Two readers: without the compiled worker beside it the pool would have read in this thread (1).
  expect(used).toBe(2);
  expect(seen).toEqual(files.map((_, i) => i));
}, 120000);

test("a worker that dies mid-file costs that file only; the pool replaces it and finishes in order", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pool = require(path.join(root, "build", "cli", "cli", "pool.js"));
  const crashy = path.join(dir, "crashy-worker.js");
  fs.writeFileSync(
    crashy,
    `const { parentPort } = require("worker_threads");
     parentPort.on("message", (t) => {
       if (t.file.includes("crash")) throw new Error("boom\\n    at somewhere");
       parentPort.postMessage({ index: t.index, outcome: { file: t.file, findings: [] } });
     });`,
  );
  const names = ["a", "crash1", "b", "crash2", "c", "d"];
  const got: { i: number; error?: { "en-US": string }; debug?: string }[] = [];
  await pool.checkFilesInOrder(
    names,
    (i: number, o: { error?: { "en-US": string }; debug?: string }) => got.push({ i, error: o.error, debug: o.debug }),
    {
      jobs: 3,
      workerPath: crashy,
      // Only the (crashing) workers read, so every file goes through them.
      mainThreadReads: false,
    },
  );
  expect(got.map((g) => g.i)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(got.filter((g) => g.error).map((g) => g.i)).toEqual([1, 3]);
  // A sentence about the file for the user; the exception text only for --debug.
  expect(got[1].error?.["en-US"]).toBe("the reader stopped unexpectedly on this file; not checked");
  expect(got[1].debug).toMatch(/boom/);
}, 60000);

test("optionally this thread reads beside the workers: all files checked once, in order", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pool = require(path.join(root, "build", "cli", "cli", "pool.js"));
  const counter = path.join(dir, "counting-worker.js");
  fs.writeFileSync(
    counter,
    `const { parentPort } = require("worker_threads");
     parentPort.on("message", (t) => parentPort.postMessage({ index: t.index, outcome: { file: t.file, findings: [], byWorker: true } }));`,
  );
  const got: { i: number; byWorker: boolean; failed: boolean }[] = [];
  await pool.checkFilesInOrder(
    files,
    (i: number, o: { byWorker?: boolean; error?: unknown }) =>
      got.push({ i, byWorker: Boolean(o.byWorker), failed: Boolean(o.error) }),
    { jobs: 2, workerPath: counter, mainThreadReads: true },
  );
  expect(got.map((g) => g.i)).toEqual(files.map((_, i) => i));
  // The instant worker takes most files, and this thread at least the first one it picked up.
  expect(got.some((g) => g.byWorker)).toBe(true);
  expect(got.some((g) => !g.byWorker)).toBe(true);
}, 60000);

test("a reader that closes the pipe early (`| head -1`) ends the run quietly, no EPIPE stack", async () => {
  // Files that each print a finding line, so output keeps coming after `head` has gone.
  const seed = path.join(dir, "seed.xlsx");
  await writeSnapshotXlsx({ sheets: [seedDeclaration(), seedSelfAssessment()] }, seed);
  const many = Array.from({ length: 40 }, () => JSON.stringify(seed)).join(" ");
  const errFile = path.join(dir, "pipe-stderr.txt");
  const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" check --jobs 2 ${many} 2>"${errFile}" | head -1`], {
    encoding: "utf8",
    timeout: 120000,
  });
  // Each file's output begins with what was recognized in it.
  expect(r.stdout).toMatch(/seed\.xlsx: 识别 /);
  expect(r.stdout.trim().split("\n")).toHaveLength(1);
  const err = fs.readFileSync(errFile, "utf8");
  expect(err).not.toMatch(/EPIPE|\n\s+at /);
}, 120000);
