"use strict";
// Section 5: the custom functions as Excel calls them (src/functions wrappers over the core), over 100 k
// mixed real-world inputs, against a plain Number() loop over the same inputs.
const path = require("path");
const { timeRuns, round } = require("./util");

const TARGETS = [
  "≥95%",
  "≤628,678,956.50元",
  "=100%",
  "≥50个",
  "3.52万人",
  "≤90万元",
  "≥266米",
  "≧９５％",
  ">=90%",
  "不低于90%",
  "不超过100万元",
  "控制在5%以内",
  "≥100百分比",
  "★≥98%",
  " ≥ 6400 人 ",
  "95",
  0.95,
  "**",
  "在项目计划完成时间内完成",
  "效果明显",
];
const ACTUALS = [
  0.97,
  628278103.22,
  1,
  48,
  35452,
  90,
  "270米",
  "９６％",
  0.88,
  "92%",
  99.5,
  0.04,
  101,
  0.99,
  6394,
  96,
  0.9,
  "",
  "按时完成",
  "明显",
];
const COUNTS = [
  [[69, 46, 24, 2]],
  [[120, 30, 8, 1, 0]],
  [[10, 0]],
  [["69", "46", "24", "2"]],
  [[0, 0, 0, 0]],
  [[5, "x", 1, 1]],
];

/** 100 k calls: a third SCORE, a third TARGETVALUE, a third SATISFACTION, deterministic. */
function makeInputs(n = 100000) {
  const calls = [];
  let seed = 12345;
  const rnd = (k) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    if (kind === 0) calls.push(["score", TARGETS[rnd(TARGETS.length)], ACTUALS[rnd(ACTUALS.length)], 10]);
    else if (kind === 1) calls.push(["targetValue", TARGETS[rnd(TARGETS.length)]]);
    else calls.push(["satisfaction", COUNTS[rnd(COUNTS.length)]]);
  }
  return calls;
}

function installCustomFunctionsStub() {
  if (globalThis.CustomFunctions) return;
  class CFError extends Error {
    constructor(code, message) {
      super(message || code);
      this.code = code;
    }
  }
  globalThis.CustomFunctions = {
    Error: CFError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate() {},
  };
}

async function benchFunctions(out, log) {
  const root = path.join(__dirname, "..", "..");
  installCustomFunctionsStub();
  let fns;
  let via = "src/functions (the custom-function wrappers)";
  try {
    fns = require(path.join(root, "src", "functions", "functions.ts"));
    if (typeof fns.score !== "function") throw new Error("no score export");
  } catch {
    const { callEval } = require(path.join(root, "src", "core", "functions.ts"));
    via = "core callEval";
    fns = {
      score: (t, a, w) => callEval("SCORE", [t, a, w]),
      targetValue: (t) => callEval("TARGETVALUE", [t]),
      satisfaction: (c) => callEval("SATISFACTION", [c]),
    };
  }
  const calls = makeInputs();
  let errors = 0;
  const runFns = () => {
    errors = 0;
    let acc = 0;
    for (const c of calls) {
      try {
        const r =
          c[0] === "score"
            ? fns.score(c[1], c[2], c[3])
            : c[0] === "targetValue"
              ? fns.targetValue(c[1])
              : fns.satisfaction(c[1]);
        if (typeof r === "number") acc += r;
      } catch {
        errors++; // an Excel error (#VALUE!, #N/A…) is a normal result here
      }
    }
    return acc;
  };
  // Baseline: Number() over the same first argument of every call.
  const runNumber = () => {
    let acc = 0;
    for (const c of calls) {
      const v = c[0] === "satisfaction" ? Number(c[1][0][0]) : Number(c[1]);
      if (v === v) acc += v;
    }
    return acc;
  };
  const f = await timeRuns(runFns, { runs: 5, warmup: 1, budgetMs: 30000 });
  const b = await timeRuns(runNumber, { runs: 5, warmup: 1 });
  out["functions.calls"] = calls.length;
  out["functions.ms"] = round(f.median, 1);
  out["functions.calls_per_s"] = Math.round(calls.length / (f.median / 1000));
  out["functions.error_results"] = errors;
  out["functions.number_loop_ms"] = round(b.median, 2);
  out["functions.over_number_loop"] = round(f.median / b.median, 1);
  log(
    `  functions via ${via}: ${calls.length} calls in ${f.median.toFixed(0)} ms (${errors} Excel errors); Number() loop ${b.median.toFixed(2)} ms`,
  );
}

module.exports = { benchFunctions, makeInputs };
