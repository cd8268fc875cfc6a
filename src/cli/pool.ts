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
import type { WorkerReply, WorkerTask } from "./worker";

/** The compiled worker next to this module (build/cli/cli/worker.js), or null when there is none. */
export function compiledWorkerPath(): string | null {
  const p = path.join(__dirname, "worker.js");
  return fs.existsSync(p) ? p : null;
}

export function availableCores(): number {
  const anyOs = os as unknown as { availableParallelism?: () => number };
  return Math.max(1, anyOs.availableParallelism ? anyOs.availableParallelism() : os.cpus().length);
}

export interface PoolOptions {
  /** Worker count; 1 = in this thread. Default: min(cores, files). */
  jobs?: number;
  /** Override the worker script (tests, bench). */
  workerPath?: string | null;
  /** Heap cap per worker, so one monstrous file cannot take the machine down. */
  workerHeapMb?: number;
}

export type Emit = (index: number, outcome: FileOutcome) => void;

/** Checks `files`, calling `emit` exactly once per file, in input order. Returns the worker count used. */
export async function checkFilesInOrder(files: readonly string[], emit: Emit, opts: PoolOptions = {}): Promise<number> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableCores(), files.length));
  const workerPath = opts.workerPath === undefined ? compiledWorkerPath() : opts.workerPath;
  if (jobs <= 1 || !workerPath) {
    for (let i = 0; i < files.length; i++) emit(i, await checkFile(files[i]));
    return 1;
  }
  await runPool(files, emit, jobs, workerPath, opts.workerHeapMb ?? 4096);
  return jobs;
}

function runPool(files: readonly string[], emit: Emit, jobs: number, workerPath: string, heapMb: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const pending = new Map<number, FileOutcome>();
    let nextToEmit = 0;
    let nextToSend = 0;

    const deliver = (index: number, outcome: FileOutcome) => {
      pending.set(index, outcome);
      while (pending.has(nextToEmit)) {
        const o = pending.get(nextToEmit)!;
        pending.delete(nextToEmit);
        emit(nextToEmit++, o);
      }
      if (nextToEmit === files.length) resolve();
    };

    const start = () => {
      const worker = new Worker(workerPath, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      let current: number | null = null;
      let finished = false;
      const feed = () => {
        if (nextToSend < files.length) {
          current = nextToSend++;
          worker.postMessage({ index: current, file: files[current] } satisfies WorkerTask);
        } else {
          current = null;
          finished = true;
          void worker.terminate();
        }
      };
      worker.on("message", (m: WorkerReply) => {
        current = null;
        deliver(m.index, m.outcome);
        feed();
      });
      const die = (reason: string) => {
        if (finished) return;
        finished = true;
        if (current !== null) {
          const i = current;
          current = null;
          deliver(i, {
            file: files[i],
            error: {
              "zh-CN": `读取时进程中止 (reading stopped: ${reason})`,
              "en-US": `reading stopped: ${reason}`,
            },
          });
        }
        // Replace the lost worker while there is work left.
        if (nextToSend < files.length) start();
      };
      worker.on("error", (e: Error & { code?: string }) =>
        die(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "out of memory, the workbook is too large" : e.message.split("\n")[0]),
      );
      worker.on("exit", (code) => {
        if (!finished) die(`worker exited with code ${code}`);
      });
      feed();
    };

    if (files.length === 0) return resolve();
    for (let k = 0; k < jobs; k++) start();
  });
}
