import { runRule, sheet, workbook } from "../support/grid";
import { defaultProfile, validateProfile } from "../../src/core/profile";
import { checkWorkbook } from "../../src/core/check";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { goalReport } from "./goal-report";

const run = (s: Parameters<typeof runRule>[1]) => runRule("actual-not-measured", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

/** The standard form with one indicator row replaced (rows 8..14). */
function withRow(i: number, row: Ind) {
  const rows = standardIndicators();
  rows[i] = row;
  return selfAssessment(rows);
}

describe("actual-not-measured", () => {
  describe("valid", () => {
    it.each([
      ["the standard form (520, 0.97, dates, 950)", selfAssessment()],
      ["the seed's self-assessment", seedSelfAssessment()],
      ["a province's split form", provinceSplit()],
      [
        "a measured value with its unit (270米 for ≥266米)",
        withRow(0, ["产出指标", "数量指标", "安装坡面水标尺", "≥266米", "270米", 20, 20]),
      ],
      [
        "a date target met in words (按时完成)",
        withRow(2, ["产出指标", "时效指标", "完成时间", "2021年12月31日前", "已完成", 10, 10]),
      ],
      [
        "a qualitative target reached (建立 → 已建立)",
        withRow(5, ["效益指标", "可持续影响指标", "长效机制", "建立", "已完成", 10, 10]),
      ],
      [
        "an actual equal to an exact target (20万元 = 20万元)",
        withRow(3, ["产出指标", "成本指标", "项目计划总投资", "20万元", "20万元", 10, 10]),
      ],
      [
        "an actual left blank (missing-deviation-reason's and unfilled-form's)",
        withRow(0, ["产出指标", "数量指标", "培训人数", "≥500人", null, 20, 0]),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("the 实际完成情况 of the overall goal", () => {
    const WORDS = "确保每一个学生都能享受到国家政策福利,改善学生体质";
    it.each([
      ["a result with figures", WORDS, "为1260名学生提供营养餐，学生满意度95%"],
      [
        "a quantified goal restated: its figures were reached",
        "落实39户特色种养业奖补政策,增加脱贫户家庭收入",
        "落实39户特色种养业奖补政策,增加脱贫户家庭收入",
      ],
      ["a different account in words", WORDS, "营养改善计划全年实施，食堂供餐无安全事故，家长反映良好"],
      [
        "duties with what was done under them",
        WORDS,
        "负责全县学生营养餐供应，承担食堂监管，全年供餐186天、覆盖1260名学生",
      ],
      ["one duty among results in words", WORDS, "负责的营养餐项目全年实施，食堂供餐无安全事故，家长反映良好"],
    ])("valid: %s", (_n, expected, achieved) => {
      expect(run(goalReport(expected, achieved))).toEqual([]);
    });
    it("永德 2022: the 预期目标 copied word for word", () => {
      const f = run(goalReport(WORDS, WORDS));
      expect(at(f)).toEqual(["Sheet1!F3"]);
      expect(f[0].message["zh-CN"]).toBe(
        `年度总体目标的“实际完成情况”“${WORDS}”基本照抄预期目标，没有说明实际完成了什么。`,
      );
      expect(f[0].related).toEqual(["Sheet1!B3"]);
    });
    it("稷山 2020: the goal restated with 了 and one word changed (根本性 → 基本性)", () => {
      const f = run(
        goalReport("提高医疗保障水平,推进因病致贫问题的根本性解决", "提高医疗保障水平,推进了因病致贫问题的基本性解决"),
      );
      expect(at(f)).toEqual(["Sheet1!F3"]);
    });
    it("the share the profile sets: at 0.97 that restatement passes", () => {
      const s = goalReport(
        "提高医疗保障水平,推进因病致贫问题的根本性解决",
        "提高医疗保障水平,推进了因病致贫问题的基本性解决",
      );
      const profile = validateProfile({
        ...defaultProfile(),
        ruleOptions: { "actual-not-measured": { copyShare: 0.97 } },
      });
      const snap = workbook(s);
      const only = { rules: ["actual-not-measured"] as const };
      expect(checkWorkbook(snap, { ...only, profile }).findings).toEqual([]);
      // The same profile at the default share still reports it: the option is what changed the result.
      const national = validateProfile({
        ...defaultProfile(),
        ruleOptions: { "actual-not-measured": { copyShare: 0.85 } },
      });
      expect(checkWorkbook(snap, { ...only, profile: national }).findings).toHaveLength(1);
    });
    it("甘其毛都 2024: the unit's duties copied in as what was achieved (负责…；承担…；负责…)", () => {
      const duties =
        "负责编制辖区内国土空间规划并监督实施,落实辖区内自然资源调查监测评价工作;承担辖区内国土空间生态修复工作,负责组织实施最严格的耕地保护制度;负责矿产资源管理工作";
      const f = run(goalReport("全面查清全市资源利用状况,实现资源信息的社会化服务", duties));
      expect(at(f)).toEqual(["Sheet1!F3"]);
      expect(f[0].message["zh-CN"]).toContain("写的是单位职责（负责、承担……），没有说明本年实际完成了什么");
      expect(f[0].message["en-US"]).toContain("lists the unit's duties");
    });
    it.each([["完成"], ["完成年度目标"], ["已完成。"], ["基本完成年度目标。"]])(
      "大英 2023 / 宁德 2020 / 裕安 2022: only '%s'",
      (achieved) => {
        const f = run(goalReport(WORDS, achieved));
        expect(f.map((x) => x.message["en-US"])).toEqual([
          `The 实际完成情况 of the overall goal only says "${achieved.replace(/\s+/g, "")}": it does not say what was done or how much.`,
        ]);
      },
    );
  });

  describe("invalid", () => {
    // 中江县 2022 水标尺 (sichuan-deyang-zhongjiang-2022-shuibiaochi): 全年实际值 repeats every target with its ≥.
    it.each([
      ["≥266米", "安装坡面水标尺", "数量指标"],
      ["≥90%", "及时(按期)开工率", "时效指标"],
      ["≥95%", "受益脱贫(含监测对象)户满意度", "服务对象满意度指标"],
    ])("the published form: actual %s copied from the target (%s)", (value, name, cat) => {
      const f = run(withRow(0, ["产出指标", cat, name, value, value, 20, 20]));
      expect(at(f)).toEqual(["自评表!E8"]);
      expect(f[0].message["zh-CN"]).toBe(
        `指标“${name}”的实际完成值“${value}”是一个界限（照抄指标值${value}），不是实际达到的数。`,
      );
      expect(f[0].related).toEqual(["自评表!D8"]);
    });

    it.each([["200余人"], ["约600人"], ["30人左右"]])("宣城 2021 (held out): an approximate count (%s)", (actual) => {
      const f = run(withRow(0, ["产出指标", "数量指标", "接受业务培训人数", 200, actual, 20, 20]));
      expect(f.map((x) => x.message["zh-CN"])).toEqual([
        `指标“接受业务培训人数”的实际完成值“${actual}”是约数，不是统计出的实际数（指标值200）。`,
      ]);
    });

    it("塘湖镇 2020 (guizhou-tongren-tanghu-2020-bumenzhengti): 2天以内 for 2天以内", () => {
      const f = run(withRow(2, ["产出指标", "时效指标", "解决群众问题时间", "2天以内", "2天以内", 10, 10]));
      expect(at(f)).toEqual(["自评表!E10"]);
    });

    it("大英县 2020 (sichuan-suining-daying-2020-shuangxin-wenming): every result only '已完成100%'", () => {
      const s = sheet("绩效指标", [
        ["绩效\n指标", "一级指标", "二级指标", "三级指标", "指标值", "实施进度"],
        [null, "项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%"],
        [null, null, "质量指标", "创建质量", "按质按量完成", "已完成100%"],
        [null, null, "成本指标", "成本", "10万元", "已完成100%"],
        [null, "满意度指标", "满意度指标", "群众满意度", "90%", "已完成100%"],
      ]);
      const f = run(s);
      // 按质按量完成 is words, met by saying so; the count, the cost and the satisfaction ask for numbers.
      expect(at(f)).toEqual(["绩效指标!F2", "绩效指标!F4", "绩效指标!F5"]);
      expect(f[1].message["en-US"]).toBe(
        'Indicator "成本" targets 10万元, but the actual value only says "已完成100%": no measured figure.',
      );
    });
  });
});
