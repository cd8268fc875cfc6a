/**
 * Issue 6, bad input on the command line: each broken file gives one clear stderr line, exit code 2, no stack
 * trace, and the other files in the same run are still checked — in this thread and on worker threads.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { run } from "../../src/cli/check";
import { deflatedZeros, ensureCliBuilt, makeTempDir, makeZip, minimalXlsxParts, removeDir } from "../xlsx/helpers";
import { recorder } from "../support/cliRecorder";

const root = path.join(__dirname, "..", "..");
let dir: string;
let good1: string;
let good2: string;
/** Broken input → a phrase its stderr line must contain. */
let broken: { file: string; expect: RegExp }[];

beforeAll(async () => {
  dir = makeTempDir("perf-eval-broken-");
  const p = (n: string) => path.join(dir, n);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.getCell("A1").value = "项目名称";
  ws.getCell("B1").value = "养老保险";
  const goodBuf = Buffer.from(await wb.xlsx.writeBuffer());
  good1 = p("good1.xlsx");
  good2 = p("good2.xlsx");
  fs.writeFileSync(good1, goodBuf);
  fs.writeFileSync(good2, goodBuf);

  fs.writeFileSync(p("notes.xlsx"), "项目名称,预算\n养老保险,62867.90\n");
  fs.writeFileSync(p("truncated.xlsx"), goodBuf.subarray(0, Math.floor(goodBuf.length * 0.6)));
  // An encrypted .xlsx is an OLE compound file, like a legacy .xls: same signature.
  fs.writeFileSync(
    p("encrypted.xlsx"),
    Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(4096, 0xff)]),
  );
  fs.writeFileSync(p("empty.xlsx"), "");
  fs.mkdirSync(p("folder.xlsx"));
  const bomb = makeZip(
    minimalXlsxParts({
      name: "xl/worksheets/sheet1.xml",
      compressed: deflatedZeros(400),
      uncompressedSize: 400 * 1024 * 1024,
    }),
  );
  fs.writeFileSync(p("bomb.xlsx"), bomb);

  broken = [
    { file: p("notes.xlsx"), expect: /not an \.xlsx file/ },
    { file: p("truncated.xlsx"), expect: /truncated or damaged/ },
    { file: p("encrypted.xlsx"), expect: /encrypted or legacy \.xls workbook/ },
    { file: p("empty.xlsx"), expect: /empty file/ },
    { file: p("missing.xlsx"), expect: /file not found/ },
    { file: p("folder.xlsx"), expect: /is a directory/ },
    { file: p("bomb.xlsx"), expect: /zip bomb/ },
  ];
  expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
});
afterAll(() => removeDir(dir));

function expectReport(code: number | null, out: string, err: string) {
  expect(code).toBe(2);
  const errLines = err.trimEnd().split("\n");
  expect(errLines).toHaveLength(broken.length);
  for (const b of broken) {
    const line = errLines.find((l) => l.startsWith(`perf-eval: ${b.file}: `));
    expect(line).toBeDefined();
    expect(line).toMatch(b.expect);
  }
  expect(err).not.toMatch(/^\s+at |Error:|node:internal|\.ts:\d+/m);
  const doc = JSON.parse(out);
  const byFile = new Map<string, { findings?: unknown[]; error?: string }>(
    doc.files.map((f: { file: string }) => [f.file, f]),
  );
  expect(byFile.get(good1)?.findings).toBeInstanceOf(Array);
  expect(byFile.get(good2)?.findings).toBeInstanceOf(Array);
  for (const b of broken) expect(byFile.get(b.file)?.error).toMatch(b.expect);
  expect(doc.summary.files).toBe(broken.length + 2);
}

test("in-process: every kind of broken input is one stderr line and the good files are still checked", async () => {
  const io = recorder();
  const files = [good1, ...broken.map((b) => b.file), good2];
  const code = await run(["--format", "json", "--lang", "en-US", ...files], io);
  expectReport(code, io.stdout, io.stderr);
});

test("text format, zh-CN: the same lines (with the English phrase kept), exit 2", async () => {
  const io = recorder();
  const code = await run([good1, ...broken.map((b) => b.file), good2], io);
  expect(code).toBe(2);
  expect(io.stderr.trimEnd().split("\n")).toHaveLength(broken.length);
  for (const b of broken) expect(io.stderr).toMatch(b.expect);
  expect(io.stdout).toMatch(/共 9 个文件.*7 个文件无法读取/);
});

test("through the compiled CLI on worker threads", () => {
  ensureCliBuilt(root);
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "bin", "perf-eval.js"),
      "check",
      "--format",
      "json",
      "--lang",
      "en-US",
      "--jobs",
      "2",
      good1,
      ...broken.map((b) => b.file),
      good2,
    ],
    { encoding: "utf8", timeout: 120000 },
  );
  expectReport(r.status, r.stdout, r.stderr);
}, 120000);
