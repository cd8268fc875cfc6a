import * as fs from "fs";
import * as path from "path";
import type { Locale } from "../core/locale";
import type { CliIO } from "./io";

const USAGE = `usage: perf-eval portable IN.xlsx -o OUT.xlsx [--lang zh-CN|en-US] [--force]
  Writes a copy of IN.xlsx that computes without the add-in: every EVAL formula becomes its standard
  equivalent, or its current value with a cell note where none exists. IN.xlsx is never changed.
  生成通用副本：EVAL 公式改为等效的标准公式；无等效公式的单元格保留当前值并加批注。原文件不变。
`;

/** `perf-eval portable IN.xlsx -o OUT.xlsx`. Exit 0 written, 2 bad arguments or unreadable input. */
export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    io.out(USAGE);
    return 0;
  }
  let input: string | undefined;
  let out: string | undefined;
  let force = false;
  let lang: Locale = "zh-CN";
  const usage = (msg: string) => {
    io.err(`perf-eval portable: ${msg}\n${USAGE}`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--output") {
      out = args[++i];
      if (out === undefined) return usage("-o needs a file name");
    } else if (a === "--force") force = true;
    else if (a === "--lang") {
      const l = args[++i];
      if (l !== "zh-CN" && l !== "en-US") return usage(`--lang must be zh-CN or en-US, not '${l ?? ""}'`);
      lang = l;
    } else if (a.startsWith("-") && a.length > 1) return usage(`unknown option '${a}'`);
    else if (input !== undefined) return usage(`one input file only ('${input}' and '${a}')`);
    else input = a;
  }
  if (input === undefined) return usage("missing IN.xlsx");
  if (out === undefined) return usage("missing -o OUT.xlsx");
  if (!/\.xlsx$/i.test(out)) return usage(`the output file must end in .xlsx: ${out}`);
  const inAbs = path.resolve(input);
  const outAbs = path.resolve(out);
  const same = (() => {
    try {
      return fs.realpathSync(inAbs) === fs.realpathSync(outAbs);
    } catch {
      return inAbs === outAbs;
    }
  })();
  if (same) {
    io.err(`perf-eval portable: the copy must not replace the original (${input}); choose another -o file\n`);
    return 2;
  }
  if (fs.existsSync(outAbs)) {
    if (fs.statSync(outAbs).isDirectory()) {
      io.err(`perf-eval portable: ${out} is a directory\n`);
      return 2;
    }
    if (!force) {
      io.err(`perf-eval portable: ${out} already exists; use --force to overwrite it\n`);
      return 2;
    }
  }
  if (!fs.existsSync(path.dirname(outAbs))) {
    io.err(`perf-eval portable: no such directory: ${path.dirname(out)}\n`);
    return 2;
  }
  const { readGuardedFile, isXlsxInputError } = await import("../xlsx/zipGuard");
  let buf: Buffer;
  try {
    buf = readGuardedFile(inAbs);
  } catch (e) {
    if (isXlsxInputError(e)) {
      io.err(`perf-eval portable: ${input}: ${e.text[lang]}\n`);
      return 2;
    }
    throw e;
  }
  const { portableCopy } = await import("../xlsx/portable");
  let result: Awaited<ReturnType<typeof portableCopy>>;
  try {
    result = await portableCopy(buf, lang);
  } catch (e) {
    io.err(
      `perf-eval portable: ${input}: ${lang === "zh-CN" ? "无法读取此工作簿" : "cannot read this workbook"} (${e instanceof Error ? e.message : String(e)})\n`,
    );
    return 2;
  }
  try {
    fs.writeFileSync(outAbs, result.bytes, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`perf-eval portable: cannot write ${out}${code ? ` (${code})` : ""}\n`);
    return 2;
  }
  const { rewritten, frozen } = result.report;
  io.out(
    lang === "zh-CN"
      ? `${out}: ${rewritten.length} 个公式改为标准公式，${frozen.length} 个单元格保留当前值（已加批注）\n`
      : `${out}: ${rewritten.length} formulas rewritten as standard formulas, ${frozen.length} cells kept as values (with a note)\n`,
  );
  for (const c of frozen) io.out(`  ${c.sheet}!${c.cell} ${c.formula}\n`);
  return 0;
}
