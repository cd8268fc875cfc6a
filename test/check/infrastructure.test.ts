import { RULE_IDS } from "../../src/core/findings";
import { RULES } from "../../src/core/rules";
import { fillMessage } from "../../src/core/rules/format";
import { checkWorkbook, runRuleOn } from "../../src/core/check";
import { recognizeWorkbook } from "../../src/core/recognize";
import { CheckScope } from "../../src/core/rules/scope";
import { defineRule } from "../../src/core/rules/types";
import { sheet, workbook } from "../support/grid";

describe("rule registry", () => {
  it("has one module per rule id, in RULE_IDS order", () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))("%s has bilingual docs and messages", (_id, rule) => {
    expect(rule.meta.docs["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.meta.docs["en-US"].length).toBeGreaterThan(20);
    const ids = Object.keys(rule.meta.messages);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const m = rule.meta.messages[id];
      // Both languages use the same placeholders, so data filled in one shows in the other.
      const ph = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(m["zh-CN"])).toEqual(ph(m["en-US"]));
    }
    expect(["error", "warning", "info"]).toContain(rule.severity);
  });
});

describe("fillMessage", () => {
  it("fills placeholders in both languages without float noise", () => {
    const m = fillMessage({ "zh-CN": "结余{v}", "en-US": "balance {v} {missing}" }, { v: 61196.81 - 61001.46 });
    expect(m["zh-CN"]).toBe("结余195.35");
    expect(m["en-US"]).toBe("balance 195.35 {missing}");
  });
  it("fills the same template anew each time, a placeholder used twice in both places", () => {
    const t = { "zh-CN": "{a}与{b}不同：{a}", "en-US": "{a} is not {b}: {a}" };
    expect(fillMessage(t, { a: "甲", b: 2 })["zh-CN"]).toBe("甲与2不同：甲");
    expect(fillMessage(t, { a: "乙", b: 0.1 + 0.2 })).toEqual({
      "zh-CN": "乙与0.3不同：乙",
      "en-US": "乙 is not 0.3: 乙",
    });
    expect(fillMessage({ "zh-CN": "无占位", "en-US": "none" })).toEqual({ "zh-CN": "无占位", "en-US": "none" });
  });
});

describe("one finding per cell and message", () => {
  it("the same cell reported twice with the same message and cells is one finding; another message is another", () => {
    const rule = defineRule({
      id: "sum-mismatch",
      severity: "warning",
      meta: {
        title: { "zh-CN": "测试", "en-US": "test" },
        docs: { "zh-CN": "测试规则", "en-US": "A rule for this test only." },
        messages: { m: { "zh-CN": "值{v}", "en-US": "value {v}" } },
      },
      check(ctx) {
        const at = { sheet: "S", row: 0, col: 0 };
        ctx.report({ messageId: "m", data: { v: 1 }, ...at });
        ctx.report({ messageId: "m", data: { v: 1 }, ...at });
        ctx.report({ messageId: "m", data: { v: 2 }, ...at });
        ctx.report({ messageId: "m", data: { v: 1 }, ...at, related: [{ sheet: "S", row: 1, col: 0 }] });
        ctx.report({ messageId: "m", data: { v: 1 }, sheet: "S", row: 0, col: 1 });
      },
    });
    const snapshot = workbook(sheet("S", [[1, 2]]));
    const found = runRuleOn(rule, new CheckScope(recognizeWorkbook(snapshot)), snapshot);
    expect(found.map((f) => [f.cell, f.message["zh-CN"], f.related])).toEqual([
      ["A1", "值1", []],
      ["A1", "值2", []],
      ["A1", "值1", ["S!A2"]],
      ["B1", "值1", []],
    ]);
  });
});

describe("checkWorkbook", () => {
  it("returns no findings for an empty workbook and an empty sheet", () => {
    const r = checkWorkbook(workbook(sheet("空表", [])));
    expect(r.findings).toEqual([]);
    expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(checkWorkbook({ sheets: [] }).findings).toEqual([]);
  });
});

describe("related cells", () => {
  it("are capped per finding so a sum over a long table stays readable", () => {
    const rows: (string | number | null)[][] = [["一级指标", "二级指标", "三级指标", "分值", "得分"]];
    for (let i = 0; i < 500; i++) rows.push(["产出指标", "数量指标", `指标${i}`, 1, 1]);
    rows.push(["总分", null, null, 100, 500]);
    const r = checkWorkbook(workbook(sheet("长表", rows)), { rules: ["weight-total"] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].message["zh-CN"]).toBe("各项分值合计为500，应为100。");
    expect(r.findings[0].related.length).toBeGreaterThan(100);
    expect(r.findings[0].related.length).toBeLessThanOrEqual(200);
    expect(r.findings[0].related[0]).toBe("长表!D2");
  });
});

describe("numbers in messages as the sheet shows them (issue 10)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { shownCell, shownLike } = require("../../src/core/rules/format");
  it.each([
    [{ raw: 96.6160869674, text: "96.6160869674", format: "0.00" }, "", "96.62"],
    [{ raw: 0.9, text: "0.9", format: "0%" }, "", "90%"],
    [{ raw: 610014.6, text: "610014.6", format: "#,##0.00" }, "万元", "610,014.60万元"],
    [{ raw: 38242600, text: "38242600" }, "元", "38242600元"],
    [{ raw: "99.68%", text: "99.68%" }, "", "99.68%"],
    [{ raw: "90", text: "90" }, "万元", "90万元"],
  ])("%j with unit %s shows %s", (cell, unit, shown) => {
    expect(shownCell(cell, unit)).toBe(shown);
  });
  it("a computed sum takes its total's format", () => {
    expect(shownLike(1234567.891, { format: "#,##0.00" }, "元")).toBe("1,234,567.89元");
    expect(shownLike(0.99968, { format: "0.00%" })).toBe("99.97%");
    expect(shownLike(89.974, undefined, "万元")).toBe("89.974万元");
  });
});
