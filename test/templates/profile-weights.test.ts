/** Templates take their default weights from the profile: a blank self-assessment made for a province checks clean by that province's profile. */
import * as ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import { buildTemplate } from "../../src/core/templates";
import { standardRows } from "../../src/core/templates/common";
import { defaultProfile, NATIONAL_PROFILE, validateProfile } from "../../src/core/profile";
import { writeTemplateSheet } from "../../src/xlsx/templateWriter";
import { readXlsxBytes } from "../support/xlsxBytes";

const province = () => {
  const p = defaultProfile();
  p.name = "某省（预算执行20分）";
  Object.assign(p.weights, { budgetExecution: 20, output: 40, outcome: 32, satisfaction: 8 });
  return validateProfile(p);
};

async function blankSelfAssessment(profile?: ReturnType<typeof province>) {
  const wb = new ExcelJS.Workbook();
  writeTemplateSheet(wb, buildTemplate("self-assessment", { profile }));
  return readXlsxBytes(Buffer.from(await wb.xlsx.writeBuffer()), "t.xlsx");
}

const split = (r: ReturnType<typeof checkWorkbook>) =>
  r.findings.filter((f) => f.rule === "weight-total").map((f) => f.message["zh-CN"]);

test("each first-level group of the blank list sums exactly to the profile's weight", () => {
  const sum = (l1: string, w = province().weights) =>
    standardRows(w)
      .filter((r) => r.l1 === l1)
      .reduce((a, r) => a + r.weight, 0);
  expect([sum("output"), sum("benefit"), sum("satisfaction")]).toEqual([40, 32, 8]);
  expect(standardRows()).toEqual(standardRows(NATIONAL_PROFILE.weights));
  expect(
    standardRows()
      .filter((r) => r.l1 === "output")
      .map((r) => r.weight),
  ).toEqual([10, 10, 10, 10, 10]);
});

test("a blank self-assessment built from a province's profile checks clean by it, and not by the national one", async () => {
  const national = await blankSelfAssessment();
  expect(split(checkWorkbook(national))).toEqual([]);
  const snap = await blankSelfAssessment(province());
  expect(split(checkWorkbook(snap, { profile: province() }))).toEqual([]);
  expect(split(checkWorkbook(snap))).toEqual([
    "一级指标“预算执行”分值合计为20，标准为10。",
    "一级指标“产出”分值合计为40，标准为50。",
    "一级指标“效益”分值合计为32，标准为30。",
    "一级指标“满意度”分值合计为8，标准为10。",
  ]);
});
