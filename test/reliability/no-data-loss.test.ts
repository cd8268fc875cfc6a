/**
 * No data loss (issue 6): a check never changes a user cell; the extras (results sheet, highlighting) add a
 * new sheet and fills that are undone exactly; a request Excel rejects half-way leaves nothing half-written.
 * Everything runs through the Office.js adapter against the simulated host and compares full deep copies of
 * the workbook (values, formulas, number formats, fills, fonts, hyperlinks, merges, names, settings, sheet
 * names, order, visibility, protection) before and after.
 */
import { installSimHost, SimWorkbook, type SimHost, type WorkbookState } from "../../src/sim";
import { runCheck } from "../../src/office/check";
import { clearHighlights } from "../../src/office/highlight";
import { UserFacingError } from "../../src/office/errors";
import { isResultsSheet } from "../../src/office/resultsSheet";

/** The results sheet's name and the workbook setting that records which sheet it is. */
const RESULTS_SHEET_BASE = "检查结果";
const RESULTS_SHEET_SETTING = "perfEval.resultsSheet";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { countyText } from "../fixtures/layouts/county-text";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { selfAssessment, standardIndicators, withRow, type Ind } from "../rules/forms";
import { declaration } from "../rules/goal-forms";
import { checkWorkbook } from "../../src/core/check";
import { RULE_IDS } from "../../src/core/findings";
import { sheet } from "../support/grid";

let host: SimHost | null = null;
afterEach(() => {
  host?.uninstall();
  host = null;
});

/** Decorations a real workbook has that snapshots don't carry: fills, fonts, links, names, settings, odd sheets. */
function decorate(wb: SimWorkbook): SimWorkbook {
  const first = wb.sheets[0];
  first.setCell(0, 0, { fill: "#FFFF00", font: { bold: true } });
  first.setCell(1, 1, { fill: "#FFFFFF" });
  first.setCell(2, 2, { fill: "#C6EFCE", fillPattern: "Gray25" } as never);
  const rich = wb.addSheet(
    "计算 Sheet",
    [
      ["全年预算数（A）", "全年执行数（B）", "执行率", "结余", "合计", "文本"],
      [62867.9, 61196.81, "=EVAL.EXECRATE(B2,A2)", "=A2-B2", "=SUM(A2:B2)", null],
      [true, false, "=1/0", "=NOPE()", "='计算 Sheet'!A2*2", null],
    ],
    { at: "B3", numberFormats: [[], [null, "#,##0.00", "0.00%", "0.00"]] },
  );
  rich.setCell("G5", { value: "=not a formula", numberFormat: "@" });
  rich.setCell("G4", { value: "see", hyperlink: { address: "https://example.invalid", textToDisplay: "see" } });
  rich.merges.push({ r0: 10, c0: 1, r1: 11, c1: 3 });
  rich.setCell("B11", "merged head");
  wb.addSheet("用户参数", [["权重", 1, 0.85, 0.6, 0]], { visibility: "Hidden" });
  wb.addSheet("内部", [["v", 1]], { visibility: "VeryHidden" });
  wb.addSheet("受保护", [["锁定", 42]], { protected: true });
  wb.names.push({ name: "总分", reference: "=计算 Sheet!$D$4", comment: "" });
  wb.settings.set("user.setting", { keep: true });
  wb.changed = false;
  return wb;
}

const FIXTURES: [string, () => WorkbookSnapshot, boolean][] = [
  ["seed (planted cost-indicator mismatch)", () => ({ sheets: [seedDeclaration(), seedSelfAssessment()] }), true],
  ["seed, consistent", () => ({ sheets: [seedDeclaration(), seedSelfAssessment("≤628,678,956.50元")] }), false],
  ["province split layout", () => ({ sheets: [provinceSplit()] }), false],
  [
    "province split layout with defects",
    () => ({ sheets: [provinceSplit({ initialTotal: 1300, satisfactionScore: 12, totalScore: 90 })] }),
    true,
  ],
  ["county layout", () => countyText(), false],
  ["county layout with defects", () => countyText({ declaredTotal: 350 }), true],
  ["evaluation system", () => evaluationSystem(), false],
  [
    "evaluation system with defects",
    () => evaluationSystem({ grade: "优", surveyTotal: 150, balance: 100, weights: [30, 30, 20, 30] }),
    true,
  ],
  ["small self-assessment", () => ({ sheets: [selfAssessment()] }), false],
  [
    "small self-assessment with defects",
    () => ({ sheets: [selfAssessment(standardIndicators(), { funds: [100, 90, 10, 0.5, 10], total: [100, 80] })] }),
    true,
  ],
  [
    "seed with the declared cost in 万元 (consistent)",
    () => ({ sheets: [seedDeclaration("≤62867.90万元"), seedSelfAssessment("≤628,678,956.50元")] }),
    false,
  ],
  [
    "seed with a 元/万元 slip",
    () => ({ sheets: [seedDeclaration("≤628,678,956.50万元"), seedSelfAssessment("≤628,678,956.50元")] }),
    true,
  ],
  [
    "unquantified target",
    () => ({ sheets: [selfAssessment(withRow(0, ["产出指标", "数量指标", "培训人数", "较多", "较多", 20, 20]))] }),
    true,
  ],
  [
    "missing 时效 category",
    () => ({ sheets: [selfAssessment(standardIndicators().filter((r) => r[1] !== "时效指标"))] }),
    true,
  ],
  [
    "missed target without a reason",
    () => ({ sheets: [selfAssessment(withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", 400, 20, 16]))] }),
    true,
  ],
  [
    "a goal quantity no indicator carries",
    () => ({ sheets: [declaration("完成职业技能培训800人，新建实训基地2个。")] }),
    true,
  ],
  [
    "misfiled, wrong-direction and unmeasurable indicators, a unit cost above the budget",
    () => ({
      sheets: [
        declaration("完成职业技能培训800人。", [
          ["产出指标", "数量指标", "培训人数", "≤800人"],
          ["产出指标", "数量指标", "培训补助经费", "=72890元"],
          ["产出指标", "质量指标", "培训合格率", "≥95%"],
          ["产出指标", "时效指标", "完成时间", "2021年12月31日前"],
          ["产出指标", "成本指标", "人均培训成本", "≤2000元/人"],
          ["效益指标", "社会效益指标", "促进就业创业和谐发展", "=100%"],
          ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
        ]),
      ],
    }),
    true,
  ],
  [
    "rate over 100 %",
    () => ({ sheets: [selfAssessment(withRow(1, ["产出指标", "质量指标", "培训合格率", "≥95%", 1.3, 10, 10]))] }),
    true,
  ],
  [
    "a template placeholder left in an indicator name",
    () => ({
      sheets: [selfAssessment(withRow(0, ["产出指标", "数量指标", "培训人数（≥**人）", "≥500人", 520, 20, 20]))],
    }),
    true,
  ],
  [
    "an indicator named only by its category",
    () => ({ sheets: [selfAssessment(withRow(1, ["产出指标", "质量指标", "质量指标", "≥95%", 0.97, 10, 10]))] }),
    true,
  ],
  [
    "an indicator name that states another target than its value",
    () => ({
      sheets: [selfAssessment(withRow(1, ["产出指标", "质量指标", "培训合格率100%", "≥95%", 0.97, 10, 10]))],
    }),
    true,
  ],
  [
    "a rate target without its %",
    () => ({ sheets: [selfAssessment(withRow(1, ["产出指标", "质量指标", "培训合格率", 95, 0.97, 10, 10]))] }),
    true,
  ],
];

FIXTURES.push([
  "a form sheet the checker cannot read beside one it reads",
  () => ({
    sheets: [
      selfAssessment(),
      sheet("绩效目标表", [
        ["部门绩效目标表"],
        ["目标类别", "指标项", "指标值", "分值"],
        ["产出", "完成项目数", "≥5个", 20],
      ]),
    ],
  }),
  true,
]);

FIXTURES.push(
  [
    "an actual that copies its target's bound",
    () => ({ sheets: [selfAssessment(withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", "≥500人", 20, 20]))] }),
    true,
  ],
  [
    "a self-assessment never assessed",
    () => ({
      sheets: [
        selfAssessment(
          standardIndicators().map((r): Ind => [r[0], r[1], r[2], r[3], null, r[5], null]),
          { total: [90, null] },
        ),
      ],
    }),
    true,
  ],
);

FIXTURES.push(
  [
    "a department's basic data with more staff than its establishment",
    () => ({
      sheets: [
        selfAssessment(),
        sheet("基础数据", [
          ["财政供养人员情况", "编制数", "实际在职人数", "控制率"],
          [null, 46, 50, "108.70%"],
        ]),
      ],
    }),
    true,
  ],
  [
    "a deadline after the project period",
    () => {
      const s = selfAssessment(
        withRow(2, ["产出指标", "时效指标", "完成时间", "2022年3月底前", "2022年3月1日", 10, 10]),
      );
      s.values.splice(2, 0, ["项目期", "2021年1月-2021年12月"]);
      return { sheets: [s] };
    },
    true,
  ],
);

test("the fixtures exercise every rule, so every rule's findings go through the extras", () => {
  const fired = new Set(FIXTURES.flatMap(([, make]) => checkWorkbook(make()).findings.map((f) => f.rule)));
  expect([...RULE_IDS].filter((id) => !fired.has(id))).toEqual([]);
});

function book(make: () => WorkbookSnapshot): SimWorkbook {
  return decorate(SimWorkbook.fromSnapshot(make()));
}

/** The state without sheets written by the add-in. */
function userState(s: WorkbookState): WorkbookState {
  const sheets = s.sheets
    .filter((x) => !x.name.startsWith(RESULTS_SHEET_BASE))
    .map((x, position) => ({ ...x, position }));
  // The add-in's own record of which results sheet it wrote (so the next run replaces that one) is not user data;
  // every other setting is.
  const settings = { ...(s.settings as Record<string, unknown>) };
  delete settings[RESULTS_SHEET_SETTING];
  return { ...s, sheets, settings } as WorkbookState;
}

describe.each(FIXTURES)("%s", (_name, make, hasFindings) => {
  test("a check changes nothing at all", async () => {
    const wb = book(make);
    host = installSimHost(globalThis, { workbook: wb });
    const before = wb.snapshotState();
    const result = await runCheck();
    expect(wb.snapshotState()).toEqual(before);
    if (hasFindings) expect(result.findings.length).toBeGreaterThan(0);
  });

  test("results sheet + highlight, then clear: user sheets exactly as before; the results sheet is complete", async () => {
    const wb = book(make);
    host = installSimHost(globalThis, { workbook: wb });
    const before = wb.snapshotState();
    const result = await runCheck({ resultsSheet: true, highlight: true });
    const during = wb.snapshotState();
    if (hasFindings && (result.highlighted ?? 0) > 0) expect(userState(during)).not.toEqual(before);
    // Highlighting touches fills only.
    const strip = (s: WorkbookState) =>
      s.sheets.map((x) =>
        Object.fromEntries(Object.entries(x.cells).map(([a1, c]) => [a1, [c.value, c.formula, c.numberFormat]])),
      );
    const dropEmpty = (cells: Record<string, unknown[]>[]) =>
      cells.map((c) =>
        Object.fromEntries(Object.entries(c).filter(([, v]) => v[0] !== null || v[1] !== null || v[2] !== "General")),
      );
    expect(dropEmpty(strip(userState(during)))).toEqual(dropEmpty(strip(before)));
    await clearHighlights();
    const after = wb.snapshotState();
    expect(userState(after)).toEqual(before);
    const results = wb.sheet(result.resultsSheetName!);
    // One row per finding (or "no issues"), the row naming the profile used, then a row per table recognized.
    expect(results.usedBounds()!.r1).toBe(Math.max(1, result.findings.length) + 1 + result.recognized.length);
  });
});

describe("a request failing half-way", () => {
  // Every request of a check with both extras, failing after 0, 1 or 3 of its writes.
  const cases: [number, number][] = [];
  for (let skip = 0; skip < 12; skip++) for (const afterOps of [0, 1, 3]) cases.push([skip, afterOps]);

  test.each(cases)(
    "failing sync #%i after %i writes leaves nothing half-written and says what happened",
    async (skip, afterOps) => {
      const wb = book(FIXTURES[0][1]);
      host = installSimHost(globalThis, { workbook: wb });
      const before = wb.snapshotState();
      host.failNextSync({ skip, afterOps });
      let error: unknown = null;
      let findings = -1;
      try {
        findings = (await runCheck({ resultsSheet: true, highlight: true })).findings.length;
      } catch (e) {
        error = e;
      }
      const after = wb.snapshotState();
      if (error) {
        expect(error).toBeInstanceOf(UserFacingError);
        const msg = (error as UserFacingError).bilingual;
        expect(msg["zh-CN"].length).toBeGreaterThan(5);
        expect(msg["en-US"]).toMatch(/failed|could not|refused/i);
        // User sheets exactly as before (highlights undone); at most a complete results sheet remains.
        expect(userState(after)).toEqual(before);
        const extra = after.sheets.filter((s) => s.name.startsWith(RESULTS_SHEET_BASE));
        expect(extra.length).toBeLessThanOrEqual(1);
        if (extra.length) {
          const snapshotLike = {
            name: extra[0].name,
            originRow: 0,
            originCol: 0,
            values: [[0, 1, 2, 3, 4, 5].map((c) => wb.sheet(extra[0].name).cell(0, c).value)],
            merges: [],
          };
          expect(isResultsSheet(snapshotLike)).toBe(true);
          expect(wb.sheet(extra[0].name).usedBounds()!.r1).toBeGreaterThan(0);
        }
      } else {
        // The failure fell after the last request: a full, successful run.
        expect(host!.clearFailure()).toBe(true);
        expect(findings).toBeGreaterThan(0);
        await clearHighlights();
        expect(userState(wb.snapshotState())).toEqual(before);
      }
    },
  );
});

describe("the comparison itself can fail", () => {
  test("snapshotState sees a changed value, format, fill, name or sheet order", () => {
    const wb = book(FIXTURES[0][1]);
    const before = wb.snapshotState();
    const tweaks: ((w: SimWorkbook) => void)[] = [
      (w) => w.sheets[0].setCell(5, 5, "x"),
      (w) => w.sheets[0].setCell(0, 0, { numberFormat: "0.00" }),
      (w) => w.sheets[0].setCell(0, 0, { fill: null }),
      (w) => (w.sheets[1].name = "改名"),
      (w) => w.moveSheet(w.sheets[2], 0),
      (w) => (w.sheets[1].visibility = "Hidden"),
      (w) => w.names.pop(),
    ];
    for (const t of tweaks) {
      const copy = book(FIXTURES[0][1]);
      t(copy);
      expect(copy.snapshotState()).not.toEqual(before);
    }
    expect(book(FIXTURES[0][1]).snapshotState()).toEqual(before);
  });
});
