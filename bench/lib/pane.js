"use strict";
// Section `pane` (issue 14): the task pane stays responsive on a big sheet. A production build of the demo page
// (simulated Excel host) in headless Chromium with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate):
//   pane.longest_task_ms_20k — the longest main-thread task while 一键检查 runs over a 20,000-row 申报表 and a
//     20,000-row 自评表 (reading, checking and drawing the results), from the Long Tasks API;
//   pane.show_all_ms_20k — click on "show all" of 20,000 findings of one rule until the next frame is drawn.
// Baseline: the same page's longest task while idle for a second (timers of the demo grid, throttled too).
const fs = require("fs");
const os = require("os");
const path = require("path");
const { median, round } = require("./util");
const { build, serve, CHROMIUM, CHROMIUM_ARGS } = require("./bundle");
const { buildSheets } = require("./synth");

const ROWS = 20000;
const THROTTLE = 4;

/** Waits for the demo's simulated host and the pane's first screen. */
async function openDemo(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${base}demo.html?empty=1`);
  await page.waitForFunction(() => window.__perfEvalDemo && window.__perfEvalDemo.ready === true, null, {
    timeout: 60000,
  });
  await page.waitForSelector('[data-testid="run-check"]', { timeout: 60000 });
  return { context, page };
}

/** Installs a Long Tasks observer and a heartbeat (largest gap between 0-ms timers) in the page. */
async function startProbe(page) {
  await page.evaluate(() => {
    const probe = { tasks: [], frames: [], gap: 0, on: true };
    window.__probe = probe;
    probe.obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push(e.duration);
    });
    probe.obs.observe({ type: "longtask" });
    // Long animation frames name the scripts that ran in them: which code the longest tasks were.
    probe.loaf = new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        probe.frames.push({
          ms: Math.round(e.duration),
          scripts: e.scripts
            .filter((x) => x.duration >= 10)
            .map((x) => `${x.invoker} ${(x.sourceURL || "").split("/").pop()} ${Math.round(x.duration)}`),
        });
    });
    if (PerformanceObserver.supportedEntryTypes.includes("long-animation-frame"))
      probe.loaf.observe({ type: "long-animation-frame" });
    let last = performance.now();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      const now = performance.now();
      probe.gap = Math.max(probe.gap, now - last);
      last = now;
      if (probe.on) setTimeout(() => ch.port2.postMessage(0), 0);
    };
    ch.port2.postMessage(0);
  });
}

async function stopProbe(page) {
  return page.evaluate(async () => {
    const probe = window.__probe;
    // Let the observer deliver the last entries.
    await new Promise((r) => setTimeout(r, 100));
    probe.on = false;
    probe.obs.disconnect();
    probe.loaf.disconnect();
    const worst = probe.frames.sort((a, b) => b.ms - a.ms).slice(0, 3);
    return {
      longest: probe.tasks.length ? Math.max(...probe.tasks) : 0,
      count: probe.tasks.length,
      gap: probe.gap,
      worst: worst.map((f) => `${f.ms} ms [${f.scripts.join("; ") || "rendering"}]`),
    };
  });
}

async function loadSheets(page, decl, self) {
  await page.evaluate(
    ({ decl, self }) => {
      const wb = window.__perfEvalDemo.host.workbook;
      if (decl) wb.addSheet("申报表", decl);
      wb.addSheet("自评表", self);
      wb.activeSheetId = wb.sheets[0].id;
    },
    { decl, self },
  );
}

async function runCheckAndWait(page) {
  await page.click('[data-testid="run-check"]');
  // Polled once a second, not every frame: the harness must not load the thread it measures. Done means the
  // result is drawn in full too (score cards and findings mount in later tasks, and those tasks count).
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="check-meta"][data-drawn="true"]') !== null &&
      !document.querySelector('[data-testid="run-check"]').disabled &&
      document.querySelector('[data-testid="findings"]:not([data-complete="true"])') === null,
    null,
    { timeout: 300000, polling: 1000 },
  );
}

async function measureCheck(browser, base, log) {
  const { context, page } = await openDemo(browser, base);
  try {
    const { decl, self } = buildSheets(ROWS);
    await loadSheets(page, decl, self);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    await startProbe(page);
    await new Promise((r) => setTimeout(r, 1000));
    const idle = await stopProbe(page);
    await startProbe(page);
    const t0 = Date.now();
    await runCheckAndWait(page);
    const wall = Date.now() - t0;
    const busy = await stopProbe(page);
    log(
      `  check ${ROWS} rows at ${THROTTLE}× throttle: ${wall} ms wall; longest task ${busy.longest.toFixed(0)} ms ` +
        `(${busy.count} long tasks), largest timer gap ${busy.gap.toFixed(0)} ms; idle longest ${idle.longest.toFixed(0)} ms`,
    );
    log(`    longest frames: ${busy.worst.join(" | ")}`);
    return { longest: busy.longest, gap: busy.gap, wall, idle: idle.longest, count: busy.count };
  } finally {
    await context.close();
  }
}

async function measureShowAll(browser, base, log) {
  const { context, page } = await openDemo(browser, base);
  try {
    // Every 得分 above its 分值: 20,000 findings of score-exceeds-weight.
    const { self } = buildSheets(ROWS);
    const head = self.findIndex((r) => r[0] === "绩效指标");
    for (let i = head + 1; i < self.length - 1; i++) self[i][7] = 3;
    await loadSheets(page, null, self);
    await runCheckAndWait(page);
    const group = '[data-testid="rule-score-exceeds-weight"]';
    await page.waitForSelector(`${group} [data-testid="show-all"]`, { timeout: 60000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    const res = await page.evaluate(async (sel) => {
      const btn = document.querySelector(`${sel} [data-testid="show-all"]`);
      const t0 = performance.now();
      btn.click();
      // Drawn: the frame after the commit has been painted.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t = performance.now() - t0;
      return { ms: t, count: Number(document.querySelector(sel).getAttribute("data-count")) };
    }, group);
    log(`  show all ${res.count} findings at ${THROTTLE}× throttle: ${res.ms.toFixed(0)} ms`);
    return res;
  } finally {
    await context.close();
  }
}

async function benchPane(out, log, notes) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-pane-"));
  let server;
  let browser;
  try {
    const t0 = Date.now();
    await build(outDir);
    log(`  webpack production build: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    server = await serve(outDir);
    const base = `http://127.0.0.1:${server.address().port}/`;
    const { chromium } = require("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const runs = Number(process.env.PANE_BENCH_RUNS || 3);
    const checks = [];
    const shows = [];
    for (let i = 0; i < runs; i++) checks.push(await measureCheck(browser, base, log));
    for (let i = 0; i < runs; i++) shows.push(await measureShowAll(browser, base, log));
    out["pane.longest_task_ms_20k"] = round(median(checks.map((c) => c.longest)), 0);
    out["pane.idle_longest_task_ms"] = round(median(checks.map((c) => c.idle)), 0);
    out["pane.check_wall_ms_20k"] = round(median(checks.map((c) => c.wall)), 0);
    out["pane.timer_gap_ms_20k"] = round(median(checks.map((c) => c.gap)), 0);
    out["pane.show_all_ms_20k"] = round(median(shows.map((s) => s.ms)), 0);
    out["pane.show_all_count"] = shows[0].count;
    if (checks.every((c) => c.count === 0))
      notes["pane.longest_task_ms_20k"] = "no task over 50 ms (the Long Tasks API reports none shorter): 0 means < 50";
  } catch (e) {
    for (const k of ["pane.longest_task_ms_20k", "pane.show_all_ms_20k"]) out[k] = null;
    notes.pane = `pane bench failed: ${String(e && e.message).split("\n")[0]}`;
  } finally {
    if (browser) await browser.close();
    if (server) server.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

module.exports = { benchPane };
