import type { CliIO } from "../../src/cli/io";

/** A CliIO that keeps what a command printed, for tests that run the CLI in-process. */
export function recorder(isTTY = false): CliIO & { stdout: string; stderr: string } {
  const r = {
    stdout: "",
    stderr: "",
    isTTY,
    out: (t: string) => void (r.stdout += t),
    err: (t: string) => void (r.stderr += t),
  };
  return r;
}
