/** The simulated host runs in node (jest) and in the browser (demo page): no Node built-ins, no DOM, no Office.js. */
import { readdirSync, readFileSync } from "fs";
import { builtinModules } from "module";
import { join } from "path";

const dir = join(__dirname, "../../src/sim");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

test.each(files)("%s imports only the core and itself, and touches no DOM", (file) => {
  const src = readFileSync(join(dir, file), "utf8");
  const imports = [...src.matchAll(/from\s+"([^"]+)"|import\s+"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  for (const spec of imports) {
    expect(spec.startsWith("./") || spec.startsWith("../core/")).toBe(true);
    expect(builtinModules).not.toContain(spec.replace(/^node:/, ""));
  }
  const code = src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  expect(code).not.toMatch(/\b(document|window|localStorage|require)\s*[.(]/);
  expect(code).not.toMatch(/\bBuffer\b|\bprocess\./);
});
