import type { CliIO } from "./io";

// Placeholder until the 'check' subcommand lands.
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.err("perf-eval check: not implemented yet\n");
  return 2;
}
