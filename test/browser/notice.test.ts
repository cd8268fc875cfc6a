/**
 * 生成结果通知书 from the task pane on the demo page (simulated host holding the seed's declaration and
 * self-assessment): two new sheets appear and the pane says which. Screenshot in test-artifacts/.
 */
import { buildOnce } from "./build";
import { launch, openPage, screenshot, serve, type Session, type StaticServer } from "./harness";

let server: StaticServer;
let session: Session;

beforeAll(async () => {
  server = await serve(buildOnce());
  session = await launch(server.origin);
}, 240_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface DemoWindow {
  __perfEvalDemo?: { ready: boolean; host: { workbook: { sheets: { name: string }[] } } };
}

it("drafts the notice and the rectification report into new sheets", async () => {
  const { page, errors } = await openPage(session, `${server.origin}/demo.html`);
  await page.waitForFunction(() => (window as unknown as DemoWindow).__perfEvalDemo?.ready === true, null, {
    timeout: 30_000,
  });
  const sheets = () =>
    page.evaluate(() => (window as unknown as DemoWindow).__perfEvalDemo!.host.workbook.sheets.map((s) => s.name));
  const before = await sheets();
  await page.getByTestId("draft-notice").click();
  await page.getByText("已生成“结果通知书”和“整改报告书”工作表").waitFor({ timeout: 60_000 });
  expect(await sheets()).toEqual([...before, "结果通知书", "整改报告书"]);
  await screenshot(page, "demo-notice-drafted");
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);
