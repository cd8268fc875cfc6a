import type { CliIO } from "./io";

// Placeholder until the 'template' subcommand lands.
export async function run(_args: string[], io: CliIO): Promise<number> {
  io.err("perf-eval template: not implemented yet\n");
  return 2;
}
