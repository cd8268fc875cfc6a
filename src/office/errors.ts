/**
 * Errors the user sees: every failure that reaches the task pane or the ribbon command is a UserFacingError
 * with a message in both languages. Office.js errors are mapped by their `code` (duck-typed, so the mapper
 * works with the real OfficeExtension.Error and with the simulated host's errors alike).
 */
import type { Bilingual, Locale } from "../core/locale";

export class UserFacingError extends Error {
  constructor(
    readonly bilingual: Bilingual,
    /** The Office.js error code behind it, when there was one. */
    readonly code?: string,
    readonly cause?: unknown,
  ) {
    super(bilingual["zh-CN"]);
    this.name = "UserFacingError";
  }

  text(locale: Locale): string {
    return this.bilingual[locale];
  }
}

/** The code of an Office.js error (OfficeExtension.Error.code), or undefined. */
export function officeErrorCode(e: unknown): string | undefined {
  if (e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string")
    return (e as { code: string }).code;
  return undefined;
}

const bi = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, "en-US": en });

/** Whether an error is Excel refusing a sync because of its size (request or response). */
export function isPayloadLimitError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Map any error to a UserFacingError. `doing` says what the add-in was doing ("检查工作簿"), and
 * `state` what the workbook looks like afterwards (e.g. "工作簿未被修改。") so the user knows what happened.
 */
export function toUserFacingError(e: unknown, doing?: Bilingual, state?: Bilingual): UserFacingError {
  if (e instanceof UserFacingError) return e;
  const code = officeErrorCode(e);
  const raw = e instanceof Error ? e.message : String(e);
  let msg: Bilingual;
  switch (code) {
    case "InvalidOperation":
    case "AccessDenied":
      msg = /protect/i.test(raw)
        ? bi(
            "工作表或工作簿受保护，Excel 拒绝了修改。请先撤销保护再重试。",
            "The sheet or workbook is protected, so Excel refused the change. Unprotect it and try again.",
          )
        : bi(
            `Excel 拒绝了此操作（可能是工作表或工作簿受保护，或正在编辑单元格）：${raw}`,
            `Excel refused the operation (the sheet or workbook may be protected, or a cell is being edited): ${raw}`,
          );
      break;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      msg = bi(
        "数据量超过了 Excel 单次请求的上限（约 5 MB）。",
        "The data exceeds Excel's per-request limit (about 5 MB).",
      );
      break;
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
    case "UnsupportedOperation":
      msg = bi(
        "此版本的 Excel 不支持所需的功能，请更新 Office 或改用 Excel 网页版。",
        "This version of Excel does not support a feature the add-in needs. Update Office or use Excel on the web.",
      );
      break;
    case "ItemNotFound":
      msg = bi(
        `找不到指定的工作表、单元格或名称（可能已被删除或重命名）：${raw}`,
        `A sheet, cell or name could not be found (it may have been deleted or renamed): ${raw}`,
      );
      break;
    case "ItemAlreadyExists":
      msg = bi(`同名的对象已存在：${raw}`, `An item with that name already exists: ${raw}`);
      break;
    case "InvalidOperationInCellEditMode":
      msg = bi(
        "Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑再重试。",
        "Excel is in cell-edit mode. Press Enter or Esc, then try again.",
      );
      break;
    default:
      msg = code
        ? bi(`Excel 未能完成请求（${code}）：${raw}`, `Excel could not complete the request (${code}): ${raw}`)
        : bi(`发生意外错误：${raw}`, `An unexpected error occurred: ${raw}`);
  }
  const parts = (loc: Locale) =>
    [
      doing ? (loc === "zh-CN" ? `${doing[loc]}失败。` : `${doing[loc]} failed.`) : "",
      msg[loc],
      state ? state[loc] : "",
    ]
      .filter(Boolean)
      .join(loc === "zh-CN" ? "" : " ");
  return new UserFacingError({ "zh-CN": parts("zh-CN"), "en-US": parts("en-US") }, code, e);
}

/** Is the Office host able to run `ExcelApi minor`? True outside Office (tests pass their own host). */
export function apiSupported(minor: number): boolean {
  const req = (
    globalThis as { Office?: { context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } } } }
  ).Office?.context?.requirements;
  return req ? req.isSetSupported("ExcelApi", `1.${minor}`) : true;
}
