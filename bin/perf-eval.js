#!/usr/bin/env node
// Runs the compiled CLI; builds it first when missing or older than its sources (a fresh clone after `npm ci`
// already has it from the prepare step).
"use strict";
const path = require("path");
const fs = require("fs");
const root = path.join(__dirname, "..");
const entry = path.join(root, "build", "cli", "cli", "main.js");

function newestSource(dir) {
  let newest = 0;
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(name.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!fs.existsSync(entry)) return true;
  const built = fs.statSync(entry).mtimeMs;
  return ["core", "xlsx", "cli"].some((d) => newestSource(path.join(root, "src", d)) > built);
}

if (stale() && fs.existsSync(path.join(root, "node_modules", "typescript"))) {
  const { execFileSync } = require("child_process");
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc", { paths: [root] }), "-p", path.join(root, "tsconfig.cli.json")], { stdio: "ignore" });
  } catch {
    // tsc still emits on type errors (the test suite reports those); only a missing output is fatal.
  }
  if (!fs.existsSync(entry)) {
    process.stderr.write("perf-eval: could not build the command line (run `npm run build:cli` to see why)\n");
    process.exit(2);
  }
  fs.utimesSync(entry, new Date(), new Date());
}
// Exit only once stdout and stderr have been handed to the OS: a pipe takes 64 KB at a time, and
// process.exit() would drop the rest (the JSON cut short, the summary lost). A reader that went away
// (EPIPE) ends the run quietly with the same code.
function exitAfterDrain(code) {
  process.exitCode = code;
  let left = 2;
  const done = () => {
    if (--left === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.destroyed || stream.writableLength === 0) done();
    else {
      let called = false;
      const once = () => {
        if (!called) {
          called = true;
          done();
        }
      };
      stream.once("drain", once);
      stream.once("error", once);
      stream.once("close", once);
    }
  }
}
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
});
require(entry).main(process.argv.slice(2)).then(exitAfterDrain);
