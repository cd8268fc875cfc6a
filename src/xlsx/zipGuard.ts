/**
 * Input safety for .xlsx files, applied before ExcelJS (and its JSZip) ever sees the bytes.
 *
 * ExcelJS inflates every part of the zip into memory, so a hostile or broken file must be refused here:
 * wrong kind of file, encrypted/legacy workbooks, truncated archives and zip bombs. The central directory is
 * parsed by hand (no extra dependency) and the declared sizes are checked before anything is inflated; then
 * each deflated part is inflated once with a hard output cap, so a file whose headers lie about their sizes
 * is refused too instead of expanding without bound.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import type { Bilingual } from "../core/locale";

type XlsxInputErrorCode =
  | "missing"
  | "not-a-file"
  | "empty"
  | "too-large"
  | "encrypted-or-xls"
  | "not-xlsx"
  | "truncated"
  | "zip-bomb"
  | "unsupported"
  | "unreadable";

/** A file the reader refuses; `message` is one line in English, `text` has both languages for the CLI. */
export class XlsxInputError extends Error {
  readonly code: XlsxInputErrorCode;
  readonly text: Bilingual;
  /** What went wrong underneath (a parser's own message, a stack), for --debug only. */
  detail?: string;
  constructor(code: XlsxInputErrorCode, text: Bilingual) {
    super(text["en-US"]);
    this.name = "XlsxInputError";
    this.code = code;
    this.text = text;
  }
}

export function isXlsxInputError(e: unknown): e is XlsxInputError {
  return e instanceof XlsxInputError;
}

export interface ZipLimits {
  /** Largest .xlsx file read at all (bytes). */
  maxFileBytes: number;
  /** Largest declared uncompressed total of all parts (bytes). */
  maxTotalUncompressed: number;
  /** Most parts in one archive. */
  maxEntries: number;
  /** Compression ratio above which a large part is treated as a bomb. */
  maxRatio: number;
  /** Parts smaller than this (uncompressed) are never refused for their ratio alone. */
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxEntries: 20000,
  // Deflate tops out near 1032:1; real sheet XML is far below 500:1 once a part is over a few MB.
  maxRatio: 500,
  ratioMinBytes: 10 * 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the part's data (after its local header). */
  dataOffset: number;
}

const MB = 1024 * 1024;
const fmtMB = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

function fail(code: XlsxInputErrorCode, zh: string, en: string): never {
  throw new XlsxInputError(code, { "zh-CN": zh, "en-US": en });
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  return sig.every((b, i) => buf[i] === b);
}

function notXlsx(): never {
  return fail("not-xlsx", "不是 .xlsx 文件 (not an .xlsx file)", "not an .xlsx file");
}

function truncated(detail: string): never {
  return fail(
    "truncated",
    `.xlsx 文件不完整或已损坏 (truncated or damaged .xlsx file: ${detail})`,
    `truncated or damaged .xlsx file: ${detail}`,
  );
}

/** Where the End Of Central Directory record starts, or -1. */
function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/** Reads a 64-bit little-endian size as a JS number (sizes beyond 2^53 are absurd anyway). */
function readU64(buf: Buffer, off: number): number {
  return buf.readUInt32LE(off) + buf.readUInt32LE(off + 4) * 0x100000000;
}

/**
 * Parses the zip structure and checks it against the limits, inflating nothing.
 * Throws XlsxInputError; returns the parts otherwise.
 */
function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  if (buf.length === 0) fail("empty", "文件为空 (empty file)", "empty file");
  if (startsWith(buf, CFB_SIGNATURE.slice(0, 4))) {
    fail(
      "encrypted-or-xls",
      "加密的工作簿或旧版 .xls 工作簿，请另存为未加密的 .xlsx (encrypted or legacy .xls workbook)",
      "encrypted or legacy .xls workbook: save it as an unencrypted .xlsx",
    );
  }
  const isZipStart = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  if (!isZipStart) notXlsx();
  if (buf.length > limits.maxFileBytes) {
    fail("too-large", `文件过大 (file too large: ${fmtMB(buf.length)})`, `file too large: ${fmtMB(buf.length)}`);
  }

  const eocd = findEocd(buf);
  if (eocd < 0) truncated("end of central directory not found");
  let entryCount = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator sits just before the classic record.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) truncated("ZIP64 locator missing");
    const z64 = readU64(buf, loc + 8);
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50) truncated("ZIP64 end record missing");
    entryCount = readU64(buf, z64 + 32);
    cdSize = readU64(buf, z64 + 40);
    cdOffset = readU64(buf, z64 + 48);
  }
  if (entryCount > limits.maxEntries) {
    fail(
      "zip-bomb",
      `压缩包内文件过多 (too many parts: ${entryCount})`,
      `too many parts in the archive: ${entryCount}`,
    );
  }
  if (cdOffset + cdSize > buf.length) truncated("central directory is cut off");

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) truncated("central directory entry is damaged");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > buf.length) truncated("central directory entry is cut off");
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    // ZIP64 extended information: only the fields that overflowed are present, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const end = e + 4 + size;
        if (uncompressedSize === 0xffffffff && q + 8 <= end) {
          uncompressedSize = readU64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= end) {
          compressedSize = readU64(buf, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= end) localOffset = readU64(buf, q);
      }
      e += 4 + size;
    }
    p += 46 + nameLen + extraLen + commentLen;

    if (flags & 0x1) {
      fail(
        "encrypted-or-xls",
        "压缩包已加密 (encrypted or legacy .xls workbook: the zip is password-protected)",
        "encrypted or legacy .xls workbook: the zip is password-protected",
      );
    }
    if (method !== 0 && method !== 8) {
      fail(
        "unsupported",
        `不支持的压缩方式 (unsupported compression method ${method})`,
        `unsupported compression method ${method} in ${name}`,
      );
    }
    total += uncompressedSize;
    if (total > limits.maxTotalUncompressed) {
      fail(
        "zip-bomb",
        `解压后超过 ${fmtMB(limits.maxTotalUncompressed)}，拒绝读取 (refused: expands past ${fmtMB(limits.maxTotalUncompressed)}, possible zip bomb)`,
        `refused: the parts expand past ${fmtMB(limits.maxTotalUncompressed)} (possible zip bomb)`,
      );
    }
    if (uncompressedSize >= limits.ratioMinBytes && uncompressedSize > limits.maxRatio * Math.max(1, compressedSize)) {
      const ratio = Math.round(uncompressedSize / Math.max(1, compressedSize));
      fail(
        "zip-bomb",
        `压缩比异常 (${ratio}:1)，拒绝读取 (refused: compression ratio ${ratio}:1 in ${name}, possible zip bomb)`,
        `refused: compression ratio ${ratio}:1 in ${name} (possible zip bomb)`,
      );
    }
    if (method === 0 && compressedSize !== uncompressedSize) truncated(`stored part ${name} has inconsistent sizes`);

    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) {
      truncated(`part ${name} is missing`);
    }
    const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > buf.length) truncated(`part ${name} is cut off`);
    entries.push({ name, method, compressedSize, uncompressedSize, dataOffset });
  }
  return entries;
}

/**
 * Inflates each deflated part with an output cap equal to its declared size, so headers that understate a
 * part's size cannot smuggle a bomb past inspectZip. Output is discarded.
 */
export function verifyDeclaredSizes(buf: Buffer, entries: readonly ZipEntryInfo[]): void {
  for (const e of entries) {
    if (e.method !== 8) continue;
    const data = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
        fail(
          "zip-bomb",
          `${e.name} 解压后大于声明的大小，拒绝读取 (refused: ${e.name} expands past its declared size, possible zip bomb)`,
          `refused: ${e.name} expands past its declared size (possible zip bomb)`,
        );
      }
      truncated(`part ${e.name} cannot be decompressed`);
    }
    if (out.length !== e.uncompressedSize) truncated(`part ${e.name} has the wrong size`);
  }
}

/** Deflate cannot expand data by more than about 1032:1; a little margin on top. */
const MAX_DEFLATE_RATIO = 1100;

/** The most the parts could expand to whatever their headers say. */
export function worstCaseExpansion(entries: readonly ZipEntryInfo[]): number {
  let total = 0;
  for (const e of entries) total += e.method === 8 ? e.compressedSize * MAX_DEFLATE_RATIO : e.compressedSize;
  return total;
}

/** All checks on bytes already in memory; throws XlsxInputError. Returns the parts. */
function guardXlsxBuffer(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  const entries = inspectZip(buf, limits);
  if (!entries.some((e) => e.name.replace(/^\//, "") === "xl/workbook.xml" || /^xl\/workbook\d*\.xml$/.test(e.name))) {
    fail(
      "not-xlsx",
      "不是 .xlsx 文件：缺少 xl/workbook.xml (not an .xlsx file: no xl/workbook.xml)",
      "not an .xlsx file: no xl/workbook.xml",
    );
  }
  // Lying headers only matter when the archive could really expand past the limit; a typical workbook of a
  // few hundred KB cannot, and is spared a second inflate of every part.
  if (worstCaseExpansion(entries) > limits.maxTotalUncompressed) verifyDeclaredSizes(buf, entries);
  return entries;
}

/** Reads a path safely: refuses missing files, directories, empty and oversized files, then guards the bytes. */
export function readGuardedFile(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Buffer {
  return readGuardedXlsx(path, limits).buf;
}

/** readGuardedFile, also giving the parts the guard found. */
export function readGuardedXlsx(
  path: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { buf: Buffer; entries: ZipEntryInfo[] } {
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") fail("missing", "文件不存在 (file not found)", "file not found");
    if (code === "EACCES" || code === "EPERM")
      fail("unreadable", "没有读取权限 (permission denied)", "permission denied");
    fail(
      "unreadable",
      `无法读取文件 (cannot read the file: ${code ?? "unknown error"})`,
      `cannot read the file: ${code ?? "unknown error"}`,
    );
  }
  if (st.isDirectory())
    fail("not-a-file", "这是一个目录，不是文件 (is a directory, not a file)", "is a directory, not a file");
  if (!st.isFile()) fail("not-a-file", "不是普通文件 (not a regular file)", "not a regular file");
  if (st.size === 0) fail("empty", "文件为空 (empty file)", "empty file");
  if (st.size > limits.maxFileBytes) {
    fail("too-large", `文件过大 (file too large: ${fmtMB(st.size)})`, `file too large: ${fmtMB(st.size)}`);
  }
  let buf: Buffer;
  try {
    buf = fs.readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM")
      fail("unreadable", "没有读取权限 (permission denied)", "permission denied");
    fail(
      "unreadable",
      `无法读取文件 (cannot read the file: ${code ?? "unknown error"})`,
      `cannot read the file: ${code ?? "unknown error"}`,
    );
  }
  return { buf, entries: guardXlsxBuffer(buf, limits) };
}
