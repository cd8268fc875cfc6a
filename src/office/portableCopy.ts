/**
 * 生成通用副本 / Portable copy from the task pane: the open workbook's file (Office.js getFileAsync) goes
 * through the same rewrite as `perf-eval portable` (src/xlsx/portable.ts) and opens as a new workbook
 * (Excel.createWorkbook, ExcelApi 1.8) for the user to save. The open workbook is never written to.
 */
import type { Bilingual, Locale } from "../core/locale";
import { apiSupported, UserFacingError } from "./errors";

const bi = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, "en-US": en });
const SLICE = 4 * 1024 * 1024;

interface PortableCopyResult {
  rewritten: number;
  frozen: number;
}

/** The open workbook as .xlsx bytes, read slice by slice (the file is closed again whatever happens). */
function readDocumentBytes(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        reject(res.error);
        return;
      }
      const file = res.value;
      const parts: Uint8Array[] = [];
      const done = (err?: unknown) =>
        file.closeAsync(() => {
          if (err) reject(err);
          else {
            const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
            let at = 0;
            for (const p of parts) {
              out.set(p, at);
              at += p.length;
            }
            resolve(out);
          }
        });
      const next = (i: number) => {
        if (i >= file.sliceCount) return done();
        file.getSliceAsync(i, (s) => {
          if (s.status !== Office.AsyncResultStatus.Succeeded) return done(s.error);
          parts.push(Uint8Array.from(s.value.data as ArrayLike<number>));
          next(i + 1);
        });
      };
      next(0);
    });
  });
}

/** Bytes → base64 without building one huge string of characters at once. */
function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Make the portable copy of the open workbook and open it as a new workbook. */
export async function createPortableCopy(lang: Locale): Promise<PortableCopyResult> {
  if (!apiSupported(8)) {
    throw new UserFacingError(
      bi(
        "此版本的 Excel 不能打开新工作簿（需要 ExcelApi 1.8）。可以改用命令行：perf-eval portable 文件.xlsx -o 副本.xlsx。",
        "This version of Excel cannot open a new workbook (ExcelApi 1.8 is required). Use the command line instead: perf-eval portable FILE.xlsx -o COPY.xlsx.",
      ),
      "ApiNotFound",
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readDocumentBytes();
  } catch (e) {
    throw new UserFacingError(
      bi(
        "无法读取当前工作簿的文件，未生成副本。原工作簿未被修改。",
        "Could not read the workbook's file; no copy was made. The workbook was not changed.",
      ),
      (e as { code?: string })?.code,
      e,
    );
  }
  const { portableCopy } = await import(/* webpackChunkName: "portable-copy" */ "../xlsx/portable");
  let result: Awaited<ReturnType<typeof portableCopy>>;
  try {
    result = await portableCopy(bytes, lang);
  } catch (e) {
    throw new UserFacingError(
      bi(
        "无法生成通用副本：工作簿文件无法解析。原工作簿未被修改。",
        "Could not make the portable copy: the workbook file could not be read. The workbook was not changed.",
      ),
      undefined,
      e,
    );
  }
  await Excel.createWorkbook(toBase64(result.bytes));
  return { rewritten: result.report.rewritten.length, frozen: result.report.frozen.length };
}
