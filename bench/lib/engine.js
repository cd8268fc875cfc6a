"use strict";
// Section 2: the check engine on growing synthetic snapshots, against a plain scan of the same cells and
// against ExcelJS reading the same workbook from .xlsx.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { syntheticSnapshot } = require("./synth");
const { timeRuns, fitExponent, round } = require("./util");

async function writeXlsx(snapshot, file) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(s.originRow + i + 1, s.originCol + j + 1).value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

/** The cheapest honest pass over the same cells: what any checker must at least touch. */
function scan(snapshot) {
  let n = 0;
  for (const s of snapshot.sheets)
    for (const row of s.values) for (const v of row) if (v !== null && typeof v !== "boolean") n++;
  return n;
}

const LABELS = { 1000: "1k", 10000: "10k", 100000: "100k", 1000000: "1M" };

async function benchEngine(out, log) {
  const root = path.join(__dirname, "..", "..");
  const { checkWorkbook } = require(path.join(root, "src", "core", "check.ts"));
  const points = [];
  for (const size of [1000, 10000, 100000, 1000000]) {
    const { snapshot, cells } = syntheticSnapshot(size);
    const big = size >= 1000000;
    let findings = 0;
    const t = await timeRuns(
      () => {
        findings = checkWorkbook(snapshot).findings.length;
      },
      { runs: big ? 3 : 5, warmup: big ? 0 : 1, budgetMs: big ? 40000 : 15000 },
    );
    out[`engine.ms_${LABELS[size]}`] = round(t.median, 1);
    out[`engine.findings_${LABELS[size]}`] = findings;
    // The first 1M run also grows the heap to hold the model: shown on its own, it is inside the median.
    if (big) out["engine.ms_1M_first_run"] = round(t.times[0], 1);
    log(
      `  engine ${LABELS[size]} (${cells} cells): ${t.median.toFixed(1)} ms median of ${t.runs}, ${findings} findings`,
    );
    if (size >= 10000) points.push([cells, t.median]);
    if (big) {
      const s = await timeRuns(() => scan(snapshot), { runs: 5, warmup: 1 });
      out["engine.scan_ms_1M"] = round(s.median, 1);
      out["engine.ms_1M_over_scan"] = round(t.median / s.median, 1);
    }
  }
  out["engine.exponent"] = round(fitExponent(points), 3);

  // The same 100k-cell workbook read from .xlsx: by ExcelJS (the yardstick for the check) and by the
  // part reader the CLI uses (src/xlsx/partReader.ts).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-engine-"));
  try {
    const { snapshot } = syntheticSnapshot(100000);
    const file = path.join(dir, "synthetic-100k.xlsx");
    await writeXlsx(snapshot, file);
    const { readSnapshotFromFile } = require(path.join(root, "src", "xlsx", "snapshotReader.ts"));
    let read = null;
    const r = await timeRuns(
      async () => {
        read = await readSnapshotFromFile(file, { reader: "exceljs" });
      },
      { runs: 3, budgetMs: 30000 },
    );
    let fast = null;
    const p = await timeRuns(
      async () => {
        fast = await readSnapshotFromFile(file, { reader: "parts" });
      },
      { runs: 5, warmup: 1, budgetMs: 20000 },
    );
    if (JSON.stringify(fast) !== JSON.stringify(read)) throw new Error("the two readers disagree on the bench file");
    const c = await timeRuns(() => checkWorkbook(read), { runs: 3, warmup: 1, budgetMs: 30000 });
    out["engine.read_ms_100k"] = round(r.median, 1);
    out["engine.read_parts_ms_100k"] = round(p.median, 1);
    out["engine.check_ms_100k"] = round(c.median, 1);
    out["engine.check_over_read"] = round(c.median / r.median, 3);
    out["engine.exceljs_over_parts_read"] = round(r.median / p.median, 1);
    log(
      `  100k cells: ExcelJS read ${r.median.toFixed(0)} ms, part reader ${p.median.toFixed(0)} ms, check ${c.median.toFixed(0)} ms`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchEngine, writeXlsx };
