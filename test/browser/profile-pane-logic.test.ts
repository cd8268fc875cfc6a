/**
 * The 评价口径 tab's path without a browser: the form's edits (profileForm) validated by the check's own
 * validator, saved through the pane's services to the simulated workbook, and honoured by the next check the
 * pane runs. Each profile field the tab edits is shown reaching its rule.
 */
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim/index";
import { officeServices } from "../../src/taskpane/services";
import {
  addBand,
  renameIfChanged,
  nationalDraft,
  removeBand,
  setBand,
  setRuleSetting,
  setWeight,
  toggleCategory,
  validateDraft,
  type Draft,
} from "../../src/taskpane/profileForm";
import { NATIONAL_PROFILE } from "../../src/core/profile";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

let host: SimHost;
beforeEach(() => {
  host = installSimHost(globalThis, {
    workbook: SimWorkbook.fromSnapshot({ sheets: [seedDeclaration(), seedSelfAssessment()] }),
  });
});
afterEach(() => host.uninstall());

async function saveAndCheck(d: Draft) {
  const v = validateDraft(d);
  if (!("profile" in v)) throw new Error(v.error["en-US"]);
  await officeServices.saveProfile(v.profile);
  return officeServices.runCheck({ resultsSheet: false, highlight: false });
}

const of = (r: { findings: { rule: string }[] }, rule: string) => r.findings.filter((f) => f.rule === rule);

test("恢复国家默认 gives the national profile, and a workbook without one loads as null", async () => {
  expect(nationalDraft()).toEqual(NATIONAL_PROFILE);
  expect(await officeServices.loadProfile()).toBeNull();
});

test("an edited national default is renamed, so the results sheet never calls it national", () => {
  expect(renameIfChanged(nationalDraft()).name).toBe(NATIONAL_PROFILE.name);
  expect(renameIfChanged(setWeight(nationalDraft(), "output", "40")).name).toBe("自定义口径（基于全国默认）");
  const own = { ...setWeight(nationalDraft(), "output", "40"), name: "某省口径" };
  expect(renameIfChanged(own).name).toBe("某省口径");
});

test("typed weights (full-width digits too) reach weight-total through the pane's check", async () => {
  expect(setWeight(nationalDraft(), "budgetExecution", "２０").weights.budgetExecution).toBe(20);
  // Words stay as typed, for validateDraft to refuse with the field named (next test).
  expect(setWeight(nationalDraft(), "budgetExecution", "二十").weights.budgetExecution).toBe("二十");
  const d = setWeight(setWeight(nationalDraft(), "budgetExecution", "２０"), "output", "40");
  const r = await saveAndCheck(d);
  expect(of(r, "weight-total")).toHaveLength(2);
  expect((await officeServices.loadProfile())?.weights).toMatchObject({ budgetExecution: 20, output: 40 });
});

test("a weight typed as words is refused with the field named, and the save is not offered", () => {
  const v = validateDraft(setWeight(nationalDraft(), "output", "五十"));
  expect(v).toMatchObject({ field: "weights.output" });
  expect("error" in v && v.error["zh-CN"]).toMatch(/weights\.output 应为数值/);
});

test("grade bands: an overlapping band is named; edited bands reach grade-mismatch", async () => {
  const overlap = validateDraft(setBand(nationalDraft(), 1, { min: "95" }));
  expect(overlap).toMatchObject({ field: "gradeBands[1].min" });
  const emptyBand = validateDraft(addBand(nationalDraft()));
  expect("field" in emptyBand && emptyBand.field).toMatch(/^gradeBands\[4\]/);
  expect(removeBand(addBand(nationalDraft()), 4)).toEqual(nationalDraft());
  const r = await saveAndCheck(setBand(nationalDraft(), 0, { min: "97" }));
  expect(of(r, "grade-mismatch")).toHaveLength(1);
});

test("required categories reach missing-category", async () => {
  const r = await saveAndCheck(toggleCategory(nationalDraft(), "经济效益", true));
  expect(of(r, "missing-category").length).toBeGreaterThan(0);
  const back = toggleCategory(toggleCategory(nationalDraft(), "经济效益", true), "经济效益", false);
  expect(back.requiredCategories).toEqual(NATIONAL_PROFILE.requiredCategories);
});

test("severities: off removes a rule's findings, a severity sets theirs, default restores the rule's own", async () => {
  const off = await saveAndCheck(setRuleSetting(nationalDraft(), "indicator-value-mismatch", "off"));
  expect(of(off, "indicator-value-mismatch")).toEqual([]);
  const info = await saveAndCheck(setRuleSetting(nationalDraft(), "indicator-value-mismatch", "info"));
  expect(info.findings.filter((f) => f.rule === "indicator-value-mismatch").map((f) => f.severity)).toEqual(["info"]);
  const d = setRuleSetting(
    setRuleSetting(nationalDraft(), "indicator-value-mismatch", "info"),
    "indicator-value-mismatch",
    "default",
  );
  expect(d.rules).toEqual({});
});

test("templates inserted from the pane take their default weights from the workbook's profile", async () => {
  await officeServices.saveProfile(setWeight(setWeight(nationalDraft(), "budgetExecution", "20"), "output", "40"));
  const { sheetName } = await officeServices.insertTemplate("self-assessment", {});
  expect(host.workbook.sheet(sheetName).cell("F6").value).toBe(20);
  const r = await officeServices.runCheck({ resultsSheet: false, highlight: false });
  expect(r.findings.filter((f) => f.rule === "weight-total" && f.sheet === sheetName)).toEqual([]);
});
