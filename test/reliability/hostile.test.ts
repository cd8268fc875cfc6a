/**
 * Issue 12, hostile and huge files: each file of hostileFiles.ts goes through the compiled CLI (worker threads
 * with a heap cap and a time budget) between two good forms. Asserted every time: the exit code, the time
 * (a generous bound on a shared machine, not a benchmark), exactly one stderr line for the hostile file and
 * none for the good ones, no JavaScript exception text, valid JSON, no control character in text output,
 * and both good neighbours checked.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { callEval } from "../../src/core/functions";
import { satisfaction } from "../../src/functions/functions";
import { escapeText, safeJson } from "../../src/cli/safeText";
import { mergeSnapshots } from "../../src/cli/checkFile";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { ensureCliBuilt, makeTempDir, removeDir, writeSnapshotXlsx } from "../xlsx/helpers";
import { FORGED_TEXT, HOSTILE_FILES, buildBook, goodForm, sheetXml } from "./hostileFiles";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");
/** Seconds any one hostile file may take end to end here (the time budget is 20 s; the machine is shared). */
const BOUND_S = 60;
let dir: string;
let good1: string;
let good2: string;

/** Raw control characters (other than the newline ending each line) and bidi controls. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const JS_EXCEPTION =
  /Cannot (read|set) propert|undefined|TypeError|RangeError|ReferenceError|Error:|\n\s+at |node:internal/;

function perfEval(args: string[], timeoutMs = BOUND_S * 1000 + 30000) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: timeoutMs });
  return { code: r.status, out: r.stdout, err: r.stderr, seconds: (Date.now() - t) / 1000 };
}

beforeAll(() => {
  dir = makeTempDir("perf-eval-hostile-");
  good1 = path.join(dir, "good1.xlsx");
  good2 = path.join(dir, "good2.xlsx");
  fs.writeFileSync(good1, goodForm());
  fs.writeFileSync(good2, goodForm());
  for (const h of HOSTILE_FILES) fs.writeFileSync(path.join(dir, h.name), h.build());
  ensureCliBuilt(root);
}, 300000);
afterAll(() => removeDir(dir));

describe.each(HOSTILE_FILES.map((h) => [h.name, h] as const))("%s", (_name, h) => {
  test(`${h.why}: bounded, one clear line, neighbours checked`, () => {
    const file = path.join(dir, h.name);
    const r = perfEval(["check", "--format", "json", good1, file, good2]);
    expect(r.seconds).toBeLessThan(BOUND_S);
    const doc = JSON.parse(r.out);
    expect(doc.summary.files).toBe(3);
    const byFile = new Map<string, { findings?: unknown[]; error?: string }>(
      doc.files.map((f: { file: string }) => [f.file, f]),
    );
    expect(byFile.get(good1)?.findings).toBeInstanceOf(Array);
    expect(byFile.get(good2)?.findings).toBeInstanceOf(Array);
    expect(r.err).not.toMatch(JS_EXCEPTION);
    const lines = r.err.split("\n").filter(Boolean);
    if (h.expect) {
      expect(r.code).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`perf-eval: ${file}: `)).toBe(true);
      expect(lines[0]).toMatch(h.expect);
      expect(byFile.get(file)?.error).toMatch(h.expect);
    } else {
      expect([0, 1]).toContain(r.code);
      expect(lines).toEqual([]);
      expect(byFile.get(file)?.findings).toBeInstanceOf(Array);
    }
    expect(r.out).not.toMatch(RAW_CONTROL);
  }, 180000);
});

test("all of them in one text run, two readers: one line each, no control character on either stream", () => {
  const files = HOSTILE_FILES.map((h) => path.join(dir, h.name));
  const r = perfEval(["check", "--jobs", "2", good1, ...files, good2], 600000);
  expect(r.code).toBe(2);
  const failing = HOSTILE_FILES.filter((h) => h.expect);
  expect(r.err.split("\n").filter(Boolean)).toHaveLength(failing.length);
  expect(r.out + r.err).not.toMatch(RAW_CONTROL);
  expect(r.err).not.toMatch(JS_EXCEPTION);
  expect(r.out).toMatch(new RegExp(`共 ${files.length + 2} 个文件：.*${failing.length} 个文件无法读取\\n$`));
}, 600000);

describe("output a file cannot forge", () => {
  test("text: the ESC, BEL, C1, DEL and bidi characters of a sheet name and cell text show as escapes", () => {
    const file = path.join(dir, "control-chars.xlsx");
    const r = perfEval(["check", file]);
    expect(r.out).toContain("\\x1b[31m");
    expect(r.out).toContain("\\u202e");
    expect(r.out).not.toMatch(RAW_CONTROL);
    // Only the real summary line says how many files were checked.
    expect(r.out.match(/^共 \d+ 个文件：/gm)).toHaveLength(1);
  }, 60000);

  test("JSON: the same names parse back to the exact characters, with C1 and bidi escaped in the raw text", () => {
    const file = path.join(dir, "control-chars.xlsx");
    const r = perfEval(["check", "--format", "json", file]);
    expect(r.out).not.toMatch(RAW_CONTROL);
    const doc = JSON.parse(r.out);
    const sheets = doc.files[0].findings.map((f: { sheet: string }) => f.sheet);
    expect(sheets).toContain("自评表\u202e\x1b[31m");
  }, 60000);

  test("escapeText and safeJson: every unsafe character, lone surrogates too", () => {
    expect(escapeText(FORGED_TEXT)).not.toMatch(RAW_CONTROL);
    expect(escapeText("a\x1bb\u202ec\x9bd\x7f\ud800")).toBe("a\\x1bb\\u202ec\\x9bd\\x7f\\ud800");
    expect(escapeText("表 😀 ok")).toBe("表 😀 ok");
    const json = safeJson({ s: FORGED_TEXT + "\ud800" });
    expect(json).not.toMatch(RAW_CONTROL);
    expect(json).not.toMatch(/[\ud800-\udfff]/);
    expect(JSON.parse(json).s).toBe(FORGED_TEXT + "\ud800");
  });
});

describe("budgets", () => {
  let big: string;
  beforeAll(() => {
    // 300,000 cells: within every cap, but more than a fraction of a second to read and check.
    let data = "";
    for (let r = 1; r <= 30000; r++) {
      data += `<row r="${r}">`;
      for (let c = 0; c < 10; c++) data += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r + c}</v></c>`;
      data += `</row>`;
    }
    big = path.join(dir, "big.xlsx");
    fs.writeFileSync(big, buildBook({ sheets: [{ name: "S", xml: sheetXml(data) }] }));
  });

  test("--timeout: a file past its time budget gets one line and the next file is still checked", () => {
    const r = perfEval(["check", "--format", "json", "--jobs", "1", "--timeout", "0.2", big, good1]);
    expect(r.code).toBe(2);
    const lines = r.err.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/文件过大或结构异常：读取和检查用时超过上限（0\.2 秒）/);
    const doc = JSON.parse(r.out);
    expect(doc.files[1].findings).toBeInstanceOf(Array);
  }, 120000);

  test("the same file within the default budget is read", () => {
    const r = perfEval(["check", "--format", "json", big]);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).files[0].findings).toBeInstanceOf(Array);
  }, 120000);

  test("a reader past its heap budget stops alone: that file gets one line, the others are checked", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pool = require(path.join(root, "build", "cli", "cli", "pool.js"));
    const got: { file: string; error?: { "zh-CN": string } }[] = [];
    await pool.checkFilesInOrder([good1, big, good2], (_i: number, o: (typeof got)[number]) => got.push(o), {
      jobs: 1,
      workerHeapMb: 40,
    });
    expect(got.map((g) => g.file)).toEqual([good1, big, good2]);
    expect(got[0].error).toBeUndefined();
    expect(got[2].error).toBeUndefined();
    expect(got[1].error?.["zh-CN"]).toMatch(/文件过大或结构异常：读取所需内存超过上限（40 MB）/);
  }, 120000);

  test("--debug puts the original error after the line; without it, no exception text", () => {
    const file = path.join(dir, "shared-string-index.xlsx");
    const plain = perfEval(["check", file]);
    expect(plain.err).not.toMatch(JS_EXCEPTION);
    const debug = perfEval(["check", "--debug", file]);
    expect(debug.err.split("\n")[0]).toBe(plain.err.trimEnd());
    expect(debug.err).toMatch(/TypeError|Error/);
  }, 60000);
});

describe("linear whatever the structure", () => {
  test("--merge over 10 files of 900 sheets with one name each: bounded time, all checked", () => {
    const many = buildBook({
      sheets: [{ name: "自评表", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
      repeatFirstSheet: 899,
    });
    const files = Array.from({ length: 10 }, (_v, i) => path.join(dir, `same${i}.xlsx`));
    for (const f of files) fs.writeFileSync(f, many);
    const r = perfEval(["check", "--merge", "--format", "json", ...files]);
    expect(r.seconds).toBeLessThan(BOUND_S);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).files).toHaveLength(10);
  }, 120000);

  test("mergeSnapshots: 50,000 sheets of one name get distinct names in linear time", () => {
    const sheet = { name: "S", visibility: "Visible" as const, originRow: 0, originCol: 0, values: [], merges: [] };
    const parts = [{ file: "a", snapshot: { sheets: Array.from({ length: 50000 }, () => sheet) } }];
    const t = Date.now();
    const m = mergeSnapshots(parts);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(new Set(m.snapshot.sheets.map((s) => s.name)).size).toBe(50000);
    expect(m.snapshot.sheets[2].name).toBe("S (3)");
  });
});

describe("no spread or recursion over user-sized arrays", () => {
  const n = 300000;
  const counts = Array.from({ length: n }, (_v, i) => [i % 7]);
  const weights = Array.from({ length: n }, () => [0.5]);
  test("SATISFACTION over 300,000 cells", async () => {
    expect(callEval("SATISFACTION", [counts, weights])).toBe(0.5);
    // The custom function reads the workbook's profile, so it answers asynchronously.
    await expect(satisfaction(counts, weights)).resolves.toBe(0.5);
  });
  test("AMOUNTSUM and TOTALSCORE over 300,000 cells", () => {
    expect(callEval("AMOUNTSUM", [counts])).toBe(899997);
    expect(typeof callEval("TOTALSCORE", [counts, counts])).toBe("number");
  });
});

describe("stdout is drained before exit", () => {
  test("JSON larger than a pipe buffer reaches a slow reader whole", async () => {
    const seed = path.join(dir, "seed.xlsx");
    await writeSnapshotXlsx({ sheets: [seedDeclaration(), seedSelfAssessment()] }, seed);
    const args = Array.from({ length: 400 }, () => JSON.stringify(seed)).join(" ");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" check --format json ${args} | (sleep 12; cat)`], {
      encoding: "utf8",
      timeout: 180000,
      maxBuffer: 64 * 1024 * 1024,
    });
    // Over the 64 KB a pipe holds, so most of it is written after the reader starts.
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(96 * 1024);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toHaveLength(400);
    expect(doc.summary.files).toBe(400);
  }, 180000);

  test("text output through a slow pipe keeps its summary line", async () => {
    const seed = path.join(dir, "seed.xlsx");
    const args = Array.from({ length: 400 }, () => JSON.stringify(seed)).join(" ");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" check ${args} | (sleep 12; cat)`], {
      encoding: "utf8",
      timeout: 180000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stdout).toMatch(/共 400 个文件：.*\n$/);
  }, 180000);
});
