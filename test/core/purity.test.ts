import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const FORBIDDEN =
  /^(react|react-dom|office-js|@microsoft\/office-js|office-addin-.*|@fluentui\/.*|exceljs|hyperformula|fs|path|os|child_process|worker_threads|crypto|stream|util|zlib|node:.*)(\/.*)?$/;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Module specifiers of import/export-from/require/dynamic import in a source text. */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re =
    /(?:\bimport\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?|\bexport\s+[^'"]*?\s+from\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)["']([^"']+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) specs.push(m[1]);
  return specs;
}

export function forbiddenIn(text: string): string[] {
  const bad = importsOf(text).filter((s) => FORBIDDEN.test(s));
  if (
    /\b(Office|Excel|CustomFunctions|document|window)\s*\.\s*[A-Za-z]/.test(
      text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""),
    )
  )
    bad.push("global host API");
  return bad;
}

describe("the domain core is pure", () => {
  test("the scanner catches what it must (so this test can fail)", () => {
    expect(forbiddenIn(`import * as fs from "fs";`)).toEqual(["fs"]);
    expect(forbiddenIn(`import { x } from "node:path";`)).toEqual(["node:path"]);
    expect(forbiddenIn(`const R = require("react");`)).toEqual(["react"]);
    expect(forbiddenIn(`import { Button } from "@fluentui/react-components";`)).toEqual(["@fluentui/react-components"]);
    expect(forbiddenIn(`export { a } from "exceljs";`)).toEqual(["exceljs"]);
    expect(forbiddenIn(`const w = await import("worker_threads");`)).toEqual(["worker_threads"]);
    expect(forbiddenIn(`Excel.run(async (c) => {});`)).toEqual(["global host API"]);
    expect(forbiddenIn(`import { parseValue } from "./value";`)).toEqual([]);
  });

  test("no file under src/core imports a host, UI or Node module", () => {
    const offenders: string[] = [];
    for (const f of sources(path.join(root, "src", "core"))) {
      const bad = forbiddenIn(fs.readFileSync(f, "utf8"));
      if (bad.length) offenders.push(`${path.relative(root, f)}: ${bad.join(", ")}`);
    }
    expect(offenders).toEqual([]);
  });

  test("tsc -p tsconfig.core.json (no DOM, no Node, no Office types) compiles", () => {
    let output = "";
    try {
      execFileSync(
        process.execPath,
        [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.core.json")],
        { cwd: root, encoding: "utf8", stdio: "pipe" },
      );
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ""}${err.stderr ?? ""}` || String(e);
    }
    expect(output).toBe("");
  }, 120000);
});
