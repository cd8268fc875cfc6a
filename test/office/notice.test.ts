import { insertNoticeDraft } from "../../src/office/notice";
import { insertTemplate } from "../../src/office/templateWriter";
import { UserFacingError } from "../../src/office/errors";
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { SEED_KINDS } from "../notice/seedWorkbook";

let host: SimHost;
afterEach(() => host?.uninstall());

const DATE = { year: 2022, month: 12, day: 13 };

/** Every sheet's cells as [sheet, a1, value, formula] rows, to show nothing existing changed. */
function picture(h: SimHost, sheets: string[]) {
  return sheets.map((name) => {
    const s = h.workbook.sheet(name);
    const out: unknown[] = [];
    for (let r = 0; r < 60; r++)
      for (let c = 0; c < 10; c++) {
        const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
        const cell = s.cell(a1);
        out.push([a1, cell.value ?? null, cell.formula ?? null]);
      }
    return [name, out];
  });
}

describe("生成结果通知书 on the simulated host", () => {
  it("drafts the seed example into two new sheets with links to the source cells", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("Sheet1", [["keep me"]]);
    host = installSimHost(globalThis, { workbook: wb });
    for (const k of SEED_KINDS) await insertTemplate(k, { example: true });
    const before = host.workbook.sheetNames();
    const pic = picture(host, before);
    const r = await insertNoticeDraft({ date: DATE, evaluator: "勐海县财政局" });
    expect(r).toMatchObject({ noticeSheet: "结果通知书", rectificationSheet: "整改报告书", score: 80.37, grade: "良" });
    expect(host.workbook.sheetNames()).toEqual([...before, "结果通知书", "整改报告书"]);
    expect(picture(host, before)).toEqual(pic);
    const notice = host.workbook.sheet("结果通知书");
    expect(notice.cell("B6").value).toBe(80.37);
    expect(notice.cell("D6").value).toBe("良");
    expect(String(notice.cell("B7").value)).toBe("1.城镇职工基本养老保险参保人数35452人，完成任务数35200人的100.72%。");
    const link = notice.cell("E7").hyperlink!;
    expect(link.documentReference).toBe("自评表示例!F13");
    expect(host.workbook.sheet("自评表示例").cell("F13").value).toBe(35452);
    // Every sentence row of the notice links somewhere.
    let linked = 0;
    for (let row = 7; row < 40; row++) if (notice.cell(`E${row}`).hyperlink) linked++;
    expect(linked).toBeGreaterThan(10);
    expect(host.workbook.sheet("整改报告书").cell("E3").value).toBe("2023年1月13日前");
  });

  it("a second run adds suffixed sheets and reads no earlier draft", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("Sheet1", [["keep me"]]);
    host = installSimHost(globalThis, { workbook: wb });
    for (const k of SEED_KINDS) await insertTemplate(k, { example: true });
    const first = await insertNoticeDraft({ date: DATE });
    const second = await insertNoticeDraft({ date: DATE });
    expect(second.noticeSheet).toBe("结果通知书 (2)");
    expect(second.problems).toBe(first.problems);
  });

  it("removes the half-written sheets when the write fails part-way", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("Sheet1", [["keep me"]]);
    host = installSimHost(globalThis, { workbook: wb });
    for (const k of SEED_KINDS) await insertTemplate(k, { example: true });
    const before = host.workbook.sheetNames();
    const pic = picture(host, before);
    // Reading takes its syncs, then one learns the names: fail the write after some of its operations.
    const start = host.syncCount;
    await insertNoticeDraft({ date: DATE });
    const syncs = host.syncCount - start;
    expect(syncs).toBeGreaterThanOrEqual(2);
    const wb2 = new SimWorkbook();
    wb2.addSheet("Sheet1", [["keep me"]]);
    host.uninstall();
    host = installSimHost(globalThis, { workbook: wb2 });
    for (const k of SEED_KINDS) await insertTemplate(k, { example: true });
    host.failNextSync({ skip: syncs - 1, afterOps: 200 });
    const e = await insertNoticeDraft({ date: DATE }).catch((x) => x);
    expect(e).toBeInstanceOf(UserFacingError);
    expect(host.workbook.sheetNames()).toEqual(before);
    expect(picture(host, before)).toEqual(pic);
  });

  it("says so and changes nothing when no score sheet or self-assessment is recognized", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("Sheet1", [["keep me"]]);
    host = installSimHost(globalThis, { workbook: wb });
    const e = await insertNoticeDraft({ date: DATE }).catch((x) => x);
    expect(e).toBeInstanceOf(UserFacingError);
    expect(host.workbook.sheetNames()).toEqual(["Sheet1"]);
  });
});
