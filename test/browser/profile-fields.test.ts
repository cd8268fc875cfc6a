/**
 * Every profile field through the pane's path: the profile saved to the workbook by the pane's services (the
 * hidden 评价口径 sheet), then the pane's check (Office adapter → core) honours it exactly as the core does.
 */
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim/index";
import { officeServices } from "../../src/taskpane/services";
import { coreLines, FIELD_CASES, findingLines } from "../support/profileFields";

let host: SimHost | undefined;
afterEach(() => {
  host?.uninstall();
  host = undefined;
});

async function paneLines(c: (typeof FIELD_CASES)[number], profile: ReturnType<(typeof FIELD_CASES)[number]["base"]>) {
  host = installSimHost(globalThis, { workbook: SimWorkbook.fromSnapshot(c.workbook()) });
  await officeServices.saveProfile(profile);
  const r = await officeServices.runCheck({ resultsSheet: false, highlight: false });
  host.uninstall();
  host = undefined;
  return { lines: findingLines(r.findings, c.rule), name: r.profile };
}

test.each(FIELD_CASES.map((c) => [c.field, c] as const))("%s reaches its rule through the pane", async (_f, c) => {
  const base = await paneLines(c, c.base());
  const changed = await paneLines(c, c.changed());
  // The field changes what the rule says, and the pane says what the core says under each profile.
  expect(changed.lines).not.toEqual(base.lines);
  expect(base.lines).toEqual(coreLines(c, c.base()));
  expect(changed.lines).toEqual(coreLines(c, c.changed()));
});

test("name: the pane's result names the profile it checked by", async () => {
  const c = FIELD_CASES[0];
  const p = { ...c.changed(), name: "某省（预算执行20分）" };
  expect((await paneLines(c, p)).name).toBe("某省（预算执行20分）");
});
