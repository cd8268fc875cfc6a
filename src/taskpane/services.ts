/**
 * What the task pane asks of Excel. The Office.js adapters (and the check engine behind them) are loaded on
 * first use, so the pane's first screen does not wait for them.
 */
import type { CheckResult } from "../core/check";
import type { Locale } from "../core/locale";
import type { CheckExtras } from "./checkStore";
import type { TemplateKind, TemplateOptions } from "../core/templates/index";
import type { Profile } from "../core/profile";
// A type only: the adapter itself is loaded on first use (below).
import type { CheckProgress } from "../office/check";

interface RunCheckOptions {
  resultsSheet: boolean;
  highlight: boolean;
  onProgress?: (p: CheckProgress) => void;
  /** Language of the results sheet. */
  locale?: Locale;
  /** Further core check options (e.g. an evaluation profile), passed through to the check. */
  checkOptions?: Record<string, unknown>;
}

export interface PaneServices {
  runCheck(options: RunCheckOptions): Promise<CheckResult & CheckExtras>;
  selectCell(sheet: string, a1: string): Promise<void>;
  /** Restores the highlighted cells; resolves with how many were restored. */
  clearHighlights(): Promise<number | void>;
  /** Loads what a check needs ahead of time (optional: called when the pane is idle). */
  prepareCheck?(): Promise<void>;
  /** Cells that carry our highlight now (0 when none). */
  countHighlights?(): Promise<number>;
  insertTemplate(kind: TemplateKind, options: TemplateOptions): Promise<{ sheetName: string }>;
  /** 生成结果通知书: the notice and rectification report drafted into new sheets (optional for other hosts). */
  draftNotice?(): Promise<{ noticeSheet: string; rectificationSheet: string }>;
  /** 生成通用副本: the open workbook's copy without EVAL formulas, opened as a new workbook (absent: no button). */
  portableCopy?(lang: Locale): Promise<{ rewritten: number; frozen: number }>;
  /** The workbook's own 评价口径, or null when it has none (a bad one rejects with a message naming the field). */
  loadProfile(): Promise<Profile | null>;
  /** Validates and saves the profile to the workbook's hidden 评价口径 sheet. */
  saveProfile(profile: Profile): Promise<void>;
}

export const officeServices: PaneServices = {
  async prepareCheck() {
    await Promise.all([
      import(/* webpackChunkName: "office-check" */ "../office/check"),
      import(/* webpackChunkName: "office-check" */ "./workerCheck"),
      import(/* webpackChunkName: "office-highlight" */ "../office/highlight"),
    ]);
  },
  async runCheck(options) {
    const [{ runCheck, CELLS_PER_READ }, { checkInWorker }] = await Promise.all([
      import(/* webpackChunkName: "office-check" */ "../office/check"),
      import(/* webpackChunkName: "office-check" */ "./workerCheck"),
    ]);
    // Big workbooks are read in blocks and checked in a Web Worker: the pane never freezes (issue 14).
    return runCheck({ cellsPerRead: CELLS_PER_READ, checker: checkInWorker, ...options });
  },
  async selectCell(sheet, a1) {
    const { selectCell } = await import(/* webpackChunkName: "office-navigate" */ "../office/navigate");
    await selectCell(sheet, a1);
  },
  async clearHighlights() {
    const { clearHighlights } = await import(/* webpackChunkName: "office-highlight" */ "../office/highlight");
    return clearHighlights();
  },
  async countHighlights() {
    const { countHighlights } = await import(/* webpackChunkName: "office-highlight" */ "../office/highlight");
    return countHighlights();
  },
  async insertTemplate(kind, options) {
    const { insertTemplate } = await import(/* webpackChunkName: "office-templates" */ "../office/templateWriter");
    // A blank form starts from the workbook's own 评价口径 weights (a bad profile is refused, named, not ignored).
    const profile = options.profile ?? (await this.loadProfile()) ?? undefined;
    return insertTemplate(kind, { ...options, profile });
  },
  async loadProfile() {
    const { readWorkbookProfile } = await import(/* webpackChunkName: "office-profile" */ "../office/profile");
    return readWorkbookProfile();
  },
  async saveProfile(profile) {
    const { writeWorkbookProfile } = await import(/* webpackChunkName: "office-profile" */ "../office/profile");
    await writeWorkbookProfile(profile);
  },
  async draftNotice() {
    const { insertNoticeDraft } = await import(/* webpackChunkName: "office-notice" */ "../office/notice");
    return insertNoticeDraft();
  },
  async portableCopy(lang) {
    const { createPortableCopy } = await import(/* webpackChunkName: "office-portable" */ "../office/portableCopy");
    return createPortableCopy(lang);
  },
};
