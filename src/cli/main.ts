import { processIO, type CliIO, type Subcommand } from "./io";

const USAGE = `perf-eval — 绩效评价助手 command line

  perf-eval fn NAME ARG...                      evaluate one EVAL function, print JSON
  perf-eval template KIND -o FILE.xlsx [--lang zh-CN|en-US] [--example]
  perf-eval check FILE.xlsx... [--format text|json] [--lang zh-CN|en-US] [--merge] [--jobs N] [--timeout S] [--debug] [--report 汇总.xlsx]
                 [--profile FILE.json] [--rule ID=off|info|warning|error]...
  perf-eval notice IN.xlsx... -o OUT.xlsx [--date YYYY-MM-DD] [--evaluator NAME]   draft 结果通知书 + 整改报告书
  perf-eval portable IN.xlsx -o OUT.xlsx [--lang zh-CN|en-US]   a copy that computes without the add-in
  perf-eval profile init -o FILE.json | perf-eval profile check FILE.json
`;

// Subcommands load lazily so `fn` does not pay for ExcelJS.
const commands: Record<string, () => Promise<Subcommand>> = {
  fn: async () => (await import("./fn")).run,
  template: async () => (await import("./template")).run,
  check: async () => (await import("./check")).run,
  notice: async () => (await import("./notice")).run,
  portable: async () => (await import("./portable")).run,
  profile: async () => (await import("./profile")).run,
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "-h" || name === "--help" || name === "help") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.err(`perf-eval: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (e) {
    // Never a stack trace or exception text for users: one sentence (the original with --debug).
    io.err(
      "perf-eval: 内部错误，请把命令和文件发给维护者 (internal error; please send the command and files to the maintainers)\n",
    );
    if (rest.includes("--debug")) io.err(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
