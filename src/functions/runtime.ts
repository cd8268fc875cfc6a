/**
 * What the generated custom-function wrappers (functions.ts) share: turning the core's EvalError into the
 * error Excel shows, and the workbook's evaluation profile (评价口径) for GRADE's bands, SATISFACTION's default
 * weights and EXECSCORE's default points. Imports only the pure core: this runs in the functions bundle.
 */
import { isEvalError, EvalError, type ExcelErrorCode } from "../core/errors";
import type { EvalResult } from "../core/functions";
import {
  isProfileError,
  NATIONAL_PROFILE,
  PROFILE_SHEET_NAME,
  profileFromUsedRange,
  type Profile,
} from "../core/profile";
import type { CellValue } from "../core/snapshot";

// The runtime's global (no @types package for custom-functions-runtime is installed): only what we use.
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<
    | "invalidValue"
    | "notAvailable"
    | "divisionByZero"
    | "invalidNumber"
    | "nullReference"
    | "invalidName"
    | "invalidReference",
    string
  >;
}
declare const CustomFunctions: CustomFunctionsRuntime;

const CODE_NAMES: Record<ExcelErrorCode, keyof CustomFunctionsRuntime["ErrorCode"]> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
  "#NULL!": "nullReference",
  // Excel refuses #NAME? and #REF! as custom-function outputs: report them as #VALUE!.
  "#NAME?": "invalidValue",
  "#REF!": "invalidValue",
};

// Excel shows custom messages only for #VALUE! and #N/A.
const MESSAGE_OK = new Set<ExcelErrorCode>(["#VALUE!", "#N/A"]);

/** Turn the core's EvalError into the Excel error the cell shows (thrown, as the runtime expects). */
export function toExcel(r: EvalResult): number | string | boolean {
  if (!isEvalError(r)) return r;
  const name = CODE_NAMES[r.code] ?? "invalidValue";
  const code = CustomFunctions.ErrorCode[name];
  const shown = code === CustomFunctions.ErrorCode.invalidValue ? "#VALUE!" : r.code;
  throw MESSAGE_OK.has(shown as ExcelErrorCode) && r.reason
    ? new CustomFunctions.Error(code, r.reason)
    : new CustomFunctions.Error(code);
}

let cached: Promise<Profile> | null = null;

/**
 * The workbook's profile, read once through Excel.run (the shared runtime allows it) and kept until
 * `profileChanged` (the pane calls it after saving). Without Excel (the CLI, tests) it is the national default.
 */
function workbookProfile(): Promise<Profile> {
  cached ??= readProfile().catch((e: unknown) => {
    cached = null; // the next call tries again
    throw e;
  });
  return cached;
}

function profileChanged(): void {
  cached = null;
}
// The pane is another bundle in the same runtime: it reaches this through the global.
(globalThis as { perfEvalProfileChanged?: () => void }).perfEvalProfileChanged = profileChanged;

async function readProfile(): Promise<Profile> {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== "function") return NATIONAL_PROFILE;
  return excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(PROFILE_SHEET_NAME);
    await context.sync();
    if (ws.isNullObject) return NATIONAL_PROFILE;
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    await context.sync();
    if (used.isNullObject) return NATIONAL_PROFILE;
    return profileFromUsedRange(used.values as CellValue[][], used.rowIndex, used.columnIndex) ?? NATIONAL_PROFILE;
  });
}

/** Computes with the workbook's profile; a bad profile is the cell's #VALUE! naming the field, never the default. */
export async function withProfile(compute: (p: Profile) => EvalResult): Promise<EvalResult> {
  let p: Profile;
  try {
    p = await workbookProfile();
  } catch (e) {
    if (isProfileError(e)) return new EvalError("#VALUE!", e.text["zh-CN"]);
    throw e;
  }
  return compute(p);
}
