import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";
import { provinceSplit } from "../fixtures/layouts/province-split";

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
