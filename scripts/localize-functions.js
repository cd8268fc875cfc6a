"use strict";
/**
 * Localize the custom-functions metadata (functions.json, generated in English from the JSDoc) to zh-CN.
 * The zh-CN texts come from src/functions/zh-CN.json, which a test keeps equal to the core's function table
 * (src/core/functions.ts), so Excel, the CLI help and this file never drift apart.
 *
 * module.exports = localize(enMetadata) → zhMetadata. Accepts the JSON text or the parsed object and returns
 * the same kind. Ids, names, types and dimensionality stay as they are: only descriptions change.
 */
const path = require("path");

function loadTable() {
  return require(path.join(__dirname, "..", "src", "functions", "zh-CN.json"));
}

function localize(enMetadata, table) {
  const asText = typeof enMetadata === "string";
  const meta = asText ? JSON.parse(enMetadata) : JSON.parse(JSON.stringify(enMetadata));
  const zh = table || loadTable();
  if (!meta || !Array.isArray(meta.functions)) throw new Error("localize-functions: metadata has no 'functions' list");
  for (const fn of meta.functions) {
    const entry = zh[String(fn.id || fn.name || "").toUpperCase()];
    if (!entry) throw new Error(`localize-functions: no zh-CN text for function ${fn.id}`);
    if (entry.description) fn.description = entry.description;
    for (const p of fn.parameters || []) {
      const help = entry.parameters && entry.parameters[p.name];
      if (!help) throw new Error(`localize-functions: no zh-CN text for ${fn.id}(${p.name})`);
      p.description = help;
    }
  }
  return asText ? JSON.stringify(meta, null, 2) : meta;
}

module.exports = localize;
module.exports.localize = localize;
