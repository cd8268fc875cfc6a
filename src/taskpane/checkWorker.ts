/**
 * The check off the page's thread (issue 14): the pane posts the snapshot in row slices, packed (each a short
 * task on the page), the worker runs the core's checkWorkbook and posts progress per rule and the findings back in
 * slices. Messages are plain data; see workerCheck.ts for the page's side.
 */
import { checkWorkbook, type CheckOptions } from "../core/check";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import type { ToWorker, FromWorker } from "./workerProtocol";
import { FINDINGS_PER_MESSAGE } from "./workerProtocol";
import { unpackGrid } from "./gridCodec";

const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let snapshot: WorkbookSnapshot = { sheets: [] };
let options: Omit<CheckOptions, "onProgress"> = {};

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === "begin") {
    snapshot = m.source === undefined ? { sheets: [] } : { source: m.source, sheets: [] };
    options = m.options;
  } else if (m.type === "sheet") {
    snapshot.sheets.push({ ...m.sheet, values: [], formulas: [], numberFormats: [] } as SheetSnapshot);
  } else if (m.type === "rows") {
    const s = snapshot.sheets[m.sheet];
    for (const r of unpackGrid(m.values)) s.values.push(r as CellValue[]);
    if (m.formulas) for (const r of unpackGrid(m.formulas)) s.formulas!.push(r as (string | null)[]);
    if (m.formats) for (const r of unpackGrid(m.formats)) s.numberFormats!.push(r as (string | null)[]);
  } else if (m.type === "run") {
    try {
      for (const s of snapshot.sheets) {
        // A sheet sent without formulas or formats has none (the reader gave none).
        if (!s.formulas?.length) delete s.formulas;
        if (!s.numberFormats?.length) delete s.numberFormats;
      }
      const result = checkWorkbook(snapshot, {
        ...options,
        onProgress: (done, total) => scope.postMessage({ type: "progress", done, total }),
      });
      const { findings, ...rest } = result;
      for (let i = 0; i < findings.length; i += FINDINGS_PER_MESSAGE)
        scope.postMessage({ type: "findings", items: findings.slice(i, i + FINDINGS_PER_MESSAGE) });
      scope.postMessage({ type: "done", result: rest });
    } catch (err) {
      scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
    }
    snapshot = { sheets: [] };
  }
};
