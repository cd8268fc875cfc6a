/**
 * Issue 14 in headless Chromium on the demo page (simulated host): an honest score summary and empty state,
 * one source of truth for check/highlight/results state, a determinate progress bar and a virtualized list,
 * the Fluent type ramp and accessible names, and screenshots of the pane (zh-CN and en-US, 320 and 450 px,
 * findings and empty states) saved to test-artifacts/.
 */
import * as fs from "fs";
import type { Page } from "playwright-core";
import { buildOnce } from "./build";
import { launch, openPage, screenshot, serve, type Session, type StaticServer } from "./harness";

let server: StaticServer;
let session: Session;

beforeAll(async () => {
  const dist = buildOnce();
  server = await serve(dist);
  session = await launch(server.origin);
}, 240_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface SimSheetLike {
  name: string;
  setCell(a1: string, v: unknown): void;
  cell(a1: string): { value: unknown };
}
interface DemoWindow {
  __perfEvalDemo?: {
    ready: boolean;
    host: {
      workbook: {
        sheets: SimSheetLike[];
        protected: boolean;
        addSheet(name: string, rows: unknown[][]): SimSheetLike;
        sheet(name: string): SimSheetLike;
        sheetNames(): string[];
      };
    };
  };
}

async function openDemo(query = ""): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(session, `${server.origin}/demo.html${query}`);
  await opened.page.waitForFunction(() => (window as unknown as DemoWindow).__perfEvalDemo?.ready === true, null, {
    timeout: 30_000,
  });
  await opened.page.getByTestId("run-check").waitFor({ timeout: 30_000 });
  return opened;
}

/**
 * Runs 一键检查 from the pane and waits until it is done (the button is enabled again) and its result is drawn
 * (it is drawn in parts, a task each), so that what a test finds absent is absent, not yet to come.
 */
async function check(page: Page): Promise<void> {
  await page.getByTestId("run-check").click();
  await page.getByTestId("check-meta").waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () =>
      !(document.querySelector("[data-testid=run-check]") as HTMLButtonElement).disabled &&
      document.querySelector("[data-testid=check-meta][data-drawn=true]") !== null &&
      document.querySelector("[data-testid=findings]:not([data-complete=true])") === null,
    null,
    { timeout: 60_000 },
  );
}

/** Sets the demo pane's width (Excel's pane is resizable; 320 px is its narrowest). */
async function paneWidth(page: Page, px: number): Promise<void> {
  await page.addStyleTag({ content: `.demo-pane { width: ${px}px !important; }` });
}

async function paneShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300); // Accordion motions settle
  await screenshot(page, name);
  const fs = await import("fs");
  const path = await import("path");
  const { ARTIFACTS } = await import("./harness");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator("aside.demo-pane").screenshot({ path: path.join(ARTIFACTS, `pane-${name}.png`) });
}

/** A 自评表 with `n` indicator rows whose every 得分 exceeds its 分值 (n findings of one rule). */
function bigSelfAssessment(n: number): unknown[][] {
  const rows: unknown[][] = [
    ["项目支出绩效自评表"],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值（A）",
      "实际完成值（B）",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
  ];
  for (let i = 0; i < n; i++) rows.push([null, "产出指标", "数量指标", `指标${i + 1}`, "≥100个", 103, 1, 3, null]);
  rows.push(["总分", null, null, null, null, null, n, 3 * n, null]);
  return rows;
}

const CJK = /[\u3400-\u9fff]/;

describe("honest results", () => {
  it("an empty workbook: 未识别到绩效表格, never 未发现问题 or a score card", async () => {
    const { page, errors } = await openDemo("?empty=1");
    await page.evaluate(() =>
      (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook.addSheet("Sheet1", [["备注"], ["随便写点什么"]]),
    );
    await check(page);
    await page.getByTestId("not-recognized").waitFor();
    expect(await page.getByTestId("not-recognized").textContent()).toContain("未识别到绩效表格");
    const text = (await page.getByTestId("check-tab").textContent()) ?? "";
    expect(text).not.toContain("未发现问题");
    expect(await page.getByTestId("score-card").count()).toBe(0);
    expect(await page.getByTestId("no-findings").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows what was recognized, and a score card colours its grade and says it in words", async () => {
    const { page } = await openDemo();
    await check(page);
    await page.getByTestId("recognized").locator("button").first().click();
    const tables = await page.getByTestId("recognized-table").allTextContents();
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(tables.join("\n")).toMatch(/申报表.*!A\d+:[A-Z]+\d+.*\d+ 行/);
    // Findings exist: the card is one line (total and grade), opened on demand.
    const card = page.getByTestId("score-card").first();
    expect(await card.getByTestId("score-grade").textContent()).toMatch(/^[优良中差]$/);
    expect(await card.getByTestId("score-bar").count()).toBe(0);
    await card.locator("button").first().click();
    await card.getByTestId("score-bar").first().waitFor();
    const label = (await card.getByTestId("score-bar").first().getAttribute("aria-label")) ?? "";
    expect(label).toMatch(/得 [\d.]+ 分，满分 [\d.]+ 分/);
    // Points earned against points possible, the lost part visible: every bar whose score is under its 分值 shows
    // a tinted segment of the matching width and says how much was lost; a full bar shows none.
    const bars = await card.getByTestId("score-bar").evaluateAll((els) =>
      els.map((el) => {
        const m = /得 ([\d.]+) 分，满分 ([\d.]+) 分/.exec(el.getAttribute("aria-label") ?? "");
        const lost = el.querySelector("[data-testid=score-bar-lost]")!.getBoundingClientRect().width;
        const text = el.nextElementSibling?.querySelector("[data-testid=score-lost]")?.textContent ?? "";
        return { score: Number(m?.[1]), weight: Number(m?.[2]), lost, track: el.getBoundingClientRect().width, text };
      }),
    );
    const short = bars.filter((b) => b.score < b.weight && b.score >= 0);
    expect(short.length).toBeGreaterThan(0);
    for (const b of bars) {
      const expected = b.score >= 0 && b.score <= b.weight ? ((b.weight - b.score) / b.weight) * b.track : null;
      if (expected !== null) expect(Math.abs(b.lost - expected)).toBeLessThan(1.5);
    }
    for (const b of short) expect(b.text).toMatch(/^扣 [\d.]+$/);
    // Grade colours differ by grade: 优 is not drawn like 差.
    const grade = await card.getByTestId("score-grade").getAttribute("data-grade");
    expect(["excellent", "good", "fair", "poor"]).toContain(grade);
    await page.close();
  });

  it("grade badges are coloured by grade: 差 is drawn in another colour than the example's grade", async () => {
    const { page } = await openDemo();
    // A second self-assessment beside the example, scored 50 of 100: 差.
    const poor: unknown[][] = [
      ["项目支出绩效自评表"],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值（A）",
        "实际完成值（B）",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标", "数量指标", "培训人数", "≥500人", 250, 60, 30, "生源不足"],
      ["效益指标", "社会效益指标", "就业率", "≥80%", 0.4, 30, 15, "就业形势差"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", 0.5, 10, 5, "课程安排不合理"],
      ["总分", null, null, null, null, 100, 50, null],
    ];
    await page.evaluate(
      (rows) => (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook.addSheet("差的自评表", rows),
      poor,
    );
    await check(page);
    const badges = page.getByTestId("score-grade");
    const seen = await badges.evaluateAll((els) =>
      els.map((e) => ({ grade: e.getAttribute("data-grade"), bg: getComputedStyle(e).backgroundColor })),
    );
    const poorBadge = seen.find((b) => b.grade === "poor");
    const other = seen.find((b) => b.grade !== "poor" && b.grade !== "unfilled" && b.grade !== "none");
    expect(poorBadge).toBeDefined();
    expect(other).toBeDefined();
    expect(poorBadge!.bg).not.toBe(other!.bg);
    // Never colour alone: the word is written in the badge.
    expect(await page.getByTestId("score-grade").filter({ hasText: "差" }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it("a blank form just inserted is 未填写 (no 总分 0 差); a #VALUE! or wrong 总分 is said on the card", async () => {
    const { page } = await openDemo("?empty=1");
    await page.getByTestId("tab-templates").click();
    await page.getByTestId("insert-self-assessment").click();
    await page.getByTestId("status-self-assessment").waitFor({ timeout: 30_000 });
    await page.getByTestId("tab-check").click();
    await check(page);
    const card = page.getByTestId("score-card").first();
    expect(await card.getByTestId("score-grade").textContent()).toBe("未填写");
    expect(await card.getByTestId("score-total").count()).toBe(0);
    expect(await card.textContent()).not.toMatch(/差/);
    await page.close();

    const demo = await openDemo();
    await check(demo.page);
    // The example's 总分 cell, as the card links to it.
    const goto =
      (await demo.page
        .getByTestId("score-goto")
        .first()
        .textContent({ timeout: 5_000 })
        .catch(() => null)) ?? "";
    let ref = /([^\s]+)!([A-Z]+\d+)$/.exec(goto);
    if (!ref) {
      await demo.page.getByTestId("score-card").first().locator("button").first().click();
      ref = /([^\s]+)!([A-Z]+\d+)$/.exec((await demo.page.getByTestId("score-goto").first().textContent()) ?? "");
    }
    expect(ref).not.toBeNull();
    const [, sheet, cell] = ref!;
    await demo.page.evaluate(
      ({ sheet, cell }) =>
        (window as unknown as DemoWindow)
          .__perfEvalDemo!.host.workbook.sheet(sheet)
          .setCell(cell, { value: "#VALUE!", formula: null }),
      { sheet, cell },
    );
    await check(demo.page);
    await demo.page.getByTestId("score-total-warning").first().waitFor();
    // The card keeps the open state the user gave it across checks: open it only if it is closed.
    if ((await demo.page.getByTestId("score-total-note").count()) === 0)
      await demo.page.getByTestId("score-card").first().locator("button").first().click();
    expect(await demo.page.getByTestId("score-total-note").first().textContent()).toMatch(
      new RegExp(`表中总分 ${cell} 显示 #VALUE!；按各项得分重算为 [\\d.]+ 分`),
    );
    await demo.page.close();
  }, 90_000);
});

describe("one state for check, highlights and results", () => {
  it("清除标记 only with marks; clearing leaves one message; one results sheet, replaced, with Chinese rule titles", async () => {
    const { page, errors } = await openDemo();
    const clear = page.getByTestId("clear-highlights");
    expect(await clear.isDisabled()).toBe(true);
    await page.getByTestId("opt-results-sheet").check();
    await page.getByTestId("opt-highlight").check();
    await check(page);
    expect(await clear.isDisabled()).toBe(false);
    expect(await page.getByTestId("check-meta").textContent()).toMatch(/已标记 [1-9]\d* 个单元格/);
    await check(page);
    const names = await page.evaluate(() =>
      (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook.sheetNames(),
    );
    expect(names.filter((n) => n.startsWith("检查结果"))).toEqual(["检查结果"]);
    expect(await page.getByTestId("check-meta").textContent()).toContain("替换了上次的结果");
    const rule = await page.evaluate(
      () => (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook.sheet("检查结果").cell("B2").value,
    );
    expect(String(rule)).toMatch(CJK);
    expect(String(rule)).not.toMatch(/^[a-z-]+$/);
    await clear.click();
    await page.getByTestId("pane-notice").filter({ hasText: "已清除" }).waitFor();
    // No stale 'N cells highlighted' beside the 'cleared' message, and nothing left to clear.
    expect(await page.getByTestId("check-meta").textContent()).not.toMatch(/已标记/);
    expect(await page.getByTestId("pane-notice").count()).toBe(1);
    await page.waitForFunction(
      () => (document.querySelector("[data-testid=clear-highlights]") as HTMLButtonElement).disabled,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("a protected workbook: each extra that could not be done gets its own message", async () => {
    const { page } = await openDemo();
    await page.evaluate(() => {
      (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook.protected = true;
    });
    await page.getByTestId("opt-results-sheet").check();
    await page.getByTestId("opt-highlight").check();
    await check(page);
    const failed = await page.getByTestId("extra-failed").allTextContents();
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/未写入“检查结果”工作表.*保护/);
    expect(failed[1]).toMatch(/未标记单元格/);
    // Each is a Fluent MessageBar (warning or error intent), not a bare line of text.
    for (const el of await page.getByTestId("extra-failed").all())
      expect(await el.evaluate((e) => !!e.closest(".fui-MessageBar"))).toBe(true);
    // The findings are still shown.
    await page.getByTestId("findings").waitFor();
    await page.close();
  });
});

describe("responsive on big sheets", () => {
  it("a determinate progress bar moves through reading and checking; show all is a virtualized list", async () => {
    const { page, errors } = await openDemo("?empty=1");
    // The check runs off the page's thread: a Web Worker from check-worker.js starts for it.
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.evaluate((rows) => {
      (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook.addSheet("大表", rows);
    }, bigSelfAssessment(3000));
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[]; __fluentBar: boolean }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector("[data-testid=check-progress]");
        const v = bar?.getAttribute("data-value");
        // The bar is Fluent's ProgressBar.
        if (bar && bar.closest(".fui-ProgressBar, .fui-Field"))
          (window as unknown as { __fluentBar: boolean }).__fluentBar = true;
        if (v) seen.push(Number(v));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-value"] });
    });
    await check(page);
    expect(workers.some((u) => /\/check-worker\.js$/.test(u))).toBe(true);
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    const distinct = [...new Set(progress)];
    expect(distinct.length).toBeGreaterThan(3);
    expect(await page.evaluate(() => (window as unknown as { __fluentBar?: boolean }).__fluentBar)).toBe(true);
    // Results in Fluent's Accordion, counts in its Badge.
    expect(await page.locator(".fui-Accordion").count()).toBeGreaterThan(0);
    expect(await page.locator(".fui-Badge").count()).toBeGreaterThan(0);
    for (const v of distinct) expect(v >= 0 && v <= 1).toBe(true);
    expect([...distinct].sort((a, b) => a - b)).toEqual(distinct);
    const group = page.getByTestId("rule-score-exceeds-weight");
    // 3,000 rows with 得分 above 分值, and the 总分 row above its own 分值 too.
    expect(Number(await group.getAttribute("data-count"))).toBeGreaterThanOrEqual(3000);
    await group.getByTestId("show-all").click();
    const viewport = group.getByTestId("virtual-findings");
    await viewport.waitFor();
    expect(await group.getByTestId("finding").count()).toBeLessThan(40);
    await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-testid=rule-score-exceeds-weight] [data-testid=finding-cell]")].some((b) =>
        /!H3002$/.test(b.textContent ?? ""),
      ),
    );
    expect(await group.getByTestId("finding").count()).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe("Fluent type ramp, names and language", () => {
  it("nothing under 12 px, buttons side by side of one height, headings, named insert buttons", async () => {
    const { page } = await openDemo();
    await check(page);
    await page.getByTestId("score-card").first().locator("button").first().click();
    await page.getByTestId("rule-guide-header").locator("button").click();
    await page.getByTestId("rule-guide").waitFor();
    const small = await page.locator("aside.demo-pane").evaluate((pane) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < 12) out.push(`${px}px: ${n.textContent.trim().slice(0, 30)}`);
      }
      return out;
    });
    expect(small).toEqual([]);
    const body = await page
      .getByTestId("check-tab")
      .locator("p")
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(body).toBe("14px");
    const heights = await Promise.all(
      ["run-check", "clear-highlights"].map((id) =>
        page.getByTestId(id).evaluate((el) => el.getBoundingClientRect().height),
      ),
    );
    expect(heights[0]).toBe(heights[1]);
    expect(await page.locator("aside.demo-pane h2").allTextContents()).toEqual(
      expect.arrayContaining(["得分汇总", "检查结果"]),
    );
    await page.getByTestId("tab-templates").click();
    await page.getByRole("button", { name: "插入 项目支出绩效自评表" }).waitFor();
    await page.close();
  });

  it.each([
    ["zh-CN", ""],
    ["en-US", "?lang=en-US"],
  ])("axe-core finds no serious or critical violation in the pane (%s, findings shown)", async (_lang, query) => {
    const { page } = await openDemo(query);
    await check(page);
    // Injected through the debugging protocol, so the page's Content Security Policy stays as it is.
    await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResults> } }).axe;
      type AxeResults = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
      // Fluent's focus manager (tabster) puts aria-hidden focus guards around its tab list on purpose: they hand
      // focus on and are never read out. Everything else in the pane is judged.
      const r = await axe.run(
        { include: [["aside.demo-pane"]], exclude: [["[data-tabster-dummy]"]] },
        { resultTypes: ["violations"] },
      );
      return r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${(n as unknown as { html: string }).html}`).join(", ")}`,
        );
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it("accessibility basics: every control named, images labelled, lang set", async () => {
    const { page } = await openDemo();
    await check(page);
    const problems = await page.locator("aside.demo-pane").evaluate((pane) => {
      const out: string[] = [];
      const nameOf = (el: Element): string => {
        const label = el.getAttribute("aria-label");
        if (label) return label;
        const by = el.getAttribute("aria-labelledby");
        if (by)
          return by
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" ");
        const id = el.getAttribute("id");
        const lab = id ? document.querySelector(`label[for="${id}"]`) : null;
        return (lab?.textContent ?? "") || (el.textContent ?? "") || (el.getAttribute("title") ?? "");
      };
      for (const el of pane.querySelectorAll("button, a, input, select, [role=button], [role=tab], [role=progressbar]"))
        if (!nameOf(el).trim() && el.getAttribute("role") !== "progressbar")
          out.push(`unnamed ${el.outerHTML.slice(0, 80)}`);
      for (const el of pane.querySelectorAll("[role=img]"))
        if (!el.getAttribute("aria-label")) out.push(`img without label ${el.outerHTML.slice(0, 80)}`);
      for (const el of pane.querySelectorAll("img")) if (!el.hasAttribute("alt")) out.push("img without alt");
      return out;
    });
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await page.close();
  });

  it("the English pane is English throughout (the workbook's own data aside)", async () => {
    const { page } = await openDemo("?lang=en-US");
    await check(page);
    const chrome = await page.locator("aside.demo-pane").evaluate((pane) => {
      const out: string[] = [];
      const skip = (el: Element | null) =>
        !!el?.closest(
          "[data-testid=finding], [data-testid=recognized-table], [data-testid=lang-toggle], [data-testid=score-card] h3 span:first-child, [data-testid=check-meta] div",
        );
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (n.textContent?.trim() && !skip(n.parentElement)) out.push(n.textContent.trim());
      return out;
    });
    const chinese = chrome.filter((s) => /[\u3400-\u9fff]/.test(s));
    expect(chinese).toEqual([]);
    expect(await page.getByTestId("count-error").textContent()).toMatch(/^Errors \d+$/);
    await page.close();
  });
});

describe("screenshots of the pane", () => {
  for (const lang of ["zh-CN", "en-US"] as const)
    for (const width of [320, 450])
      it(`${lang}, ${width} px: findings and empty states`, async () => {
        const { page } = await openDemo(`?lang=${lang}`);
        await paneWidth(page, width);
        await check(page);
        await paneShot(page, `${lang}-${width}-findings`);
        await page.close();
        const empty = await openDemo(`?lang=${lang}&empty=1`);
        await paneWidth(empty.page, width);
        await paneShot(empty.page, `${lang}-${width}-start`);
        await check(empty.page);
        await empty.page.getByTestId("not-recognized").waitFor();
        await paneShot(empty.page, `${lang}-${width}-empty`);
        await empty.page.close();
      }, 120_000);
});
