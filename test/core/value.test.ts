import { parseValue, resolution, normalizeWidth, decimalsOf } from "../../src/core/value";
import { formatValue, expand } from "../support/formatValue";

/** Excel's serial day number of a date (1900 date system), computed apart from the parser. */
const excelSerial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;

type Expect = {
  op?: string | null;
  number?: number | null;
  unit?: string | null;
  scale?: number;
  percent?: boolean;
  decimals?: number;
  written?: number;
};

// Every form of domain.md's "Indicator values as people write them", and the variants real forms use.
const CASES: [string, Expect][] = [
  ["≥95%", { op: ">=", number: 0.95, unit: "%", percent: true, written: 95 }],
  ["≤628,678,956.50元", { op: "<=", number: 628678956.5, unit: "元", decimals: 2 }],
  ["=100%", { op: "=", number: 1, unit: "%" }],
  ["≥50个", { op: ">=", number: 50, unit: "个" }],
  ["3.52万人", { op: null, number: 35200, unit: "人", scale: 1e4, written: 3.52, decimals: 2 }],
  ["≤90万元", { op: "<=", number: 900000, unit: "元", scale: 1e4 }],
  ["≥266米", { op: ">=", number: 266, unit: "米" }],
  ["1.2亿元", { op: null, number: 120000000, unit: "元", scale: 1e8 }],
  // full width
  ["≧９５％", { op: ">=", number: 0.95, unit: "%" }],
  ["≦９０万元", { op: "<=", number: 900000, unit: "元" }],
  ["＞８０％", { op: ">", number: 0.8 }],
  ["＜５％", { op: "<", number: 0.05 }],
  ["＝１００％", { op: "=", number: 1 }],
  // small form variants (issue 10's operator list)
  ["﹦100%", { op: "=", number: 1, unit: "%" }],
  ["﹤5%", { op: "<", number: 0.05 }],
  ["不少于50人", { op: ">=", number: 50, unit: "人" }],
  ["不高于3%", { op: "<=", number: 0.03 }],
  ["50人以上", { op: ">=", number: 50, unit: "人" }],
  ["90万元以内", { op: "<=", number: 900000, unit: "元" }],
  ["至少3次", { op: ">=", number: 3, unit: "次" }],
  ["最多2次", { op: "<=", number: 2, unit: "次" }],
  ["≤628，678，956．50元", { op: "<=", number: 628678956.5, decimals: 2 }],
  ["＞＝95", { op: ">=", number: 95, unit: null }],
  // ASCII
  [">=95%", { op: ">=", number: 0.95 }],
  ["<=90万元", { op: "<=", number: 900000 }],
  [">80", { op: ">", number: 80 }],
  ["<3天", { op: "<", number: 3, unit: "天" }],
  // words
  ["不低于95%", { op: ">=", number: 0.95 }],
  ["不少于50户", { op: ">=", number: 50, unit: "户" }],
  ["达到100%", { op: ">=", number: 1 }],
  ["100%以上", { op: ">=", number: 1 }],
  ["大于等于90%", { op: ">=", number: 0.9 }],
  ["不超过90万元", { op: "<=", number: 900000 }],
  ["不高于5%", { op: "<=", number: 0.05 }],
  ["30天以内", { op: "<=", number: 30, unit: "天" }],
  ["控制在90万元以内", { op: "<=", number: 900000, unit: "元" }],
  ["控制在90万元", { op: "<=", number: 900000 }],
  ["低于5%", { op: "<=", number: 0.05 }],
  ["3个月内", { op: "<=", number: 3, unit: "个月" }],
  // odd hand-written units and spaces
  ["≥100百分比", { op: ">=", number: 1, unit: "%", percent: true }],
  [" ≥ 95 % ", { op: ">=", number: 0.95 }],
  ["≥ 95\n%", { op: ">=", number: 0.95 }],
  ["★≥95%", { op: ">=", number: 0.95 }],
  ["≥12次", { op: ">=", number: 12, unit: "次" }],
  ["≥90分", { op: ">=", number: 90, unit: "分" }],
  ["100人", { op: null, number: 100, unit: "人" }],
  ["1,099,672.56元", { number: 1099672.56, unit: "元" }],
  ["-5%", { number: -0.05 }],
  ["62867.90万元", { number: 628679000, decimals: 2, scale: 1e4 }],
  ["约100人", { op: null, number: 100, unit: "人" }],
  ["100人左右", { op: null, number: 100, unit: "人" }],
  ["≥1.5万元/人", { op: ">=", number: 15000, unit: "元/人", scale: 1e4 }],
  ["≤5个工作日", { op: "<=", number: 5, unit: "个工作日" }],
  ["≤15天内", { op: "<=", number: 15, unit: "天" }],
  ["≥3.5亿元", { op: ">=", number: 350000000, unit: "元", scale: 1e8 }],
];

describe("parseValue: written forms", () => {
  test.each(CASES)("%s", (text, e) => {
    const p = parseValue(text);
    expect(p.quantitative).toBe(true);
    expect(p.qualitative).toBe(false);
    if ("op" in e) expect(p.operator).toBe(e.op);
    if ("number" in e) expect(p.number).toBe(e.number);
    if ("unit" in e) expect(p.unit).toBe(e.unit);
    if (e.scale !== undefined) expect(p.scale).toBe(e.scale);
    if (e.percent !== undefined) expect(p.percent).toBe(e.percent);
    if (e.decimals !== undefined) expect(p.decimals).toBe(e.decimals);
    if (e.written !== undefined) expect(p.written).toBe(e.written);
  });

  test("direction follows the operator", () => {
    expect(parseValue("≥95%").direction).toBe("positive");
    expect(parseValue(">95%").direction).toBe("positive");
    expect(parseValue("≤90万元").direction).toBe("reverse");
    expect(parseValue("不超过5%").direction).toBe("reverse");
    expect(parseValue("=100%").direction).toBe("equal");
    expect(parseValue("100%").direction).toBeNull();
  });

  test("★ marks a core indicator and is not part of the value", () => {
    const p = parseValue("★≥95%");
    expect(p.core).toBe(true);
    expect(parseValue("≥95%").core).toBe(false);
  });

  test.each(["*", "**", "-", "/", "无", "——", "－", "／", "＊＊"])("placeholder %s", (t) => {
    const p = parseValue(t);
    expect(p.placeholder).toBe(true);
    expect(p.quantitative).toBe(false);
    expect(p.qualitative).toBe(false);
  });

  test.each(["在项目计划完成时间内完成", "效果明显", "逐步提高", "有效提升", "群众满意"])("qualitative %s", (t) => {
    const p = parseValue(t);
    expect(p.qualitative).toBe(true);
    expect(p.quantitative).toBe(false);
    expect(p.number).toBeNull();
  });

  test("empty, whitespace, null and undefined are empty, not placeholders", () => {
    for (const v of ["", "   ", "\u3000", null, undefined]) {
      const p = parseValue(v);
      expect(p.empty).toBe(true);
      expect(p.quantitative).toBe(false);
      expect(p.placeholder).toBe(false);
    }
  });

  test("numbers given as JS numbers", () => {
    expect(parseValue(0.95)).toMatchObject({ quantitative: true, number: 0.95, operator: null, decimals: 2 });
    expect(parseValue(35452).number).toBe(35452);
    expect(Object.is(parseValue(-0).number, 0)).toBe(true);
    expect(parseValue(NaN)).toMatchObject({ quantitative: false, invalid: true });
    expect(parseValue(Infinity)).toMatchObject({ quantitative: false, invalid: true });
  });

  test("error texts and booleans are invalid, not numbers", () => {
    expect(parseValue("#DIV/0!")).toMatchObject({ invalid: true, quantitative: false });
    expect(parseValue(true)).toMatchObject({ invalid: true, quantitative: false });
  });

  test("words around the number are kept as rest", () => {
    const p = parseValue("带动就业不少于50人");
    expect(p).toMatchObject({ operator: ">=", number: 50, unit: "人", rest: "带动就业" });
  });

  test("dates become Excel serials with 前 as ≤", () => {
    const p = parseValue("2021年12月31日前");
    expect(p).toMatchObject({ date: true, operator: "<=", number: excelSerial(2021, 12, 31), quantitative: true });
    expect(excelSerial(2021, 12, 31)).toBe(44561);
  });

  test("年底 / 年末 are December 31", () => {
    expect(parseValue("2021年底前")).toMatchObject({ date: true, operator: "<=", number: excelSerial(2021, 12, 31) });
    expect(parseValue("2021年末")).toMatchObject({ date: true, number: excelSerial(2021, 12, 31) });
    expect(parseValue("2021-06-30")).toMatchObject({ date: true, number: excelSerial(2021, 6, 30) });
    expect(parseValue("2021年13月")).toMatchObject({ date: false, quantitative: true });
  });

  test("scale arithmetic has no float noise", () => {
    expect(parseValue("0.64万人").number).toBe(6400);
    expect(parseValue("1.77万人").number).toBe(17700);
    expect(parseValue("57%").number).toBe(0.57);
    expect(parseValue("16931.41万元").number).toBe(169314100);
  });
});

describe("formatValue round trip", () => {
  test.each(CASES.map(([t]) => t))("%s", (t) => {
    const p = parseValue(t);
    const back = parseValue(formatValue(p));
    expect(back.number).toBe(p.number);
    expect(back.operator).toBe(p.operator);
    expect(back.unit).toBe(p.unit);
  });
  test("written from parts, with grouping", () => {
    expect(
      formatValue(
        { operator: "<=", number: 628678956.5, scale: 1, unit: "元", percent: false, decimals: 2 },
        { grouping: true },
      ),
    ).toBe("≤628,678,956.50元");
    expect(formatValue({ operator: ">=", number: 0.95, scale: 1, unit: "%", percent: true, decimals: 0 })).toBe("≥95%");
    expect(formatValue({ operator: null, number: 35200, scale: 1e4, unit: "人", percent: false, decimals: 2 })).toBe(
      "3.52万人",
    );
  });
});

describe("helpers", () => {
  test("resolution is one unit of the last written digit, in base units", () => {
    expect(resolution(parseValue("62867.90万元"))).toBeCloseTo(100, 9);
    expect(resolution(parseValue("628,678,956.50元"))).toBeCloseTo(0.01, 12);
    expect(resolution(parseValue("97.34%"))).toBeCloseTo(0.0001, 12);
  });
  test("normalizeWidth maps full width and the other ≥ ≤ glyphs", () => {
    expect(normalizeWidth("≧９５％＜")).toBe("≥95%<");
    expect(normalizeWidth("a\u3000b")).toBe("a b");
  });
  test("decimalsOf and expand", () => {
    expect(decimalsOf(0.125)).toBe(3);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(100)).toBe(0);
    expect(expand(1e21)).toBe("1000000000000000000000");
    expect(expand(1.5e-7)).toBe("0.00000015");
  });
});
