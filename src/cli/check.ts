/**
 * `perf-eval check FILE.xlsx... [--format text|json] [--lang zh-CN|en-US] [--merge] [--jobs N]`
 *
 * Exit codes: 0 no error-severity finding, 1 errors found, 2 a file could not be read or bad arguments.
 * stdout carries only the report (one JSON document, or one line per finding and a summary); problems with
 * files go to stderr as one line each, and the progress bar goes to stderr only on a terminal.
 */
import { checkWorkbook } from "../core/check";
import { summarize, type CheckSummary, type Finding } from "../core/findings";
import { pick, type Bilingual, type Locale } from "../core/locale";
import { qualify, type WorkbookSnapshot } from "../core/snapshot";
import { processIO, type CliIO } from "./io";
import { attributeFindings, isFailed, mergeSnapshots, readFileSnapshot, type FileOutcome } from "./checkFile";
import { checkFilesInOrder } from "./pool";
import { profileFailure, readProfileFile } from "./profile";
import type { CheckOptions } from "../core/check";
import { RULE_IDS, type RuleId } from "../core/findings";
import type { RuleSetting } from "../core/profile";

const USAGE = `用法 / usage: perf-eval check FILE.xlsx... [--format text|json] [--lang zh-CN|en-US] [--merge] [--jobs N]
  --format text|json   输出格式 / output format (default text)
  --lang zh-CN|en-US   消息语言 / message language (default zh-CN)
  --merge              把所有文件当作一个工作簿检查 / check all files as one workbook
  --jobs N             并行读取的线程数 / parallel readers (default: cores − 1; 1 = no worker threads)
  --profile FILE.json  评价口径文件（代替工作簿自带的口径）/ evaluation profile (instead of the workbook's own)
  --rule ID=SETTING    规则级别：off|info|warning|error，可重复 / a rule's severity or off; repeatable
`;

export interface CheckArgs {
  files: string[];
  format: "text" | "json";
  lang: Locale;
  merge: boolean;
  jobs?: number;
  /** --profile FILE.json */
  profile?: string;
  /** --rule id=setting, on top of the profile */
  ruleSettings?: Partial<Record<RuleId, RuleSetting>>;
}

/** Parses the arguments; a string is the one-line reason they are wrong. */
export function parseCheckArgs(args: readonly string[]): CheckArgs | { help: true } | string {
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

function summaryText(files: number, s: CheckSummary, unreadable: number, lang: Locale): string {
  if (lang === "zh-CN") {
    const bad = unreadable ? `，${unreadable} 个文件无法读取` : "";
    return `共检查 ${files} 个文件：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示${bad}\n`;
  }
  const pl = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const bad = unreadable ? `, ${pl(unreadable, "file")} unreadable` : "";
  return `${pl(files, "file")} checked: ${pl(s.errors, "error")}, ${pl(s.warnings, "warning")}, ${pl(s.infos, "info")}${bad}\n`;
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
    const name = file.length > 40 ? `…${file.slice(-39)}` : file;
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
  private readonly progress: Progress;
  constructor(
    private readonly io: CliIO,
    private readonly a: CheckArgs,
  ) {
    this.progress = new Progress(io, a.files.length, io.isTTY && a.files.length > 1);
    if (a.format === "json") io.out(`{"files":[`);
  }

  private errLine(file: string, reason: Bilingual) {
    this.io.err(`perf-eval: ${file}: ${oneLine(pick(reason, this.a.lang))}\n`);
  }

  add(outcome: FileOutcome) {
    const { io, a } = this;
    this.progress.clear();
    if (isFailed(outcome)) {
      this.unreadable++;
      this.errLine(outcome.file, outcome.error);
      if (a.format === "json") {
        io.out(`${this.count ? "," : ""}${JSON.stringify({ file: outcome.file, error: pick(outcome.error, a.lang) })}`);
      }
    } else {
      const s = summarize(outcome.findings);
      this.findings.errors += s.errors;
      this.findings.warnings += s.warnings;
      this.findings.infos += s.infos;
      if (a.format === "json") {
        const entry = { file: outcome.file, findings: outcome.findings.map((f) => findingJson(f, a.lang, a.merge)) };
        io.out(`${this.count ? "," : ""}${JSON.stringify(entry)}`);
      } else {
        let text = "";
        for (const f of outcome.findings) {
          text += `${outcome.file} ${qualify(f.sheet, f.cell)} [${f.severity}] ${f.rule}: ${oneLine(pick(f.message, a.lang))}\n`;
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
    return this.findings.errors > 0 ? 1 : 0;
  }

  finish(): number {
    const { io, a } = this;
    this.progress.clear();
    if (a.format === "json") {
      io.out(`],"summary":${JSON.stringify({ files: a.files.length, ...this.findings })}}\n`);
    } else {
      io.out(summaryText(a.files.length, this.findings, this.unreadable, a.lang));
    }
    return this.code();
  }
}

/** --merge: read every file, check the union once, then report each file's findings under that file. */
async function runMerged(a: CheckArgs, rep: Reporter, options: CheckOptions): Promise<void> {
  const readable: { file: string; snapshot: WorkbookSnapshot }[] = [];
  const failed = new Map<number, Bilingual>();
  for (let i = 0; i < a.files.length; i++) {
    // A path given twice is one workbook, not two copies comparing against each other.
    const first = a.files.indexOf(a.files[i]);
    if (first !== i) {
      if (failed.has(first)) failed.set(i, failed.get(first)!);
      continue;
    }
    const r = await readFileSnapshot(a.files[i]);
    if ("error" in r) failed.set(i, r.error);
    else readable.push({ file: a.files[i], snapshot: r.snapshot });
  }
  let findings: Finding[] = [];
  let checkError: Bilingual | null = null;
  if (readable.length > 0) {
    const merged = mergeSnapshots(readable);
    try {
      findings = attributeFindings(checkWorkbook(merged.snapshot, options).findings, merged.origins, readable[0].file);
    } catch (e) {
      const msg = oneLine(e instanceof Error ? e.message : String(e));
      checkError = {
        "zh-CN": `检查时出现内部错误 (internal error while checking: ${msg})`,
        "en-US": `internal error while checking: ${msg}`,
      };
    }
  }
  for (let i = 0; i < a.files.length; i++) {
    const file = a.files[i];
    const err = failed.get(i) ?? checkError;
    if (err) rep.add({ file, error: err });
    // The same path given twice gets its findings once, under its first mention.
    else rep.add({ file, findings: a.files.indexOf(file) === i ? findings.filter((f) => f.file === file) : [] });
  }
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
  const options: CheckOptions = { ruleSettings: parsed.ruleSettings };
  if (parsed.profile !== undefined) {
    try {
      options.profile = readProfileFile(parsed.profile);
    } catch (e) {
      io.err(profileFailure(parsed.profile, e));
      return 2;
    }
  }
  const rep = new Reporter(io, parsed);
  if (io === processIO) {
    // `perf-eval check … | head`: the reader went away; stop quietly instead of dying on EPIPE.
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(rep.code());
    });
  }
  if (parsed.merge) await runMerged(parsed, rep, options);
  else await checkFilesInOrder(parsed.files, (_i, outcome) => rep.add(outcome), { jobs: parsed.jobs, check: options });
  return rep.finish();
}
