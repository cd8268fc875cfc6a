#!/usr/bin/env node
/**
 * `npm run corpus`: checks every real published form in test/fixtures/real/ and scores the findings against the
 * defects a reviewer marked by hand (test/fixtures/real/README.md says how a finding matches a defect).
 * Prints per-rule and overall true/false findings, missed defects, precision and recall, the recognition of each
 * form, and writes bench/corpus.json. Uses the compiled core (build/cli, made by `npm run build:cli`).
 *
 *   node scripts/corpus.js [--json] [--verbose] [--out FILE]
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const DIR = path.join(ROOT, "test", "fixtures", "real");

function load(mod) {
  return require(path.join(ROOT, "build", "cli", mod));
}

/** A1 cells of a finding: its own and its related ones (sheet-qualified). */
function findingCells(f) {
  const { parseRef } = load("core/a1");
  const out = [`${f.sheet}!${f.cell}`];
  for (const r of f.related) {
    const ref = parseRef(r);
    if (!ref || ref.sheet === null) continue;
    const cell = ref.to === undefined ? ref.from : `${ref.from}:${ref.to}`;
    out.push(`${ref.sheet}!${cell.replace(/\$/g, "")}`);
  }
  return out;
}

function matches(f, d) {
  if (!d.rules.includes(f.rule)) return false;
  if (d.anyCell) return f.sheet === d.sheet || findingCells(f).some((c) => c.startsWith(`${d.sheet}!`));
  const want = new Set(d.cells.map((c) => `${d.sheet}!${c}`));
  return findingCells(f).some((c) => want.has(c));
}

function ratio(a, b) {
  return b === 0 ? 1 : a / b;
}

/**
 * Rules that judge a whole form (is every category there, do the weights make 100): on a partial transcription
 * (the stored copy of the page ends before the form does) their findings say more about the copy than the form,
 * so they count only when they match a marked defect.
 */
const WHOLE_FORM_RULES = new Set(["missing-category", "weight-total"]);

/** Scores one form: each counted finding true or false, each defect found or missed. */
function scoreForm(spec, result) {
  const defects = spec.expected.defects;
  const partial = !!(spec.partial || spec.truncated);
  const artifacts = spec.expected.partialArtifacts || [];
  const found = new Set();
  const findings = [];
  let notJudged = 0;
  for (const f of result.findings) {
    if (f.severity === "info") continue;
    const hit = defects.filter((d) => matches(f, d));
    // unrecognized-table speaks of the checker, not the form: it is true when a table the form has on that sheet
    // was indeed not recognized, false when everything expected there was read.
    if (f.rule === "unrecognized-table" && hit.length === 0) {
      const unread = (spec.expected.recognized || []).some(
        (want) => want.sheet === f.sheet && !result.recognized.some((t) => t.sheet === want.sheet && t.kind === want.kind),
      );
      findings.push({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, true: unread, message: f.message["zh-CN"] });
      continue;
    }
    if (hit.length === 0 && partial && (WHOLE_FORM_RULES.has(f.rule) || artifacts.some((d) => matches(f, d)))) {
      notJudged++;
      continue;
    }
    for (const d of hit) found.add(d.id);
    findings.push({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, true: hit.length > 0, message: f.message["zh-CN"] });
  }
  const missed = defects.filter((d) => !found.has(d.id));
  // Recognition: every expected table found with its row count.
  const recognition = (spec.expected.recognized || []).map((want) => {
    const got = result.recognized.find((t) => t.kind === want.kind && t.sheet === want.sheet && (want.rows === undefined || t.rows === want.rows));
    const sameKind = result.recognized.filter((t) => t.kind === want.kind && t.sheet === want.sheet);
    return { ...want, ok: !!got, got: got ? got.rows : sameKind.map((t) => t.rows) };
  });
  return { findings, found: defects.filter((d) => found.has(d.id)), missed, recognition, notJudged, partial };
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const outIdx = args.indexOf("--out");
  const out = outIdx >= 0 ? args[outIdx + 1] : path.join(ROOT, "bench", "corpus.json");
  const { readSnapshotFromFile } = load("xlsx/snapshotReader");
  const { checkWorkbook } = load("core/check");
  const specs = fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
  const perRule = {};
  const rule = (id) => (perRule[id] ??= { true: 0, false: 0, found: 0, missed: 0 });
  const newTotals = () => ({
    error: { true: 0, false: 0 },
    warning: { true: 0, false: 0 },
    found: 0,
    missed: 0,
    notJudged: 0,
    partial: 0,
    forms: 0,
    recognized: 0,
    expected: 0,
  });
  const totals = newTotals();
  // Forms with a "heldOut" date were added after the checks they judge were written: their figures are kept apart
  // as well, so a change is also measured on data it was not tuned on.
  const held = newTotals();
  const forms = [];
  const provinces = new Set();
  let recognizedOk = 0;
  let recognizedAll = 0;
  let addedAfterCheck = 0;
  for (const name of specs) {
    const spec = JSON.parse(fs.readFileSync(path.join(DIR, name), "utf8"));
    provinces.add(spec.province);
    addedAfterCheck += spec.expected.defects.filter((d) => /after .* reported it/.test(d.note || "")).length;
    const xlsx = path.join(DIR, name.replace(/\.json$/, ".xlsx"));
    let result;
    try {
      result = checkWorkbook(await readSnapshotFromFile(xlsx));
    } catch (e) {
      console.error(`${spec.id}: cannot read or check: ${e.message}`);
      process.exitCode = 1;
      continue;
    }
    const s = scoreForm(spec, result);
    for (const f of s.findings) {
      totals[f.severity][f.true ? "true" : "false"]++;
      rule(f.rule)[f.true ? "true" : "false"]++;
    }
    for (const d of s.found) {
      totals.found++;
      for (const r of d.rules) rule(r).found++;
    }
    for (const d of s.missed) {
      totals.missed++;
      rule(d.rules[0]).missed++;
    }
    recognizedAll += s.recognition.length;
    recognizedOk += s.recognition.filter((x) => x.ok).length;
    totals.notJudged += s.notJudged;
    if (s.partial) totals.partial++;
    if (spec.heldOut) {
      held.forms++;
      for (const f of s.findings) held[f.severity][f.true ? "true" : "false"]++;
      held.found += s.found.length;
      held.missed += s.missed.length;
      held.notJudged += s.notJudged;
      held.expected += s.recognition.length;
      held.recognized += s.recognition.filter((x) => x.ok).length;
      if (s.partial) held.partial++;
    }
    forms.push({
      id: spec.id,
      heldOut: spec.heldOut || null,
      partial: s.partial,
      notJudged: s.notJudged,
      province: spec.province,
      kind: spec.kind,
      defects: spec.expected.defects.length,
      found: s.found.length,
      falseFindings: s.findings.filter((f) => !f.true).map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}: ${f.message}`),
      missed: s.missed.map((d) => `${d.id} ${d.rules.join("|")} ${d.sheet}!${(d.cells || ["*"]).join(",")}: ${d.what}`),
      recognition: s.recognition.filter((x) => !x.ok).map((x) => `${x.kind} ${x.sheet} rows ${x.rows} (got ${JSON.stringify(x.got)})`),
      recognized: result.recognized.map((t) => `${t.kind} ${t.sheet}!${t.range} rows ${t.rows}`),
    });
  }
  const report = {
    date: new Date().toISOString(),
    forms: forms.length,
    partialForms: totals.partial,
    provinces: provinces.size,
    notJudged: totals.notJudged,
    errors: { true: totals.error.true, false: totals.error.false, precision: ratio(totals.error.true, totals.error.true + totals.error.false) },
    warnings: { true: totals.warning.true, false: totals.warning.false, precision: ratio(totals.warning.true, totals.warning.true + totals.warning.false) },
    overall: {
      precision: ratio(totals.error.true + totals.warning.true, totals.error.true + totals.error.false + totals.warning.true + totals.warning.false),
    },
    recall: ratio(totals.found, totals.found + totals.missed),
    // Defects recorded after a rule reported them (each with a `note` saying so, checked by hand): counted apart
    // so a reader can tell how much of the recall was judged blind.
    defects: {
      found: totals.found,
      missed: totals.missed,
      addedAfterCheck,
    },
    recognition: { expected: recognizedAll, recognized: recognizedOk },
    heldOut: {
      forms: held.forms,
      partialForms: held.partial,
      notJudged: held.notJudged,
      errors: {
        true: held.error.true,
        false: held.error.false,
        precision: ratio(held.error.true, held.error.true + held.error.false),
      },
      warnings: {
        true: held.warning.true,
        false: held.warning.false,
        precision: ratio(held.warning.true, held.warning.true + held.warning.false),
      },
      recall: ratio(held.found, held.found + held.missed),
      defects: { found: held.found, missed: held.missed },
      recognition: { expected: held.expected, recognized: held.recognized },
    },
    rules: Object.fromEntries(
      Object.entries(perRule)
        .sort()
        .map(([id, r]) => [id, { ...r, precision: ratio(r.true, r.true + r.false), recall: ratio(r.found, r.found + r.missed) }]),
    ),
    perForm: forms,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  if (args.includes("--json")) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    return;
  }
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `${report.forms} forms (${report.partialForms} partial copies) from ${report.provinces} provinces; ` +
      `${recognizedOk}/${recognizedAll} expected tables recognized; ${report.notJudged} whole-form findings on partial copies not judged`,
  );
  console.log("");
  console.log("rule                       true  false  found  missed  precision  recall");
  for (const [id, r] of Object.entries(report.rules)) {
    console.log(`${id.padEnd(26)} ${String(r.true).padStart(4)}  ${String(r.false).padStart(5)}  ${String(r.found).padStart(5)}  ${String(r.missed).padStart(6)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}`);
  }
  console.log("");
  console.log(`errors:   ${report.errors.true} true, ${report.errors.false} false, precision ${pct(report.errors.precision)}`);
  console.log(`warnings: ${report.warnings.true} true, ${report.warnings.false} false, precision ${pct(report.warnings.precision)}`);
  console.log(`overall precision ${pct(report.overall.precision)}; recall ${pct(report.recall)} (${totals.found} of ${totals.found + totals.missed} defects; ${report.defects.addedAfterCheck} recorded after a rule reported them)`);
  if (held.forms > 0) {
    const h = report.heldOut;
    console.log(
      `held-out forms (${h.forms}, ${h.partialForms} partial): errors ${h.errors.true} true / ${h.errors.false} false (precision ${pct(h.errors.precision)}); ` +
        `warnings ${h.warnings.true} true / ${h.warnings.false} false (precision ${pct(h.warnings.precision)}); ` +
        `recall ${pct(h.recall)} (${h.defects.found} of ${h.defects.found + h.defects.missed} defects); ` +
        `${h.recognition.recognized}/${h.recognition.expected} expected tables recognized`,
    );
  }
  for (const f of forms) {
    if (!verbose && f.falseFindings.length === 0 && f.missed.length === 0 && f.recognition.length === 0) continue;
    console.log(`\n${f.id} (${f.province}, ${f.kind}${f.heldOut ? ", held out" : ""}): ${f.found}/${f.defects} found`);
    if (verbose) for (const t of f.recognized) console.log(`  recognized ${t}`);
    for (const t of f.recognition) console.log(`  NOT RECOGNIZED ${t}`);
    for (const t of f.falseFindings) console.log(`  FALSE ${t}`);
    for (const t of f.missed) console.log(`  MISSED ${t}`);
  }
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
