/**
 * The 检查 tab's state in one place (issue 14): what runs, its progress, the last check (from the pane or the
 * ribbon), how many cells carry our highlight, and the one message about the last action. Every change goes
 * through `paneReducer`, so no two parts of the pane can disagree (a "cleared" note beside "1 cell
 * highlighted", an old error under a new result). Pure: no React, no Office.
 */
import type { CheckRecord } from "./checkStore";

type Busy = "idle" | "checking" | "clearing";

/** The one message about the last action; text already in the user's language or a key to look up. */
export type Notice =
  | { kind: "cleared"; restored: number }
  | { kind: "nothing-to-clear" }
  | { kind: "drafted"; notice: string; rectification: string }
  | { kind: "error"; error: unknown };

interface PaneState {
  busy: Busy;
  /** Progress of the running check: stage and 0..1; null before the first report. */
  progress: { stage: string | null; fraction: number | null } | null;
  record: CheckRecord | null;
  /** Cells that carry our highlight now (from the workbook's record); null while not known. */
  marks: number | null;
  notice: Notice | null;
}

type PaneAction =
  | { type: "check-started" }
  | { type: "progress"; stage: string | null; fraction: number | null }
  | { type: "check-finished"; record: CheckRecord }
  | { type: "clear-started" }
  | { type: "clear-finished"; restored: number }
  | { type: "marks"; count: number }
  | { type: "action-failed"; error: unknown }
  | { type: "notice-drafted"; notice: string; rectification: string }
  | { type: "dismiss" };

export function initialPaneState(record: CheckRecord | null = null): PaneState {
  return { busy: "idle", progress: null, record, marks: null, notice: null };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "check-started":
      return { ...state, busy: "checking", progress: { stage: "reading", fraction: 0 }, notice: null };
    case "progress":
      if (state.busy !== "checking") return state;
      return { ...state, progress: { stage: action.stage, fraction: action.fraction } };
    case "check-finished": {
      // A check from the ribbon may finish while the pane is idle: it replaces the record just the same.
      const highlighted = action.record.result?.highlighted;
      return {
        ...state,
        busy: state.busy === "checking" ? "idle" : state.busy,
        progress: state.busy === "checking" ? null : state.progress,
        record: action.record,
        // Highlighting merges with earlier marks: at least as many as were just highlighted.
        marks: typeof highlighted === "number" ? Math.max(highlighted, state.marks ?? 0) : state.marks,
        notice: null,
      };
    }
    case "clear-started":
      return { ...state, busy: "clearing", notice: null };
    case "clear-finished":
      return {
        ...state,
        busy: "idle",
        marks: 0,
        notice: action.restored > 0 ? { kind: "cleared", restored: action.restored } : { kind: "nothing-to-clear" },
      };
    case "marks":
      return { ...state, marks: action.count };
    case "action-failed":
      return {
        ...state,
        busy: state.busy === "clearing" ? "idle" : state.busy,
        notice: { kind: "error", error: action.error },
      };
    case "notice-drafted":
      return { ...state, notice: { kind: "drafted", notice: action.notice, rectification: action.rectification } };
    case "dismiss":
      return { ...state, notice: null };
  }
}

/** 清除标记 is offered only when there is something to clear and nothing else runs. */
export function canClear(state: PaneState): boolean {
  return state.busy === "idle" && (state.marks ?? 0) > 0;
}
