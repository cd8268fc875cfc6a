import * as fs from "fs";
import * as path from "path";
import {
  isTemplateKind,
  TEMPLATE_INFO,
  TEMPLATE_KINDS,
  TemplateOptionsError,
  type TemplateOptions,
} from "../core/templates";
import type { CliIO } from "./io";
import { profileFailure, readProfileFile } from "./profile";

const USAGE = `usage: perf-eval template KIND -o FILE.xlsx [--lang zh-CN|en-US] [--example] [--multi-year] [--force]
       [--project NAME] [--year YYYY] [--department NAME] [--implementer NAME] [--unit 万元|元]
       [--profile FILE.json]
KIND: ${TEMPLATE_KINDS.join(", ")}
`;

interface Parsed {
  kind?: string;
  out?: string;
  force: boolean;
  options: TemplateOptions;
}

class UsageError extends Error {}

function parse(args: string[]): Parsed {
  const p: Parsed = { force: false, options: {} };
  const value = (i: number, flag: string): string => {
    const v = args[i + 1];
    if (v === undefined || (v.startsWith("-") && v.length > 1 && !/^-\d/.test(v)))
      throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = /^(--[a-z-]+)=(.*)$/.exec(a);
    const flag = eq ? eq[1] : a;
    const take = (): string => (eq ? eq[2] : value(i++, flag));
    switch (flag) {
      case "-o":
      case "--output":
        p.out = take();
        break;
      case "--lang": {
        const l = take();
        if (l !== "zh-CN" && l !== "en-US") throw new UsageError(`--lang must be zh-CN or en-US, not '${l}'`);
        p.options.lang = l;
        break;
      }
      case "--example":
        p.options.example = true;
        break;
      case "--multi-year":
        p.options.multiYear = true;
        break;
      case "--profile": {
        // The form's default weights come from the profile; a bad one stops here, naming the field.
        const file = take();
        try {
          p.options.profile = readProfileFile(file);
        } catch (e) {
          throw new UsageError(
            profileFailure(file, e)
              .replace(/^perf-eval: /, "")
              .trimEnd(),
          );
        }
        break;
      }
      case "--force":
        p.force = true;
        break;
      case "--project":
        p.options.projectName = take();
        break;
      case "--department":
        p.options.department = take();
        break;
      case "--implementer":
        p.options.implementer = take();
        break;
      case "--year": {
        const y = take();
        if (!/^\d{4}$/.test(y)) throw new UsageError(`--year must be a four-digit year, not '${y}'`);
        p.options.year = Number(y);
        break;
      }
      case "--unit": {
        const u = take();
        if (u !== "万元" && u !== "元") throw new UsageError(`--unit must be 万元 or 元, not '${u}'`);
        p.options.moneyUnit = u;
        break;
      }
      default:
        if (a.startsWith("-") && a.length > 1) throw new UsageError(`unknown option '${a}'`);
        if (p.kind !== undefined) throw new UsageError(`one KIND only ('${p.kind}' and '${a}')`);
        p.kind = a;
    }
  }
  return p;
}

/** `perf-eval template KIND -o FILE.xlsx`: write one template as a workbook file. */
export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    io.out(
      USAGE +
        TEMPLATE_KINDS.map(
          (k) => `  ${k.padEnd(18)}${TEMPLATE_INFO[k].name["zh-CN"]} — ${TEMPLATE_INFO[k].purpose["en-US"]}\n`,
        ).join(""),
    );
    return 0;
  }
  let p: Parsed;
  try {
    p = parse(args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`perf-eval template: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (p.kind === undefined) {
    io.err(`perf-eval template: missing KIND\n${USAGE}`);
    return 2;
  }
  if (!isTemplateKind(p.kind)) {
    io.err(`perf-eval template: unknown KIND '${p.kind}' (one of ${TEMPLATE_KINDS.join(", ")})\n`);
    return 2;
  }
  if (!p.out) {
    io.err(`perf-eval template: missing -o FILE.xlsx\n${USAGE}`);
    return 2;
  }
  if (!/\.xlsx$/i.test(p.out)) {
    io.err(`perf-eval template: the output file must end in .xlsx: ${p.out}\n`);
    return 2;
  }
  const out = path.resolve(p.out);
  if (fs.existsSync(out)) {
    if (fs.statSync(out).isDirectory()) {
      io.err(`perf-eval template: ${p.out} is a directory\n`);
      return 2;
    }
    if (!p.force) {
      io.err(`perf-eval template: ${p.out} already exists; use --force to overwrite it\n`);
      return 2;
    }
  }
  if (!fs.existsSync(path.dirname(out))) {
    io.err(`perf-eval template: no such directory: ${path.dirname(p.out)}\n`);
    return 2;
  }
  // ExcelJS loads only when a file is actually written.
  const { templateToBuffer } = await import("../xlsx/templateWriter");
  let buf: Buffer;
  try {
    buf = await templateToBuffer(p.kind, p.options);
  } catch (e) {
    if (e instanceof TemplateOptionsError) {
      io.err(`perf-eval template: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    // "wx" refuses a file created since the check above, unless --force.
    fs.writeFileSync(out, buf, { flag: p.force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(
      `perf-eval template: cannot write ${p.out}${code === "EEXIST" ? ": it already exists; use --force" : code ? ` (${code})` : ""}\n`,
    );
    return 2;
  }
  io.out(`${p.out}: ${TEMPLATE_INFO[p.kind].name[p.options.lang ?? "zh-CN"]}${p.options.example ? " (示例)" : ""}\n`);
  return 0;
}
