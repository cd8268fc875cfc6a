/**
 * The add-in in headless Chromium, Office CDN blocked: the task pane's first screen on the demo page (simulated
 * host) and on taskpane.html, every template inserted from the pane into the demo grid, and the check run from
 * the pane and from the demo's ribbon button, with a finding clicked through to the selected cell.
 * Screenshots go to test-artifacts/.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { TEMPLATE_KINDS } from "../../src/core/templates/index";
import { RULE_IDS } from "../../src/core/findings";
import { buildOnce } from "./build";
import { launch, openPage, screenshot, serve, type Session, type StaticServer } from "./harness";

let dist: string;
let server: StaticServer;
let session: Session;

beforeAll(async () => {
  dist = buildOnce();
  server = await serve(dist);
  session = await launch(server.origin);
}, 240_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface DemoState {
  ready: boolean;
  sheets: string[];
  active: string | null;
  selection: { r0: number; c0: number } | null;
  syncs: number;
  taskpaneShows: number;
}

/** What the demo page exposes for tests: the simulated host behind the grid. */
interface DemoWindow {
  __perfEvalDemo?: {
    ready: boolean;
    host: {
      syncCount: number;
      taskpaneShows: number;
      workbook: {
        sheets: { name: string }[];
        activeSheet?: { name: string; selection: { r0: number; c0: number } };
      };
    };
  };
}

async function demoState(page: Page): Promise<DemoState> {
  return page.evaluate(() => {
    const demo = (window as unknown as DemoWindow).__perfEvalDemo;
    if (!demo) return { ready: false, sheets: [], active: null, selection: null, syncs: 0, taskpaneShows: 0 };
    const wb = demo.host.workbook;
    const active = wb.activeSheet;
    return {
      ready: demo.ready,
      sheets: wb.sheets.map((s: { name: string }) => s.name),
      active: active ? active.name : null,
      selection: active ? { r0: active.selection.r0, c0: active.selection.c0 } : null,
      syncs: demo.host.syncCount,
      taskpaneShows: demo.host.taskpaneShows,
    };
  });
}

async function openDemo(query = ""): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(session, `${server.origin}/demo.html${query}`);
  await opened.page.waitForFunction(
    () => (window as unknown as { __perfEvalDemo?: { ready: boolean } }).__perfEvalDemo?.ready === true,
    null,
    {
      timeout: 30_000,
    },
  );
  await opened.page.getByTestId("run-check").waitFor({ timeout: 30_000 });
  return opened;
}

/** The tab labels as the user reads them (Fluent renders a hidden bold copy of each label to reserve space). */
async function tabNames(page: Page): Promise<string[]> {
  return page
    .getByRole("tab")
    .evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).innerText.split("\n")[0].trim()));
}

const colLetters = (c: number) => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

describe("first screen", () => {
  it("opens the task pane on the demo page against the simulated host, Chinese first", async () => {
    const { page, errors } = await openDemo();
    await expect(tabNames(page)).resolves.toEqual(["检查", "模板", "评价口径"]);
    await expect(page.getByTestId("run-check").textContent()).resolves.toBe("一键检查");
    // The demo workbook holds the seed's example forms, shown as grids beside the pane.
    const state = await demoState(page);
    expect(state.sheets.length).toBeGreaterThanOrEqual(2);
    expect(await page.locator("table.demo-grid td").count()).toBeGreaterThan(20);
    expect(await page.getByTestId("sheet-tabs").locator("button").allTextContents()).toEqual(state.sheets);
    await screenshot(page, "demo-first-screen");
    // A favicon, served: no 404 in a newcomer's console.
    const icon = await page.locator("link[rel=icon]").getAttribute("href");
    expect(icon).toBeTruthy();
    const res = await page.request.get(new URL(icon!, page.url()).href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^image\//);
    // The rule guide loads on demand and documents every rule from the rule modules.
    await page.getByTestId("rule-guide-header").locator("button").click();
    await page.getByTestId("rule-guide").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("rule-guide").locator("li").count()).toBe(RULE_IDS.length);
    expect(await page.getByTestId("rule-guide").textContent()).toContain("indicator-value-mismatch");
    await screenshot(page, "demo-rule-guide");
    expect(errors).toEqual([]);
    expect(session.blocked).toEqual([]);
    await page.close();
  });

  it("follows the display language: en-US gives the English pane", async () => {
    const { page } = await openDemo("?lang=en-US");
    await expect(tabNames(page)).resolves.toEqual(["Check", "Templates", "Profile"]);
    await expect(page.getByTestId("run-check").textContent()).resolves.toBe("Check workbook");
    // This machine may lack CJK fonts: the English screenshots are the ones to review layout with.
    await page.getByTestId("run-check").click();
    await page.getByTestId("findings").waitFor({ timeout: 60_000 });
    // English example data under en-US, and the check reads it: the seed's cost indicator mismatch is found.
    const findings = (await page.getByTestId("findings").textContent()) ?? "";
    expect(findings).toMatch(/Cost/);
    expect(findings).not.toMatch(/[\u4e00-\u9fff]{4}/);
    await screenshot(page, "demo-check-en");
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("insert-survey").waitFor();
    await screenshot(page, "demo-templates-en");
    await page.getByTestId("lang-toggle").click();
    await expect(tabNames(page)).resolves.toEqual(["检查", "模板", "评价口径"]);
    await page.close();
  });

  it("renders taskpane.html with the Office CDN blocked", async () => {
    const before = session.blocked.length;
    const { page, errors } = await openPage(session, `${server.origin}/taskpane.html`);
    await page.getByTestId("run-check").waitFor({ timeout: 30_000 });
    expect(["检查", "Check"]).toContain((await tabNames(page))[0]);
    await screenshot(page, "taskpane-no-office");
    // The only request that left the server was Office.js, and it was refused.
    expect(session.blocked.slice(before)).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    // Without Office.js there is no CustomFunctions runtime: the page says where to go instead of throwing.
    expect(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e))).toEqual([]);
    await page.getByTestId("outside-office").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("outside-office").textContent()).toMatch(/Excel/);
    expect(await page.getByTestId("outside-office").locator("a").getAttribute("href")).toBe("demo.html");
    // Without Excel, a check fails with a message instead of doing nothing.
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-error").waitFor({ timeout: 30_000 });
    expect((await page.getByTestId("check-error").textContent())?.length).toBeGreaterThan(4);
    await page.close();
  });

  it("emits every file the manifest points to", () => {
    const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    const files = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]);
    expect(files).toEqual(
      expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "functions.zh-CN.json"]),
    );
    for (const f of new Set(files))
      expect({ f, exists: fs.existsSync(path.join(dist, f)) }).toEqual({ f, exists: true });
    const zh = JSON.parse(fs.readFileSync(path.join(dist, "functions.zh-CN.json"), "utf8"));
    const en = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
    expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(en.functions.map((f: { id: string }) => f.id));
    expect(zh.functions[0].description).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("bundles", () => {
  const entrypoints = () =>
    JSON.parse(fs.readFileSync(path.join(dist, "entrypoints.json"), "utf8")) as Record<string, string[]>;
  const code = (files: string[]) => files.map((f) => fs.readFileSync(path.join(dist, f), "utf8")).join("\n");

  it("keeps React and Fluent UI out of the custom functions path", () => {
    const eps = entrypoints();
    expect(eps.functions).toEqual(expect.arrayContaining(["functions.js"]));
    const fnCode = code(eps.functions);
    // Development builds name every module by its path, so a dependency on React would show here.
    expect(fnCode).toMatch(/src\/functions\/functions\.ts/);
    expect(fnCode).not.toMatch(/node_modules\/(react|react-dom|@fluentui)\//);
    // The task pane does load them, which is what makes the check above meaningful.
    expect(code(eps.taskpane)).toMatch(/node_modules\/react-dom\//);
  });

  it("loads the task pane's tabs lazily", () => {
    const initial = code(entrypoints().taskpane);
    // A module's definition starts a line (`/***/ "./path"`); a lazy import only names the path inside a call.
    const defines = (p: string) => new RegExp(`^/\\*\\*\\*/ "\\./${p.replace(/[./]/g, "\\$&")}"\\s*$`, "m");
    expect(initial).toMatch(defines("src/taskpane/App.tsx"));
    expect(initial).not.toMatch(defines("src/taskpane/TemplatesTab.tsx"));
    expect(initial).not.toMatch(defines("src/taskpane/CheckTab.tsx"));
    expect(initial).not.toMatch(defines("src/office/check.ts"));
    expect(fs.readdirSync(dist).some((f) => /^tab-templates.*\.js$/.test(f))).toBe(true);
  });
});

describe("templates from the pane", () => {
  it("inserts each template and shows its sheet in the grid", async () => {
    const { page, errors } = await openDemo("?empty=1");
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("field-project").fill("勐海县城镇职工基本养老保险经费");
    const inserted: string[] = [];
    for (const kind of TEMPLATE_KINDS) {
      await page.getByTestId(`insert-${kind}`).click();
      const status = page.getByTestId(`status-${kind}`);
      await status.waitFor({ timeout: 30_000 });
      const text = (await status.textContent()) ?? "";
      const m = /“(.+)”/.exec(text);
      expect({ kind, text, ok: !!m }).toEqual({ kind, text, ok: true });
      const sheet = m![1];
      inserted.push(sheet);
      // The new sheet is active and drawn: its tab is selected and the grid shows its cells.
      await page.waitForFunction(
        (name) => document.querySelector("table.demo-grid")?.getAttribute("data-sheet") === name,
        sheet,
        {
          timeout: 10_000,
        },
      );
      expect(await page.locator(".demo-tabs button.active").textContent()).toBe(sheet);
      expect(await page.locator("table.demo-grid td").filter({ hasText: /\S/ }).count()).toBeGreaterThan(3);
      await screenshot(page, `template-${kind}`);
    }
    const state = await demoState(page);
    expect(new Set(inserted).size).toBe(TEMPLATE_KINDS.length);
    for (const s of inserted) expect(state.sheets).toContain(s);
    // Inserting again never overwrites: a second sheet with a suffix.
    await page.getByTestId(`insert-${TEMPLATE_KINDS[0]}`).click();
    await page.waitForFunction(
      (n) => (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook.sheets.length === n,
      TEMPLATE_KINDS.length + 1,
    );
    const after = await demoState(page);
    expect(after.sheets.length).toBe(TEMPLATE_KINDS.length + 1);
    expect(after.sheets.slice(0, inserted.length)).toEqual(state.sheets);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a clear error for a bad year instead of inserting", async () => {
    const { page } = await openDemo("?empty=1");
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("field-year").fill("20x4");
    await page.getByTestId("insert-survey").click();
    await page.getByTestId("status-survey").waitFor();
    expect(await page.getByTestId("status-survey").textContent()).toContain("年度");
    expect((await demoState(page)).sheets).toEqual([]);
    await page.close();
  });
});

describe("bad input and refusals in the pane", () => {
  it("writes typed options as text: no formula, no HTML, in the sheet or the page", async () => {
    const { page, errors } = await openDemo("?empty=1");
    const evil = '=HYPERLINK("http://x")<img src=x onerror="window.__xss=1">';
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("field-project").fill(evil);
    await page.getByTestId("insert-survey").click();
    await page.getByTestId("status-survey").waitFor({ timeout: 30_000 });
    const cells = await page.evaluate((needle) => {
      const wb = (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook as unknown as {
        sheets: { cells: Map<number, { value: unknown; formula: string | null }> }[];
      };
      return [...wb.sheets[0].cells.values()]
        .filter((c) => String(c.value ?? "").includes(needle) || String(c.formula ?? "").includes(needle))
        .map((c) => ({ value: String(c.value), formula: c.formula }));
    }, "onerror");
    expect(cells.length).toBeGreaterThanOrEqual(1);
    for (const c of cells) expect(c.formula).toBeNull();
    // The grid shows the text as typed; the page grew no element from it and ran nothing.
    expect(await page.locator("table.demo-grid td", { hasText: "<img src=x" }).count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a clear message when the workbook is protected, and adds no sheet", async () => {
    const { page } = await openDemo("?empty=1");
    await page.evaluate(() => {
      ((window as unknown as DemoWindow).__perfEvalDemo!.host.workbook as unknown as { protected: boolean }).protected =
        true;
    });
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("insert-declaration").click();
    const status = page.getByTestId("status-declaration");
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toMatch(/保护/);
    expect((await demoState(page)).sheets).toEqual([]);
    await screenshot(page, "template-protected-error");
    await page.close();
  });
});

describe("check from the pane", () => {
  it("runs the check on the demo workbook and selects a finding's cell when clicked", async () => {
    const { page, errors } = await openDemo();
    const sheetsBefore = (await demoState(page)).sheets;
    await page.getByTestId("run-check").click();
    await page.getByTestId("findings").waitFor({ timeout: 60_000 });
    // The demo's forms carry the seed's cost indicator declared and assessed with different values.
    await page.getByTestId("rule-indicator-value-mismatch").waitFor({ timeout: 5_000 });
    await screenshot(page, "check-results");
    const first = page.getByTestId("rule-indicator-value-mismatch").getByTestId("finding-cell").first();
    const ref = (await first.textContent()) ?? "";
    const bang = ref.lastIndexOf("!");
    const sheet = ref.slice(0, bang).replace(/^'(.*)'$/, "$1");
    const cell = ref.slice(bang + 1);
    // Move the selection away first, so the click is what selects the cell.
    await page.locator(".demo-tabs button").last().click();
    await first.click();
    await page.waitForFunction(
      ({ sheet, cell }) => {
        const wb = (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook;
        return (
          wb.activeSheet?.name === sheet &&
          document.querySelector("[data-testid=namebox]")?.textContent === `${sheet}!${cell}`
        );
      },
      { sheet, cell },
      { timeout: 10_000 },
    );
    const state = await demoState(page);
    expect(state.active).toBe(sheet);
    expect(`${colLetters(state.selection!.c0)}${state.selection!.r0 + 1}`).toBe(cell);
    expect(await page.locator("td.sel").getAttribute("data-addr")).toBe(cell);
    await screenshot(page, "check-finding-selected");
    // Related cells are links too.
    const related = page.getByTestId("rule-indicator-value-mismatch").getByTestId("related-cell").first();
    const relRef = (await related.textContent()) ?? "";
    await related.click();
    await page.waitForFunction(
      (r) => document.querySelector("[data-testid=namebox]")?.textContent === r.replace(/^'(.*)'!/, "$1!"),
      relRef,
      {
        timeout: 10_000,
      },
    );
    // The check changed nothing: same sheets, no results sheet unless asked for.
    expect((await demoState(page)).sheets).toEqual(sheetsBefore);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("edits the 评价口径 in its tab: a bad field is named and cannot be saved; a saved profile drives the next check", async () => {
    const { page, errors } = await openDemo();
    await page.getByTestId("tab-profile").click();
    await page.getByTestId("profile-tab").waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("profile-source").textContent()).resolves.toMatch(/国家默认/);
    // Each weight is a Fluent Field (label and validation message with the input).
    expect(await page.getByTestId("profile-weight-budgetExecution").evaluate((e) => !!e.closest(".fui-Field"))).toBe(
      true,
    );
    await page.getByTestId("profile-weight-budgetExecution").fill("20");
    await page.getByTestId("profile-invalid").waitFor({ timeout: 5_000 });
    await expect(page.getByTestId("profile-invalid").textContent()).resolves.toMatch(/weights .*合计为 110/);
    await expect(page.getByTestId("profile-save").isDisabled()).resolves.toBe(true);
    await page.getByTestId("profile-weight-output").fill("40");
    await page.getByTestId("profile-invalid").waitFor({ state: "detached", timeout: 5_000 });
    await page.getByTestId("profile-save").click();
    await page.getByTestId("profile-status").waitFor({ timeout: 10_000 });
    await expect(page.getByTestId("profile-status").textContent()).resolves.toMatch(/已保存/);
    await screenshot(page, "profile-tab");
    await page.getByTestId("tab-check").click();
    await page.getByTestId("run-check").click();
    await page.getByTestId("rule-weight-total").waitFor({ timeout: 60_000 });
    // 恢复国家默认 resets the form; saving it makes the split findings go away again.
    await page.getByTestId("tab-profile").click();
    await page.getByTestId("profile-reset").click();
    await expect(page.getByTestId("profile-weight-budgetExecution").inputValue()).resolves.toBe("10");
    await page.getByTestId("profile-save").click();
    await page.getByTestId("profile-status").filter({ hasText: "已保存" }).waitFor({ timeout: 10_000 });
    await page.getByTestId("tab-check").click();
    await page.getByTestId("run-check").click();
    // The previous result stays on screen while the check runs: wait for the split findings to go, not for a
    // group that was already there.
    await page.getByTestId("rule-weight-total").waitFor({ state: "detached", timeout: 60_000 });
    await page.getByTestId("rule-indicator-value-mismatch").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("rule-weight-total").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("highlights finding cells and writes a results sheet only when asked, and clears highlights exactly", async () => {
    const { page, errors } = await openDemo();
    const fills = () =>
      page.evaluate(() => {
        const wb = (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook as unknown as {
          sheets: { name: string; cells: Map<number, { fill: string | null }> }[];
        };
        return wb.sheets.map((s) => [s.name, [...s.cells.values()].map((c) => c.fill ?? "")].join("|"));
      });
    const sheetsBefore = (await demoState(page)).sheets;
    const fillsBefore = await fills();
    await page.getByTestId("opt-results-sheet").check();
    await page.getByTestId("opt-highlight").check();
    await page.getByTestId("run-check").click();
    await page.getByTestId("findings").waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => !(document.querySelector("[data-testid=run-check]") as HTMLButtonElement).disabled,
      null,
      {
        timeout: 30_000,
      },
    );
    const after = await demoState(page);
    const added = after.sheets.filter((s) => !sheetsBefore.includes(s));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^检查结果/);
    expect(await page.getByTestId("check-meta").textContent()).toContain(added[0]);
    expect(await page.getByTestId("check-meta").textContent()).toMatch(/已标记 [1-9]\d* 个单元格/);
    // The user's sheets changed only in fills, and back exactly after clearing.
    const fillsHighlighted = await fills();
    expect(fillsHighlighted.slice(0, fillsBefore.length)).not.toEqual(fillsBefore);
    await screenshot(page, "check-highlighted");
    await page.getByTestId("clear-highlights").click();
    await page.getByTestId("pane-notice").filter({ hasText: "已清除" }).waitFor({ timeout: 30_000 });
    expect((await fills()).slice(0, fillsBefore.length)).toEqual(fillsBefore);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("runs from the ribbon's 一键检查 and shows the pane's results", async () => {
    const { page, errors } = await openDemo();
    await page.getByTestId("ribbon-run-check").click();
    await page.getByTestId("findings").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("check-meta").textContent()).toContain("功能区");
    expect((await demoState(page)).taskpaneShows).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId("count-error").textContent()).toMatch(/错误 [1-9]/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
