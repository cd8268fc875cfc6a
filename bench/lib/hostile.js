"use strict";
/**
 * The `hostile` section (issue 12): the compiled CLI on each file of test/reliability/hostileFiles.ts (the
 * same files the reliability suite builds), one run each with a good form beside it; wall time and peak
 * resident memory (worker threads included) per file, and the worst of each. Runnable alone:
 * `node bench/run.js --only hostile`.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { nowMs } = require("./util");

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");

async function benchHostile(out, log) {
  const { HOSTILE_FILES, goodForm } = require("../../test/reliability/hostileFiles.ts");
  spawnSync(process.execPath, [bin, "--help"], { stdio: "ignore" }); // build when stale, outside the timings
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-hostile-"));
  try {
    const good = path.join(dir, "good.xlsx");
    fs.writeFileSync(good, goodForm());
    const rss = path.join(dir, "rss.json");
    const perFile = {};
    let worstMs = null;
    let worstRss = null;
    for (const h of HOSTILE_FILES) {
      const file = path.join(dir, h.name);
      fs.writeFileSync(file, h.build());
      const t = nowMs();
      const r = spawnSync(
        process.execPath,
        ["--require", path.join(__dirname, "rss-preload.js"), bin, "check", "--format", "json", file, good],
        { encoding: "utf8", env: { ...process.env, PERF_EVAL_BENCH_RSS: rss }, maxBuffer: 64 * 1024 * 1024 },
      );
      const ms = Math.round(nowMs() - t);
      const usage = JSON.parse(fs.readFileSync(rss, "utf8"));
      const mb = Math.round(usage.maxRssKb / 102.4) / 10;
      let goodChecked = false;
      try {
        goodChecked = Array.isArray(JSON.parse(r.stdout).files[1].findings);
      } catch {
        goodChecked = false;
      }
      perFile[h.name] = { ms, rss_mb: mb, exit: r.status, good_neighbour_checked: goodChecked };
      log(`  ${h.name}: ${ms} ms, peak RSS ${mb} MB, exit ${r.status}${goodChecked ? "" : ", NEIGHBOUR NOT CHECKED"}`);
      if (!worstMs || ms > worstMs.ms) worstMs = { name: h.name, ms };
      if (!worstRss || mb > worstRss.mb) worstRss = { name: h.name, mb };
      fs.rmSync(file, { force: true });
    }
    out["hostile.worst_ms"] = worstMs.ms;
    out["hostile.worst_ms_file"] = worstMs.name;
    out["hostile.peak_rss_mb"] = worstRss.mb;
    out["hostile.peak_rss_file"] = worstRss.name;
    out["hostile.all_neighbours_checked"] = Object.values(perFile).every((f) => f.good_neighbour_checked);
    out["hostile.files"] = perFile;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchHostile };
