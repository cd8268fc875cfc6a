/**
 * `perf-eval check FILE.xlsx... [--format text|json] [--lang zh-CN|en-US] [--merge] [--jobs N] [--timeout S]
 * [--debug]`
 *
 * Exit codes: 0 no error-severity finding, 1 errors found, 2 a file could not be read or bad arguments.
 * stdout carries only the report (one JSON document, or one line per finding and a summary); problems with
 * files go to stderr as one line each, and the progress bar goes to stderr only on a terminal. Text taken
 * from files is escaped on the way out (safeText.ts), so a file cannot write terminal controls.
 */
import { NOTHING_RECOGNIZED, describeRecognized } from "../core/recognize/coverage";
import { summarize, type CheckSummary, type Finding } from "../core/findings";
import { pick, type Locale } from "../core/locale";
import { qualify } from "../core/a1";
import { DEFAULT_TIMEOUT_S } from "../xlsx/limits";
import { processIO, type CliIO } from "./io";
import { isFailed, type FileCheckOptions, type FileFailure, type FileOutcome } from "./checkFile";
import { checkFilesInOrder, checkMergedFiles } from "./pool";
import { escapeText, safeJson } from "./safeText";
import { profileFailure, readProfileFile } from "./profile";
import { RULE_IDS, type RuleId } from "../core/findings";
import type { RuleSetting } from "../core/profile";

const USAGE = `用法 / usage: perf-eval check FILE.xlsx... [--format text|json] [--lang zh-CN|en-US] [--merge] [--jobs N] [--report 汇总.xlsx]
  --format text|json   输出格式 / output format (default text)
  --lang zh-CN|en-US   消息语言 / message language (default zh-CN)
  --merge              把所有文件当作一个工作簿检查 / check all files as one workbook
  --jobs N             并行读取的线程数 / parallel readers (default: cores − 1)
  --timeout S          每个文件的读取和检查时限（秒，0 = 不限）/ per-file time budget in seconds (default ${DEFAULT_TIMEOUT_S}; 0 = none)
  --debug              在 stderr 输出原始错误信息 / print the original error behind each file's error line on stderr
  --profile FILE.json  评价口径文件（代替工作簿自带的口径）/ evaluation profile (instead of the workbook's own)
  --rule ID=SETTING    规则级别：off|info|warning|error，可重复 / a rule's severity or off; repeatable
  --report FILE.xlsx   另存汇总表（汇总、问题明细、统计）/ also write a review workbook (a new file)
每个文件先列出识别到的表格；未识别到绩效表格的文件单独列出并使退出码至少为 1。
Each file first lists the tables recognized; a file with none is listed as such and makes the exit code at least 1.
退出码 / exit: 0 无错误 no errors · 1 有错误或未识别的文件 errors or unrecognized files · 2 无法读取或参数错误 unreadable or bad arguments
`;

interface CheckArgs {
  files: string[];
  format: "text" | "json";
  lang: Locale;
  merge: boolean;
  jobs?: number;
  /** --report: the batch review workbook to write. */
  report?: string;
  /** Per-file time budget in seconds (0: none). */
  timeout?: number;
  debug?: boolean;
  /** --profile FILE.json */
  profile?: string;
  /** --rule id=setting, on top of the profile */
  ruleSettings?: Partial<Record<RuleId, RuleSetting>>;
}

/** Parses the arguments; a string is the one-line reason they are wrong. */
function parseCheckArgs(args: readonly string[]): CheckArgs | { help: true } | string {
  const out: CheckArgs = { files: [], format: "text", lang: "zh-CN", merge: false };
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (options && a === "--") {
      options = false;
      continue;
    }
    if (!options || !a.startsWith("-") || a === "-") {
      out.files.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    const takeValue = (): string | null => {
      if (eq > 0) return a.slice(eq + 1);
      if (i + 1 < args.length) return args[++i];
      return null;
    };
    switch (name) {
      case "-h":
      case "--help":
        return { help: true };
      case "--merge":
        if (eq > 0) return `--merge takes no value`;
        out.merge = true;
        break;
      case "--debug":
        if (eq > 0) return `--debug takes no value`;
        out.debug = true;
        break;
      case "--timeout": {
        const v = takeValue();
        const n = v !== null && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
        if (!(n >= 0 && n <= 86400))
          return `--timeout must be a number of seconds from 0 to 86400 (got ${v === null ? "nothing" : `'${v}'`})`;
        out.timeout = n;
        break;
      }
      case "--format": {
        const v = takeValue();
        if (v !== "text" && v !== "json")
          return `--format must be text or json (got ${v === null ? "nothing" : `'${v}'`})`;
        out.format = v;
        break;
      }
      case "--lang": {
        const v = takeValue();
        const lang = v === null ? null : /^zh(-cn)?$/i.test(v) ? "zh-CN" : /^en(-us)?$/i.test(v) ? "en-US" : null;
        if (!lang) return `--lang must be zh-CN or en-US (got ${v === null ? "nothing" : `'${v}'`})`;
        out.lang = lang;
        break;
      }
      case "-j":
      case "--jobs": {
        const v = takeValue();
        const n = v !== null && /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > 256)
          return `--jobs must be a whole number from 1 to 256 (got ${v === null ? "nothing" : `'${v}'`})`;
        out.jobs = n;
        break;
      }
      case "--report": {
        const v = takeValue();
        if (!v) return "--report needs a file name";
        out.report = v;
        break;
      }
      case "--profile": {
        const v = takeValue();
        if (!v) return "--profile needs a FILE.json";
        out.profile = v;
        break;
      }
      case "--rule": {
        const v = takeValue();
        const m = v === null ? null : /^([a-z-]+)=(off|info|warning|error)$/.exec(v);
        if (!m) return `--rule must be ID=off|info|warning|error (got ${v === null ? "nothing" : `'${v}'`})`;
        if (!(RULE_IDS as readonly string[]).includes(m[1])) return `--rule: unknown rule '${m[1]}'`;
        out.ruleSettings = { ...out.ruleSettings, [m[1]]: m[2] as RuleSetting };
        break;
      }
      default:
        return `unknown option '${name}'`;
    }
  }
  if (out.files.length === 0) return "no files given";
  return out;
}

const RECOGNIZED_WORD = { "zh-CN": "识别", "en-US": "recognized" } as const;

/** The JSON shape of one finding (the contract of issue 4; `file` only with --merge). */
function findingJson(f: Finding, lang: Locale, withFile: boolean) {
  const o: Record<string, unknown> = {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    related: f.related,
    message: pick(f.message, lang),
  };
  if (withFile && f.file !== undefined) o.file = f.file;
  return o;
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ");

function summaryText(files: number, s: CheckSummary, unreadable: number, unrecognized: number, lang: Locale): string {
  if (lang === "zh-CN") {
    const bad = unreadable ? `，${unreadable} 个文件无法读取` : "";
    const unknown = unrecognized ? `，${unrecognized} 个文件未识别到绩效表格` : "";
    return `共 ${files} 个文件：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示${unknown}${bad}\n`;
  }
  const pl = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const bad = unreadable ? `, ${pl(unreadable, "file")} unreadable` : "";
  const unknown = unrecognized ? `, ${pl(unrecognized, "file")} with no evaluation table recognized` : "";
  return `${pl(files, "file")}: ${pl(s.errors, "error")}, ${pl(s.warnings, "warning")}, ${pl(s.infos, "info")}${unknown}${bad}\n`;
}

/** A one-line progress bar redrawn in place on stderr; a no-op when stderr is not a terminal. */
class Progress {
  private shown = false;
  constructor(
    private readonly io: CliIO,
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}
  draw(done: number, file: string) {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const name = escapeText(file.length > 40 ? `…${file.slice(-39)}` : file);
    this.io.err(`\r\x1b[K[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${this.total} ${name}`);
    this.shown = true;
  }
  clear() {
    if (this.shown) this.io.err("\r\x1b[K");
    this.shown = false;
  }
}

/** Writes the report as outcomes arrive (in input order), so nothing but counts is kept for the end. */
class Reporter {
  private count = 0;
  private readonly findings: CheckSummary = { errors: 0, warnings: 0, infos: 0 };
  unreadable = 0;
  /** Files read but holding no table the check recognized: they must not pass a batch run silently. */
  unrecognized = 0;
  private readonly progress: Progress;
  constructor(
    private readonly io: CliIO,
    private readonly a: CheckArgs,
  ) {
    this.progress = new Progress(io, a.files.length, io.isTTY && a.files.length > 1);
    if (a.format === "json") io.out(`{"files":[`);
  }

  /** One line on stderr per failed file; with --debug, the original error after it. */
  private errLine(f: FileFailure) {
    this.io.err(`perf-eval: ${escapeText(f.file)}: ${escapeText(oneLine(pick(f.error, this.a.lang)))}\n`);
    if (this.a.debug && f.debug) this.io.err(`${escapeText(f.debug).replace(/\\x0a/g, "\n")}\n`);
  }

  add(outcome: FileOutcome) {
    const { io, a } = this;
    this.progress.clear();
    if (isFailed(outcome)) {
      this.unreadable++;
      this.errLine(outcome);
      if (a.format === "json") {
        io.out(`${this.count ? "," : ""}${safeJson({ file: outcome.file, error: pick(outcome.error, a.lang) })}`);
      }
    } else {
      const s = summarize(outcome.findings);
      this.findings.errors += s.errors;
      this.findings.warnings += s.warnings;
      this.findings.infos += s.infos;
      const status = outcome.recognized.length > 0 ? "checked" : "unrecognized";
      if (status === "unrecognized") this.unrecognized++;
      if (a.format === "json") {
        const entry = {
          file: outcome.file,
          status,
          recognized: outcome.recognized,
          findings: outcome.findings.map((f) => findingJson(f, a.lang, a.merge)),
        };
        io.out(`${this.count ? "," : ""}${safeJson(entry)}`);
      } else {
        // First what was read, so that no finding (or none) is ever read without knowing what was checked.
        // Sheet names and file names come from the file: escaped like every other text taken from it.
        let text =
          status === "unrecognized"
            ? `${escapeText(outcome.file)}: ${NOTHING_RECOGNIZED[a.lang]}\n`
            : outcome.recognized
                .map(
                  (t) =>
                    `${escapeText(`${outcome.file}: ${RECOGNIZED_WORD[a.lang]} ${describeRecognized(t, a.lang)}`)}\n`,
                )
                .join("");
        for (const f of outcome.findings) {
          const line = `${outcome.file} ${qualify(f.sheet, f.cell)} [${f.severity}] ${f.rule}: ${oneLine(pick(f.message, a.lang))}`;
          text += `${escapeText(line)}\n`;
        }
        if (text) io.out(text);
      }
    }
    this.count++;
    if (this.count < a.files.length) this.progress.draw(this.count, outcome.file);
  }

  /** The exit code if the run ended now. */
  code(): number {
    if (this.unreadable > 0) return 2;
    return this.findings.errors > 0 || this.unrecognized > 0 ? 1 : 0;
  }

  finish(): number {
    const { io, a } = this;
    this.progress.clear();
    if (a.format === "json") {
      const summary = {
        files: a.files.length,
        ...this.findings,
        unrecognized: this.unrecognized,
        unreadable: this.unreadable,
      };
      io.out(`],"summary":${safeJson(summary)}}\n`);
    } else {
      io.out(summaryText(a.files.length, this.findings, this.unreadable, this.unrecognized, a.lang));
    }
    return this.code();
  }
}

/**
 * --merge: read every file, check the union once (on a worker thread, see checkMergedFiles), then report
 * each file's findings under that file.
 */
async function runMerged(a: CheckArgs, rep: Pick<Reporter, "add">, options: FileCheckOptions): Promise<void> {
  // A path given twice is one workbook, not two copies comparing against each other.
  const unique = [...new Set(a.files)];
  const r = await checkMergedFiles(unique, poolOptions(a, options));
  const seen = new Set<string>();
  for (const file of a.files) {
    const i = unique.indexOf(file);
    const failure = r.failures[i] ?? (r.checkFailure ? { ...r.checkFailure, file } : null);
    if (failure) rep.add({ ...failure, file });
    // The same path given twice gets its findings once, under its first mention.
    else
      rep.add({
        file,
        findings: seen.has(file) ? [] : r.findings.filter((f) => f.file === file),
        recognized: r.recognized.filter((t) => t.file === file).map(({ file: _f, ...t }) => t),
        review: r.reviews?.[i] ?? undefined,
      });
    seen.add(file);
  }
}

function poolOptions(a: CheckArgs, check: FileCheckOptions) {
  return { jobs: a.jobs, timeoutMs: a.timeout === undefined ? undefined : a.timeout * 1000, check };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCheckArgs(args);
  if (typeof parsed === "string") {
    io.err(`perf-eval check: ${parsed}\n${USAGE}`);
    return 2;
  }
  if ("help" in parsed) {
    io.out(USAGE);
    return 0;
  }
  // A bad profile stops the run before any file is read: never a silent fallback to the default.
  // --report: each file's summary row is made beside its check, while its snapshot is at hand.
  const options: FileCheckOptions = { ruleSettings: parsed.ruleSettings, review: !!parsed.report };
  if (parsed.profile !== undefined) {
    try {
      options.profile = readProfileFile(parsed.profile);
    } catch (e) {
      io.err(profileFailure(parsed.profile, e));
      return 2;
    }
  }
  if (parsed.report) {
    const { reportPathProblem } = await import("./report");
    const problem = reportPathProblem(parsed.report, parsed.files);
    if (problem) {
      io.err(`perf-eval check: ${problem}\n`);
      return 2;
    }
  }
  const rep = new Reporter(io, parsed);
  // --report keeps every outcome for the review workbook written at the end.
  const kept: FileOutcome[] = [];
  const add = (o: FileOutcome) => {
    rep.add(o);
    if (parsed.report) kept.push(o);
  };
  if (io === processIO) {
    // `perf-eval check … | head`: the reader went away; stop quietly instead of dying on EPIPE.
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(rep.code());
    });
  }
  if (parsed.merge) await runMerged(parsed, { add }, options);
  else await checkFilesInOrder(parsed.files, (_i, outcome) => add(outcome), poolOptions(parsed, options));
  const code = rep.finish();
  if (parsed.report && !(await (await import("./report")).writeReport(parsed.report, kept, io))) return 2;
  return code;
}
