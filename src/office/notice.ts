/**
 * 生成结果通知书: drafts the result notice and the rectification report from the open workbook into two NEW
 * sheets (suffixed when the names are taken; nothing existing is touched). Each sentence's 来源 cell is a
 * hyperlink to the cell it came from. One read, one sync to learn names and protection, one sync to write; a
 * failed write removes the half-written sheets.
 */
import type { Bilingual } from "../core/locale";
import {
  draftNotice,
  noticeSheet,
  rectificationSheet,
  sourceText,
  type DraftSheet,
  type NoticeDate,
} from "../core/notice";
import { uniqueSheetName } from "../core/templates";
import { toUserFacingError, UserFacingError } from "./errors";
import { readWorkbookSnapshot } from "./snapshotReader";
import { namesForNewSheets, queueTemplateWrites, TEMPLATE_API_MINOR } from "./templateWriter";

const bi = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, "en-US": en });

function apiSupported(minor: number): boolean {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return req ? req.isSetSupported("ExcelApi", `1.${minor}`) : false;
}

interface DraftNoticeOptions {
  /** Date on the notice (default: today); the rectification report is due one month later. */
  date?: NoticeDate;
  evaluator?: string;
}

interface DraftNoticeResult {
  noticeSheet: string;
  rectificationSheet: string;
  score: number | null;
  grade: string | null;
  problems: number;
}

function today(): NoticeDate {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

function queueLinks(ws: Excel.Worksheet, sheet: DraftSheet): void {
  for (const l of sheet.links) {
    const ref = sourceText(l.source);
    ws.getRangeByIndexes(l.refRow, l.refCol, 1, 1).hyperlink = {
      documentReference: ref,
      textToDisplay: ref,
      screenTip: "来源 / source",
    };
  }
}

export async function insertNoticeDraft(options: DraftNoticeOptions = {}): Promise<DraftNoticeResult> {
  if (!apiSupported(TEMPLATE_API_MINOR)) {
    throw new UserFacingError(
      bi(
        `此版本的 Excel 不支持生成结果通知书（需要 ExcelApi 1.${TEMPLATE_API_MINOR}）。可以用命令行 perf-eval notice 生成 .xlsx 文件。`,
        `This version of Excel cannot draft the notice (ExcelApi 1.${TEMPLATE_API_MINOR} is required). Use perf-eval notice to write an .xlsx file.`,
      ),
      "ApiNotFound",
    );
  }
  const doing = bi("生成结果通知书", "Drafting the result notice");
  return Excel.run(async (context) => {
    const snapshot = await readWorkbookSnapshot(context);
    const draft = draftNotice(snapshot, { date: options.date ?? today(), evaluator: options.evaluator });
    if (!draft.score && draft.performance.length === 0 && draft.problems.length === 0) {
      throw new UserFacingError(
        bi(
          "未识别到评分表或自评表，无法生成结果通知书。请先插入或填写绩效评价指标体系及评分表、项目支出绩效自评表。工作簿未被修改。",
          "No evaluation score sheet or self-assessment was recognized, so no notice can be drafted. Fill in a scoring sheet or a self-assessment first. The workbook was not changed.",
        ),
        "InvalidArgument",
      );
    }
    const wb = context.workbook;
    const sheets = wb.worksheets;
    const { sheetNames: names, taken } = await namesForNewSheets(
      context,
      doing,
      bi(
        "工作簿结构受保护，无法添加工作表。请先撤销工作簿保护（审阅 → 保护工作簿）。工作簿未被修改。",
        "The workbook's structure is protected, so no sheet can be added. Unprotect it (Review → Protect Workbook). The workbook was not changed.",
      ),
    );
    const notice = noticeSheet(draft);
    const rect = rectificationSheet(draft);
    const noticeName = uniqueSheetName(notice.def.sheetName, names);
    const rectName = uniqueSheetName(rect.def.sheetName, [...names, noticeName]);
    const added: string[] = [];
    try {
      for (const [sheet, name] of [
        [notice, noticeName],
        [rect, rectName],
      ] as const) {
        const ws = sheets.add(name);
        added.push(name);
        queueTemplateWrites(ws, wb.names, sheet.def, taken, apiSupported(9), apiSupported(8));
        queueLinks(ws, sheet);
      }
      sheets.getItem(noticeName).activate();
      await context.sync();
    } catch (e) {
      let cleaned = true;
      try {
        for (const name of added) sheets.getItemOrNullObject(name).delete();
        await context.sync();
      } catch {
        cleaned = false;
      }
      throw toUserFacingError(
        e,
        doing,
        cleaned
          ? bi(
              "没有留下不完整的工作表，原有内容未被修改。",
              "No half-written sheet was left; nothing existing was changed.",
            )
          : bi(
              `未能删除不完整的工作表（${added.join("、")}），请手动删除。原有工作表未被修改。`,
              `The half-written sheets (${added.join(", ")}) could not be removed; please delete them. No existing sheet was changed.`,
            ),
      );
    }
    return {
      noticeSheet: noticeName,
      rectificationSheet: rectName,
      score: draft.score?.value ?? null,
      grade: draft.grade,
      problems: draft.problems.length,
    };
  });
}
