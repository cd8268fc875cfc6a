import { isEvalError } from "../../src/core/errors";
import {
  evaluateTemplate,
  buildTemplate,
  TEMPLATE_KINDS,
  type TemplateKind,
  type TemplateOptions,
} from "../../src/core/templates";
import { toA1 } from "../../src/core/a1";
import { portableCopy } from "../../src/xlsx/portable";
import { templateToBuffer } from "../../src/xlsx/templateWriter";
import { readWithBothReaders } from "./helpers";

const cases: [TemplateKind, TemplateOptions][] = [
  ...TEMPLATE_KINDS.map((k): [TemplateKind, TemplateOptions] => [k, {}]),
  ["self-assessment", { example: true }],
  ["self-assessment", { example: true, lang: "en-US" }],
  ["survey", { example: true }],
  ["notice", { example: true }],
  ["declaration", { example: true }],
];

describe("portable copy of every template", () => {
  it.each(cases)(
    "%s %j: no EVAL left, every value as the core computes it, original untouched",
    async (kind, options) => {
      const original = await templateToBuffer(kind, options);
      const before = Buffer.from(original);
      const { bytes, report } = await portableCopy(original, options.lang ?? "zh-CN");
      expect(Buffer.compare(original, before)).toBe(0);
      const snap = await readWithBothReaders(Buffer.from(bytes));
      const s = snap.sheets[0];
      for (const row of s.formulas ?? []) for (const f of row) if (f) expect(f).not.toMatch(/EVAL/i);
      // Every formula cell of the template: the copy's cell shows the core's value (a frozen "" is an empty cell).
      const def = buildTemplate(kind, options);
      const values = evaluateTemplate(def);
      for (const [a1, v] of values) {
        const cell = s.values
          .flatMap((row, i) => row.map((x, j) => [toA1(s.originRow + i, s.originCol + j), x] as const))
          .find(([k]) => k === a1);
        const got = cell ? cell[1] : null;
        const want = isEvalError(v) ? v.code : v === "" ? null : v;
        if (typeof want === "number") expect([a1, got]).toEqual([a1, expect.closeTo(want, 9)]);
        else expect([a1, got ?? null]).toEqual([a1, want]);
      }
      const evalCells = def.cells.filter((c) => c.formula && JSON.stringify(c.formula).includes('"EVAL.'));
      expect(report.rewritten.length + report.frozen.length).toBe(evalCells.length);
    },
  );
});

describe("portable copy of a workbook written by an earlier version or by Excel", () => {
  it("rewrites EVAL calls with an equivalent in any stored form, freezes the rest with a note", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS = require("exceljs") as typeof import("exceljs");
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet("数据");
    data.getCell("A1").value = 61001.46;
    data.getCell("B1").value = 61196.81;
    const ws = wb.addWorksheet("自评");
    ws.getCell("A1").value = { formula: "_xldudf_EVAL_EXECRATE(数据!A1,数据!B1)", result: 0.99680784 };
    ws.getCell("A2").value = { formula: 'IF(A3="","",EVAL.GRADE(A3))', result: "良" };
    ws.getCell("A3").value = 80.37;
    ws.getCell("A4").value = { formula: "_xldudf_EVAL_SCORE(B4,C4,10)" }; // no cached result: computed
    ws.getCell("B4").value = "≥3.52万人";
    ws.getCell("C4").value = 35000;
    ws.getCell("A5").value = { formula: "SUM(A3,1)", result: 81.37 };
    const original = Buffer.from(await wb.xlsx.writeBuffer());
    const { bytes, report } = await portableCopy(original, "en-US");
    expect(report.rewritten.map((c) => [c.cell, c.standard])).toEqual([
      ["A1", "=数据!A1/数据!B1"],
      [
        "A2",
        '=IF(A3="","",IF(OR(ROUND(A3,9)<0,ROUND(A3,9)>100),SQRT(-1),IF(ROUND(A3,9)>=90,"优",IF(ROUND(A3,9)>=80,"良",IF(ROUND(A3,9)>=60,"中","差")))))',
      ],
    ]);
    expect(report.frozen).toHaveLength(1);
    expect(report.frozen[0]).toMatchObject({ cell: "A4", formula: "=EVAL.SCORE(B4,C4,10)" });
    expect(report.frozen[0].value).toBeCloseTo((10 * 35000) / 35200, 9);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes.buffer as ArrayBuffer);
    const out = back.getWorksheet("自评")!;
    expect(out.getCell("A4").value).toBeCloseTo((10 * 35000) / 35200, 9);
    expect(JSON.stringify(out.getCell("A4").note)).toMatch(
      /Portable copy: the original formula =EVAL\.SCORE\(B4,C4,10\)/,
    );
    expect(out.getCell("A5").formula).toBe("SUM(A3,1)"); // not an EVAL formula: untouched
    expect(out.getCell("A1").formula).toBe("数据!A1/数据!B1");
  });
});
