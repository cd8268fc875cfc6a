/**
 * Writes the custom functions' two derived files from the EVAL function table (src/core/functions.ts), so the
 * table is the one copy: functions.ts (JSDoc the metadata plugin turns into functions.json, and the wrappers)
 * and zh-CN.json (the Chinese descriptions scripts/localize-functions.js puts into functions.zh-CN.json).
 * `npm run gen:functions` (scripts/gen-functions.js) writes them; test/functions/generated.test.ts fails when
 * either is stale.
 */
import { EVAL_FUNCTIONS, type EvalFunctionSpec, type EvalParamKind } from "../core/functions";

const TS_TYPE: Record<EvalParamKind, string> = { number: "number", any: "any", range: "any[][]" };

function wrapper(f: EvalFunctionSpec): string {
  const params = f.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${TS_TYPE[p.kind]}`).join(", ");
  const args = `[${f.params.map((p) => p.name).join(", ")}]`;
  const doc = [
    "/**",
    ` * ${f.description["en-US"]}`,
    ` * @customfunction ${f.name}`,
    ...f.params.map((p) => ` * @param {${TS_TYPE[p.kind]}} ${p.optional ? `[${p.name}]` : p.name} ${p.help["en-US"]}`),
    ` * @returns {${f.usesProfile ? `Promise<${f.result}>` : f.result}} ${f.example.replace(" → ", " gives ")}`,
    " */",
  ];
  const body = f.usesProfile
    ? [
        `export async function ${f.js}(${params}): Promise<${f.result}> {`,
        `  return toExcel(await withProfile((p) => callEval("${f.name}", ${args}, p))) as ${f.result};`,
        "}",
      ]
    : [
        `export function ${f.js}(${params}): ${f.result} {`,
        `  return toExcel(callEval("${f.name}", ${args})) as ${f.result};`,
        "}",
      ];
  return [...doc, ...body].join("\n");
}

export function functionsSource(): string {
  const head = [
    "/**",
    " * GENERATED from the EVAL function table (src/core/functions.ts) by src/functions/generate.ts: do not edit;",
    " * change the table and run `npm run gen:functions`.",
    " *",
    " * The EVAL custom functions (namespace EVAL comes from the manifest), each a thin wrapper over the core's",
    " * callEval, so Excel, `perf-eval fn` and the checks compute the same thing. This file is its own webpack",
    " * entry; the metadata plugin generates functions.json from the JSDoc below and inserts the",
    " * CustomFunctions.associate calls. Functions with defaults from the 评价口径 read the workbook's profile first.",
    " */",
    '/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator maps TypeScript `any` to Excel\'s "any" parameter type */',
    'import { callEval } from "../core/functions";',
    'import { toExcel, withProfile } from "./runtime";',
    "",
    'export { toExcel } from "./runtime";',
  ];
  return [...head, ...EVAL_FUNCTIONS.map((f) => "\n" + wrapper(f))].join("\n") + "\n";
}

export function zhCnJson(): string {
  const table = Object.fromEntries(
    EVAL_FUNCTIONS.map((f) => [
      f.name,
      {
        description: f.description["zh-CN"],
        parameters: Object.fromEntries(f.params.map((p) => [p.name, p.help["zh-CN"]])),
      },
    ]),
  );
  return JSON.stringify(table, null, 2) + "\n";
}
