/**
 * The workbook's evaluation profile (评价口径) in Excel: read from and written to a hidden 评价口径 sheet, so
 * that everyone who opens the workbook checks by the same rules. The check itself needs nothing from here (the
 * snapshot reader reads hidden sheets and the core finds the sheet); the pane's 评价口径 tab loads and saves
 * through these functions.
 */
import {
  isProfileError,
  isProfileSheet,
  PROFILE_SHEET_NAME,
  profileFromUsedRange,
  profileToRows,
  validateProfile,
  type Profile,
} from "../core/profile";
import type { CellValue } from "../core/snapshot";
import { toUserFacingError, UserFacingError } from "./errors";

/** A ProfileError as the pane shows it: the field and what is wrong, in both languages. */
export function profileUserError(e: unknown): UserFacingError {
  if (isProfileError(e))
    return new UserFacingError(
      {
        "zh-CN": `评价口径有误，未执行检查：${e.text["zh-CN"]}。请在“评价口径”页修正。`,
        "en-US": `The evaluation profile is invalid, so nothing was checked: ${e.text["en-US"]}. Fix it on the Profile tab.`,
      },
      "ProfileError",
      e,
    );
  return toUserFacingError(e);
}

/** The workbook's own profile, or null when it has none. Throws UserFacingError when its sheet holds a bad one. */
export async function readWorkbookProfile(context?: Excel.RequestContext): Promise<Profile | null> {
  if (!context) return Excel.run((ctx) => readWorkbookProfile(ctx));
  const ws = context.workbook.worksheets.getItemOrNullObject(PROFILE_SHEET_NAME);
  await context.sync();
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  await context.sync();
  if (used.isNullObject) return null;
  try {
    // The core reads the rows, as for a file (and a user's own sheet of that name that is no profile is null).
    // Rule options are checked against each rule's schema by the check itself (which names the field):
    // reading needs no rules, so the template writer can use this without loading them.
    return profileFromUsedRange(used.values as CellValue[][], used.rowIndex, used.columnIndex);
  } catch (e) {
    throw profileUserError(e);
  }
}

/**
 * Saves `profile` to the hidden 评价口径 sheet: validated first (a bad profile is refused, nothing written),
 * our own sheet is rewritten in place, and a user's sheet that happens to be called 评价口径 is never touched.
 */
export async function writeWorkbookProfile(profile: Profile, context?: Excel.RequestContext): Promise<void> {
  if (!context) return Excel.run((ctx) => writeWorkbookProfile(profile, ctx));
  let rows: CellValue[][];
  const { checkRuleOptions } = await import(/* webpackChunkName: "core-rules" */ "../core/rules/index");
  try {
    const p = validateProfile(profile);
    checkRuleOptions(p);
    rows = profileToRows(p);
  } catch (e) {
    throw profileUserError(e);
  }
  const existing = context.workbook.worksheets.getItemOrNullObject(PROFILE_SHEET_NAME);
  await context.sync();
  let ws = existing;
  if (!existing.isNullObject) {
    const a1 = existing.getRange("A1");
    a1.load("values");
    await context.sync();
    const sheet = {
      name: PROFILE_SHEET_NAME,
      originRow: 0,
      originCol: 0,
      values: a1.values as CellValue[][],
      merges: [],
    };
    if (!isProfileSheet(sheet))
      throw new UserFacingError(
        {
          "zh-CN": `工作簿中已有名为“${PROFILE_SHEET_NAME}”的工作表，且不是本加载项写入的；为免覆盖，未保存评价口径。请重命名该工作表后重试。`,
          "en-US": `The workbook already has a sheet named "${PROFILE_SHEET_NAME}" that this add-in did not write; to avoid overwriting it, the profile was not saved. Rename that sheet and try again.`,
        },
        "ItemAlreadyExists",
      );
    existing.getRange().clear("Contents");
  } else {
    ws = context.workbook.worksheets.add(PROFILE_SHEET_NAME);
  }
  try {
    const width = 3;
    const grid = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)].map((v) => v ?? ""));
    const rg = ws.getRangeByIndexes(0, 0, grid.length, width);
    // Text format for texts: JSON and names stay literal (a value starting with = must not become a formula).
    rg.numberFormat = grid.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
    rg.values = grid as (string | number | boolean)[][];
    ws.visibility = "Hidden";
    // EVAL.GRADE / SATISFACTION / EXECSCORE take defaults from the profile: recompute them by the new one.
    context.workbook.application.calculate("Full");
    await context.sync();
    (globalThis as { perfEvalProfileChanged?: () => void }).perfEvalProfileChanged?.();
  } catch (e) {
    throw toUserFacingError(
      e,
      { "zh-CN": "保存评价口径", "en-US": "Saving the profile" },
      { "zh-CN": "其他工作表未被修改。", "en-US": "No other sheet was changed." },
    );
  }
}
