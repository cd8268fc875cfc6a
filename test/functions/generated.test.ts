/**
 * functions.ts and zh-CN.json are generated from the EVAL function table (`npm run gen:functions`): this test
 * fails when either is stale.
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
  // On failure: run `npm run gen:functions`.
  expect(squash(fs.readFileSync(target, "utf8"))).toBe(squash(generate()));
});
