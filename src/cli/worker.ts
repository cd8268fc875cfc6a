/**
 * Worker thread for `perf-eval check`: reads and checks one file per message and posts back its findings
 * only (a snapshot can be megabytes; findings are a few hundred bytes).
 */
import { parentPort } from "worker_threads";
import { checkFile, describeFailure, type FileOutcome } from "./checkFile";

export interface WorkerTask {
  index: number;
  file: string;
}

export interface WorkerReply {
  index: number;
  outcome: FileOutcome;
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (task: WorkerTask) => {
    checkFile(task.file).then(
      (outcome) => port.postMessage({ index: task.index, outcome } satisfies WorkerReply),
      (e) => port.postMessage({ index: task.index, outcome: { file: task.file, error: describeFailure(e, "read") } } satisfies WorkerReply),
    );
  });
}
