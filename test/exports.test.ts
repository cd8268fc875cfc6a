/**
 * Every export of src/ is imported by some other module of src/ (issue 15: no test-only exports). A function
 * that only a test reaches is either dead code or logic a test should reach through the path users take; an
 * export nothing imports is dead. The few entry points that are reached from outside TypeScript are listed below
 * with who calls them.
 */
import path from "path";
import * as ts from "typescript";

const root = path.join(__dirname, "..");
const src = path.join(root, "src") + path.sep;

/** Exports called from outside the TypeScript sources: file (relative to src/) → names, or "*" for all. */
const ENTRY_POINTS: Record<string, { names: "*" | string[]; why: string }> = {
  "cli/main.ts": { names: ["main"], why: "bin/perf-eval.js runs it" },
  "functions/generate.ts": { names: ["functionsSource", "zhCnJson"], why: "scripts/gen-functions.js writes them" },
  "functions/functions.ts": { names: "*", why: "the custom functions Excel calls (metadata plugin)" },
};

/** For each export of a src module that no other src module uses: [file relative to src/, name]. */
function exportsNotUsedBySrc(): [string, string][] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  )!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const checker = program.getTypeChecker();
  const srcFiles = program.getSourceFiles().filter((f) => f.fileName.startsWith(src.split(path.sep).join("/")));
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  /** Symbol → the src files that use it. */
  const users = new Map<ts.Symbol, Set<string>>();
  const use = (s: ts.Symbol | undefined, file: string) => {
    if (!s) return;
    const target = resolve(s);
    if (!users.has(target)) users.set(target, new Set());
    users.get(target)!.add(file);
  };
  for (const f of srcFiles) {
    const visit = (n: ts.Node): void => {
      if (ts.isImportSpecifier(n) || ts.isExportSpecifier(n)) use(checker.getSymbolAtLocation(n.name), f.fileName);
      else if (ts.isImportClause(n) && n.name) use(checker.getSymbolAtLocation(n.name), f.fileName);
      else if (ts.isPropertyAccessExpression(n)) use(checker.getSymbolAtLocation(n.name), f.fileName);
      else if (ts.isImportTypeNode(n) && n.qualifier) use(checker.getSymbolAtLocation(n.qualifier), f.fileName);
      else if (ts.isBindingElement(n) && ts.isObjectBindingPattern(n.parent)) {
        // const { run } = await import("./check")
        const key = (n.propertyName ?? n.name).getText(f);
        use(checker.getTypeAtLocation(n.parent).getProperty(key), f.fileName);
      } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
        // lazy(() => import("./TemplatesTab")): React takes the module's default export.
        const mod = checker.getSymbolAtLocation(n.arguments[0]);
        if (mod)
          use(
            checker.getExportsOfModule(mod).find((e) => e.name === "default"),
            f.fileName,
          );
      }
      ts.forEachChild(n, visit);
    };
    visit(f);
  }
  const out: [string, string][] = [];
  for (const f of srcFiles) {
    const rel = path.relative(src, f.fileName).split(path.sep).join("/");
    const mod = checker.getSymbolAtLocation(f);
    if (!mod) continue;
    for (const e of checker.getExportsOfModule(mod)) {
      const target = resolve(e);
      // Re-exports are judged where they are declared.
      if (target.declarations?.[0]?.getSourceFile() !== f) continue;
      const others = [...(users.get(target) ?? [])].filter((u) => u !== f.fileName);
      if (others.length === 0) out.push([rel, e.name]);
    }
  }
  return out;
}

const isEntryPoint = ([file, name]: [string, string]) => {
  const entry = ENTRY_POINTS[file];
  return !!entry && (entry.names === "*" || entry.names.includes(name));
};

let found: [string, string][];
beforeAll(() => {
  found = exportsNotUsedBySrc();
}, 120_000);

test("every export of src/ is used by another module of src/ (none only by tests, none by nobody)", () => {
  expect(found.filter((x) => !isEntryPoint(x)).map((x) => x.join(" "))).toEqual([]);
});

test("the scan finds exports no src module imports: the entry points, which only tests and scripts reach", () => {
  // functionsSource is imported by a test and by scripts/gen-functions.js, never by src: exactly what the scan
  // must catch, and why it is listed as an entry point above.
  const names = found.map((x) => x.join(" "));
  expect(names).toEqual(expect.arrayContaining(["cli/main.ts main", "functions/generate.ts functionsSource"]));
  expect(names).toContain("functions/functions.ts execRate");
});
