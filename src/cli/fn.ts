import type { CliIO } from "./io";

// Placeholder until the 'fn' subcommand lands.
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.err("perf-eval fn: not implemented yet\n");
  return 2;
}
