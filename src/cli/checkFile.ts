/**
 * Reading and checking one file, shared by the in-process path and the worker threads: both return findings
 * only (never the snapshot), so memory stays flat however many files a run checks.
 */
import { checkWorkbook, type CheckOptions } from "../core/check";
import { isProfileError } from "../core/profile";
import type { Finding } from "../core/findings";
import type { Bilingual } from "../core/locale";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { isXlsxInputError } from "../xlsx/zipGuard";
import { readSnapshotFromFile } from "../xlsx/snapshotReader";

export type FileOutcome = { file: string; findings: Finding[] } | { file: string; error: Bilingual };

export function isFailed(o: FileOutcome): o is { file: string; error: Bilingual } {
  return "error" in o;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** Any failure → one bilingual line (no stack trace ever reaches the user). */
export function describeFailure(e: unknown, stage: "read" | "check"): Bilingual {
  if (isXlsxInputError(e)) return e.text;
  // The workbook's own 评价口径 sheet is bad: say which field, as for a --profile file.
  if (isProfileError(e)) return e.text;
  const msg = oneLine(e instanceof Error ? e.message : String(e)).slice(0, 300);
  return stage === "read"
    ? { "zh-CN": `无法读取工作簿 (cannot read the workbook: ${msg})`, "en-US": `cannot read the workbook: ${msg}` }
    : {
        "zh-CN": `检查时出现内部错误 (internal error while checking: ${msg})`,
        "en-US": `internal error while checking: ${msg}`,
      };
}

/** Reads a file into a snapshot, or the reason it cannot be read. */
export async function readFileSnapshot(file: string): Promise<{ snapshot: WorkbookSnapshot } | { error: Bilingual }> {
  try {
    return { snapshot: await readSnapshotFromFile(file) };
  } catch (e) {
    return { error: describeFailure(e, "read") };
  }
}

/** Reads and checks one file; the snapshot is dropped before returning. */
export async function checkFile(file: string, options: CheckOptions = {}): Promise<FileOutcome> {
  const read = await readFileSnapshot(file);
  if ("error" in read) return { file, error: read.error };
  try {
    return { file, findings: checkWorkbook(read.snapshot, options).findings };
  } catch (e) {
    return { file, error: describeFailure(e, "check") };
  }
}

// ---------------------------------------------------------------------------------------------------------
// --merge: several files checked as one workbook.

interface SheetOrigin {
  file: string;
  sheet: string;
}

export interface MergedWorkbook {
  snapshot: WorkbookSnapshot;
  /** Merged sheet name → the file and sheet name it came from. */
  origins: Map<string, SheetOrigin>;
}

/**
 * Concatenates the sheets of several snapshots. Sheet names must stay unique inside one workbook, so a name
 * already taken by an earlier file gets a " (2)"-style suffix; findings are mapped back to the real names.
 */
export function mergeSnapshots(parts: { file: string; snapshot: WorkbookSnapshot }[]): MergedWorkbook {
  const sheets: SheetSnapshot[] = [];
  const origins = new Map<string, SheetOrigin>();
  const taken = new Set<string>();
  for (const { file, snapshot } of parts) {
    for (const s of snapshot.sheets) {
      let name = s.name;
      for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${s.name} (${k})`;
      taken.add(name.toLowerCase());
      origins.set(name, { file, sheet: s.name });
      sheets.push(name === s.name ? s : { ...s, name });
    }
  }
  return { snapshot: { source: parts.map((p) => p.file).join(" + "), sheets }, origins };
}

/** Splits "Sheet!A1" or "'My Sheet'!A1" into sheet and cell; null when it is not such a reference. */
export function splitRef(ref: string): { sheet: string; cell: string } | null {
  if (ref.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'!(.+)$/.exec(ref);
    return m ? { sheet: m[1].replace(/''/g, "'"), cell: m[2] } : null;
  }
  const i = ref.lastIndexOf("!");
  return i > 0 ? { sheet: ref.slice(0, i), cell: ref.slice(i + 1) } : null;
}

const PLAIN_SHEET = /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/;

/** A reference in Excel's style, with "[file]" when it points into another file. */
function formatRef(sheet: string, cell: string, file: string | null): string {
  const inner = file === null ? sheet : `[${file}]${sheet}`;
  if (PLAIN_SHEET.test(sheet)) return `${inner}!${cell}`;
  return `'${inner.replace(/'/g, "''")}'!${cell}`;
}

/** Gives each finding of a merged check its file and real sheet names. */
export function attributeFindings(
  findings: readonly Finding[],
  origins: Map<string, SheetOrigin>,
  fallbackFile: string,
): Finding[] {
  return findings.map((f) => {
    const own = origins.get(f.sheet) ?? { file: fallbackFile, sheet: f.sheet };
    const related = f.related.map((r) => {
      const sp = splitRef(r);
      const o = sp && origins.get(sp.sheet);
      if (!sp || !o) return r;
      return formatRef(o.sheet, sp.cell, o.file === own.file ? null : o.file);
    });
    return { ...f, sheet: own.sheet, related, file: own.file };
  });
}
