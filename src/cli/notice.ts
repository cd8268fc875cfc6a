/**
 * `perf-eval notice IN.xlsx… -o OUT.xlsx [--date YYYY-MM-DD] [--evaluator NAME] [--evaluated-in TEXT]
 *  [--suggestions FILE.json] [--force]`
 *
 * Drafts the 绩效评价结果通知书 and the 整改结果报告书 from one evaluation (several files are read as one
 * workbook) into a new file. The inputs are only read; OUT is never one of them.
 */
import * as fs from "fs";
import * as path from "path";
import { draftNotice, parseDate, PROBLEM_KINDS, type NoticeDate, type SuggestionTable } from "../core/notice";
import { pick } from "../core/locale";
import type { CliIO } from "./io";
import { mergeSnapshots, readFileSnapshot } from "./checkFile";

const USAGE = `用法 / usage: perf-eval notice IN.xlsx... -o OUT.xlsx [--date YYYY-MM-DD] [--evaluator NAME]
       [--evaluated-in TEXT] [--suggestions FILE.json] [--force]
  -o FILE.xlsx          结果通知书和整改报告书写入的新文件 / the new file for the notice and the rectification report
  --date YYYY-MM-DD     通知书日期（默认今天），整改结果1个月内报送 / notice date (default today); report due a month later
  --evaluator NAME      评价机构（工作簿中没有时）/ the evaluator, when the workbook does not name it
  --evaluated-in TEXT   评价时间，如 2022年10月至11月 / evaluation period
  --suggestions FILE    整改建议表（JSON，按问题类型）/ suggestion table, JSON keyed by problem kind:
                        ${PROBLEM_KINDS.join(", ")}
  --force               覆盖已存在的 OUT / overwrite an existing OUT
退出码 / exit: 0 已生成 / written; 1 已生成但未识别到评价分值 / written, no score found; 2 参数或文件错误 / bad arguments or files
`;

interface Args {
  files: string[];
  out?: string;
  date?: NoticeDate;
  evaluator?: string;
  evaluatedIn?: string;
  suggestions?: string;
  force: boolean;
}

function parse(args: string[]): Args | string {
  const a: Args = { files: [], force: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = /^(--?[a-z-]+)=(.*)$/.exec(arg);
    const flag = eq ? eq[1] : arg;
    const take = (): string | null => (eq ? eq[2] : i + 1 < args.length ? args[++i] : null);
    switch (flag) {
      case "-o":
      case "--output": {
        const v = take();
        if (!v) return "-o needs a file name";
        a.out = v;
        break;
      }
      case "--date": {
        const v = take();
        const d = v ? parseDate(v) : null;
        if (!d) return `--date must be a date such as 2022-12-13 (got ${v === null ? "nothing" : `'${v}'`})`;
        a.date = d;
        break;
      }
      case "--evaluator": {
        const v = take();
        if (!v) return "--evaluator needs a name";
        a.evaluator = v;
        break;
      }
      case "--evaluated-in": {
        const v = take();
        if (!v) return "--evaluated-in needs a text";
        a.evaluatedIn = v;
        break;
      }
      case "--suggestions": {
        const v = take();
        if (!v) return "--suggestions needs a JSON file";
        a.suggestions = v;
        break;
      }
      case "--force":
        a.force = true;
        break;
      default:
        if (arg.startsWith("-") && arg !== "-") return `unknown option '${arg}'`;
        a.files.push(arg);
    }
  }
  if (a.files.length === 0) return "no input files given";
  if (!a.out) return "missing -o OUT.xlsx";
  if (!/\.xlsx$/i.test(a.out)) return `the output file must end in .xlsx: ${a.out}`;
  return a;
}

function readSuggestions(file: string): Partial<SuggestionTable> | string {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return `${file}: expected a JSON object`;
  const out: Partial<SuggestionTable> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!(PROBLEM_KINDS as readonly string[]).includes(k))
      return `${file}: unknown problem kind '${k}' (one of ${PROBLEM_KINDS.join(", ")})`;
    if (typeof v !== "string") return `${file}: the suggestion for '${k}' must be text`;
    out[k as keyof SuggestionTable] = v;
  }
  return out;
}

function today(): NoticeDate {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    io.out(USAGE);
    return 0;
  }
  const a = parse(args);
  if (typeof a === "string") {
    io.err(`perf-eval notice: ${a}\n${USAGE}`);
    return 2;
  }
  const out = path.resolve(a.out!);
  // Never write over an input, even with --force.
  if (a.files.some((f) => path.resolve(f) === out)) {
    io.err(`perf-eval notice: ${a.out} is one of the input files; choose another output file\n`);
    return 2;
  }
  if (fs.existsSync(out) && (fs.statSync(out).isDirectory() || !a.force)) {
    io.err(
      `perf-eval notice: ${a.out} ${fs.statSync(out).isDirectory() ? "is a directory" : "already exists; use --force to overwrite it"}\n`,
    );
    return 2;
  }
  let suggestions: Partial<SuggestionTable> | undefined;
  if (a.suggestions) {
    const s = readSuggestions(a.suggestions);
    if (typeof s === "string") {
      io.err(`perf-eval notice: ${s}\n`);
      return 2;
    }
    suggestions = s;
  }
  const parts: { file: string; snapshot: import("../core/snapshot").WorkbookSnapshot }[] = [];
  for (const file of a.files) {
    const r = await readFileSnapshot(file);
    if ("error" in r) {
      io.err(`perf-eval notice: ${file}: ${pick(r.error, "zh-CN")}\n`);
      return 2;
    }
    parts.push({ file, snapshot: r.snapshot });
  }
  const merged = mergeSnapshots(parts);
  const draft = draftNotice(merged.snapshot, {
    date: a.date ?? today(),
    evaluator: a.evaluator,
    evaluatedIn: a.evaluatedIn,
    suggestions,
  });
  const { noticeWorkbook } = await import("../xlsx/noticeWriter");
  const wb = noticeWorkbook(draft, (s) => merged.origins.get(s.sheet));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  try {
    fs.writeFileSync(out, buf, { flag: a.force ? "w" : "wx" });
  } catch (e) {
    io.err(`perf-eval notice: cannot write ${a.out} (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 2;
  }
  const score = draft.score ? `${draft.score.value} ${draft.grade ?? ""}` : "未识别到评价分值 (no score found)";
  io.out(
    `${a.out}: 结果通知书 + 整改报告书 — 评价分值 ${score}；主要绩效情况 ${draft.performance.length} 条，主要问题 ${draft.problems.length} 条，整改建议 ${draft.suggestions.length} 条\n`,
  );
  return draft.score ? 0 : 1;
}
