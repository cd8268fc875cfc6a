/**
 * Checks many files on a pool of worker threads and hands results back in input order.
 *
 * Each worker reads + checks one file at a time and posts back findings only; out-of-order results wait in a
 * small buffer until their turn, so memory does not grow with the number of files. Without a compiled worker
 * (running from TypeScript under jest) or with one job, files are checked in this thread instead.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { checkFile, type FileOutcome } from "./checkFile";
import type { CheckOptions } from "../core/check";
import type { WorkerData, WorkerReply, WorkerTask } from "./worker";

/** The compiled worker next to this module (build/cli/cli/worker.js), or null when there is none. */
export function compiledWorkerPath(): string | null {
  const p = path.join(__dirname, "worker.js");
  return fs.existsSync(p) ? p : null;
}

export function availableCores(): number {
  const anyOs = os as unknown as { availableParallelism?: () => number };
  return Math.max(1, anyOs.availableParallelism ? anyOs.availableParallelism() : os.cpus().length);
}

/**
 * Readers used when --jobs is not given: one core is left to V8. Measured here (2 cores, 500–2000 small
 * forms), one reader already kept 1.3–1.5 cores busy, the rest being V8 compiling hot code and collecting
 * garbage on its own threads; a second reader had to share that core and finished no sooner. With more cores
 * the spare one serves every reader's compiler.
 */
export function defaultJobs(cores: number, files: number): number {
  return Math.max(1, Math.min(cores - 1, files));
}

export interface PoolOptions {
  /** Worker count; 1 = in this thread. Default: defaultJobs(cores, files). */
  jobs?: number;
  /** Override the worker script (tests, bench). */
  workerPath?: string | null;
  /** Heap cap per worker, so one monstrous file cannot take the machine down. */
  workerHeapMb?: number;
  /** Whether this thread reads files too, beside jobs − 1 workers (default false: jobs workers). */
  mainThreadReads?: boolean;
  /** Profile and rule settings, handed to every worker once (workerData), not with every file. */
  check?: CheckOptions;
}

export type Emit = (index: number, outcome: FileOutcome) => void;

/**
 * Checks `files`, calling `emit` exactly once per file, in input order. Returns the number of readers used.
 *
 * With `jobs` = N > 1, N worker threads read while this thread only hands out files and prints: measured here,
 * this thread reading too (N − 1 workers) left the workers waiting for it, since a file's check runs without
 * yielding to their messages.
 */
export async function checkFilesInOrder(files: readonly string[], emit: Emit, opts: PoolOptions = {}): Promise<number> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(availableCores(), files.length), files.length));
  const workerPath = opts.workerPath === undefined ? compiledWorkerPath() : opts.workerPath;
  if (jobs <= 1 || !workerPath) {
    for (let i = 0; i < files.length; i++) emit(i, await checkFile(files[i], opts.check));
    return 1;
  }
  const mainReads = opts.mainThreadReads ?? false;
  await runPool(
    files,
    emit,
    mainReads ? jobs - 1 : jobs,
    workerPath,
    opts.workerHeapMb ?? 4096,
    mainReads,
    opts.check ?? {},
  );
  return jobs;
}

/** Tasks a worker holds at once: the one it is reading and the next, so it never waits for this thread. */
const IN_FLIGHT = 2;

function runPool(
  files: readonly string[],
  emit: Emit,
  workerCount: number,
  workerPath: string,
  heapMb: number,
  mainThreadReads: boolean,
  check: CheckOptions,
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
      const worker = new Worker(workerPath, {
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
        workerData: { check } satisfies WorkerData,
      });
      const inFlight: number[] = [];
      let dead = false;
      const feed = () => {
        while (!dead && inFlight.length < IN_FLIGHT) {
          const i = take();
          if (i === null) break;
          inFlight.push(i);
          worker.postMessage({ index: i, file: files[i] } satisfies WorkerTask);
        }
        if (!dead && inFlight.length === 0 && !hasWork()) {
          dead = true;
          feeders.delete(feed);
          void worker.terminate();
        }
      };
      feeders.add(feed);
      worker.on("message", (m: WorkerReply) => {
        const k = inFlight.indexOf(m.index);
        if (k >= 0) inFlight.splice(k, 1);
        deliver(m.index, m.outcome);
        feed();
      });
      const die = (reason: string) => {
        if (dead) return;
        dead = true;
        feeders.delete(feed);
        // The first task in flight is the one being read: it failed. The rest were never started.
        const [current, ...unstarted] = inFlight.splice(0);
        requeued.unshift(...unstarted);
        if (current !== undefined) {
          deliver(current, {
            file: files[current],
            error: { "zh-CN": `读取时进程中止 (reading stopped: ${reason})`, "en-US": `reading stopped: ${reason}` },
          });
        }
        // Replace the lost worker while there is work left.
        if (hasWork()) start();
      };
      // Attribute the failure on 'exit', not 'error': results the worker posted before dying are delivered
      // first only by then, so the task still in flight is really the one it died on.
      let reason: string | null = null;
      worker.on("error", (e: Error & { code?: string }) => {
        reason ??=
          e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "out of memory, the workbook is too large" : e.message.split("\n")[0];
      });
      worker.on("exit", (code) => {
        if (!dead) die(reason ?? `worker exited with code ${code}`);
      });
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
