/**
 * The pane's and the ribbon command's logic without a browser (node, simulated host): the 一键检查 command, the
 * shared check store, and the small parsers the pane uses. The headless-browser tests in this folder drive the
 * same code through the UI.
 */
import { installSimHost, type SimHost } from "../../src/sim/index";
import { registerCommands } from "../../src/commands/commands";
import { latestCheck, publishCheck, publishCheckError, subscribeCheck } from "../../src/taskpane/checkStore";
import { officeServices } from "../../src/taskpane/services";
import { errorText } from "../../src/taskpane/errorText";
import {
  FINDINGS_PER_RULE,
  groupFindings,
  ROW_HEIGHT,
  visibleItems,
  windowRange,
} from "../../src/taskpane/findingsView";
import { canClear, initialPaneState, paneReducer } from "../../src/taskpane/paneState";
import { gradeText, statedTotalNote } from "../../src/taskpane/scoreText";
import type { CheckRecord } from "../../src/taskpane/checkStore";
import { toTemplateOptions } from "../../src/taskpane/templateForm";
import type { Finding } from "../../src/core/findings";
import type { CheckResult, ScoreSummary } from "../../src/core/check";

const EMPTY: CheckResult = { recognized: [], findings: [], summary: { errors: 0, warnings: 0, infos: 0 }, scores: [] };

describe("ribbon command 一键检查", () => {
  let host: SimHost;
  beforeEach(() => {
    host = installSimHost(globalThis, { displayLanguage: "zh-CN" });
  });
  afterEach(() => host.uninstall());

  /** Presses 一键检查 as Excel does: the handler registered under the manifest's ExecuteFunction name. */
  const press = async (event: { completed: () => void }) => {
    registerCommands();
    await host.actions.get("runCheck")!(event);
  };

  it("registers runCheck, the name the manifest's ExecuteFunction uses", () => {
    registerCommands();
    expect([...host.actions.keys()]).toContain("runCheck");
  });

  it("checks the workbook, publishes the result for the pane and shows the pane", async () => {
    await officeServices.insertTemplate("declaration", { example: true });
    await officeServices.insertTemplate("self-assessment", { example: true });
    const before = JSON.stringify(host.workbook.snapshotState());
    const completed = jest.fn();
    const seen: string[] = [];
    const off = subscribeCheck((r) => seen.push(r.source));
    await press({ completed });
    off();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(host.taskpaneShows).toBe(1);
    expect(seen).toEqual(["ribbon"]);
    const rec = latestCheck()!;
    expect(rec.source).toBe("ribbon");
    expect(rec.result!.findings.map((f) => f.rule)).toContain("indicator-value-mismatch");
    // The check leaves the workbook exactly as it was (no extras were asked for).
    expect(JSON.stringify(host.workbook.snapshotState())).toBe(before);
  });

  it("always completes the event, and hands a failure to the pane", async () => {
    const completed = jest.fn();
    await officeServices.insertTemplate("self-assessment", { example: true });
    // Excel fails the check's first request.
    host.failNextSync();
    await press({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(host.taskpaneShows).toBe(1);
    expect(latestCheck()!.result).toBeUndefined();
    expect(errorText(latestCheck()!.error, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
    expect(errorText(latestCheck()!.error, "en-US")).toMatch(/internal error/i);
  });

  it("completes the event even when the pane cannot be shown", async () => {
    (
      globalThis as unknown as { Office: { addin: { showAsTaskpane: () => Promise<void> } } }
    ).Office.addin.showAsTaskpane = () => Promise.reject(new Error("not supported"));
    const completed = jest.fn();
    await press({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    // An empty workbook: checked, nothing recognized, and the result is still there for the pane.
    expect(latestCheck()!.result).toMatchObject({ recognized: [], findings: [] });
  });
});

describe("check store", () => {
  it("keeps the findings when only an optional extra failed", () => {
    const partial = { ...EMPTY, summary: { errors: 1, warnings: 0, infos: 0 } };
    const err = Object.assign(new Error("protected"), { result: partial });
    const rec = publishCheckError(err, "pane");
    expect(rec.result).toBe(partial);
    expect(rec.error).toBe(err);
    publishCheck(EMPTY, "pane");
    expect(latestCheck()!.error).toBeUndefined();
  });
});

describe("pane helpers", () => {
  it("shows an error's text in the user's language, never swallowing it", () => {
    const bilingual = { bilingual: { "zh-CN": "工作簿受保护", "en-US": "Workbook is protected" } };
    expect(errorText(bilingual, "en-US")).toBe("Workbook is protected");
    expect(errorText(new Error("plain"), "zh-CN")).toBe("plain");
    expect(errorText("text", "zh-CN")).toBe("text");
    expect(errorText(undefined, "zh-CN")).toBe("undefined");
  });

  it("groups findings by severity, then by rule, keeping their order", () => {
    const f = (rule: Finding["rule"], severity: Finding["severity"], cell: string): Finding => ({
      rule,
      severity,
      sheet: "自评表",
      cell,
      related: [],
      message: { "zh-CN": cell, "en-US": cell },
    });
    const groups = groupFindings([
      f("number-as-text", "info", "A1"),
      f("sum-mismatch", "error", "B2"),
      f("score-rule", "warning", "C3"),
      f("sum-mismatch", "error", "B9"),
      f("grade-mismatch", "error", "D4"),
    ]);
    expect(groups.map((g) => g.severity)).toEqual(["error", "warning", "info"]);
    expect(groups[0].rules.map((r) => [r.rule, r.items.map((i) => i.cell)])).toEqual([
      ["sum-mismatch", ["B2", "B9"]],
      ["grade-mismatch", ["D4"]],
    ]);
    expect(groupFindings([])).toEqual([]);
  });

  it("draws a long rule group in part until the user asks for all", () => {
    const many = Array.from({ length: FINDINGS_PER_RULE + 7 }, (_, i) => i);
    expect(visibleItems(many, false)).toHaveLength(FINDINGS_PER_RULE);
    expect(visibleItems(many, false)[FINDINGS_PER_RULE - 1]).toBe(FINDINGS_PER_RULE - 1);
    expect(visibleItems(many, true)).toHaveLength(many.length);
    expect(visibleItems([1, 2, 3], false)).toEqual([1, 2, 3]);
  });

  it("turns the template form into options, refusing an implausible year", () => {
    const form = {
      projectName: "  城镇职工养老保险 ",
      year: "2021",
      department: "",
      implementer: "养老保险中心",
      moneyUnit: "元" as const,
      lang: "zh-CN" as const,
    };
    expect(toTemplateOptions(form, true)).toEqual({
      projectName: "城镇职工养老保险",
      year: 2021,
      implementer: "养老保险中心",
      moneyUnit: "元",
      lang: "zh-CN",
      example: true,
    });
    expect(toTemplateOptions({ ...form, year: "" }, false)).not.toHaveProperty("year");
    expect(toTemplateOptions({ ...form, year: "20x1" }, false)).toEqual({ error: "yearInvalid" });
    expect(toTemplateOptions({ ...form, year: "1800" }, false)).toEqual({ error: "yearInvalid" });
  });
});

describe("pane state (one reducer)", () => {
  const record = (highlighted?: number): CheckRecord => ({
    result: { ...EMPTY, ...(highlighted === undefined ? {} : { highlighted }) },
    at: new Date(0),
    source: "pane",
  });

  it("clearing replaces the 'highlighted' state: no 'cleared' beside 'N highlighted', 清除标记 off after", () => {
    let s = initialPaneState();
    expect(canClear(s)).toBe(false); // nothing known yet: not offered
    s = paneReducer(s, { type: "check-started" });
    expect(s.busy).toBe("checking");
    expect(canClear({ ...s, marks: 3 })).toBe(false); // never while a check runs
    s = paneReducer(s, { type: "progress", stage: "checking", fraction: 0.5 });
    expect(s.progress).toEqual({ stage: "checking", fraction: 0.5 });
    s = paneReducer(s, { type: "check-finished", record: record(4) });
    expect(s).toMatchObject({ busy: "idle", progress: null, marks: 4, notice: null });
    expect(canClear(s)).toBe(true);
    s = paneReducer(s, { type: "clear-started" });
    expect(canClear(s)).toBe(false);
    s = paneReducer(s, { type: "clear-finished", restored: 4 });
    expect(s).toMatchObject({ busy: "idle", marks: 0, notice: { kind: "cleared", restored: 4 } });
    expect(canClear(s)).toBe(false);
    // The note about the cleared marks goes with the next action; an error replaces it, it does not stack.
    s = paneReducer(s, { type: "action-failed", error: new Error("x") });
    expect(s.notice).toMatchObject({ kind: "error" });
    s = paneReducer(s, { type: "check-started" });
    expect(s.notice).toBeNull();
  });

  it("a check from the ribbon lands while idle; marks known from the workbook enable 清除标记", () => {
    let s = paneReducer(initialPaneState(), { type: "marks", count: 2 });
    expect(canClear(s)).toBe(true);
    s = paneReducer(s, { type: "check-finished", record: { ...record(), source: "ribbon" } });
    expect(s.record!.source).toBe("ribbon");
    expect(s.marks).toBe(2);
    // Progress outside a check is ignored.
    expect(paneReducer(s, { type: "progress", stage: "x", fraction: 1 })).toBe(s);
    // Clearing with nothing restored says so instead of claiming success.
    s = paneReducer(paneReducer(s, { type: "clear-started" }), { type: "clear-finished", restored: 0 });
    expect(s.notice).toEqual({ kind: "nothing-to-clear" });
  });
});

describe("score card text", () => {
  const base: ScoreSummary = {
    sheet: "自评表",
    kind: "self-assessment",
    total: 88.31,
    grade: "良",
    gradeKey: "good",
    filled: true,
    computedTotal: 88.31,
    statedTotal: { cell: "H22", value: 88.31, text: "88.31" },
    categories: [],
  };
  it("says when the sheet's own total is an error or disagrees, and nothing when it agrees", () => {
    expect(statedTotalNote(base, "zh-CN")).toBeNull();
    expect(statedTotalNote({ ...base, statedTotal: { cell: "H22", value: null, text: "#VALUE!" } }, "zh-CN")).toBe(
      "表中总分 H22 显示 #VALUE!；按各项得分重算为 88.31 分。",
    );
    expect(statedTotalNote({ ...base, statedTotal: { cell: "H22", value: 90, text: "90" } }, "en-US")).toBe(
      "The sheet's total H22 is 90, but the scores add up to 88.31.",
    );
  });
  it("grades an unfilled form 未填写, never 差, and words the grade in the UI language", () => {
    expect(gradeText({ ...base, filled: false, total: null, grade: null, gradeKey: null }, "zh-CN")).toBe("未填写");
    expect(gradeText(base, "en-US")).toBe("Good");
    expect(gradeText(base, "zh-CN")).toBe("良");
  });
});

describe("virtualized list", () => {
  it("draws only the rows in view (plus a few), wherever the list is scrolled", () => {
    expect(windowRange(20000, 0)).toEqual({ first: 0, last: 12 });
    const mid = windowRange(20000, 10000 * ROW_HEIGHT);
    expect(mid.first).toBe(9996);
    expect(mid.last - mid.first).toBeLessThanOrEqual(20);
    expect(windowRange(20000, 20000 * ROW_HEIGHT).last).toBe(20000);
    expect(windowRange(5, 0)).toEqual({ first: 0, last: 5 });
  });
});
