/**
 * functions.ts and zh-CN.json are generated from the EVAL function table: this test fails when either is
 * stale, and with GEN_FUNCTIONS=1 rewrites them (then prettier keeps them in the repo's style).
 */
import * as fs from "fs";
import * as path from "path";
import { functionsSource, zhCnJson } from "../../src/functions/generate";

const dir = path.join(__dirname, "..", "..", "src", "functions");

// Prettier owns the layout of functions.ts: compare the text without its line breaks and indentation.
const squash = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/\(\s+/g, "(")
    .replace(/,?\s*\)/g, ")");

test.each([
  ["functions.ts", functionsSource],
  ["zh-CN.json", zhCnJson],
])("%s is what the table generates", (file, generate) => {
  const target = path.join(dir, file);
  if (process.env.GEN_FUNCTIONS === "1") fs.writeFileSync(target, generate());
  expect(squash(fs.readFileSync(target, "utf8"))).toBe(squash(generate()));
});
