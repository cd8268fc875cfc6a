/**
 * Checks many files on a pool of worker threads and hands results back in input order.
 *
 * Each worker reads + checks one file at a time and posts back findings only; out-of-order results wait in a
 * small buffer until their turn, so memory does not grow with the number of files. Each worker has a heap cap
 * and each file a time budget (issue 12). Without a compiled worker (running from TypeScript under jest),
 * files are checked in this thread instead.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { DEFAULT_READER_HEAP_MB, DEFAULT_TIMEOUT_S, limitText } from "../xlsx/limits";
import {
  checkFile,
  checkMerged,
  type FileCheckOptions,
  type FileFailure,
  type FileOutcome,
  type MergedResult,
} from "./checkFile";
import type { MergeTask, WorkerData, WorkerReply, WorkerTask } from "./worker";

/** The compiled worker next to this module (build/cli/cli/worker.js), or null when there is none. */
function compiledWorkerPath(): string | null {
  const p = path.join(__dirname, "worker.js");
  return fs.existsSync(p) ? p : null;
}

function availableCores(): number {
  const anyOs = os as unknown as { availableParallelism?: () => number };
  return Math.max(1, anyOs.availableParallelism ? anyOs.availableParallelism() : os.cpus().length);
}

/**
 * Readers used when --jobs is not given: one core is left to V8. Measured here (2 cores, 500–2000 small
 * forms), one reader already kept 1.3–1.5 cores busy, the rest being V8 compiling hot code and collecting
 * garbage on its own threads; a second reader had to share that core and finished no sooner. With more cores
 * the spare one serves every reader's compiler.
 */
function defaultJobs(cores: number, files: number): number {
  return Math.max(1, Math.min(cores - 1, files));
}

interface PoolOptions {
  /** Worker count. Default: defaultJobs(cores, files). With a compiled worker, even 1 means one worker thread. */
  jobs?: number;
  /** Override the worker script (tests, bench); null reads in this thread (no time or memory budget). */
  workerPath?: string | null;
  /** Heap cap per worker, so one monstrous file stops its worker, not the run. */
  workerHeapMb?: number;
  /** Per-file time budget in ms (0: none); past it the worker is stopped and the file reported. */
  timeoutMs?: number;
  /** Whether this thread reads files too, beside jobs − 1 workers (default false: jobs workers). */
  mainThreadReads?: boolean;
  /** Profile and rule settings, handed to every worker once (workerData), not with every file. */
  check?: FileCheckOptions;
}

type Emit = (index: number, outcome: FileOutcome) => void;

/** Why a worker was stopped or died, as the line its file gets. */
type Death = { kind: "timeout"; ms: number } | { kind: "memory"; mb: number } | { kind: "crash"; detail: string };

function deathFailure(file: string, d: Death): FileFailure {
  if (d.kind === "timeout") {
    const s = Math.round(d.ms / 100) / 10;
    return { file, error: limitText("读取和检查用时", "time to read and check it", `${s} 秒`, `${s} s`) };
  }
  if (d.kind === "memory") {
    return { file, error: limitText("读取所需内存", "memory needed to read it", `${d.mb} MB`) };
  }
  return {
    file,
    error: {
      "zh-CN": "读取这个文件时读取线程意外中止，文件未检查 (the reader stopped unexpectedly on this file; not checked)",
      "en-US": "the reader stopped unexpectedly on this file; not checked",
    },
    debug: d.detail,
  };
}

/** Starts a worker with the heap cap; `timeoutMs` later (when armed) it is stopped and `onDeath` gets why. */
class Reader {
  readonly worker: Worker;
  private timer: NodeJS.Timeout | null = null;
  private death: Death | null = null;
  private exited = false;
  constructor(
    workerPath: string,
    private readonly heapMb: number,
    private readonly timeoutMs: number,
    onMessage: (m: WorkerReply) => void,
    onDeath: (d: Death) => void,
    check: FileCheckOptions = {},
  ) {
    // The profile and rule settings go with the worker once, not with every file.
    this.worker = new Worker(workerPath, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      workerData: { check } satisfies WorkerData,
    });
    this.worker.on("message", onMessage);
    this.worker.on("error", (e: Error & { code?: string }) => {
      this.death ??=
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? { kind: "memory", mb: this.heapMb }
          : { kind: "crash", detail: e.stack ?? e.message };
    });
    // The death is reported on 'exit', not 'error': results posted before dying are delivered first only by
    // then, so the task still in flight is really the one it died on.
    this.worker.on("exit", (code) => {
      this.exited = true;
      this.disarm();
      if (this.stopping) return;
      onDeath(this.death ?? { kind: "crash", detail: `worker exited with code ${code}` });
    });
  }
  private stopping = false;

  /** (Re)starts the clock of the task now at the head of the worker's queue. */
  arm(): void {
    this.disarm();
    if (this.timeoutMs <= 0 || this.exited) return;
    this.timer = setTimeout(() => {
      this.death ??= { kind: "timeout", ms: this.timeoutMs };
      void this.worker.terminate();
    }, this.timeoutMs);
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Ends a worker that has nothing left to do (not a death). */
  stop(): void {
    this.stopping = true;
    this.disarm();
    void this.worker.terminate();
  }
}

/**
 * Checks `files`, calling `emit` exactly once per file, in input order. Returns the number of readers used.
 *
 * Files are read on worker threads (even with one job) so that a file past the memory or time budget stops
 * its worker and is reported, while the run goes on. With `jobs` = N, N workers read while this thread only
 * hands out files and prints: measured here, this thread reading too (N − 1 workers) left the workers
 * waiting for it, since a file's check runs without yielding to their messages.
 */
export async function checkFilesInOrder(files: readonly string[], emit: Emit, opts: PoolOptions = {}): Promise<number> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(availableCores(), files.length), files.length));
  const workerPath = opts.workerPath === undefined ? compiledWorkerPath() : opts.workerPath;
  if (!workerPath) {
    for (let i = 0; i < files.length; i++) emit(i, await checkFile(files[i], opts.check));
    return 1;
  }
  const mainReads = (opts.mainThreadReads ?? false) && jobs > 1;
  await runPool(files, emit, mainReads ? jobs - 1 : jobs, workerPath, budgets(opts), mainReads, opts.check ?? {});
  return jobs;
}

function budgets(opts: PoolOptions): { heapMb: number; timeoutMs: number } {
  return {
    heapMb: opts.workerHeapMb ?? DEFAULT_READER_HEAP_MB,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_S * 1000,
  };
}

/** Tasks a worker holds at once: the one it is reading and the next, so it never waits for this thread. */
const IN_FLIGHT = 2;

function runPool(
  files: readonly string[],
  emit: Emit,
  workerCount: number,
  workerPath: string,
  budget: { heapMb: number; timeoutMs: number },
  mainThreadReads: boolean,
  check: FileCheckOptions,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const pending = new Map<number, FileOutcome>();
    const requeued: number[] = [];
    let nextToEmit = 0;
    let nextToSend = 0;
    let done = false;

    const take = (): number | null => {
      if (requeued.length) return requeued.shift()!;
      return nextToSend < files.length ? nextToSend++ : null;
    };
    const hasWork = () => requeued.length > 0 || nextToSend < files.length;
    const feeders = new Set<() => void>();

    const deliver = (index: number, outcome: FileOutcome) => {
      if (index < nextToEmit || pending.has(index)) return; // one outcome per file, the first
      pending.set(index, outcome);
      while (pending.has(nextToEmit)) {
        const o = pending.get(nextToEmit)!;
        pending.delete(nextToEmit);
        emit(nextToEmit++, o);
      }
      if (nextToEmit === files.length && !done) {
        done = true;
        resolve();
      }
    };

    const start = () => {
      const inFlight: number[] = [];
      let dead = false;
      const onMessage = (m: WorkerReply) => {
        if ("started" in m) {
          if (inFlight[0] === m.started) reader.arm(); // each file its own time budget, from its start
          return;
        }
        if (!("index" in m)) return;
        const k = inFlight.indexOf(m.index);
        if (k >= 0) inFlight.splice(k, 1);
        reader.disarm();
        deliver(m.index, m.outcome);
        feed();
      };
      const onDeath = (d: Death) => {
        if (dead) return;
        dead = true;
        feeders.delete(feed);
        // The first task in flight is the one being read: it failed. The rest were never started.
        const [current, ...unstarted] = inFlight.splice(0);
        requeued.unshift(...unstarted);
        if (current !== undefined) deliver(current, deathFailure(files[current], d));
        // Replace the lost worker while there is work left.
        if (hasWork()) start();
      };
      const reader = new Reader(workerPath, budget.heapMb, budget.timeoutMs, onMessage, onDeath, check);
      const feed = () => {
        while (!dead && inFlight.length < IN_FLIGHT) {
          const i = take();
          if (i === null) break;
          inFlight.push(i);
          reader.worker.postMessage({ index: i, file: files[i] } satisfies WorkerTask);
        }
        if (!dead && inFlight.length === 0 && !hasWork()) {
          dead = true;
          feeders.delete(feed);
          reader.stop();
        }
      };
      feeders.add(feed);
      feed();
    };

    // This thread reads too, between handling the workers' messages (checkFile awaits, so they get through).
    const readHere = async () => {
      for (let i = take(); i !== null; i = take()) {
        deliver(i, await checkFile(files[i], check));
        for (const f of [...feeders]) f();
      }
    };

    if (files.length === 0) return resolve();
    for (let k = 0; k < workerCount; k++) start();
    if (mainThreadReads) void readHere();
  });
}

/**
 * --merge on a worker thread: the worker reads every file and checks them as one workbook. A file that stops
 * the worker (memory, time) is marked failed and the merge runs again without it, so the others are still
 * checked. Without a compiled worker, all of it runs in this thread.
 */
export async function checkMergedFiles(files: readonly string[], opts: PoolOptions = {}): Promise<MergedResult> {
  const workerPath = opts.workerPath === undefined ? compiledWorkerPath() : opts.workerPath;
  if (!workerPath) return checkMerged(files, new Set(), undefined, opts.check);
  const budget = budgets(opts);
  const skip = new Set<number>();
  const failures: (FileFailure | null)[] = files.map(() => null);
  for (;;) {
    const r = await new Promise<MergedResult | { died: number; death: Death }>((resolve) => {
      let current = -2;
      const reader = new Reader(
        workerPath,
        budget.heapMb,
        budget.timeoutMs,
        (m) => {
          if ("progress" in m) {
            current = m.progress;
            reader.arm(); // each file, and the check, gets its own budget
          } else if ("merged" in m) {
            reader.stop();
            resolve(m.merged);
          }
        },
        (death) => resolve({ died: current, death }),
        opts.check,
      );
      reader.worker.postMessage({ merge: [...files], skip: [...skip] } satisfies MergeTask);
    });
    if ("findings" in r) {
      r.failures.forEach((f, i) => {
        if (f && !failures[i]) failures[i] = f;
      });
      return { ...r, failures };
    }
    if (r.died >= 0) {
      failures[r.died] = deathFailure(files[r.died], r.death);
      skip.add(r.died);
      continue;
    }
    // Died while checking (or before reading anything): every file not already failed reports it.
    const f = deathFailure(files.join(" + "), r.death);
    return { failures, findings: [], recognized: [], checkFailure: f };
  }
}
