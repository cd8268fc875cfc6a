/**
 * One case per profile field: a workbook, the rule that reads the field, and two profiles differing only in that
 * field. The core, the pane (Office adapter) and the CLI paths each run the same cases (test/core/profile.test.ts
 * has the core's own, finer assertions), so a field that one entry point dropped fails there.
 */
import { checkWorkbook } from "../../src/core/check";
import { defaultProfile, validateProfile, type Profile } from "../../src/core/profile";
import type { RuleId } from "../../src/core/findings";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { sheet, workbook } from "./grid";

export interface FieldCase {
  /** The profile field (its JSON path). */
  field: string;
  workbook: () => WorkbookSnapshot;
  /** The rule whose findings show the field honoured. */
  rule: RuleId;
  /** The profile before and after changing only `field`. */
  base: () => Profile;
  changed: () => Profile;
}

function profileWith(change: (p: Profile) => void = () => undefined): Profile {
  const p = defaultProfile();
  change(p);
  return validateProfile(p);
}

const seed = (): WorkbookSnapshot => ({ sheets: [seedDeclaration(), seedSelfAssessment()] });

/** The seed with one weight raised so its table totals 100.5. */
function seedOffByHalf(): WorkbookSnapshot {
  const wb = seed();
  const sa = wb.sheets[1];
  const row = sa.values.findIndex((r) => r[3] === "参保人数");
  sa.values[row][6] = 12.5;
  return wb;
}

function survey(): WorkbookSnapshot {
  return workbook(
    sheet("知晓度调查", [
      ["城镇职工养老保险政策知晓度调查统计"],
      ["了解程度", "份数"],
      ["非常了解", 69],
      ["比较了解", 46],
      ["了解一点", 24],
      ["不了解", 2],
      ["合计", 141],
      ["政策知晓率", 0.8688],
    ]),
  );
}

/** The README's worked example: a province giving 预算执行 20 points and 产出 40. */
const province = (p: Profile) => Object.assign(p.weights, { budgetExecution: 20, output: 40 });

export const FIELD_CASES: FieldCase[] = [
  {
    field: "weights.budgetExecution",
    workbook: seed,
    rule: "weight-total",
    base: () => profileWith(),
    changed: () => profileWith(province),
  },
  {
    field: "weights.output",
    workbook: seed,
    rule: "weight-total",
    base: () => profileWith(),
    changed: () => profileWith((p) => Object.assign(p.weights, { output: 60, outcome: 20 })),
  },
  {
    field: "weights.outcome",
    workbook: seed,
    rule: "weight-total",
    base: () => profileWith(),
    changed: () => profileWith((p) => Object.assign(p.weights, { outcome: 35, satisfaction: 5 })),
  },
  {
    field: "weights.satisfaction",
    workbook: seed,
    rule: "weight-total",
    base: () => profileWith(),
    changed: () => profileWith((p) => Object.assign(p.weights, { satisfaction: 20, output: 40 })),
  },
  {
    field: "weights.minOutputPlusOutcome",
    workbook: () => evaluationSystem({ weights: [20, 20, 35, 25] }),
    rule: "weight-total",
    base: () => profileWith(),
    changed: () => profileWith((p) => (p.weights.minOutputPlusOutcome = 70)),
  },
  {
    field: "gradeBands",
    workbook: seed,
    rule: "grade-mismatch",
    base: () => profileWith(),
    changed: () =>
      profileWith(
        (p) =>
          (p.gradeBands = [
            { grade: "优", min: 97 },
            { grade: "良", min: 85 },
            { grade: "中", min: 60 },
            { grade: "差", min: 0 },
          ]),
      ),
  },
  {
    field: "requiredCategories",
    workbook: seed,
    rule: "missing-category",
    base: () => profileWith(),
    changed: () => profileWith((p) => p.requiredCategories.push("经济效益")),
  },
  {
    field: "satisfactionWeights",
    workbook: survey,
    rule: "rate-mismatch",
    base: () => profileWith(),
    changed: () => profileWith((p) => (p.satisfactionWeights["4"] = [1, 0.9, 0.5, 0])),
  },
  {
    field: "tolerances.points",
    workbook: seedOffByHalf,
    rule: "weight-total",
    base: () => profileWith(),
    changed: () => profileWith((p) => (p.tolerances.points = 0.5)),
  },
  {
    field: "rules",
    workbook: seed,
    rule: "indicator-value-mismatch",
    base: () => profileWith(),
    changed: () => profileWith((p) => (p.rules = { "indicator-value-mismatch": "warning" })),
  },
  {
    field: "ruleOptions",
    workbook: seed,
    rule: "weight-total",
    base: () => profileWith(province),
    changed: () =>
      profileWith((p) => {
        province(p);
        p.ruleOptions = { "weight-total": { checkSplit: false } };
      }),
  },
];

/** A rule's findings as comparable lines (sheet, cell, severity, message in both languages). */
export function findingLines(
  findings: readonly {
    rule: string;
    sheet: string;
    cell: string;
    severity: string;
    message: { "zh-CN": string; "en-US": string } | string;
  }[],
  rule: string,
): string[] {
  return findings
    .filter((f) => f.rule === rule)
    .map((f) => {
      const m = typeof f.message === "string" ? f.message : f.message["zh-CN"];
      return `${f.sheet}!${f.cell} ${f.severity} ${m}`;
    })
    .sort();
}

/** What the core says for a case's workbook under a profile (the reference for every entry point). */
export function coreLines(c: FieldCase, profile: Profile, snapshot: WorkbookSnapshot = c.workbook()): string[] {
  return findingLines(checkWorkbook(snapshot, { profile }).findings, c.rule);
}
