#!/usr/bin/env node
/**
 * Builds the real-form corpus: every test/fixtures/real/<id>.json (a form transcribed from a public disclosure,
 * see test/fixtures/real/README.md) becomes test/fixtures/real/<id>.xlsx, cell for cell.
 *
 *   node scripts/build-real-corpus.js          # (re)write every .xlsx
 *   node scripts/build-real-corpus.js --check  # exit 1 when an .xlsx is missing or older than its .json
 *
 * Numbers in the JSON become number cells; strings stay text, so "90.00" stays text as the publisher stored it.
 * Fixed document dates keep the output stable from one build to the next.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const DIR = path.join(__dirname, "..", "test", "fixtures", "real");
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

function specs() {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(DIR, f));
}

function validate(spec, file) {
  const where = path.basename(file);
  const fail = (msg) => {
    throw new Error(`${where}: ${msg}`);
  };
  for (const key of ["id", "title", "source", "province", "kind", "sheets", "expected"]) {
    if (spec[key] === undefined) fail(`missing "${key}"`);
  }
  if (spec.id !== path.basename(file, ".json")) fail(`"id" must equal the file name (${spec.id})`);
  if (!/^https?:\/\//.test(spec.source)) fail(`"source" must be the address the form was published at`);
  if (!Array.isArray(spec.sheets) || spec.sheets.length === 0) fail(`"sheets" must be a non-empty array`);
  for (const s of spec.sheets) {
    if (typeof s.name !== "string" || !Array.isArray(s.rows)) fail(`each sheet needs "name" and "rows"`);
    for (const row of s.rows) {
      if (!Array.isArray(row)) fail(`sheet ${s.name}: every row must be an array`);
      for (const v of row) {
        if (!(v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean")) {
          fail(`sheet ${s.name}: cells are null, strings, numbers or booleans (found ${JSON.stringify(v)})`);
        }
      }
    }
  }
  const d = spec.expected.defects;
  if (!Array.isArray(d)) fail(`"expected.defects" must be an array (empty for a correct form)`);
  for (const x of d) {
    if (!Array.isArray(x.rules) || x.rules.length === 0) fail(`defect ${x.id}: "rules" must list rule ids`);
    if (!["error", "warning"].includes(x.severity)) fail(`defect ${x.id}: severity is error or warning`);
    if (!x.anyCell && (!Array.isArray(x.cells) || x.cells.length === 0)) fail(`defect ${x.id}: "cells" or "anyCell"`);
    if (typeof x.what !== "string" || !x.what) fail(`defect ${x.id}: "what" says what a reviewer marks`);
  }
}

/**
 * Every zip entry's modification time set to one fixed DOS date (2026-01-01 00:00), in the central directory and
 * the local headers, so an unchanged form rebuilds to the same bytes.
 */
function fixZipTimes(buf) {
  const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    buf.writeUInt16LE(0, p + 12);
    buf.writeUInt16LE(DOS_DATE, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) === 0x04034b50) {
      buf.writeUInt16LE(0, local + 10);
      buf.writeUInt16LE(DOS_DATE, local + 12);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

async function build(file) {
  const ExcelJS = require("exceljs");
  const spec = JSON.parse(fs.readFileSync(file, "utf8"));
  validate(spec, file);
  const wb = new ExcelJS.Workbook();
  wb.creator = "perf-eval real-form corpus";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        cell.alignment = { wrapText: true, vertical: "middle" };
      });
    });
    for (const [a1, fmt] of Object.entries(s.formats || {})) ws.getCell(a1).numFmt = fmt;
    for (const m of s.merges || []) ws.mergeCells(m);
    (s.colWidths || []).forEach((w, i) => {
      if (w) ws.getColumn(i + 1).width = w;
    });
  }
  const out = file.replace(/\.json$/, ".xlsx");
  fs.writeFileSync(out, fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer())));
  return out;
}

async function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const file of specs()) {
    const out = file.replace(/\.json$/, ".xlsx");
    if (check) {
      const spec = JSON.parse(fs.readFileSync(file, "utf8"));
      validate(spec, file);
      if (!fs.existsSync(out)) {
        console.log(`missing: ${path.basename(out)}`);
        stale++;
      }
      continue;
    }
    await build(file);
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
  if (stale) process.exit(1);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}

module.exports = { build, validate, specs, DIR };
