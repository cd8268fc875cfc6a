import { DetailedCellError, type HyperFormula } from "hyperformula";
import { fromA1 } from "../../src/core/a1";
import { TEMPLATE_KINDS, type TemplateKind, type TemplateOptions } from "../../src/core/templates";
import { templateToBuffer } from "../../src/xlsx/templateWriter";
import { buildEngine, loadXlsx } from "./hfEval";

async function engine(kind: TemplateKind, options: TemplateOptions = {}) {
  const { name, data, cached } = await loadXlsx(await templateToBuffer(kind, options));
  const { hf, sheet } = buildEngine(name, data);
  const at = (a1: string) => {
    const p = fromA1(a1)!;
    return { sheet, row: p.row, col: p.col };
  };
  const get = (a1: string) => {
    const v = hf.getCellValue(at(a1));
    return v instanceof DetailedCellError ? v.value : v;
  };
  const set = (a1: string, v: string | number | null) => hf.setCellContents(at(a1), [[v]]);
  return { hf, get, set, cached };
}

let open: HyperFormula[] = [];
afterEach(() => {
  open.forEach((h) => h.destroy());
  open = [];
});

describe("exported templates recalculated by HyperFormula with the EVAL plugin", () => {
  const cases: [TemplateKind, TemplateOptions][] = [
    // The rectification report has no formulas: it is all text for the unit to fill.
    ...TEMPLATE_KINDS.filter((k) => k !== "rectification").map((k): [TemplateKind, TemplateOptions] => [k, {}]),
    ["self-assessment", { example: true }],
    ["declaration", { example: true }],
    ["survey", { example: true }],
    ["notice", { example: true }],
    ["self-assessment", { example: true, lang: "en-US" }],
  ];
  it.each(cases)("%s %j: every cached result equals HyperFormula's value", async (kind, options) => {
    const e = await engine(kind, options);
    open.push(e.hf);
    expect(e.cached.size).toBeGreaterThan(0);
    for (const [a1, result] of e.cached) {
      const v = e.get(a1);
      // ExcelJS reads a falsy cached result back as undefined.
      const expected =
        result === undefined
          ? typeof v === "number"
            ? 0
            : ""
          : typeof result === "object" && result !== null
            ? (result as { error: string }).error
            : result;
      if (typeof expected === "number") expect([a1, v]).toEqual([a1, expect.closeTo(expected, 9)]);
      else expect([a1, v]).toEqual([a1, expected]);
    }
  });

  it("self-assessment example: the seed's 执行率 99.68 %, 到位率 97.34 %, scores, total and grade", async () => {
    const e = await engine("self-assessment", { example: true });
    open.push(e.hf);
    expect(e.get("G6")).toBeCloseTo(0.9968, 4); // 61001.46 / 61196.81
    expect(e.get("H6")).toBeCloseTo(9.968, 3);
    expect(e.get("F17")).toBeCloseTo(0.9734, 4); // 61196.81 / 62867.90
    expect(e.get("F16")).toBeCloseTo(0.9999, 4); // 7845 / 7846
    expect(e.get("H13")).toBe(10); // 35452 against ≥3.52万人: met
    expect(e.get("H15")).toBeCloseTo((5 * 6394) / 6400, 6); // missed: 5 × B/A
    expect(e.get("H24")).toBeCloseTo((10 * 0.8688) / 0.9, 6); // 知晓率 86.88 % against ≥90 %
    expect(e.get("G25")).toBe(100);
    const parts = ["H6", ...Array.from({ length: 12 }, (_, i) => `H${13 + i}`)].map((a) => e.get(a) as number);
    expect(e.get("H25")).toBeCloseTo(
      parts.reduce((s, x) => s + x, 0),
      9,
    );
    expect(e.get("H26")).toBe("优");
    // Lower the execution: the rate and the execution score follow.
    e.set("E9", 50000);
    expect(e.get("G6")).toBeCloseTo(50000 / 61196.81, 9);
    expect(e.get("H6")).toBeCloseTo((10 * 50000) / 61196.81, 9);
  });

  it("blank self-assessment filled by hand: 执行率, 得分 (≥, ≤, qualitative), 总分 and 等级", async () => {
    const e = await engine("self-assessment");
    open.push(e.hf);
    expect(e.get("G6")).toBe("");
    // Blank form: indicator rows 13–22, 总分 G23, 等级 G24.
    expect(e.get("H24")).toBe("");
    e.set("D7", 100);
    e.set("E7", 90);
    expect(e.get("D6")).toBe(100);
    expect(e.get("G6")).toBeCloseTo(0.9, 9);
    expect(e.get("H6")).toBeCloseTo(9, 9);
    e.set("E13", "≥100个");
    e.set("F13", 80);
    expect(e.get("H13")).toBeCloseTo(8, 9); // 10 × 80/100
    e.set("E17", "≤90万元");
    e.set("F17", 100);
    expect(e.get("H17")).toBeCloseTo(9, 9); // reverse: 10 × 90/100
    e.set("F16", "部分达成");
    expect(e.get("H16")).toBeCloseTo(7, 9); // tier 2 default 70 %
    expect(e.get("H23")).toBeCloseTo(9 + 8 + 9 + 7, 9);
    expect(e.get("H24")).toBe("差");
    for (const r of [14, 15, 18, 19, 20, 21, 22]) e.set(`F${r}`, r === 14 || r === 15 || r === 22 ? 1 : "达成");
    e.set("E14", "≥1");
    e.set("E15", "≥1");
    e.set("E22", "≥90%");
    // 9 + 8 + 10 + 10 + 7 + 9 + 5 + 10 + 5 + 10 + 10 = 93 → 优
    expect(e.get("H23")).toBeCloseTo(93, 9);
    expect(e.get("H24")).toBe("优");
  });

  it("survey example: the seed's awareness 86.88 % of 141 valid questionnaires", async () => {
    const e = await engine("survey", { example: true });
    open.push(e.hf);
    expect(e.get("C11")).toBe(141);
    expect(e.get("D5")).toBe(141);
    expect(e.get("C12")).toBeCloseTo(0.8688, 4);
    expect(e.get("E7")).toBeCloseTo(69 / 141, 9);
    e.set("C10", 30); // 不了解 2 → 30
    expect(e.get("C11")).toBe(169);
    expect(e.get("C12")).toBeCloseTo((69 + 46 * 0.85 + 24 * 0.6) / 169, 9);
  });

  it("indicator system: default weights total 100 with 产出+效益 ≥ 60; the seed's 80.37 is 良", async () => {
    const e = await engine("indicator-system");
    open.push(e.hf);
    expect(e.get("D26")).toBe(100);
    expect(e.get("D28")).toBeGreaterThanOrEqual(60);
    expect(e.get("E28")).toBe("分值设置符合要求");
    const weights = Array.from({ length: 20 }, (_, i) => e.get(`D${6 + i}`) as number);
    // Score every indicator at 80.37 % of its weight: the total is the seed's 80.37.
    weights.forEach((w, i) => e.set(`G${6 + i}`, w * 0.8037));
    expect(e.get("G26")).toBeCloseTo(80.37, 9);
    expect(e.get("G27")).toBe("良");
    e.set("D18", 0); // 实际完成率 weight 10 → 0: 产出+效益 drops below 60? 70 − 10 = 60 still fine, total 90
    expect(e.get("E28")).toBe("分值合计应为100分");
    e.set("D19", 0);
    expect(e.get("E28")).toMatch(/不低于60分/);
  });

  it("notice example: 评价分值 80.37 gives 评价结论 良; declaration example totals 62867.90 万元", async () => {
    const n = await engine("notice", { example: true });
    open.push(n.hf);
    expect(n.get("D6")).toBe("良");
    n.set("B6", 90);
    expect(n.get("D6")).toBe("优");
    const d = await engine("declaration", { example: true });
    open.push(d.hf);
    expect(d.get("D6")).toBeCloseTo(62867.9, 9);
    expect(d.get("D16")).toBe("≤628,678,956.50元"); // the declared cost value, unlike the self-assessment's
  });
});
