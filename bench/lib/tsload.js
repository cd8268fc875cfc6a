"use strict";
// Lets the bench require the add-in's TypeScript sources directly (src/core, src/sim, src/office, src/xlsx):
// each .ts/.tsx file is transpiled to CommonJS on load with the TypeScript compiler already installed.
// Type checking is `npm run typecheck`'s job; the bench only needs the code.
const fs = require("fs");
const ts = require("typescript");

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  sourceMap: false,
};

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const out = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
  module._compile(out.outputText, filename);
}

if (!require.extensions[".ts"]) {
  require.extensions[".ts"] = compile;
  require.extensions[".tsx"] = compile;
}

module.exports = { compile };
