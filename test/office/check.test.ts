import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { runCheck } from "../../src/office/check";
import { UserFacingError } from "../../src/office/errors";
import { readWorkbookSnapshot } from "../../src/office/snapshotReader";
import { checkWorkbook } from "../../src/core/check";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

let host: SimHost;
afterEach(() => host?.uninstall());

function seedBook(): SimWorkbook {
  return SimWorkbook.fromSnapshot({ sheets: [seedDeclaration(), seedSelfAssessment()] });
}

describe("runCheck", () => {
  test("reads in 2 syncs, writes nothing, and gives the core's findings for the same snapshot", async () => {
    const fixture = { sheets: [seedDeclaration(), seedSelfAssessment()] };
    host = installSimHost(globalThis, { workbook: seedBook() });
    host.resetSyncCount();
    const before = host.workbook.snapshotState();
    const result = await runCheck();
    expect(host.syncCount).toBe(2);
    expect(host.workbook.snapshotState()).toEqual(before);
    expect(result.findings).toEqual(checkWorkbook(fixture).findings);
    expect(result.summary).toEqual(checkWorkbook(fixture).summary);
  });

  test("the pane's block reading: one more small request, and a big workbook in blocks gives the same findings", async () => {
    host = installSimHost(globalThis, { workbook: seedBook() });
    host.resetSyncCount();
    const small = await runCheck({ cellsPerRead: 20000 });
    expect(host.syncCount).toBe(3);
    host.resetSyncCount();
    const blocks: number[] = [];
    const big = await runCheck({
      cellsPerRead: 40,
      onProgress: (p) => p.stage === "reading" && blocks.push(p.fraction),
    });
    expect(host.syncCount).toBeGreaterThan(5);
    expect(new Set(blocks).size).toBeGreaterThan(3);
    expect(big.findings).toEqual(small.findings);
    expect(big.scores).toEqual(small.scores);
  });

  test("the snapshot read through Office.js equals the fixture's values and merges", async () => {
    const fixture = seedSelfAssessment();
    host = installSimHost(globalThis, { workbook: SimWorkbook.fromSnapshot({ sheets: [fixture] }) });
    const snap = await readWorkbookSnapshot();
    const width = Math.max(...fixture.values.map((r) => r.length));
    const padded = fixture.values.map((r) => [...r, ...new Array(width - r.length).fill(null)]);
    // The used range ends at the last non-empty cell; trailing empty rows/cols of the fixture are not part of it.
    expect(snap.sheets[0].values).toEqual(
      padded.slice(0, snap.sheets[0].values.length).map((r) => r.slice(0, snap.sheets[0].values[0].length)),
    );
    expect(snap.sheets[0].merges).toEqual(expect.arrayContaining(fixture.merges));
  });

  test("reports progress stages in order, ending with done", async () => {
    host = installSimHost(globalThis, { workbook: seedBook() });
    const stages: { stage: string; fraction: number }[] = [];
    await runCheck({ resultsSheet: true, highlight: true, onProgress: (p) => stages.push(p) });
    // Stages in order (the check reports once per rule: a determinate bar), each fraction no lower than the last.
    expect(stages.map((s) => s.stage).filter((s, i, a) => s !== a[i - 1])).toEqual([
      "reading",
      "checking",
      "results-sheet",
      "highlighting",
      "done",
    ]);
    expect(stages.filter((s) => s.stage === "checking").length).toBeGreaterThan(5);
    const fractions = stages.map((s) => s.fraction);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  test("with the results sheet: one sheet per workbook, replaced on each run, and never itself checked", async () => {
    host = installSimHost(globalThis, { workbook: seedBook() });
    const first = await runCheck({ resultsSheet: true });
    const second = await runCheck({ resultsSheet: true });
    expect(first.resultsSheetName).toBe("检查结果");
    expect(second.resultsSheetName).toBe("检查结果");
    expect(second.replacedResultsSheet).toBe("检查结果");
    expect(second.findings).toEqual(first.findings);
    expect(host.workbook.sheetNames()).toEqual(["申报表", "自评表", "检查结果"]);
  });

  test("every extra that could not be done is listed with its reason, none skipped without a word", async () => {
    host = installSimHost(globalThis, { workbook: seedBook() });
    host.workbook.protected = true; // structure protected: no results sheet
    const before = host.workbook.snapshotState();
    const err = await runCheck({ resultsSheet: true, highlight: true }).catch((e) => e);
    // A user-facing error that still carries the findings (the pane shows both).
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.result.findings).toBeDefined();
    expect(err.result.extrasFailed.map((f: { extra: string }) => f.extra)).toEqual(["results-sheet", "highlight"]);
    expect(err.result.extrasFailed[0].message["zh-CN"]).toMatch(/保护/);
    expect(err.result.extrasFailed[1].message["zh-CN"]).toMatch(/未标记/);
    expect(err.result.highlighted).toBeUndefined();
    expect(host.workbook.snapshotState()).toEqual(before);
  });

  test("a failing extra keeps the findings on the error and says what happened", async () => {
    host = installSimHost(globalThis, { workbook: seedBook() });
    host.workbook.protected = true; // structure protected: no new sheet can be added
    const before = host.workbook.snapshotState();
    const err = await runCheck({ resultsSheet: true }).catch((e) => e);
    // A user-facing error that still carries the findings (the pane shows both).
    expect(err).toBeInstanceOf(UserFacingError);
    expect(err.result.findings).toBeDefined();
    expect(err.result.findings.length).toBeGreaterThan(0);
    expect(err.bilingual["zh-CN"]).toMatch(/保护/);
    expect(err.bilingual["en-US"]).toMatch(/protected/);
    expect(host.workbook.snapshotState()).toEqual(before);
  });
});
