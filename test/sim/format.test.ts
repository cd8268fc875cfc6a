import { formatCellText } from "../../src/sim/format";

describe("formatCellText", () => {
  test.each([
    [0.9968, "0.00%", "99.68%"],
    [0.8688, "0%", "87%"],
    [628678956.5, "#,##0.00", "628,678,956.50"],
    [195.35000000000582, "General", "195.35"],
    [62867.9, '0.00"万元"', "62867.90万元"],
    [-5, "0.00", "-5.00"],
    [-5, "0.00;(0.00)", "(5.00)"],
    [44561, "yyyy-mm-dd", "2021-12-31"],
    [44561, 'yyyy"年"m"月"d"日"', "2021年12月31日"],
    [12, "@", "12"],
    [1e12, "General", "1E+12"],
  ])("%p as %p → %p", (v, fmt, text) => {
    expect(formatCellText(v, fmt)).toBe(text);
  });

  test("text, booleans and empty cells", () => {
    expect(formatCellText("≥95%", "0.00%")).toBe("≥95%");
    expect(formatCellText(true, "General")).toBe("TRUE");
    expect(formatCellText(null, "0.00")).toBe("");
  });
});
