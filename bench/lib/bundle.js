"use strict";
// Section 4: task pane weight and start. Builds the add-in (webpack, production) into a temp dir, sums the
// gzipped size of what the custom functions need before they register (the functions entrypoint's files)
// and of what the task pane loads before its first screen (taskpane.html, its scripts, and the lazy chunks
// fetched before the first screen appears), then times navigation → first screen of the demo page in
// headless Chromium beside a blank page that loads React alone.
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const zlib = require("zlib");
const { median, round } = require("./util");

const root = path.join(__dirname, "..", "..");
const FIRST_SCREEN = '[data-testid="tab-check"]';
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const gzKb = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

function build(outDir) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = makeConfig({ outputPath: outDir }, { mode: "production" });
  config.devtool = false; // source maps are not loaded by a user's pane; skip the work
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors())
        return reject(
          new Error(
            stats
              .toJson({ all: false, errors: true })
              .errors.map((e) => e.message || e)
              .join("\n")
              .split("\n")[0],
          ),
        );
      resolve(stats.toJson({ all: false, entrypoints: true, assets: true, chunkGroupAuxiliary: false }));
    });
  });
}

function serve(dir) {
  const types = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".json": "application/json",
    ".png": "image/png",
    ".css": "text/css",
  };
  const server = http.createServer((req, res) => {
    const p = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!p.startsWith(dir) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, {
      "Content-Type": types[path.extname(p)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(p).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** A page with React 18 alone rendering one element: the floor for any React first screen. */
function writeBlankPage(dir) {
  const umd = (pkg, file) => {
    const pkgDir = path.dirname(require.resolve(`${pkg}/package.json`, { paths: [root] }));
    fs.copyFileSync(path.join(pkgDir, "umd", file), path.join(dir, file));
  };
  umd("react", "react.production.min.js");
  umd("react-dom", "react-dom.production.min.js");
  fs.writeFileSync(
    path.join(dir, "react-blank.js"),
    `ReactDOM.createRoot(document.getElementById("root")).render(React.createElement("div", { "data-testid": "blank" }, "ready"));`,
  );
  fs.writeFileSync(
    path.join(dir, "react-blank.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><div id="root"></div>` +
      `<script src="react.production.min.js"></script><script src="react-dom.production.min.js"></script><script src="react-blank.js"></script></body></html>`,
  );
}

async function firstScreenTimes(browser, url, selector, runs, requested) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript((sel) => {
      window.__firstScreen = null;
      const check = () => {
        if (window.__firstScreen === null && document.querySelector(sel)) window.__firstScreen = performance.now();
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
    }, selector);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstScreen !== null, null, { timeout: 30000 });
    const t = await page.evaluate(() => window.__firstScreen);
    if (requested) {
      // What had finished loading when the first screen appeared (lazy tab bodies requested during the
      // first render but arriving after it do not count).
      const before = await page.evaluate(
        (limit) =>
          performance
            .getEntriesByType("resource")
            .filter((e) => e.responseEnd <= limit)
            .map((e) => e.name),
        t,
      );
      requested.push(before);
    }
    times.push(t);
    await context.close();
  }
  return times;
}

async function benchBundle(out, log, notes) {
  const keys = [
    "bundle.functions_gz_kb",
    "bundle.first_screen_gz_kb",
    "bundle.first_screen_ms",
    "bundle.react_blank_ms",
  ];
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bench-dist-"));
  try {
    let stats;
    const t0 = Date.now();
    try {
      stats = await build(outDir);
    } catch (e) {
      for (const k of keys) out[k] = null;
      notes.bundle = `webpack build failed: ${String(e && e.message).split("\n")[0]}`;
      return;
    }
    log(`  webpack production build: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    await measureBuilt(outDir, stats, out, log, notes);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** Sizes and first-screen timing of a finished build in `outDir` (`stats`: webpack's JSON with entrypoints). */
async function measureBuilt(outDir, stats, out, log, notes) {
  {
    const fnEntry = stats.entrypoints.functions;
    if (fnEntry) {
      const files = fnEntry.assets.map((a) => (typeof a === "string" ? a : a.name)).filter((f) => f.endsWith(".js"));
      out["bundle.functions_gz_kb"] = round(
        files.reduce((s, f) => s + gzKb(path.join(outDir, f)), 0),
        1,
      );
      out["bundle.functions_files"] = files.join(" ");
    } else {
      out["bundle.functions_gz_kb"] = null;
      notes["bundle.functions_gz_kb"] = "no functions entrypoint in the webpack build";
    }

    const html = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
    const staticFiles = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)=["']?([^"' >]+)/g)]
      .map((m) => m[1])
      .filter((u) => !/^https?:/.test(u));

    writeBlankPage(outDir);
    const server = await serve(outDir);
    const base = `http://127.0.0.1:${server.address().port}/`;
    let browser;
    try {
      const { chromium } = require("playwright-core");
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const requested = [];
      const runs = 5;
      const demo = [];
      const blank = [];
      // Interleaved so machine noise hits both alike.
      for (let i = 0; i < runs; i++) {
        blank.push(...(await firstScreenTimes(browser, `${base}react-blank.html`, '[data-testid="blank"]', 1)));
        demo.push(...(await firstScreenTimes(browser, `${base}demo.html`, FIRST_SCREEN, 1, requested)));
      }
      out["bundle.first_screen_ms"] = round(median(demo), 1);
      out["bundle.react_blank_ms"] = round(median(blank), 1);
      out["bundle.first_screen_over_blank"] = round(median(demo) / median(blank), 2);
      // Lazy chunks that had arrived before the first screen in every run: what it needs, not what merely
      // won a race in one run (the demo's own files are not the pane's weight).
      const perRun = requested.map((urls) => new Set(urls.map((u) => new URL(u).pathname.replace(/^\//, ""))));
      const lazy = [...perRun[0]]
        .filter((f) => perRun.every((set) => set.has(f)))
        .filter(
          (f) =>
            f.endsWith(".js") && !staticFiles.includes(f) && !/demo/.test(f) && fs.existsSync(path.join(outDir, f)),
        );
      const files = [...new Set(["taskpane.html", ...staticFiles, ...lazy])];
      out["bundle.first_screen_gz_kb"] = round(
        files.reduce((s, f) => s + gzKb(path.join(outDir, f)), 0),
        1,
      );
      out["bundle.first_screen_files"] = files.join(" ");
      log(
        `  first screen: ${files.length} files; demo ${median(demo).toFixed(0)} ms vs React blank ${median(blank).toFixed(0)} ms`,
      );
    } catch (e) {
      for (const k of ["bundle.first_screen_ms", "bundle.react_blank_ms"]) out[k] = null;
      notes["bundle.first_screen_ms"] = `headless Chromium run failed: ${String(e && e.message).split("\n")[0]}`;
      if (out["bundle.first_screen_gz_kb"] === undefined) {
        out["bundle.first_screen_gz_kb"] = round(
          ["taskpane.html", ...staticFiles].reduce((s, f) => s + gzKb(path.join(outDir, f)), 0),
          1,
        );
        notes["bundle.first_screen_gz_kb"] =
          "static scripts of taskpane.html only (lazy chunks unknown without Chromium)";
      }
    } finally {
      if (browser) await browser.close();
      server.close();
    }
  }
}

module.exports = { benchBundle, measureBuilt, build, serve, CHROMIUM, CHROMIUM_ARGS };
