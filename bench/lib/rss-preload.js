"use strict";
// Preloaded into the CLI by the bench: when the process exits, records into the file named by
// PERF_EVAL_BENCH_RSS its peak resident memory (worker threads included) and the CPU time of its threads, read
// from /proc (Linux only; elsewhere the CPU fields are null). The main thread is the one whose id is the
// process id; the others are reader threads and V8's own (compiler, garbage collector).
process.on("exit", () => {
  const file = process.env.PERF_EVAL_BENCH_RSS;
  if (!file) return;
  const fs = require("fs");
  let mainMs = null;
  let otherMs = null;
  try {
    const hz = 100; // USER_HZ on Linux
    mainMs = 0;
    otherMs = 0;
    for (const tid of fs.readdirSync("/proc/self/task")) {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = ((Number(f[11]) + Number(f[12])) * 1000) / hz;
      if (Number(tid) === process.pid) mainMs += ms;
      else otherMs += ms;
    }
  } catch {
    mainMs = otherMs = null;
  }
  fs.writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, mainMs, otherMs }));
});
