"use strict";
/**
 * `npm run gen:functions`: rewrites the custom functions' two derived files from the EVAL function table
 * (src/core/functions.ts) with src/functions/generate.ts, then lets prettier lay out functions.ts.
 * test/functions/generated.test.ts fails while either file differs from what the table generates.
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
require("../bench/lib/tsload");
const { functionsSource, zhCnJson } = require("../src/functions/generate");

const dir = path.join(__dirname, "..", "src", "functions");
const ts = path.join(dir, "functions.ts");
fs.writeFileSync(ts, functionsSource());
fs.writeFileSync(path.join(dir, "zh-CN.json"), zhCnJson());
execFileSync(process.execPath, [require.resolve("prettier/bin/prettier.cjs"), "--write", ts], { stdio: "inherit" });
console.log(`wrote ${path.relative(process.cwd(), ts)} and zh-CN.json`);
