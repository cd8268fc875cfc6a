"use strict";
// Timing helpers: medians of several runs, with a time budget so a slow section cannot blow the 5 minutes.

function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn (sync or async) up to `runs` times (at least once), stopping early when `budgetMs` is spent. */
async function timeRuns(fn, { runs = 5, budgetMs = 20000, warmup = 0 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  const start = nowMs();
  for (let i = 0; i < runs; i++) {
    const t = nowMs();
    await fn();
    times.push(nowMs() - t);
    if (nowMs() - start > budgetMs) break;
  }
  return { median: median(times), runs: times.length, times };
}

/** Least-squares slope of log(y) on log(x): the exponent of y ∝ x^k. */
function fitExponent(points) {
  const xs = points.map((p) => Math.log(p[0]));
  const ys = points.map((p) => Math.log(p[1]));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

const round = (x, d = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d;

module.exports = { nowMs, median, timeRuns, fitExponent, round };
