"use strict";
// Section 1: round trips to Excel (context.sync calls) on the simulated host, for the Office adapter's
// snapshot read (what a check costs) and template insertion, beside what naive readers would cost.
const fs = require("fs");
const path = require("path");
const { buildSheets } = require("./synth");

const root = path.join(__dirname, "..", "..");
const src = (...p) => path.join(root, "src", ...p);

function simWorkbook(sim, sheetCount) {
  const wb = new sim.SimWorkbook();
  let cells = 0;
  for (let i = 0; i < sheetCount; i++) {
    const { decl, self } = buildSheets(12);
    const rows = i % 2 ? self : decl;
    wb.addSheet(`${i % 2 ? "自评表" : "申报表"}${i + 1}`, rows);
    for (const r of rows) for (const v of r) if (v !== null && v !== undefined) cells++;
  }
  return { wb, cells };
}

/** What reading one sheet at a time costs: one sync for the list, one per sheet. */
async function naivePerSheet(Excel) {
  await Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    for (const ws of sheets.items) {
      const r = ws.getUsedRange(true);
      r.load("values,formulas,numberFormat,address");
      await ctx.sync();
    }
  });
}

/** Finds the adapter's read function whatever its exact calling convention. */
async function callReader(readWorkbookSnapshot, Excel) {
  if (readWorkbookSnapshot.length === 0) return readWorkbookSnapshot();
  return Excel.run((ctx) => readWorkbookSnapshot(ctx));
}

async function benchSyncs(out, log, notes) {
  const readerPath = src("office", "snapshotReader.ts");
  const writerPath = src("office", "templateWriter.ts");
  const sim = require(src("sim", "index.ts"));

  if (!fs.existsSync(readerPath)) {
    for (const n of [1, 10, 50]) out[`syncs.check.${n}`] = null;
    notes["syncs.check"] = "src/office/snapshotReader.ts (readWorkbookSnapshot) is not there yet";
  } else {
    const { readWorkbookSnapshot } = require(readerPath);
    // The full check as the ribbon and the pane run it (default options: no results sheet, no highlight).
    const checkPath = src("office", "check.ts");
    const runCheck = fs.existsSync(checkPath) ? require(checkPath).runCheck : null;
    if (typeof runCheck !== "function")
      notes["syncs.check"] = "src/office/check.ts runCheck missing: counted the snapshot read alone";
    for (const n of [1, 10, 50]) {
      const { wb, cells } = simWorkbook(sim, n);
      const host = sim.installSimHost(globalThis, { workbook: wb });
      try {
        host.resetSyncCount();
        const snap = await callReader(readWorkbookSnapshot, globalThis.Excel);
        out[`syncs.read.${n}`] = host.syncCount;
        if (!snap || !Array.isArray(snap.sheets) || snap.sheets.length !== n)
          notes[`syncs.read.${n}`] = "reader returned an unexpected snapshot";
        if (typeof runCheck === "function") {
          host.resetSyncCount();
          const result = await runCheck();
          out[`syncs.check.${n}`] = host.syncCount;
          out[`syncs.check_findings.${n}`] = result && Array.isArray(result.findings) ? result.findings.length : null;
        } else {
          out[`syncs.check.${n}`] = out[`syncs.read.${n}`];
        }
        host.resetSyncCount();
        await naivePerSheet(globalThis.Excel);
        out[`syncs.naive_per_sheet.${n}`] = host.syncCount;
        // A per-cell reader: one sync for the sheet list, one per non-empty cell (computed, not run).
        out[`syncs.naive_per_cell.${n}`] = cells + 1;
        log(
          `  ${n} sheets: check ${out[`syncs.check.${n}`]} syncs, read ${out[`syncs.read.${n}`]} (per-sheet reader ${out[`syncs.naive_per_sheet.${n}`]}, per-cell ${cells + 1})`,
        );
      } finally {
        host.uninstall();
      }
    }
  }

  if (!fs.existsSync(writerPath)) {
    out["syncs.template"] = null;
    notes["syncs.template"] = "src/office/templateWriter.ts (insertTemplate) is not there yet";
    return;
  }
  const writer = require(writerPath);
  const { TEMPLATE_KINDS } = require(src("core", "templates", "index.ts"));
  const insert = writer.insertTemplate;
  if (typeof insert !== "function") {
    out["syncs.template"] = null;
    notes["syncs.template"] = "src/office/templateWriter.ts has no insertTemplate export";
    return;
  }
  let worst = 0;
  const per = {};
  for (const kind of TEMPLATE_KINDS) {
    const host = sim.installSimHost(globalThis, { workbook: new sim.SimWorkbook() });
    try {
      host.resetSyncCount();
      await insert(kind, { locale: "zh-CN" });
      per[kind] = host.syncCount;
      worst = Math.max(worst, host.syncCount);
    } catch (e) {
      per[kind] = null;
      notes[`syncs.template.${kind}`] = `insertTemplate failed: ${String(e && e.message).split("\n")[0]}`;
    } finally {
      host.uninstall();
    }
  }
  out["syncs.template"] = Object.values(per).some((v) => v === null) && worst === 0 ? null : worst;
  for (const [k, v] of Object.entries(per)) out[`syncs.template.${k}`] = v;
  log(`  templates: ${JSON.stringify(per)}`);
}

module.exports = { benchSyncs };
