/**
 * `perf-eval check` as an adapter: argument parsing, JSON/text output, exit codes, --merge attribution and
 * progress. The engine is replaced by a planted one (every cell whose text starts with "DEFECT:" yields a
 * finding), so these tests pin the CLI's own behaviour whatever the rules do; check-engine.test.ts runs the
 * real engine.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import type { Finding } from "../../src/core/findings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { checkFilesInOrder } from "../../src/cli/pool";
import { recorder } from "../support/cliRecorder";
import { makeTempDir, removeDir } from "../xlsx/helpers";

jest.mock("../../src/core/check", () => {
  const { summarize } = jest.requireActual("../../src/core/findings");
  const { toA1 } = jest.requireActual("../../src/core/a1");
  return {
    checkWorkbook: (snap: WorkbookSnapshot) => {
      const findings: Finding[] = [];
      // A sheet with a planted cell ("DEFECT:…" or "TABLE") counts as one recognized table.
      const recognized = snap.sheets
        .filter((s) => s.values.some((row) => row.some((v) => typeof v === "string" && /^(DEFECT|TABLE)/.test(v))))
        .map((s) => ({
          kind: "self-assessment",
          sheet: s.name,
          range: "A1:H9",
          rows: 3,
          columns: { target: "D", score: "G" },
        }));
      for (const s of snap.sheets) {
        s.values.forEach((row, i) =>
          row.forEach((v, j) => {
            // "DEFECT:severity:rule:relatedSheet!A1"
            if (typeof v !== "string" || !v.startsWith("DEFECT:")) return;
            const [, severity, rule, ...rest] = v.split(":");
            const related = rest.join(":");
            findings.push({
              rule,
              severity,
              sheet: s.name,
              cell: toA1(s.originRow + i, s.originCol + j),
              related: related ? [related] : [],
              message: { "zh-CN": `中文消息 ${rule}`, "en-US": `English message ${rule}` },
            } as Finding);
          }),
        );
      }
      return { recognized, findings, summary: summarize(findings), scores: [] };
    },
  };
});

// Imported after the mock so the CLI sees the planted engine.
import { run } from "../../src/cli/check";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

async function writeBook(name: string, sheets: Record<string, Record<string, string | number>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, cells] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheetName);
    for (const [addr, v] of Object.entries(cells)) ws.getCell(addr).value = v;
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function cli(args: string[], isTTY = false) {
  const io = recorder(isTTY);
  const code = await run(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("arguments", () => {
  test("every option form: --format json, --lang=en-US, --merge, -j N, files before and after options", async () => {
    const a = await writeBook("opt-a.xlsx", { S: { A1: "DEFECT:error:sum-mismatch:" } });
    const b = await writeBook("opt-b.xlsx", { S: { A1: "TABLE" } });
    const r = await cli(["--format", "json", a, "--lang=en-US", "--merge", "-j", "3", b]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual([a, b]);
    // --merge gives each finding its file; --lang=en-US its English message.
    expect(doc.files[0].findings).toEqual([
      expect.objectContaining({ file: a, message: "English message sum-mismatch" }),
    ]);
    // The defaults: text in Chinese, files checked apart.
    const plain = await cli([a]);
    expect(plain.out).toContain("中文消息 sum-mismatch");
    expect(() => JSON.parse(plain.out)).toThrow();
  });
  test("after --, a file name that looks like an option is a file", async () => {
    const r = await cli(["--format", "json", "--", "--weird-name.xlsx"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files).toEqual([
      { file: "--weird-name.xlsx", error: expect.stringContaining("not found") },
    ]);
  });
  test.each([
    [[], /no files given/],
    [["--format", "xml", "a"], /--format/],
    [["a", "--format"], /--format/],
    [["--lang", "fr", "a"], /--lang/],
    [["--jobs", "0", "a"], /--jobs/],
    [["--bogus", "a"], /unknown option '--bogus'/],
  ])("%j is refused with its reason and the usage, exit 2, nothing read", async (args, reason) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(reason);
    expect(r.err).toMatch(/usage: perf-eval check/);
  });
});

describe("default reader count", () => {
  // A worker that answers every file at once: only how many readers the pool starts is looked at.
  let echo: string;
  beforeAll(() => {
    echo = path.join(dir, "echo-worker.js");
    fs.writeFileSync(
      echo,
      `const { parentPort } = require("worker_threads");
       parentPort.on("message", (t) => parentPort.postMessage({ index: t.index, outcome: { file: t.file, findings: [] } }));`,
    );
  });
  test.each([
    [2, 500, 1],
    [1, 500, 1],
    [4, 500, 3],
    [8, 3, 3],
    [8, 1, 1],
    [8, 0, 1],
  ])("%i cores, %i files → %i readers (one core left to V8's compiler and collector)", async (cores, files, jobs) => {
    // The os module itself (a namespace import is a frozen copy of it), which the pool reads through.
    const spy = jest
      .spyOn(jest.requireActual<typeof import("os")>("os"), "availableParallelism")
      .mockReturnValue(cores);
    try {
      const names = Array.from({ length: files }, (_, i) => `f${i}.xlsx`);
      const seen: number[] = [];
      expect(await checkFilesInOrder(names, (i) => seen.push(i), { workerPath: echo })).toBe(jobs);
      expect(seen).toEqual(names.map((_, i) => i));
    } finally {
      spy.mockRestore();
    }
  });
});

describe("perf-eval check (planted engine)", () => {
  test("JSON: exactly one document with the contract's shape; unreadable file as {file,error}; exit 2", async () => {
    const a = await writeBook("a.xlsx", {
      自评表: { A1: "项目名称", D14: "DEFECT:error:indicator-value-mismatch:申报表!D12" },
    });
    const clean = await writeBook("clean.xlsx", { S: { A1: "TABLE ok" } });
    const unknown = await writeBook("unknown.xlsx", { S: { A1: "hello" } });
    const missing = path.join(dir, "missing.xlsx");
    const r = await cli(["--format", "json", a, missing, clean, unknown]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    const table = (sheet: string) => ({
      kind: "self-assessment",
      sheet,
      range: "A1:H9",
      rows: 3,
      columns: { target: "D", score: "G" },
    });
    expect(doc).toEqual({
      files: [
        {
          file: a,
          status: "checked",
          recognized: [table("自评表")],
          findings: [
            {
              rule: "indicator-value-mismatch",
              severity: "error",
              sheet: "自评表",
              cell: "D14",
              related: ["申报表!D12"],
              message: "中文消息 indicator-value-mismatch",
            },
          ],
        },
        { file: missing, error: expect.stringContaining("file not found") },
        { file: clean, status: "checked", recognized: [table("S")], findings: [] },
        { file: unknown, status: "unrecognized", recognized: [], findings: [] },
      ],
      summary: { files: 4, errors: 1, warnings: 0, infos: 0, unrecognized: 1, unreadable: 1 },
    });
    expect(Object.keys(doc)).toEqual(["files", "summary"]);
    expect(r.out.trim().split("\n")).toHaveLength(1);
    // One stderr line, naming the file, no stack trace.
    const lines = r.err.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(missing);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("text: one line per finding `file sheet!cell [severity] rule: message`, then a summary; exit 1", async () => {
    const a = await writeBook("t.xlsx", {
      自评表: { B3: "DEFECT:error:sum-mismatch:", C5: "DEFECT:warning:score-rule:" },
      "My Sheet": { A1: "DEFECT:info:number-as-text:" },
    });
    const r = await cli([a]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toEqual([
      `${a}: 识别 项目支出绩效自评表 自评表!A1:H9，3 行（指标值 D，得分 G）`,
      `${a}: 识别 项目支出绩效自评表 My Sheet!A1:H9，3 行（指标值 D，得分 G）`,
      `${a} 自评表!B3 [error] sum-mismatch: 中文消息 sum-mismatch`,
      `${a} 自评表!C5 [warning] score-rule: 中文消息 score-rule`,
      `${a} 'My Sheet'!A1 [info] number-as-text: 中文消息 number-as-text`,
      "共 1 个文件：1 个错误，1 个警告，1 个提示",
    ]);
    expect(r.err).toBe("");
  });

  test("--lang en-US picks the English message and summary; warnings alone exit 0", async () => {
    const a = await writeBook("w.xlsx", { S: { A1: "DEFECT:warning:unquantified-target:" } });
    const r = await cli(["--lang", "en-US", a]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `${a}: recognized self-assessment S!A1:H9, 3 rows (target D, score G)\n` +
        `${a} S!A1 [warning] unquantified-target: English message unquantified-target\n1 file: 0 errors, 1 warning, 0 infos\n`,
    );
  });

  test("a file with no recognized table gets its own line, a count in the summary and exit 1, never a clean pass", async () => {
    const ok = await writeBook("ok.xlsx", { S: { A1: "TABLE" } });
    const blank = await writeBook("blank.xlsx", { Sheet1: { A1: "会议纪要" } });
    const zh = await cli([ok, blank]);
    expect(zh.code).toBe(1);
    expect(zh.out.trimEnd().split("\n")).toEqual([
      `${ok}: 识别 项目支出绩效自评表 S!A1:H9，3 行（指标值 D，得分 G）`,
      `${blank}: 未识别到绩效表格，未做检查`,
      "共 2 个文件：0 个错误，0 个警告，0 个提示，1 个文件未识别到绩效表格",
    ]);
    const en = await cli(["--lang", "en-US", blank]);
    expect(en.code).toBe(1);
    expect(en.out).toBe(
      `${blank}: No evaluation table recognized; nothing was checked\n1 file: 0 errors, 0 warnings, 0 infos, 1 file with no evaluation table recognized\n`,
    );
    const json = JSON.parse((await cli(["--format", "json", ok])).out);
    expect(json.files[0].status).toBe("checked");
    expect(json.summary.unrecognized).toBe(0);
  });

  test("no files or bad options: exit 2, usage on stderr, nothing on stdout", async () => {
    for (const args of [[], ["--format", "yaml", "a.xlsx"], ["--nope", "a.xlsx"]]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/^perf-eval check: .+\n用法 \/ usage:/);
    }
    const h = await cli(["--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/--merge/);
  });

  test("--merge: one workbook across files; findings under their own file, real sheet names, cross-file refs", async () => {
    const decl = await writeBook("decl.xlsx", { Sheet1: { A1: "TABLE 申报" } });
    const self = await writeBook("self.xlsx", {
      // The planted engine sees the merged name "Sheet1 (2)" for this file's sheet.
      Sheet1: {
        D14: "DEFECT:error:indicator-value-mismatch:Sheet1!A1",
        D15: "DEFECT:error:sum-mismatch:'Sheet1 (2)'!D14",
      },
    });
    const r = await cli(["--merge", "--format", "json", decl, self]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.summary).toEqual({ files: 2, errors: 2, warnings: 0, infos: 0, unrecognized: 0, unreadable: 0 });
    expect(doc.files[0]).toEqual({
      file: decl,
      status: "checked",
      recognized: [
        { kind: "self-assessment", sheet: "Sheet1", range: "A1:H9", rows: 3, columns: { target: "D", score: "G" } },
      ],
      findings: [],
    });
    // Each file lists its own tables, under their real sheet names.
    expect(doc.files[1].recognized.map((t: { sheet: string }) => t.sheet)).toEqual(["Sheet1"]);
    expect(doc.files[1].file).toBe(self);
    expect(doc.files[1].findings).toEqual([
      expect.objectContaining({ sheet: "Sheet1", cell: "D14", related: [`[${decl}]Sheet1!A1`], file: self }),
      expect.objectContaining({ sheet: "Sheet1", cell: "D15", related: ["Sheet1!D14"], file: self }),
    ]);
    // Without --merge the same files are checked apart and findings carry no file key.
    const apart = JSON.parse((await cli(["--format", "json", decl, self])).out);
    expect(apart.files[1].findings[0]).not.toHaveProperty("file");
    expect(apart.files[1].findings[0].related).toEqual(["Sheet1!A1"]);
  });

  test("--merge reads a path given twice once", async () => {
    const a = await writeBook("twice.xlsx", { S: { A1: "DEFECT:error:sum-mismatch:" } });
    const r = await cli(["--merge", "--format", "json", a, a]);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { findings: unknown[] }) => f.findings.length)).toEqual([1, 0]);
    expect(doc.summary.errors).toBe(1);
  });

  test("--merge with an unreadable file still checks the others", async () => {
    const a = await writeBook("m1.xlsx", { S: { A1: "DEFECT:error:sum-mismatch:" } });
    const bad = path.join(dir, "bad.xlsx");
    fs.writeFileSync(bad, "plain text");
    const r = await cli(["--merge", "--format", "json", bad, a]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.files[0]).toEqual({ file: bad, error: expect.stringContaining("not an .xlsx file") });
    expect(doc.files[1].findings).toHaveLength(1);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });

  test("progress bar on stderr only when it is a terminal, never on stdout", async () => {
    const files = await Promise.all([1, 2, 3].map((i) => writeBook(`p${i}.xlsx`, { S: { A1: i } })));
    const tty = await cli(files, true);
    const ESC = String.fromCharCode(27);
    expect(tty.err).toContain(`\r${ESC}[K[`);
    expect(tty.err).toMatch(/\[#+\.*\] 1\/3/);
    expect(tty.out).not.toContain("\r");
    expect(tty.out).not.toContain(ESC);
    const pipe = await cli(files, false);
    expect(pipe.err).toBe("");
    expect(pipe.out).toBe(tty.out);
  });
});

describe("--merge attribution", () => {
  test("sheet names made unique across files (case-insensitively) are mapped back, references too", async () => {
    const a = await writeBook("names-a.xlsx", { 表: { A1: "TABLE" }, Data: { A1: 1 }, "It's here": { A1: 1 } });
    // In the merged workbook b's sheets are "data (2)" and "表 (2)".
    const b = await writeBook("names-b.xlsx", {
      data: { A1: 1 },
      表: {
        A1: "DEFECT:error:sum-mismatch:表!B2",
        A2: "DEFECT:error:sum-mismatch:'data (2)'!C3",
        A3: "DEFECT:error:sum-mismatch:Elsewhere!A1",
        A4: "DEFECT:error:sum-mismatch:'It''s here'!A1:B2",
      },
    });
    const r = await cli(["--merge", "--format", "json", a, b]);
    const doc = JSON.parse(r.out);
    expect(doc.files[0].findings).toEqual([]);
    const found = doc.files[1].findings as { file: string; sheet: string; related: string[] }[];
    expect(found.map((f) => [f.file, f.sheet])).toEqual(Array(4).fill([b, "表"]));
    expect(found.map((f) => f.related[0])).toEqual([
      `[${a}]表!B2`,
      "data!C3",
      "Elsewhere!A1",
      `'[${a}]It''s here'!A1:B2`,
    ]);
  });
});
