import { installSimHost, SimWorkbook, SimOfficeError, type SimHost } from "../../src/sim";
import { selectCell } from "../../src/office/navigate";
import { toUserFacingError, UserFacingError, isPayloadLimitError } from "../../src/office/errors";

let host: SimHost;
afterEach(() => host?.uninstall());

function book(): SimWorkbook {
  const wb = new SimWorkbook();
  wb.addSheet("申报表", [["a"]]);
  wb.addSheet("My Sheet", [["b"]]);
  wb.addSheet("藏", [["c"]], { visibility: "Hidden" });
  return wb;
}

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    host = installSimHost(globalThis, { workbook: book() });
    host.resetSyncCount();
    await selectCell("My Sheet", "D14");
    expect(host.syncCount).toBe(1);
    expect(host.workbook.activeSheet?.name).toBe("My Sheet");
    expect(host.workbook.sheet("My Sheet").selection).toEqual({ r0: 13, c0: 3, r1: 13, c1: 3 });
  });

  test("a hidden or missing sheet gives a bilingual message", async () => {
    host = installSimHost(globalThis, { workbook: book() });
    const hidden = await selectCell("藏", "A1").catch((e) => e);
    expect(hidden).toBeInstanceOf(UserFacingError);
    expect(hidden.bilingual["zh-CN"]).toMatch(/藏!A1/);
    const missing = await selectCell("没有", "A1").catch((e) => e);
    expect(missing.code).toBe("ItemNotFound");
    expect(missing.bilingual["en-US"]).toMatch(/could not be found/);
  });
});

describe("toUserFacingError", () => {
  test.each([
    ["InvalidOperation", "The cell is on a protected sheet", /受保护/, /protected/],
    ["RequestPayloadSizeLimitExceeded", "too big", /5 MB/, /5 MB/],
    ["ApiNotFound", "nope", /不支持/, /does not support/],
    ["ItemNotFound", "gone", /找不到/, /could not be found/],
    ["GeneralException", "boom", /GeneralException/, /GeneralException/],
  ])("%s → a clear message in both languages", (code, message, zh, en) => {
    const e = toUserFacingError(new SimOfficeError(code, message), { "zh-CN": "检查", "en-US": "The check" });
    expect(e).toBeInstanceOf(UserFacingError);
    expect(e.code).toBe(code);
    expect(e.bilingual["zh-CN"]).toMatch(zh);
    expect(e.bilingual["zh-CN"]).toMatch(/^检查失败/);
    expect(e.bilingual["en-US"]).toMatch(en);
    expect(e.text("en-US")).toMatch(/^The check failed/);
  });

  test("plain errors and UserFacingErrors", () => {
    const plain = toUserFacingError(new Error("x"));
    expect(plain.bilingual["en-US"]).toMatch(/unexpected.*x/);
    const u = new UserFacingError({ "zh-CN": "甲", "en-US": "A" });
    expect(toUserFacingError(u)).toBe(u);
    expect(isPayloadLimitError({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadLimitError(new Error("RequestPayloadSizeLimitExceeded"))).toBe(false);
  });
});
