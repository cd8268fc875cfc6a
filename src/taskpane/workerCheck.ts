/**
 * Runs the core check in a Web Worker (check-worker.js, a webpack entry of its own) so that a big workbook never
 * blocks the pane: the snapshot goes over in row slices with a yield between them, progress comes back per rule,
 * findings in slices. Where no worker can start (no Worker, the file is missing, CSP), the check runs on the
 * page as before: slower to draw, same result.
 */
import { checkWorkbook, type CheckOptions, type CheckResult } from "../core/check";
import type { Finding } from "../core/findings";
import type { WorkbookSnapshot } from "../core/snapshot";
import { packGrid, transferList, type PackedGrid } from "./gridCodec";
import { ROWS_PER_MESSAGE, type FromWorker, type ToWorker } from "./workerProtocol";

const WORKER_FILE = "check-worker.js";

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** (done, total) of the check: the transfer counts as the first tenth, the rules as the rest. */
type CheckFraction = (fraction: number) => void;

function startWorker(): Worker | null {
  if (typeof Worker === "undefined" || typeof document === "undefined") return null;
  try {
    return new Worker(new URL(WORKER_FILE, document.baseURI));
  } catch {
    return null;
  }
}

/** Options a worker can receive: functions do not cross a postMessage. */
function cloneable(options: CheckOptions): Omit<CheckOptions, "onProgress"> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (typeof v !== "function") out[k] = v;
  return out as Omit<CheckOptions, "onProgress">;
}

export async function checkInWorker(
  snapshot: WorkbookSnapshot,
  options: CheckOptions = {},
  onFraction?: CheckFraction,
): Promise<CheckResult> {
  const worker = startWorker();
  if (!worker) return checkWorkbook(snapshot, { ...options, onProgress: (d, t) => onFraction?.(d / t) });
  try {
    return await new Promise<CheckResult>((resolve, reject) => {
      const findings: Finding[] = [];
      let started = false;
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        started = true;
        if (m.type === "progress") onFraction?.(0.1 + 0.9 * (m.done / Math.max(1, m.total)));
        else if (m.type === "findings") for (const f of m.items) findings.push(f);
        else if (m.type === "done") resolve({ ...m.result, findings });
        else reject(new Error(m.message));
      };
      // A worker that cannot load (404, CSP) fails before it says anything: check on the page instead.
      worker.onerror = (e) => {
        e.preventDefault?.();
        if (!started) resolve(checkWorkbook(snapshot, { ...options, onProgress: (d, t) => onFraction?.(d / t) }));
        else reject(new Error(e.message || "check worker failed"));
      };
      void send(worker, snapshot, options, onFraction).catch(reject);
    });
  } finally {
    worker.terminate();
  }
}

async function send(
  worker: Worker,
  snapshot: WorkbookSnapshot,
  options: CheckOptions,
  onFraction?: CheckFraction,
): Promise<void> {
  const post = (m: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
  post({
    type: "begin",
    ...(snapshot.source !== undefined ? { source: snapshot.source } : {}),
    options: cloneable(options),
  });
  const total = snapshot.sheets.reduce((n, s) => n + s.values.length, 0);
  let sent = 0;
  for (let i = 0; i < snapshot.sheets.length; i++) {
    const { values, formulas, numberFormats, ...meta } = snapshot.sheets[i];
    post({ type: "sheet", sheet: meta });
    for (let r = 0; r < values.length; r += ROWS_PER_MESSAGE) {
      const end = r + ROWS_PER_MESSAGE;
      // Packed, its typed arrays transferred: cloning nested arrays was the page's longest task here.
      const packed: PackedGrid[] = [];
      const pack = (rows: Parameters<typeof packGrid>[0]) => {
        const p = packGrid(rows);
        packed.push(p);
        return p;
      };
      post(
        {
          type: "rows",
          sheet: i,
          values: pack(values.slice(r, end)),
          ...(formulas ? { formulas: pack(formulas.slice(r, end)) } : {}),
          ...(numberFormats ? { formats: pack(numberFormats.slice(r, end)) } : {}),
        },
        packed.flatMap(transferList),
      );
      sent += Math.min(ROWS_PER_MESSAGE, values.length - r);
      onFraction?.(0.1 * (sent / Math.max(1, total)));
      await nextTask();
    }
  }
  post({ type: "run" });
}
