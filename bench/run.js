#!/usr/bin/env node
"use strict";
/**
 * `npm run bench` (issue 5): measures round trips to Excel, the check engine, the batch command line, the task
 * pane's weight and start, and the custom functions; prints one table and writes bench/results.json.
 *
 * Every timing is a median of several runs and sits beside a baseline measured in the same run (machines
 * here are shared and noisy, so ratios are what to compare). A section whose dependency is missing reports
 * null with the reason in `notes`.
 *
 *   node bench/run.js [--only syncs,engine,cli,bundle,functions,hostile,pane] [--out FILE]
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
require("./lib/tsload");
const { round } = require("./lib/util");

const SECTIONS = {
  syncs: () => require("./lib/syncs").benchSyncs,
  functions: () => require("./lib/functions").benchFunctions,
  engine: () => require("./lib/engine").benchEngine,
  cli: () => require("./lib/cli").benchCli,
  bundle: () => require("./lib/bundle").benchBundle,
  hostile: () => require("./lib/hostile").benchHostile,
  pane: () => require("./lib/pane").benchPane,
};

/** Issue 5's targets: [key, comparison, limit]. */
const TARGETS = [
  ["syncs.check.1", "<=", 2],
  ["syncs.check.10", "<=", 2],
  ["syncs.check.50", "<=", 2],
  ["syncs.template", "<=", 2],
  ["engine.exponent", "<=", 1.1],
  ["engine.ms_1M", "<", 1000],
  ["engine.check_over_read", "<=", 0.25],
  ["cli.speedup_2_workers", ">=", 1.6],
  ["cli.mem_500_over_50", "<=", 1.5],
  ["bundle.functions_gz_kb", "<=", 30],
  ["bundle.first_screen_gz_kb", "<=", 150],
  // Issue 14: the pane stays responsive on a 20,000-row sheet (Chromium, CPU throttled 4×).
  ["pane.longest_task_ms_20k", "<=", 100],
  ["pane.show_all_ms_20k", "<=", 300],
];

function machine() {
  const cpus = os.cpus();
  const model = cpus.length ? cpus[0].model.replace(/\s+/g, " ").trim() : "unknown CPU";
  return `${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} × ${model}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
}

function parseArgs(argv) {
  const a = { only: Object.keys(SECTIONS), out: path.join(__dirname, "results.json") };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--only")
      a.only = argv[++i]
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (argv[i] === "--out") a.out = path.resolve(argv[++i]);
    else {
      process.stderr.write(`bench: unknown argument ${argv[i]}\n`);
      process.exit(2);
    }
  }
  for (const s of a.only)
    if (!SECTIONS[s]) {
      process.stderr.write(`bench: unknown section ${s} (${Object.keys(SECTIONS).join(", ")})\n`);
      process.exit(2);
    }
  return a;
}

const fmt = (v) => (v === null || v === undefined ? "—" : typeof v === "number" ? String(v) : String(v));

function table(r) {
  const row = (metric, value, baseline, ratio, target) => ({
    metric,
    value: fmt(value),
    baseline,
    ratio: fmt(ratio),
    target,
  });
  const check = (key) => {
    const t = TARGETS.find((x) => x[0] === key);
    if (!t) return "";
    const v = r[key];
    if (v === null || v === undefined) return `${t[1]} ${t[2]} (not measured)`;
    const ok = t[1] === "<=" ? v <= t[2] : t[1] === "<" ? v < t[2] : v >= t[2];
    return `${t[1]} ${t[2]} ${ok ? "✓" : "✗"}`;
  };
  const rows = [];
  for (const n of [1, 10, 50]) {
    rows.push(
      row(
        `syncs: check, ${n} sheet${n > 1 ? "s" : ""}`,
        r[`syncs.check.${n}`],
        `per-sheet ${fmt(r[`syncs.naive_per_sheet.${n}`])}, per-cell ${fmt(r[`syncs.naive_per_cell.${n}`])}`,
        null,
        check(`syncs.check.${n}`),
      ),
    );
  }
  rows.push(row("syncs: template insertion (worst kind)", r["syncs.template"], "", null, check("syncs.template")));
  for (const k of ["1k", "10k", "100k"])
    rows.push(row(`engine: check ${k} cells (ms)`, r[`engine.ms_${k}`], "", null, ""));
  rows.push(
    row(
      "engine: check 1M cells (ms)",
      r["engine.ms_1M"],
      `plain scan ${fmt(r["engine.scan_ms_1M"])} ms; first run ${fmt(r["engine.ms_1M_first_run"])} ms`,
      r["engine.ms_1M_over_scan"],
      check("engine.ms_1M"),
    ),
  );
  rows.push(row("engine: exponent 10k→1M", r["engine.exponent"], "linear = 1", null, check("engine.exponent")));
  rows.push(
    row(
      "engine: check / ExcelJS read, 100k cells",
      r["engine.check_over_read"],
      `read ${fmt(r["engine.read_ms_100k"])} ms, check ${fmt(r["engine.check_ms_100k"])} ms`,
      r["engine.check_over_read"],
      check("engine.check_over_read"),
    ),
  );
  rows.push(
    row(
      "engine: part reader, 100k cells (ms)",
      r["engine.read_parts_ms_100k"],
      `ExcelJS ${fmt(r["engine.read_ms_100k"])} ms`,
      r["engine.exceljs_over_parts_read"],
      "",
    ),
  );
  rows.push(
    row(
      "cli: files/s, 500 files, 2 workers",
      r["cli.files_per_s"],
      `1 worker ${fmt(r["cli.ms_500_1_worker"])} ms vs 2: ${fmt(r["cli.ms_500_2_workers"])} ms`,
      r["cli.speedup_2_workers"],
      check("cli.speedup_2_workers"),
    ),
  );
  rows.push(
    row(
      "cli: CPU s, 1 worker: reader thread",
      r["cli.cpu_s_1_worker_reader"],
      `V8's own threads ${fmt(r["cli.cpu_s_1_worker_v8_threads"])} s; 2 workers: ${fmt(r["cli.cpu_s_2_workers_total"])} s in all`,
      null,
      "",
    ),
  );
  rows.push(row("cli: 2-thread scaling of a pure-CPU loop", r["cli.cpu_scaling_2_threads"], "ideal 2", null, ""));
  rows.push(
    row(
      "cli: peak memory 500 / 50 files",
      r["cli.mem_500_over_50"],
      `${fmt(r["cli.rss_mb_500"])} MB vs ${fmt(r["cli.rss_mb_50"])} MB`,
      r["cli.mem_500_over_50"],
      check("cli.mem_500_over_50"),
    ),
  );
  rows.push(
    row("bundle: functions path (KB gz)", r["bundle.functions_gz_kb"], "", null, check("bundle.functions_gz_kb")),
  );
  rows.push(
    row("bundle: first screen (KB gz)", r["bundle.first_screen_gz_kb"], "", null, check("bundle.first_screen_gz_kb")),
  );
  rows.push(
    row(
      "bundle: navigation → first screen (ms)",
      r["bundle.first_screen_ms"],
      `React blank ${fmt(r["bundle.react_blank_ms"])} ms`,
      r["bundle.first_screen_over_blank"],
      "",
    ),
  );
  rows.push(
    row(
      "functions: calls/s (SCORE, TARGETVALUE, SATISFACTION)",
      r["functions.calls_per_s"],
      `Number() loop ${fmt(r["functions.number_loop_ms"])} ms vs ${fmt(r["functions.ms"])} ms`,
      r["functions.over_number_loop"],
      "",
    ),
  );
  rows.push(
    row(
      "hostile: slowest file, end to end (ms)",
      r["hostile.worst_ms"],
      `${fmt(r["hostile.worst_ms_file"])}; per-file budget 20 s`,
      null,
      "",
    ),
  );
  rows.push(
    row(
      "pane: longest task, check of 20k rows, CPU 4× (ms)",
      r["pane.longest_task_ms_20k"],
      `idle ${fmt(r["pane.idle_longest_task_ms"])} ms; whole check ${fmt(r["pane.check_wall_ms_20k"])} ms`,
      null,
      check("pane.longest_task_ms_20k"),
    ),
  );
  rows.push(
    row(
      "hostile: highest peak RSS (MB)",
      r["hostile.peak_rss_mb"],
      `${fmt(r["hostile.peak_rss_file"])}; neighbours all checked: ${fmt(r["hostile.all_neighbours_checked"])}`,
      null,
      "",
    ),
  );
  rows.push(
    row(
      "pane: show all 20k findings, CPU 4× (ms)",
      r["pane.show_all_ms_20k"],
      "",
      null,
      check("pane.show_all_ms_20k"),
    ),
  );
  const cols = ["metric", "value", "baseline", "ratio", "target"];
  const width = (c) => Math.max(c.length, ...rows.map((x) => [...String(x[c])].length));
  const pad = (s, w) => s + " ".repeat(Math.max(0, w - [...s].length));
  const ws = cols.map(width);
  const line = (x) => `| ${cols.map((c, i) => pad(String(x[c]), ws[i])).join(" | ")} |`;
  return [
    line(Object.fromEntries(cols.map((c) => [c, c]))),
    `|${ws.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const previous = fs.existsSync(args.out) ? JSON.parse(fs.readFileSync(args.out, "utf8")) : null;
  const results = { date: new Date().toISOString(), machine: machine() };
  const notes = {};
  const log = (s) => process.stderr.write(`${s}\n`);
  for (const name of args.only) {
    log(`[bench] ${name}…`);
    const t = Date.now();
    try {
      await SECTIONS[name]()(results, log, notes);
    } catch (e) {
      notes[name] = `section failed: ${String(e && e.message).split("\n")[0]}`;
      log(`  failed: ${notes[name]}`);
    }
    log(`  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  // Every listed key is present, null when not measured.
  for (const k of [
    "syncs.check.1",
    "syncs.check.10",
    "syncs.check.50",
    "syncs.template",
    "engine.exponent",
    "engine.ms_1M",
    "engine.check_over_read",
    "cli.files_per_s",
    "cli.speedup_2_workers",
    "cli.mem_500_over_50",
    "bundle.functions_gz_kb",
    "bundle.first_screen_gz_kb",
    "bundle.first_screen_ms",
    "bundle.react_blank_ms",
    "functions.calls_per_s",
    "functions.over_number_loop",
    "hostile.worst_ms",
    "hostile.worst_ms_file",
    "hostile.peak_rss_mb",
    "hostile.peak_rss_file",
    "hostile.all_neighbours_checked",
    "hostile.files",
    "pane.longest_task_ms_20k",
    "pane.show_all_ms_20k",
  ]) {
    if (!(k in results)) {
      // A partial run (--only) keeps the other sections' last numbers.
      results[k] = previous && k in previous && !args.only.includes(k.split(".")[0]) ? previous[k] : null;
      if (results[k] === null && !notes[k] && !notes[k.split(".")[0]]) notes[k] = "section not run";
    }
  }
  // A partial run keeps every other key of the sections it did not run, not only the listed ones.
  if (previous) {
    for (const [k, v] of Object.entries(previous)) {
      const section = k.split(".")[0];
      if (k.includes(".") && !(k in results) && SECTIONS[section] && !args.only.includes(section)) results[k] = v;
    }
  }
  results.elapsed_s = round((Date.now() - started) / 1000, 0);
  results.targets = Object.fromEntries(TARGETS.map(([k, op, v]) => [k, `${op} ${v}`]));
  results.notes = notes;
  fs.writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`绩效评价助手 benchmark — ${results.date}\n${results.machine}\n\n${table(results)}\n\n`);
  if (Object.keys(notes).length)
    process.stdout.write(
      `notes:\n${Object.entries(notes)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join("\n")}\n`,
    );
  process.stdout.write(`elapsed ${results.elapsed_s} s; wrote ${path.relative(process.cwd(), args.out)}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  },
);
