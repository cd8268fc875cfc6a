/**
 * Worker thread for `perf-eval check`: reads and checks one file per message and posts back its findings
 * only (a snapshot can be megabytes; findings are a few hundred bytes).
 */
import { parentPort, workerData } from "worker_threads";
import type { CheckOptions } from "../core/check";
import { checkFile, describeFailure, type FileOutcome } from "./checkFile";

export interface WorkerTask {
  index: number;
  file: string;
}

/** What every worker is started with: the profile and rule settings of the run. */
export interface WorkerData {
  check: CheckOptions;
}

export interface WorkerReply {
  index: number;
  outcome: FileOutcome;
}

if (parentPort) {
  const port = parentPort;
  const options = (workerData as WorkerData | null)?.check ?? {};
  // The pool sends the next task before this one is done (so the worker never waits for the main thread);
  // tasks still run one at a time, in the order sent, to keep one snapshot in memory.
  let chain: Promise<void> = Promise.resolve();
  port.on("message", (task: WorkerTask) => {
    chain = chain.then(() =>
      checkFile(task.file, options).then(
        (outcome) => port.postMessage({ index: task.index, outcome } satisfies WorkerReply),
        (e) =>
          port.postMessage({
            index: task.index,
            outcome: { file: task.file, error: describeFailure(e, "read") },
          } satisfies WorkerReply),
      ),
    );
  });
}
