import { lastDaySerial, monthsIn, readPeriod } from "../../src/core/period";

describe("readPeriod: periods of whole months as published forms write them", () => {
  it.each([
    ["2022年3月-2023年11月", [2022, 3, 2023, 11], 21],
    ["2022.1—2022.12", [2022, 1, 2022, 12], 12],
    ["2020年1月--2020年11月", [2020, 1, 2020, 11], 11],
    ["2016年1月起至2016年12 月止", [2016, 1, 2016, 12], 12],
    ["保障期限 2023.07-2024.01", [2023, 7, 2024, 1], 7],
  ])("%s", (text, [fy, fm, ty, tm], months) => {
    const p = readPeriod(text)!;
    expect(p).toEqual({ from: { year: fy, month: fm }, to: { year: ty, month: tm } });
    expect(monthsIn(p)).toBe(months);
  });
  it.each([["全年"], ["2023年底"], ["2022年13月-2023年1月"]])("%s is no period", (text) => {
    expect(readPeriod(text)).toBeNull();
  });
  it("the last day of 2023年11月 is Excel's 45260 (2023-11-30)", () => {
    expect(lastDaySerial(readPeriod("2022年3月-2023年11月")!)).toBe(45260);
  });
});
