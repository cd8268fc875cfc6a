/**
 * Safe output (issue 6): text the add-in writes into cells — finding messages, indicator names, sheet names,
 * related references — is written as text. The simulated host turns "=…", "+…", "-…", "@…" (and numeric text)
 * written into a General cell into formulas/numbers as Excel does, so these tests fail if the results sheet
 * ever stops formatting its cells as text first.
 */
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { replaceResultsSheet } from "../../src/office/resultsSheet";
import { runCheck } from "../../src/office/check";
import type { Finding } from "../../src/core/findings";
import { selfAssessment, standardIndicators, type Ind } from "../rules/forms";

let host: SimHost | null = null;
afterEach(() => {
  host?.uninstall();
  host = null;
});

const DANGEROUS = [
  "=1+1",
  '=HYPERLINK("http://evil.invalid","点我")',
  "=cmd|' /C calc'!A0",
  "+86 138 0000 0000",
  "+1+2",
  "-1+2",
  "-5",
  "@SUM(A1:A2)",
  "=",
  "-",
  "0123",
  "1e5",
  "TRUE",
  "=指标值 ≥95%",
  "95%",
  "628,678,956.50",
];

const evil = (text: string, i: number): Finding => ({
  rule: "indicator-value-mismatch",
  severity: "error",
  sheet: i % 2 ? "=Sheet" : "自评表",
  cell: `B${i + 2}`,
  related: [`${text}!A1`],
  message: { "zh-CN": text, "en-US": text },
});

function book(): SimWorkbook {
  const wb = new SimWorkbook();
  wb.addSheet("自评表", [["x"]]);
  wb.addSheet("=Sheet", [["y"]]);
  return wb;
}

describe("results sheet text stays text", () => {
  test.each(["zh-CN", "en-US"] as const)(
    "messages, sheet names and references starting with = + - @ land literally (%s)",
    async (locale) => {
      host = installSimHost(globalThis, { workbook: book() });
      const findings = DANGEROUS.map(evil);
      const { name } = await replaceResultsSheet(findings, { locale });
      const s = host.workbook.sheet(name);
      findings.forEach((f, i) => {
        const row = [0, 1, 2, 3, 4, 5].map((c) => s.cell(i + 1, c));
        for (const cell of row) {
          expect(cell.formula).toBeNull();
          expect(typeof cell.value).toBe("string");
        }
        expect(row.slice(2).map((c) => c.value)).toEqual([f.sheet, f.cell, f.message[locale], f.related[0]]);
      });
      expect(findings.map((_, i) => s.cell(i + 1, 4).value)).toEqual(DANGEROUS);
    },
  );

  test("control: the same rows written without the text format become formulas and numbers in the host", async () => {
    host = installSimHost(globalThis, { workbook: book() });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("自评表").getRange(`A2:A${DANGEROUS.length + 1}`).values = DANGEROUS.map((d) => [
        d,
      ]);
      await ctx.sync();
    });
    const s = host.workbook.sheet("自评表");
    const converted = DANGEROUS.filter(
      (_, i) => s.cell(i + 1, 0).formula !== null || s.cell(i + 1, 0).value !== DANGEROUS[i],
    );
    expect(converted).toEqual(
      expect.arrayContaining(["=1+1", "+1+2", "-1+2", "-5", "@SUM(A1:A2)", "0123", "TRUE", "95%", "628,678,956.50"]),
    );
  });

  test("end to end: indicator names typed as formulas-to-be in a user's form reach the results sheet as text", async () => {
    const inds: Ind[] = standardIndicators().map((r, i) =>
      i === 0 ? ["产出指标", "数量指标", "=培训人数", "≥500人", 400, 20, 20] : r,
    );
    const snap = selfAssessment(inds);
    // Stored as text in the user's workbook (a cell formatted as text), as evaluators' forms do.
    const wb = SimWorkbook.fromSnapshot({ sheets: [snap] });
    host = installSimHost(globalThis, { workbook: wb });
    const result = await runCheck({ resultsSheet: true });
    expect(result.findings.length).toBeGreaterThan(0);
    const s = wb.sheet(result.resultsSheetName!);
    const used = s.usedBounds()!;
    let texts = 0;
    for (let r = used.r0; r <= used.r1; r++)
      for (let c = used.c0; c <= used.c1; c++) {
        const cell = s.cell(r, c);
        expect(cell.formula).toBeNull();
        if (cell.value !== null) {
          expect(typeof cell.value).toBe("string");
          texts++;
        }
      }
    expect(texts).toBeGreaterThan(6);
    // The indicator name travelled into a message and is still literal there.
    expect(result.findings.some((f) => f.message["zh-CN"].includes("=培训人数"))).toBe(true);
  });
});
