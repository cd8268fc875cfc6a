/** Where a subcommand writes; tests pass a recorder, the bin passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars go there only then). */
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

export type Subcommand = (args: string[], io: CliIO) => Promise<number>;
