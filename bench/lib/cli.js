"use strict";
// Section 3: `perf-eval check` over 500 generated .xlsx files: files per second with two worker threads,
// the speed-up against one (in-process) reader, and peak memory for 500 files against 50.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { buildSheets } = require("./synth");
const { median, nowMs, round } = require("./util");

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");

async function generate(dir, count) {
  const ExcelJS = require("exceljs");
  const files = [];
  for (let i = 0; i < count; i++) {
    const { decl, self } = buildSheets(10 + (i % 17));
    // Vary the numbers so no two files are the same bytes.
    self[3][4] = 900 + i;
    self[3][6] = (900 + i) / 1000;
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of [
      ["申报表", decl],
      ["自评表", self],
    ]) {
      const ws = wb.addWorksheet(name);
      rows.forEach((r, ri) =>
        r.forEach((v, ci) => v !== null && v !== undefined && (ws.getCell(ri + 1, ci + 1).value = v)),
      );
    }
    const f = path.join(dir, `unit-${String(i).padStart(3, "0")}.xlsx`);
    fs.writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
    files.push(f);
  }
  return files;
}

function runCheck(files, jobs, rssFile) {
  const t = nowMs();
  const r = spawnSync(
    process.execPath,
    [
      "--require",
      path.join(__dirname, "rss-preload.js"),
      bin,
      "check",
      "--format",
      "json",
      "--jobs",
      String(jobs),
      ...files,
    ],
    {
      encoding: "utf8",
      env: { ...process.env, PERF_EVAL_BENCH_RSS: rssFile },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const ms = nowMs() - t;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`perf-eval check exited ${r.status}: ${(r.stderr || "").split("\n")[0]}`);
  const doc = JSON.parse(r.stdout);
  if (doc.summary.files !== files.length) throw new Error("report does not cover every file");
  const usage = JSON.parse(fs.readFileSync(rssFile, "utf8"));
  return { ms, rssKb: usage.maxRssKb, mainMs: usage.mainMs, otherMs: usage.otherMs };
}

/**
 * What this machine gives two threads at all: the same pure-CPU loop on one and on two worker threads. On
 * shared or hyper-threaded virtual cores this is well under 2, and it caps any parallel speed-up.
 */
async function cpuScaling() {
  const { Worker } = require("worker_threads");
  const code = `let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require("worker_threads").parentPort.postMessage(x);`;
  const run = (n) =>
    new Promise((resolve) => {
      const t = nowMs();
      let done = 0;
      for (let k = 0; k < n; k++) {
        const w = new Worker(code, { eval: true });
        w.on("message", () => {
          void w.terminate();
          if (++done === n) resolve(nowMs() - t);
        });
      }
    });
  const ratios = [];
  for (let i = 0; i < 3; i++) {
    const one = await run(1);
    const two = await run(2);
    ratios.push((2 * one) / two);
  }
  return median(ratios);
}

async function benchCli(out, log, notes, { budgetMs = 100000 } = {}) {
  // Build the CLI first so no run pays for tsc.
  spawnSync(process.execPath, [bin, "--help"], { stdio: "ignore" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-cli-"));
  try {
    const t0 = nowMs();
    const files = await generate(dir, 500);
    log(`  generated 500 .xlsx files in ${((nowMs() - t0) / 1000).toFixed(1)} s`);
    const rss = path.join(dir, "rss.txt");
    const two = [];
    const one = [];
    const start = nowMs();
    for (let i = 0; i < 3; i++) {
      two.push(runCheck(files, 2, rss));
      one.push(runCheck(files, 1, rss));
      // Several runs when the machine allows; fewer rather than blowing the 5-minute budget.
      if (nowMs() - start > (budgetMs * (i + 2)) / 3) break;
    }
    const fifty = [];
    for (let i = 0; i < 3; i++) fifty.push(runCheck(files.slice(0, 50), 2, rss));
    const t2 = median(two.map((r) => r.ms));
    const t1 = median(one.map((r) => r.ms));
    out["cli.files"] = files.length;
    out["cli.runs"] = two.length;
    out["cli.ms_500_2_workers"] = round(t2, 0);
    out["cli.ms_500_1_worker"] = round(t1, 0);
    out["cli.files_per_s"] = round(files.length / (t2 / 1000), 1);
    out["cli.speedup_2_workers"] = round(t1 / t2, 2);
    out["cli.rss_mb_500"] = round(median(two.map((r) => r.rssKb)) / 1024, 1);
    out["cli.rss_mb_50"] = round(median(fifty.map((r) => r.rssKb)) / 1024, 1);
    out["cli.mem_500_over_50"] = round(median(two.map((r) => r.rssKb)) / median(fifty.map((r) => r.rssKb)), 2);
    // Where the CPU went: with one reader, its (main) thread against V8's own threads; with two, in all.
    // Median CPU seconds of `part` over runs; null where /proc could not be read.
    const cpu = (runs, part) => {
      const xs = runs.map(part);
      return xs.some((x) => x === null || Number.isNaN(x)) ? null : round(median(xs) / 1000, 2);
    };
    out["cli.cpu_s_1_worker_reader"] = cpu(one, (r) => r.mainMs);
    out["cli.cpu_s_1_worker_v8_threads"] = cpu(one, (r) => r.otherMs);
    out["cli.cpu_s_2_workers_total"] = cpu(two, (r) => (r.mainMs === null ? null : r.mainMs + r.otherMs));
    out["cli.cpu_scaling_2_threads"] = round(await cpuScaling(), 2);
    log(`  pure-CPU loop: 2 threads do ${out["cli.cpu_scaling_2_threads"]}× the work of 1 in the same time`);
    log(
      `  500 files: 2 workers ${t2.toFixed(0)} ms, 1 worker ${t1.toFixed(0)} ms (median of ${two.length}); peak RSS 500 ${out["cli.rss_mb_500"]} MB vs 50 ${out["cli.rss_mb_50"]} MB`,
    );
    log(
      `  CPU: 1 worker: reader thread ${out["cli.cpu_s_1_worker_reader"]} s + V8's threads ${out["cli.cpu_s_1_worker_v8_threads"]} s; 2 workers: ${out["cli.cpu_s_2_workers_total"]} s in all`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchCli };
