import { runRule, sheet } from "../support/grid";
import { knownLayouts } from "../fixtures/layouts/known";
import { selfAssessment, withRow } from "./forms";

const run = (s: Parameters<typeof runRule>[1]) => runRule("name-value-conflict", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

const quality = (name: string, value: string) =>
  selfAssessment(withRow(1, ["产出指标", "质量指标", name, value, 0.99, 10, 10]));

describe("name-value-conflict", () => {
  describe("valid", () => {
    it.each([
      ...knownLayouts(),
      ["the name and the value agree (验收合格率≥95% | ≥95%)", quality("验收合格率≥95%", "≥95%")],
      ["the same level written two ways (合格率（95%） | 95%)", quality("合格率（95%）", "95%")],
      [
        "a number that names the object (Hengshan 2020: 5000吨稻谷、500吨成品粮储备到位率 | 100%)",
        quality("5000吨稻谷、500吨成品粮储备到位率", "100%"),
      ],
      [
        "points in the name (Dazhou: 中央专款分配合规率(1分))",
        sheet("评分表", [
          ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
          ["过程", "资金管理", "中央专款分配合规率(1分)", "100%", 1],
        ]),
      ],
      [
        "different units are not compared (Langzhong 2021: 建设普通省道二级公路32.1公里 | 20)",
        selfAssessment(withRow(0, ["产出指标", "数量指标", "建设普通省道二级公路32.1公里", 20, 20, 20, 20])),
      ],
      ["a placeholder in the name is template-placeholder's (合格率(≥**%) | ≥95%)", quality("合格率(≥**%)", "≥95%")],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("a yes/no question given a percentage", () => {
    it("稷山 2020 (held out): 指标1:是否解决建档立卡人员看病难贵问题 | 95%", () => {
      const f = run(quality("指标1:是否解决建档立卡人员看病难贵问题", "95%"));
      expect(at(f)).toEqual(["自评表!D9"]);
      expect(f[0].message["zh-CN"]).toBe(
        "指标“指标1:是否解决建档立卡人员看病难贵问题”是一个是否问题，指标值却是百分比“95%”：不知道是什么的百分比；应改为“是/否”，或把名称改为可计算比例的指标（如“…问题解决率”）。",
      );
    });
    it.each([
      ["answered yes", "是否全部纳入医保统筹", "是"],
      ["是否满意 95% reads as the share satisfied", "指标1:是否满意", "95%"],
      ["a rate named after the question", "问题解决率", "95%"],
    ])("valid: %s", (_n, name, value) => {
      expect(run(quality(name, value))).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("the name fixes 100% while the value asks ≥98% (Hengyang Nanyue 2018, D13 / E13)", () => {
      const f = run(quality("*贫困地区旅游基础设施建设质量达标率100%", ">=98%"));
      expect(at(f)).toEqual(["自评表!D9"]);
      expect(f[0].related).toEqual(["自评表!C9"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toBe(
        "指标名称“*贫困地区旅游基础设施建设质量达标率100%”写明的目标“100%”与指标值“>=98%”不一致，应统一为一个目标。",
      );
      expect(f[0].message["en-US"]).toContain('states the target "100%" but its value is ">=98%"');
    });

    it.each([
      ["验收合格率（≥95%） | ≥90%", "验收合格率（≥95%）", "≥90%"],
      ["新建道路5公里 | ≥4公里", "新建村组道路5公里", "≥4公里"],
      ["the same number, opposite directions (成本控制率≤100% | ≥100%)", "成本控制率≤100%", "≥100%"],
    ])("%s", (_n, name, value) => {
      expect(at(run(quality(name, value)))).toEqual(["自评表!D9"]);
    });

    it("the target quoted is the one the name states, not points or a bare value as the name", () => {
      const f = run(quality("验收合格率（≥95%）", "≥90%"));
      expect(f[0].message["zh-CN"]).toContain("写明的目标“≥95%”");
      expect(run(quality("相关性(5分)", "≥90%"))).toEqual([]);
      expect(run(quality("100%", "≥90%"))).toEqual([]);
    });
  });
});
