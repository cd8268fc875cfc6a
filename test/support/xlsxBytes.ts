/**
 * Reads workbook bytes made in a test (ExcelJS output, a template, a hand-made or broken zip) the way the CLI
 * reads a file a user gives it: written to a temporary file named `name`, then readSnapshotFromFile, so that the
 * file guard, the part reader and the fallback all run as they do in production.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readGuardedXlsx } from "../../src/xlsx/zipGuard";

export async function readXlsxBytes(
  bytes: Buffer | Uint8Array | ArrayBuffer,
  name = "book.xlsx",
  opts?: Parameters<typeof readSnapshotFromFile>[1],
): Promise<WorkbookSnapshot> {
  return withXlsxFile(bytes, name, async (file) => {
    // Loaded on use, so that a test isolating modules (lazy-exceljs) reads with its own module registry.
    const reader = await import("../../src/xlsx/snapshotReader");
    return reader.readSnapshotFromFile(file, opts);
  });
}

/** Runs `use` on the bytes written to a temporary file named `name`, removed afterwards. */
export async function withXlsxFile<T>(
  bytes: Buffer | Uint8Array | ArrayBuffer,
  name: string,
  use: (file: string) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bytes-"));
  try {
    const file = path.join(dir, path.basename(name));
    fs.writeFileSync(file, bytes instanceof ArrayBuffer ? Buffer.from(bytes) : bytes);
    return await use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The zip guard's verdict on bytes, reached the way every read reaches it (readGuardedXlsx on a file): the parts
 * it found, or the XlsxInputError it throws.
 */
export function guardXlsxBytes(
  bytes: Buffer | Uint8Array,
  limits?: Parameters<typeof readGuardedXlsx>[1],
): ReturnType<typeof readGuardedXlsx>["entries"] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-bytes-"));
  try {
    const file = path.join(dir, "guarded.xlsx");
    fs.writeFileSync(file, bytes);
    return readGuardedXlsx(file, limits).entries;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
