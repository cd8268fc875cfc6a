/** The ribbon's 一键检查 and the task pane's Check button reach the same runCheck, over Office.js (the sim). */
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { registerCommands } from "../../src/commands/commands";
import { officeServices } from "../../src/taskpane/services";
import { latestCheck, setCheckOptions } from "../../src/taskpane/checkStore";
import { checkWorkbook } from "../../src/core/check";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";

let host: SimHost;
afterEach(() => host?.uninstall());

const fixture = () => ({ sheets: [seedDeclaration(), seedSelfAssessment()] });

test("the ribbon command runs the check with the pane's options, publishes it, shows the pane, completes the event", async () => {
  host = installSimHost(globalThis, { workbook: SimWorkbook.fromSnapshot(fixture()) });
  registerCommands();
  expect(host.actions.has("runCheck")).toBe(true);
  setCheckOptions({ resultsSheet: true, highlight: false });
  const completed = jest.fn();
  await host.actions.get("runCheck")!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(host.taskpaneShows).toBe(1);
  const record = latestCheck()!;
  expect(record.source).toBe("ribbon");
  expect(record.result!.findings).toEqual(checkWorkbook(fixture()).findings);
  expect(record.result!.resultsSheetName).toBe("检查结果");
  expect(host.workbook.sheetNames()).toContain("检查结果");
});

test("the pane's services go through the same adapter: same findings, select and clear work", async () => {
  host = installSimHost(globalThis, { workbook: SimWorkbook.fromSnapshot(fixture()) });
  const before = host.workbook.snapshotState();
  const result = await officeServices.runCheck({ resultsSheet: false, highlight: true });
  expect(result.findings).toEqual(checkWorkbook(fixture()).findings);
  const f = result.findings[0];
  await officeServices.selectCell(f.sheet, f.cell);
  expect(host.workbook.activeSheet?.name).toBe(f.sheet);
  await officeServices.clearHighlights();
  expect(host.workbook.snapshotState()).toEqual(before);
});
