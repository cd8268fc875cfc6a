/**
 * `perf-eval profile init -o FILE.json [--force]` writes the national default profile (评价口径) to edit;
 * `perf-eval profile check FILE.json` validates one and names the first bad field.
 * Exit codes: 0 done / valid, 2 bad arguments, an existing file without --force, or an invalid profile.
 */
import * as fs from "fs";
import { defaultProfile, isProfileError, parseProfile, profileToJson, type Profile } from "../core/profile";
import { checkRuleOptions } from "../core/rules";
import type { CliIO } from "./io";

const USAGE = `用法 / usage:
  perf-eval profile init -o FILE.json [--force]   写出国家默认评价口径 / write the national default profile
  perf-eval profile check FILE.json               校验评价口径文件 / validate a profile file
`;

/** Reads and validates a profile file (structure and every rule's options); throws ProfileError or a read error. */
export function readProfileFile(file: string): Profile {
  const p = parseProfile(fs.readFileSync(file, "utf8"));
  checkRuleOptions(p);
  return p;
}

/** One line for a profile that cannot be used, in both languages (the CLI's messages are zh-CN first). */
export function profileFailure(file: string, e: unknown): string {
  if (isProfileError(e)) return `perf-eval: ${file}: ${e.text["zh-CN"]} (${e.text["en-US"]})\n`;
  const code = (e as NodeJS.ErrnoException)?.code;
  const why = code === "ENOENT" ? "文件不存在 (no such file)" : e instanceof Error ? e.message : String(e);
  return `perf-eval: ${file}: 无法读取评价口径 (cannot read the profile: ${why})\n`;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === "-h" || sub === "--help") {
    io.out(USAGE);
    return sub ? 0 : 2;
  }
  if (sub === "init") {
    let out: string | undefined;
    let force = false;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === "-o" || a === "--output") out = rest[++i];
      else if (a.startsWith("--output=")) out = a.slice("--output=".length);
      else if (a === "--force") force = true;
      else {
        io.err(`perf-eval profile init: unknown argument '${a}'\n${USAGE}`);
        return 2;
      }
    }
    if (!out) {
      io.err(`perf-eval profile init: -o FILE.json is required\n${USAGE}`);
      return 2;
    }
    // Never overwrite a profile someone edited.
    if (fs.existsSync(out) && !force) {
      io.err(`perf-eval: ${out}: 文件已存在，加 --force 覆盖 (file exists; --force overwrites it)\n`);
      return 2;
    }
    fs.writeFileSync(out, profileToJson(defaultProfile()));
    io.out(`${out}\n`);
    return 0;
  }
  if (sub === "check") {
    if (rest.length !== 1) {
      io.err(`perf-eval profile check: give one FILE.json\n${USAGE}`);
      return 2;
    }
    try {
      const p = readProfileFile(rest[0]);
      io.out(`${rest[0]}: 评价口径有效 (valid profile): ${p.name}\n`);
      return 0;
    } catch (e) {
      io.err(profileFailure(rest[0], e));
      return 2;
    }
  }
  io.err(`perf-eval profile: unknown subcommand '${sub}'\n${USAGE}`);
  return 2;
}
