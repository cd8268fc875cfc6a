"use strict";
// Preloaded into the CLI by the bench: records the process's peak resident memory (worker threads included)
// when it exits, into the file named by PERF_EVAL_BENCH_RSS.
process.on("exit", () => {
  const file = process.env.PERF_EVAL_BENCH_RSS;
  if (file) require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS)); // KB
});
