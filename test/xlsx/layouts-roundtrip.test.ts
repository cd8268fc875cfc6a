/**
 * The real-world layouts (test/fixtures/layouts), clean and with planted defects, written to .xlsx and read
 * back: the reader must lose nothing the rules use, so the findings from the file equal the findings from the
 * in-memory snapshot — merged cells, hidden sheets and rows, numbers as text, #DIV/0! cells and all.
 */
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";
import { countyText } from "../fixtures/layouts/county-text";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { makeTempDir, removeDir, writeSnapshotXlsx } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

const asBook = (x: unknown): WorkbookSnapshot =>
  Array.isArray((x as WorkbookSnapshot).sheets)
    ? (x as WorkbookSnapshot)
    : { sheets: [x as WorkbookSnapshot["sheets"][number]] };

const CASES: [string, () => unknown][] = [
  ["seed", () => ({ sheets: [seedDeclaration(), seedSelfAssessment()] })],
  ["county clean", () => countyText()],
  [
    "county, totals off, rate above 100 %, weight in words",
    () => countyText({ declaredTotal: 310, carryoverInitial: 5, satisfactionActual: "102%", weightText: "十分" }),
  ],
  ["province clean", () => provinceSplit()],
  [
    "province, totals and scores off",
    () => provinceSplit({ initialTotal: 1300, satisfactionScore: 12, totalScore: 101.5 }),
  ],
  ["evaluation clean", () => evaluationSystem()],
  [
    "evaluation, grade, survey and balance off",
    () => evaluationSystem({ grade: "优", totalScore: 81.37, surveyTotal: 140, balance: 195.53 }),
  ],
  ["evaluation, 产出 + 效益 below 60", () => evaluationSystem({ weights: [24, 21, 30, 25] })],
];

const key = (f: { rule: string; severity: string; sheet: string; cell: string; related: string[] }) =>
  `${f.rule}|${f.severity}|${f.sheet}!${f.cell}|${f.related.join(",")}`;

test.each(CASES)("%s: same findings from the .xlsx as from memory", async (name, make) => {
  const mem = asBook(make());
  const file = path.join(dir, `${name.replace(/\W+/g, "_")}.xlsx`);
  await writeSnapshotXlsx(mem, file);
  const read = await readSnapshotFromFile(file);
  expect(read.sheets.map((s) => [s.name, s.visibility ?? "Visible"])).toEqual(
    mem.sheets.map((s) => [s.name, s.visibility ?? "Visible"]),
  );
  const expected = checkWorkbook(mem).findings.map(key).sort();
  expect(checkWorkbook(read).findings.map(key).sort()).toEqual(expected);
});

test("the planted defects are found at all (the comparison above is not empty on both sides)", async () => {
  const defects = CASES.filter(([n]) => n.includes(",")).map(
    ([, make]) => checkWorkbook(asBook(make())).findings.length,
  );
  expect(defects.every((n) => n > 0)).toBe(true);
});
