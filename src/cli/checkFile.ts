/**
 * Reading and checking one file, shared by the in-process path and the worker threads: both return findings
 * only (never the snapshot), so memory stays flat however many files a run checks.
 */
import { checkWorkbook, type CheckOptions, type RecognizedTable } from "../core/check";
import { isProfileError } from "../core/profile";
import { reviewSummary, type ReviewSummary } from "../core/review";
import type { Finding } from "../core/findings";
import type { Bilingual } from "../core/locale";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { parseRef, sheetNeedsQuotes } from "../core/a1";
import { limitText } from "../xlsx/limits";
import { isXlsxInputError } from "../xlsx/zipGuard";
import { readSnapshotFromFile } from "../xlsx/snapshotReader";

/** A file that could not be read or checked: one sentence for the user, the original error for --debug. */
export interface FileFailure {
  file: string;
  error: Bilingual;
  debug?: string;
}

/**
 * A checked file: its findings, what was recognized in it (empty: nothing was understood, so nothing checked),
 * and, for --report, its summary row, made while the snapshot is at hand so no file is read twice.
 */
export type FileOutcome =
  { file: string; findings: Finding[]; recognized: RecognizedTable[]; review?: ReviewSummary } | FileFailure;

/** What each file is checked with: the core's options, and whether to summarize it for --report. */
export interface FileCheckOptions extends CheckOptions {
  review?: boolean;
}

export function isFailed(o: FileOutcome): o is FileFailure {
  return "error" in o;
}

function debugText(e: unknown): string {
  if (isXlsxInputError(e)) return e.detail ?? e.stack ?? e.message;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/**
 * Any failure → one bilingual sentence about the file. A JavaScript exception's text ("Cannot read
 * properties of undefined") means nothing to the user and never reaches them; it goes to --debug.
 */
function describeFailure(e: unknown, stage: "read" | "check"): Bilingual {
  if (isXlsxInputError(e)) return e.text;
  // The workbook's own 评价口径 sheet is bad: say which field, as for a --profile file.
  if (isProfileError(e)) return e.text;
  if (e instanceof RangeError && /call stack|Invalid (array|string) length|allocation failed/i.test(e.message)) {
    return limitText("工作簿的规模", "the workbook's size", "可处理的范围", "what can be processed");
  }
  return stage === "read"
    ? {
        "zh-CN":
          "无法读取工作簿：文件内容已损坏，或不是 Excel 保存的格式 (cannot read the workbook: its content is damaged or not in a format Excel saves)",
        "en-US": "cannot read the workbook: its content is damaged or not in a format Excel saves",
      }
    : {
        "zh-CN":
          "检查这个工作簿时出现内部错误，请把文件发给维护者 (internal error while checking this workbook; please send it to the maintainers)",
        "en-US": "internal error while checking this workbook; please send it to the maintainers",
      };
}

export function failureOutcome(file: string, e: unknown, stage: "read" | "check"): FileFailure {
  return { file, error: describeFailure(e, stage), debug: debugText(e) };
}

/** Reads a file into a snapshot, or the reason it cannot be read. */
export async function readFileSnapshot(file: string): Promise<{ snapshot: WorkbookSnapshot } | FileFailure> {
  try {
    return { snapshot: await readSnapshotFromFile(file) };
  } catch (e) {
    return failureOutcome(file, e, "read");
  }
}

/** Reads and checks one file; the snapshot is dropped before returning. */
export async function checkFile(file: string, options: FileCheckOptions = {}): Promise<FileOutcome> {
  const read = await readFileSnapshot(file);
  if ("error" in read) return read;
  try {
    const r = checkWorkbook(read.snapshot, options);
    const out: FileOutcome = { file, findings: r.findings, recognized: r.recognized };
    if (options.review) out.review = reviewSummary(read.snapshot);
    return out;
  } catch (e) {
    return failureOutcome(file, e, "check");
  }
}

/** --merge: each file's failure (null when it was read) and the findings of the readable ones checked as one. */
export interface MergedResult {
  failures: (FileFailure | null)[];
  findings: Finding[];
  /** What was recognized, each table under the file and real sheet name it came from. */
  recognized: (RecognizedTable & { file: string })[];
  /** With options.review: each readable file's summary row (by index), for --report. */
  reviews?: (ReviewSummary | null)[];
  /** Set when the merged check itself failed (then every readable file reports it). */
  checkFailure: FileFailure | null;
}

/**
 * Reads `files` (skipping the indices in `skip`), checks the readable ones as one workbook and gives each
 * finding its file. `onProgress(i)` runs before file i is read, and with -1 before the check: a reader
 * thread that dies reports where it was.
 */
export async function checkMerged(
  files: readonly string[],
  skip: ReadonlySet<number>,
  onProgress: (i: number) => void = () => {},
  options: FileCheckOptions = {},
): Promise<MergedResult> {
  const failures: (FileFailure | null)[] = files.map(() => null);
  const readable: { file: string; snapshot: WorkbookSnapshot }[] = [];
  let reviews: MergedResult["reviews"];
  for (let i = 0; i < files.length; i++) {
    if (skip.has(i)) continue;
    onProgress(i);
    const r = await readFileSnapshot(files[i]);
    if ("error" in r) failures[i] = r;
    else {
      readable.push({ file: files[i], snapshot: r.snapshot });
      if (options.review) (reviews ??= files.map(() => null))[i] = reviewSummary(r.snapshot);
    }
  }
  let findings: Finding[] = [];
  let recognized: MergedResult["recognized"] = [];
  let checkFailure: FileFailure | null = null;
  if (readable.length > 0) {
    onProgress(-1);
    const merged = mergeSnapshots(readable);
    try {
      const result = checkWorkbook(merged.snapshot, options);
      findings = attributeFindings(result.findings, merged.origins, readable[0].file);
      recognized = result.recognized.map((t) => {
        const o = merged.origins.get(t.sheet) ?? { file: readable[0].file, sheet: t.sheet };
        return { ...t, sheet: o.sheet, file: o.file };
      });
    } catch (e) {
      checkFailure = failureOutcome(merged.snapshot.source ?? "", e, "check");
    }
  }
  return { failures, findings, recognized, checkFailure, reviews };
}

// ---------------------------------------------------------------------------------------------------------
// --merge: several files checked as one workbook.

interface SheetOrigin {
  file: string;
  sheet: string;
}

interface MergedWorkbook {
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
  // Next suffix to try per name: many sheets of one name cost one step each, not a walk over all before them.
  const nextSuffix = new Map<string, number>();
  for (const { file, snapshot } of parts) {
    for (const s of snapshot.sheets) {
      let name = s.name;
      const base = s.name.toLowerCase();
      if (taken.has(base)) {
        let k = nextSuffix.get(base) ?? 2;
        for (name = `${s.name} (${k})`; taken.has(name.toLowerCase()); k++) name = `${s.name} (${k + 1})`;
        nextSuffix.set(base, k + 1);
      }
      taken.add(name.toLowerCase());
      origins.set(name, { file, sheet: s.name });
      sheets.push(name === s.name ? s : { ...s, name });
    }
  }
  return { snapshot: { source: parts.map((p) => p.file).join(" + "), sheets }, origins };
}

/** A reference in Excel's style, with "[file]" when it points into another file. */
function formatRef(sheet: string, cell: string, file: string | null): string {
  const inner = file === null ? sheet : `[${file}]${sheet}`;
  if (!sheetNeedsQuotes(sheet)) return `${inner}!${cell}`;
  return `'${inner.replace(/'/g, "''")}'!${cell}`;
}

/** Gives each finding of a merged check its file and real sheet names. */
function attributeFindings(
  findings: readonly Finding[],
  origins: Map<string, SheetOrigin>,
  fallbackFile: string,
): Finding[] {
  return findings.map((f) => {
    const own = origins.get(f.sheet) ?? { file: fallbackFile, sheet: f.sheet };
    const related = f.related.map((r) => {
      const ref = parseRef(r);
      const o = ref?.sheet != null ? origins.get(ref.sheet) : undefined;
      if (!ref || !o) return r;
      const cell = ref.to === undefined ? ref.from : `${ref.from}:${ref.to}`;
      return formatRef(o.sheet, cell, o.file === own.file ? null : o.file);
    });
    return { ...f, sheet: own.sheet, related, file: own.file };
  });
}
