import { fromA1, toA1 } from "../../src/core/a1";
import { extentOf, referencedCells } from "./render";
import {
  buildTemplate,
  MIN_PRINTED_PT,
  smallestPrintedFont,
  mergesOf,
  namesOf,
  TEMPLATE_INFO,
  TEMPLATE_KINDS,
  TemplateOptionsError,
  type TemplateDefinition,
  type TemplateKind,
  type TemplateOptions,
} from "../../src/core/templates";

const ALL: [TemplateKind, TemplateOptions][] = TEMPLATE_KINDS.flatMap((k) =>
  (["zh-CN", "en-US"] as const).flatMap(
    (lang) =>
      [[k, { lang }], ...(TEMPLATE_INFO[k].hasExample ? [[k, { lang, example: true }]] : [])] as [
        TemplateKind,
        TemplateOptions,
      ][],
  ),
);

describe.each(ALL)("definition %s %j", (kind, options) => {
  const def: TemplateDefinition = buildTemplate(kind, options);

  it("has a title, a valid sheet name, column widths and A4 fit-to-width print setup", () => {
    expect(def.kind).toBe(kind);
    expect(def.title.length).toBeGreaterThan(0);
    expect(def.sheetName.length).toBeLessThanOrEqual(31 - 5); // room for " (99)"
    expect(/[\\/?*[\]:]/.test(def.sheetName)).toBe(false);
    expect(def.print).toMatchObject({ paper: "A4" });
    // One A4 page at a scale that keeps every printed font at 9 pt or more.
    expect(smallestPrintedFont(def.cells, def.lang, def.print.scale)).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    expect(def.columnWidths.length).toBe(extentOf(def).cols);
    if (options.example) expect(def.title).toContain(def.lang === "zh-CN" ? "示例" : "[Example]");
    else expect(def.title).not.toMatch(/示例|Example/);
    // An English form is English throughout, example data included.
    if (def.lang === "en-US")
      for (const c of def.cells)
        if (typeof c.value === "string")
          expect([toA1(c.row, c.col), c.value]).not.toEqual([
            toA1(c.row, c.col),
            expect.stringMatching(/[\u4e00-\u9fff]/),
          ]);
  });

  it("merges do not overlap; formulas only read cells inside the form; names are unique", () => {
    const merges = mergesOf(def);
    for (let i = 0; i < merges.length; i++)
      for (let j = i + 1; j < merges.length; j++) {
        const a = merges[i];
        const b = merges[j];
        expect(a.r0 > b.r1 || b.r0 > a.r1 || a.c0 > b.c1 || b.c0 > a.c1).toBe(true);
      }
    const { rows, cols } = extentOf(def);
    for (const c of def.cells)
      if (c.formula)
        for (const a1 of referencedCells(c.formula)) {
          const p = fromA1(a1)!;
          expect([toA1(c.row, c.col), p.row < rows && p.col < cols]).toEqual([toA1(c.row, c.col), true]);
        }
    const names = namesOf(def).map((n) => n.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const n of namesOf(def)) expect(n.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  it("the English form has no untranslated Chinese outside the 示例 mark and seed quotations", () => {
    if (options.lang !== "en-US") return;
    for (const c of def.cells) {
      if (typeof c.value !== "string" || c.userText) continue;
      const stripped = c.value.replace(
        /示例|达成|部分达成|未达成|万元|元|≤[\d,.]+元|≥[\d.]+万人|[≥≤=][\d,.]+[%人元个]?/g,
        "",
      );
      expect([toA1(c.row, c.col), /[\u4e00-\u9fff]/.test(stripped) && !/^[≥≤=]/.test(c.value) ? c.value : ""]).toEqual([
        toA1(c.row, c.col),
        "",
      ]);
    }
  });
});

describe("weights", () => {
  it("self-assessment: first-level weights 10 (预算执行率) / 50 / 30 / 10, total 100", () => {
    for (const example of [false, true]) {
      const def = buildTemplate("self-assessment", { example });
      const at = (a1: string) => def.cells.find((c) => toA1(c.row, c.col) === a1);
      expect(at("F6")!.value).toBe(10);
      expect(at("A12")!.value).toBe("绩效指标"); // the national form's left label column
      const groups: Record<string, number> = {};
      let group = "";
      for (let r = 12; ; r++) {
        const a = at(`B${r + 1}`) ?? at(`A${r + 1}`);
        if (a && typeof a.value === "string") group = a.value;
        if (group === "总分") break;
        const w = at(`G${r + 1}`);
        if (typeof w?.value === "number") groups[group] = (groups[group] ?? 0) + w.value;
      }
      expect(groups).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
    }
  });

  it("indicator system: 决策/过程/产出/效益 total 100 with 产出+效益 ≥ 60, every third-level indicator of domain.md listed", () => {
    // Read the inserted form: level 1 in column A (merged down its rows), level 3 in C, the weight in D.
    const def = buildTemplate("indicator-system");
    const at = (a1: string) => def.cells.find((c) => toA1(c.row, c.col) === a1)?.value;
    expect([at("A5"), at("C5"), at("D5")]).toEqual(["一级指标", "三级指标", "分值"]);
    const by: Record<string, number> = {};
    const l3: unknown[] = [];
    let l1 = "";
    for (let r = 6; at(`C${r}`) !== undefined && at(`A${r}`) !== "合计"; r++) {
      const a = at(`A${r}`);
      if (typeof a === "string") l1 = a;
      const w = at(`D${r}`);
      if (typeof w !== "number") throw new Error(`no weight in D${r}`);
      by[l1] = (by[l1] ?? 0) + w;
      l3.push(at(`C${r}`));
    }
    expect(Object.keys(by)).toEqual(["决策", "过程", "产出", "效益"]);
    expect(Object.values(by).reduce((s, x) => s + x, 0)).toBe(100);
    expect(by["产出"] + by["效益"]).toBeGreaterThanOrEqual(60);
    for (const name of [
      "立项依据充分性",
      "立项程序规范性",
      "绩效目标合理性",
      "绩效指标明确性",
      "预算编制科学性",
      "资金分配合理性",
      "资金到位率",
      "预算执行率",
      "资金使用合规性",
      "管理制度健全性",
      "制度执行有效性",
      "实际完成率",
      "质量达标率",
      "完成及时性",
      "成本节约率",
      "经济效益",
      "社会效益",
      "生态效益",
      "可持续影响",
      "服务对象满意度",
    ])
      expect(l3).toContain(name);
  });

  it("declaration and self-assessment pre-list the standard categories", () => {
    for (const kind of ["declaration", "self-assessment"] as const) {
      const texts = buildTemplate(kind).cells.map((c) => c.value);
      for (const cat of [
        "产出指标",
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "效益指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "满意度指标",
        "服务对象满意度指标",
      ])
        expect(texts).toContain(cat);
    }
  });
});

describe("options and examples", () => {
  it("fills 项目名称, 年度, 主管部门, 实施单位 and the money unit", () => {
    const def = buildTemplate("self-assessment", {
      projectName: "乡村道路",
      year: 2024,
      department: "交通运输局",
      implementer: "公路站",
      moneyUnit: "元",
    });
    const v = (a1: string) => def.cells.find((c) => toA1(c.row, c.col) === a1)?.value;
    expect([v("B3"), v("A2"), v("B4"), v("F4"), v("A5")]).toEqual([
      "乡村道路",
      "（2024年度）",
      "交通运输局",
      "公路站",
      "项目资金（元）",
    ]);
  });

  it("the example keeps its 2021 year and takes a typed header whole, never half the seed's", () => {
    const v = (def: ReturnType<typeof buildTemplate>, a1: string) =>
      def.cells.find((c) => toA1(c.row, c.col) === a1)?.value ?? null;
    // The pane fills the year field by default: the example's figures are still 2021's.
    const dated = buildTemplate("self-assessment", { example: true, year: 2025 });
    expect(v(dated, "A2")).toBe("（2021年度）");
    expect(v(dated, "B3")).toBe("勐海县2021年度城镇职工基本养老保险经费项目");
    expect(v(dated, "B4")).toBe("勐海县人力资源和社会保障局");
    const typed = buildTemplate("self-assessment", { example: true, projectName: "乡村道路" });
    expect([v(typed, "B3"), v(typed, "B4"), v(typed, "F4")]).toEqual(["乡村道路", null, null]);
    expect(v(typed, "D9")).toBe(61196.81); // the example's data stays
  });

  it("the examples carry the seed's cost-indicator mismatch and real figures", () => {
    const values = (kind: TemplateKind) => buildTemplate(kind, { example: true }).cells.map((c) => c.value);
    expect(values("declaration")).toContain("≤628,678,956.50元");
    expect(values("self-assessment")).toContain("≤628,278,103.22元");
    expect(values("self-assessment")).not.toContain("≤628,678,956.50元");
    expect(values("self-assessment")).toEqual(
      expect.arrayContaining([62867.9, 61196.81, 61001.46, 35452, "≥3.52万人", 17769, "≥17700人", 6394, "≥6400人"]),
    );
    expect(values("declaration")).toContain(62867.9);
    expect(values("survey")).toEqual(expect.arrayContaining([69, 46, 24, 2, 141, 1, 0.85, 0.6, 0]));
  });

  it.each([
    [{ year: 21 }, /年度应为四位年份.*four-digit year/],
    [{ year: 2024.5 }, /年度应为四位年份/],
    [{ year: Number.NaN }, /年度应为四位年份/],
    [{ moneyUnit: "美元" }, /金额单位应为.*money unit/],
    [{ lang: "fr" }, /语言应为 zh-CN 或 en-US.*language/],
    [{ projectName: "项".repeat(501) }, /项目名称过长.*project name is too long/],
    [{ department: 42 }, /主管部门应为文字.*department must be text/],
  ])("bad options %j are refused with a bilingual message", (opts, msg) => {
    expect(() => buildTemplate("declaration", opts as unknown as TemplateOptions)).toThrow(TemplateOptionsError);
    expect(() => buildTemplate("declaration", opts as unknown as TemplateOptions)).toThrow(msg);
  });

  it("control characters (other than tab and line breaks) are dropped from typed text: a cell cannot hold them", () => {
    const def = buildTemplate("declaration", { projectName: "  a\u0000b\u0007c\td\u007f " });
    expect(def.cells.find((c) => c.name === "ProjectName")?.value).toBe("abc\td");
  });

  it("an unknown kind is refused with a bilingual message", () => {
    expect(() => buildTemplate("budget" as TemplateKind)).toThrow(/未知的模板类型 unknown template kind: budget/);
  });

  it("TEMPLATE_INFO has a bilingual name and purpose for every kind", () => {
    for (const k of TEMPLATE_KINDS) {
      expect(TEMPLATE_INFO[k].name["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(TEMPLATE_INFO[k].name["en-US"]).toMatch(/^[A-Z]/);
      expect(TEMPLATE_INFO[k].purpose["zh-CN"].length).toBeGreaterThan(5);
      expect(TEMPLATE_INFO[k].purpose["en-US"].length).toBeGreaterThan(5);
    }
  });
});
