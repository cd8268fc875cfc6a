import type { CliIO } from "./io";
import { callEval, EVAL_FUNCTIONS, findEvalFunction, type EvalArg, type EvalScalar } from "../core/functions";
import { isEvalError } from "../core/errors";
import type { Profile } from "../core/profile";
import { profileFailure, readProfileFile } from "./profile";

/**
 * `perf-eval fn NAME ARG...`: the same code as the Excel custom functions. Arguments: numbers as numbers,
 * JSON arrays as ranges ("[69,46,24,2]" is one row, "[[1],[2]]" a column), true/false as booleans, the rest as
 * text. Prints the result as JSON; an Excel error prints as its text with exit 1; usage errors exit 2.
 */
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseCliArg(a: string): EvalArg {
  if (NUMBER_RE.test(a)) {
    const n = Number(a);
    if (Number.isFinite(n)) return n;
  }
  if (a === "true" || a === "TRUE") return true;
  if (a === "false" || a === "FALSE") return false;
  const t = a.trim();
  if (t.startsWith("[")) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      throw new UsageError(`not a valid JSON list: ${a}`);
    }
    return toGrid(v, a);
  }
  return a;
}

class UsageError extends Error {}

function toCell(v: unknown, raw: string): EvalScalar {
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  throw new UsageError(`list items must be numbers, texts, booleans or null: ${raw}`);
}

function toGrid(v: unknown, raw: string): EvalScalar[][] {
  if (!Array.isArray(v)) throw new UsageError(`not a list: ${raw}`);
  if (v.length > 0 && v.every((x) => Array.isArray(x)))
    return (v as unknown[][]).map((row) => row.map((c) => toCell(c, raw)));
  if (v.some((x) => Array.isArray(x))) throw new UsageError(`mix of lists and values: ${raw}`);
  return [v.map((c) => toCell(c, raw))];
}

function usage(): string {
  const lines = [
    'usage: perf-eval fn [--profile FILE.json] NAME ARG...   (ranges as JSON lists, e.g. "[69,46,24,2]")',
    "  --profile: 评价口径 for GRADE's bands, SATISFACTION's default weights, EXECSCORE's default points",
    "",
    "functions:",
  ];
  for (const f of EVAL_FUNCTIONS) {
    const params = f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    lines.push(`  ${f.name}(${params})`);
    lines.push(`      ${f.description["zh-CN"]}`);
    lines.push(`      ${f.description["en-US"]}`);
    lines.push(`      e.g. ${f.example}`);
  }
  return lines.join("\n") + "\n";
}

export async function run(args: string[], io: CliIO): Promise<number> {
  // --profile comes before NAME, so that any later argument (even "--profile") is the function's.
  let profile: Profile | undefined;
  const m = args.length > 0 ? /^--profile(?:=(.*))?$/.exec(args[0]) : null;
  if (m) {
    const file = m[1] ?? args[1];
    if (!file) {
      io.err("perf-eval fn: --profile needs a FILE.json\n");
      return 2;
    }
    try {
      profile = readProfileFile(file);
    } catch (e) {
      io.err(profileFailure(file, e));
      return 2;
    }
    args = args.slice(m[1] === undefined ? 2 : 1);
  }
  const [name, ...rest] = args;
  if (!name || name === "-h" || name === "--help") {
    (name ? io.out : io.err)(usage());
    return name ? 0 : 2;
  }
  const spec = findEvalFunction(name);
  if (!spec) {
    io.err(`perf-eval fn: unknown function '${name}' (known: ${EVAL_FUNCTIONS.map((f) => f.name).join(", ")})\n`);
    return 2;
  }
  const required = spec.params.filter((p) => !p.optional).length;
  const signature = `${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
  if (rest.length < required || rest.length > spec.params.length) {
    io.err(
      `perf-eval fn: ${signature} takes ${required === spec.params.length ? required : `${required} to ${spec.params.length}`} arguments, got ${rest.length}\n`,
    );
    return 2;
  }
  let parsed: EvalArg[];
  try {
    parsed = rest.map(parseCliArg);
  } catch (e) {
    io.err(`perf-eval fn: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const result = callEval(spec.name, parsed, profile);
  if (isEvalError(result)) {
    io.out(JSON.stringify(result.code) + "\n");
    if (result.reason) io.err(`${spec.name}: ${result.reason}\n`);
    return 1;
  }
  io.out(JSON.stringify(result) + "\n");
  return 0;
}
