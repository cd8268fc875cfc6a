/**
 * The evaluation profile (评价口径): validation names the bad field, and every field is honoured by the rule or
 * EVAL function that reads it (the national default giving today's results, a changed value a changed one).
 */
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import { callEval } from "../../src/core/functions";
import {
  defaultProfile,
  NATIONAL_PROFILE,
  parseProfile,
  profileFromSnapshot,
  profileToJson,
  profileToRows,
  PROFILE_SHEET_NAME,
  ProfileError,
  validateProfile,
  type Profile,
} from "../../src/core/profile";
import { checkRuleOptions } from "../../src/core/rules";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { sheet, workbook } from "../support/grid";
import { makeTempDir, removeDir, writeSnapshotXlsx } from "../xlsx/helpers";

/** The national default with some fields changed (a deep copy; the default itself stays frozen). */
function profileWith(change: (p: Profile) => void): Profile {
  const p = defaultProfile();
  change(p);
  return validateProfile(p);
}

function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ProfileError) return e.field;
    throw e;
  }
  throw new Error("no ProfileError");
}

const seed = (): WorkbookSnapshot => ({ sheets: [seedDeclaration(), seedSelfAssessment()] });
const rulesOf = (snap: WorkbookSnapshot, profile?: Profile, rule?: string) =>
  checkWorkbook(snap, { profile })
    .findings.filter((f) => !rule || f.rule === rule)
    .map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`);

describe("validation", () => {
  it("accepts the national default and its JSON round trip", () => {
    expect(validateProfile(NATIONAL_PROFILE)).toEqual(NATIONAL_PROFILE);
    expect(parseProfile(profileToJson(defaultProfile()))).toEqual(NATIONAL_PROFILE);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case reaches into the JSON as a user would
  it.each<[string, (p: Record<string, any>) => void, string]>([
    ["weights not totalling 100", (p) => (p.weights.output = 60), "weights"],
    ["a weight that is text", (p) => (p.weights.output = "50"), "weights.output"],
    ["a negative weight", (p) => (p.weights.satisfaction = -10), "weights.satisfaction"],
    [
      "产出+效益 minimum above its own split",
      (p) => (p.weights.minOutputPlusOutcome = 90),
      "weights.minOutputPlusOutcome",
    ],
    ["overlapping bands", (p) => (p.gradeBands[1].min = 95), "gradeBands[1].min"],
    ["a lowest band above 0", (p) => (p.gradeBands[3].min = 10), "gradeBands[3].min"],
    ["a repeated grade", (p) => (p.gradeBands[1].grade = "优"), "gradeBands[1].grade"],
    ["an unknown category", (p) => p.requiredCategories.push("绩效"), "requiredCategories[6]"],
    [
      "satisfaction weights of the wrong length",
      (p) => (p.satisfactionWeights["4"] = [1, 0.5]),
      "satisfactionWeights.4",
    ],
    ["satisfaction weights not best first", (p) => (p.satisfactionWeights["2"] = [0, 1]), "satisfactionWeights.2[1]"],
    ["a negative tolerance", (p) => (p.tolerances.points = -1), "tolerances.points"],
    ["a misspelt key", (p) => ((p.weight = p.weights), delete p.weights), "weight"],
    ["a missing key", (p) => delete p.gradeBands, "gradeBands"],
    ["an unknown rule", (p) => (p.rules = { "no-such-rule": "off" }), "rules.no-such-rule"],
    ["a bad severity", (p) => (p.rules = { "weight-total": "fatal" }), "rules.weight-total"],
  ])("refuses %s, naming the field", (_what, change, field) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    const p = defaultProfile() as unknown as Record<string, any>;
    change(p);
    expect(fieldOf(() => validateProfile(p))).toBe(field);
  });

  it("refuses a rule option its schema does not know or types differently", () => {
    const unknown = profileWith((p) => (p.ruleOptions = { "weight-total": { checkSplitt: false } }));
    expect(fieldOf(() => checkRuleOptions(unknown))).toBe("ruleOptions.weight-total.checkSplitt");
    const wrongType = profileWith((p) => (p.ruleOptions = { "weight-total": { checkSplit: "no" } }));
    expect(fieldOf(() => checkRuleOptions(wrongType))).toBe("ruleOptions.weight-total.checkSplit");
    // The check itself stops on it rather than running with the default.
    expect(() => checkWorkbook(seed(), { profile: wrongType })).toThrow(ProfileError);
  });

  it("refuses text that is not JSON with one message in both languages", () => {
    try {
      parseProfile("{ weights: 10 }");
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      expect((e as ProfileError).text["zh-CN"]).toMatch(/评价口径不是有效的 JSON/);
    }
  });
});

describe("each field is honoured", () => {
  it("weights.* set the self-assessment split weight-total expects (a province with 20 points for 预算执行)", () => {
    expect(rulesOf(seed(), undefined, "weight-total")).toEqual([]);
    const province = profileWith((p) => Object.assign(p.weights, { budgetExecution: 20, output: 40 }));
    const f = checkWorkbook(seed(), { profile: province }).findings.filter((x) => x.rule === "weight-total");
    expect(f.map((x) => x.message["zh-CN"])).toEqual([
      "一级指标“预算执行”分值合计为10，标准为20。",
      "一级指标“产出”分值合计为50，标准为40。",
    ]);
    const moreOutcome = profileWith((p) => Object.assign(p.weights, { outcome: 35, satisfaction: 5 }));
    expect(
      checkWorkbook(seed(), { profile: moreOutcome })
        .findings.filter((x) => x.rule === "weight-total")
        .map((x) => x.message["en-US"]),
    ).toEqual([
      'First-level indicator "效益" has weights totalling 30; the standard is 35.',
      'First-level indicator "满意度" has weights totalling 10; the standard is 5.',
    ]);
  });

  it("weights.minOutputPlusOutcome is the least 产出 + 效益 of an evaluation indicator system", () => {
    const wb = evaluationSystem({ weights: [20, 20, 35, 25] });
    expect(rulesOf(wb, undefined, "weight-total")).toEqual([]);
    const strict = profileWith((p) => (p.weights.minOutputPlusOutcome = 70));
    const f = checkWorkbook(wb, { profile: strict }).findings.filter((x) => x.rule === "weight-total");
    expect(f).toHaveLength(1);
    expect(f[0].message["zh-CN"]).toMatch(/低于70/);
  });

  it("gradeBands decide grade-mismatch, the score summary's grade and EVAL.GRADE", () => {
    expect(rulesOf(seed(), undefined, "grade-mismatch")).toEqual([]);
    const bands = profileWith(
      (p) =>
        (p.gradeBands = [
          { grade: "优", min: 97 },
          { grade: "良", min: 85 },
          { grade: "中", min: 60 },
          { grade: "差", min: 0 },
        ]),
    );
    const r = checkWorkbook(seed(), { profile: bands });
    expect(r.findings.filter((f) => f.rule === "grade-mismatch").map((f) => f.message["zh-CN"])).toEqual([
      "等级为“优”，但总分96.34对应的等级是“良”。",
    ]);
    expect(r.scores.map((s) => s.grade)).toContain("良");
    expect(callEval("GRADE", [96.34])).toBe("优");
    expect(callEval("GRADE", [96.34], bands)).toBe("良");
    expect(callEval("GRADE", [96.34, "en-US"], bands)).toBe("Good");
    // A province's own words are returned as written.
    const words = profileWith(
      (p) =>
        (p.gradeBands = [
          { grade: "合格", min: 60 },
          { grade: "不合格", min: 0 },
        ]),
    );
    expect(callEval("GRADE", [59.9], words)).toBe("不合格");
  });

  it("requiredCategories decide which categories missing-category asks for", () => {
    expect(rulesOf(seed(), undefined, "missing-category")).toEqual([]);
    const eco = profileWith((p) => p.requiredCategories.push("经济效益"));
    const f = checkWorkbook(seed(), { profile: eco }).findings.filter((x) => x.rule === "missing-category");
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.message["zh-CN"].includes("“经济效益”"))).toBe(true);
    const none = profileWith((p) => (p.requiredCategories = []));
    const gaps = seed();
    // Without the 成本 row the national profile reports 成本; a profile requiring nothing reports nothing.
    gaps.sheets[1].values = gaps.sheets[1].values.filter((row) => row[2] !== "成本指标");
    expect(rulesOf(gaps, undefined, "missing-category").length).toBeGreaterThan(0);
    expect(rulesOf(gaps, none, "missing-category")).toEqual([]);
  });

  it("satisfactionWeights are SATISFACTION's and rate-mismatch's default weights", () => {
    const counts = [[69], [46], [24], [2]];
    expect(callEval("SATISFACTION", [counts])).toBeCloseTo(0.8688, 4);
    const own = profileWith((p) => (p.satisfactionWeights["4"] = [1, 0.9, 0.5, 0]));
    expect(callEval("SATISFACTION", [counts], own)).toBeCloseTo((69 + 46 * 0.9 + 24 * 0.5) / 141, 12);
    // A 3-level survey has no national default; a profile can give one.
    expect(typeof callEval("SATISFACTION", [[[1], [1], [1]]])).not.toBe("number");
    const three = profileWith((p) => (p.satisfactionWeights["3"] = [1, 0.5, 0]));
    expect(callEval("SATISFACTION", [[[1], [1], [1]]], three)).toBe(0.5);

    const survey = sheet("知晓度调查", [
      ["城镇职工养老保险政策知晓度调查统计"],
      ["了解程度", "份数"],
      ["非常了解", 69],
      ["比较了解", 46],
      ["了解一点", 24],
      ["不了解", 2],
      ["合计", 141],
      ["政策知晓率", 0.8688],
    ]);
    expect(rulesOf(workbook(survey), undefined, "rate-mismatch")).toEqual([]);
    expect(rulesOf(workbook(survey), own, "rate-mismatch")).toEqual(["知晓度调查!B8 rate-mismatch error"]);
  });

  it("weights.budgetExecution is EXECSCORE's default points", () => {
    expect(callEval("EXECSCORE", [0.5])).toBe(5);
    const province = profileWith((p) => Object.assign(p.weights, { budgetExecution: 20, output: 40 }));
    expect(callEval("EXECSCORE", [0.5], province)).toBe(10);
    expect(callEval("EXECSCORE", [0.5, 10], province)).toBe(5);
  });

  it("tolerances.points lets weights stray that far from 100", () => {
    const wb = seed();
    const sa = wb.sheets[1];
    const row = sa.values.findIndex((r) => r[3] === "参保人数");
    sa.values[row][6] = 12.5; // the table now totals 100.5
    expect(rulesOf(wb, undefined, "weight-total").length).toBeGreaterThan(0);
    const lenient = profileWith((p) => (p.tolerances.points = 0.5));
    expect(rulesOf(wb, lenient, "weight-total").filter((f) => !f.endsWith("warning"))).toEqual([]);
  });

  it("rules turn a rule off or set the severity of its findings; ruleOptions reach the rule", () => {
    const province = profileWith((p) => Object.assign(p.weights, { budgetExecution: 20, output: 40 }));
    expect(rulesOf(seed(), province, "weight-total").every((f) => f.endsWith("warning"))).toBe(true);
    const asErrors = { ...province, rules: { "weight-total": "error" as const } };
    const errs = rulesOf(seed(), asErrors, "weight-total");
    expect(errs.length).toBe(2);
    expect(errs.every((f) => f.endsWith("error"))).toBe(true);
    expect(rulesOf(seed(), { ...province, rules: { "weight-total": "off" } }, "weight-total")).toEqual([]);
    expect(
      checkWorkbook(seed(), { profile: province, ruleSettings: { "weight-total": "off" } }).findings.filter(
        (f) => f.rule === "weight-total",
      ),
    ).toEqual([]);
    const noSplit = { ...province, ruleOptions: { "weight-total": { checkSplit: false } } };
    expect(rulesOf(seed(), noSplit, "weight-total")).toEqual([]);
  });

  it("name is reported with the result", () => {
    expect(checkWorkbook(seed()).profile).toBe(NATIONAL_PROFILE.name);
    expect(checkWorkbook(seed(), { profile: profileWith((p) => (p.name = "某省口径")) }).profile).toBe("某省口径");
  });
});

describe("the 评价口径 sheet", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir();
  });
  afterAll(() => removeDir(dir));

  const province = () =>
    profileWith((p) => {
      p.name = "某省（预算执行20分）";
      Object.assign(p.weights, { budgetExecution: 20, output: 40 });
      p.gradeBands[0].min = 92;
      p.requiredCategories.push("可持续影响");
      p.rules = { "missing-deviation-reason": "info" };
      p.ruleOptions = { "weight-total": { checkSplit: true } };
    });

  it("round-trips a profile through a hidden sheet of an .xlsx workbook, and the check uses it", async () => {
    const p = province();
    const profileSheet = sheet(PROFILE_SHEET_NAME, profileToRows(p), { visibility: "Hidden" });
    const file = path.join(dir, "with-profile.xlsx");
    await writeSnapshotXlsx({ sheets: [...seed().sheets, profileSheet] }, file);
    const read = await readSnapshotFromFile(file);
    expect(read.sheets.find((s) => s.name === PROFILE_SHEET_NAME)?.visibility).toBe("Hidden");
    expect(profileFromSnapshot(read)).toEqual(p);
    const r = checkWorkbook(read);
    expect(r.profile).toBe(p.name);
    expect(r.findings.filter((f) => f.rule === "weight-total")).toHaveLength(2);
    // The settings sheet is not a form: nothing is reported on it.
    expect(r.findings.some((f) => f.sheet === PROFILE_SHEET_NAME)).toBe(false);
    // A profile given by the caller wins over the workbook's own.
    expect(checkWorkbook(read, { profile: NATIONAL_PROFILE }).findings.some((f) => f.rule === "weight-total")).toBe(
      false,
    );
  });

  it("a bad value in the sheet stops the check, naming the field", () => {
    const rows = profileToRows(province());
    const at = rows.findIndex((r) => r[1] === "weights.output");
    rows[at][2] = 55;
    const wb = workbook(...seed().sheets, sheet(PROFILE_SHEET_NAME, rows));
    expect(fieldOf(() => checkWorkbook(wb))).toBe("weights");
  });

  it("a user's own sheet called 评价口径 without our mark is a sheet like any other", () => {
    const wb = workbook(...seed().sheets, sheet(PROFILE_SHEET_NAME, [["说明"], ["weights.output", 90]]));
    expect(profileFromSnapshot(wb)).toBeNull();
    expect(checkWorkbook(wb).profile).toBe(NATIONAL_PROFILE.name);
  });
});
