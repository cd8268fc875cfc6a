/**
 * Worker thread for `perf-eval check`: reads and checks one file per message and posts back its findings
 * only (a snapshot can be megabytes; findings are a few hundred bytes). Every file is read on such a thread,
 * with a heap cap, so a file that needs too much memory stops this thread, not the run (issue 12).
 */
import { parentPort, workerData } from "worker_threads";
import {
  checkFile,
  checkMerged,
  failureOutcome,
  type FileCheckOptions,
  type FileOutcome,
  type MergedResult,
} from "./checkFile";

export interface WorkerTask {
  index: number;
  file: string;
}

/** What every worker is started with: the profile and rule settings of the run. */
export interface WorkerData {
  check: FileCheckOptions;
}

/** --merge: read `files` (but not those in `skip`), check them as one workbook. */
export interface MergeTask {
  merge: string[];
  skip: number[];
}

export type WorkerReply =
  | { index: number; outcome: FileOutcome }
  /** Reading task `started` begins now: its time budget starts here, not while the thread was starting. */
  | { started: number }
  /** --merge: reading files[progress] starts now (-1: checking starts). */
  | { progress: number }
  | { merged: MergedResult };

if (parentPort) {
  const port = parentPort;
  const options = (workerData as WorkerData | null)?.check ?? {};
  // The pool sends the next task before this one is done (so the worker never waits for the main thread);
  // tasks still run one at a time, in the order sent, to keep one snapshot in memory.
  let chain: Promise<void> = Promise.resolve();
  port.on("message", (task: WorkerTask | MergeTask) => {
    chain = chain.then(async () => {
      if ("merge" in task) {
        const merged = await checkMerged(
          task.merge,
          new Set(task.skip),
          (i) => port.postMessage({ progress: i }),
          options,
        );
        port.postMessage({ merged } satisfies WorkerReply);
        return;
      }
      port.postMessage({ started: task.index } satisfies WorkerReply);
      let outcome: FileOutcome;
      try {
        outcome = await checkFile(task.file, options);
      } catch (e) {
        outcome = failureOutcome(task.file, e, "read");
      }
      port.postMessage({ index: task.index, outcome } satisfies WorkerReply);
    });
  });
}
