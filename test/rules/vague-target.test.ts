import { runRule, sheet, workbook } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { declaration, declIndicators, type DeclRow } from "./goal-forms";
import { seedSelfAssessment } from "../fixtures/layouts/seed";
import { countyText } from "../fixtures/layouts/county-text";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";

const run = (s: Parameters<typeof runRule>[1]) => runRule("vague-target", s);
const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

/** The goal the Menghai unit declared for 2021, as the notice quotes it. */
const SEED_GOAL =
  "1.保障规定范围内老年人完全或者基本退出社会劳动生涯后仍有足以满足基本生活需求的稳定可靠的经济来源。2.在职死亡和退休死亡人员丧葬抚恤费保障。3.在职人员养老保险关系转移接续。";
const QUANTIFIED_GOAL = "完成职业技能培训500人，培训合格率达到95%以上，2021年12月底前完成。";

/** The standard self-assessment with its vague 社会效益 value (明显提升) made measurable. */
function measurable(): Ind[] {
  const rows = standardIndicators();
  rows[4] = ["效益指标", "社会效益指标", "就业率", "≥80%", 0.85, 20, 20];
  return rows;
}

function withValue(i: number, value: string): Ind[] {
  const rows = measurable();
  rows[i] = [rows[i][0], rows[i][1], rows[i][2], value, value, rows[i][5], rows[i][6]];
  return rows;
}

function declRow(i: number, row: DeclRow): DeclRow[] {
  const rows = declIndicators();
  rows[i] = row;
  return rows;
}

function declWith(i: number, value: string): DeclRow[] {
  const rows = declIndicators();
  rows[i] = [rows[i][0], rows[i][1], rows[i][2], value];
  return rows;
}

describe("vague-target", () => {
  describe("valid", () => {
    it.each([
      ["a goal with quantities and a deadline", declaration(QUANTIFIED_GOAL)],
      ["the county road goal (完成12公里村组道路硬化)", countyText()],
      ["a provincial self-assessment with numeric 效益 values", workbook(provinceSplit())],
      ["an evaluation system: 绩效目标 there is an indicator name, not a goal", evaluationSystem()],
      [
        "a goal with money and what it buys (投资90万元，新建村级服务站3个)",
        declaration("投资90万元，新建村级服务站3个，12月底前投入使用。"),
      ],
      ["a ranking (考核第一名, 宁德 2020)", declaration("目标1:省政府对市政府防震减灾目标管理绩效考核第一名。")],
      ["a goal with a checkable state (按时足额发放)", declaration("按时足额发放退休人员基本养老金，确保应发尽发。")],
      ["a goal done to plan (按计划完成, a published form)", declaration("按计划完成2021年度省道公路建设。")],
      ["a goal with a Chinese-numeral quantity (新建三个村级服务站)", declaration("新建三个村级服务站并投入使用。")],
      [
        "年初设定目标 | 年度总体目标完成情况综述 sub-headers (a published Anhui form)",
        sheet("自评表", [
          ["年度总体目标", "年初设定目标", null, null, null, "年度总体目标完成情况综述"],
          [null, "落实39户特色种养业奖补政策,增加脱贫户家庭收入", null, null, null, "已落实，效果明显"],
        ]),
      ],
      ["效益 ≥90%", selfAssessment(withValue(4, "≥90%"))],
      [
        "效益 是 answering a question (是否就业)",
        selfAssessment(
          withValue(4, "是").map((r, i) => (i === 4 ? ([r[0], r[1], "是否实现稳定就业", ...r.slice(3)] as Ind) : r)),
        ),
      ],
      ["效益 无重大安全事故", selfAssessment(withValue(4, "无重大安全事故"))],
      ["效益 按时完成", selfAssessment(withValue(5, "按时完成"))],
      ["效益 通过验收", selfAssessment(withValue(5, "通过验收"))],
      [
        "效益 with a number among words (受益群众有所增加，不少于5000人)",
        selfAssessment(withValue(4, "受益群众有所增加，不少于5000人")),
      ],
      ["qualitative without vague words (建立, 群众满意)", selfAssessment(withValue(6, "群众满意"))],
      [
        "a vague 数量 value is unquantified-target's finding, not this rule's",
        selfAssessment(
          measurable().map((r, i): Ind =>
            i === 0 ? ["产出指标", "数量指标", "培训人数", "明显增加", 520, 20, 20] : r,
          ),
        ),
      ],
      ["a placeholder is unquantified-target's too", selfAssessment(withValue(4, "*"))],
      ["a goal that refers elsewhere (详见附件)", declaration("详见项目实施方案")],
      [
        "财预〔2015〕88号 layout: 中长期目标 and 年度目标 below their headers, both quantified",
        sheet("申报表", [
          ["总体目标", "中长期目标（2021-2023年）", null, "年度目标"],
          [null, "到2023年参保人数达到3.8万人", null, "目标1：参保人数达到3.52万人。"],
        ]),
      ],
      [
        "what was achieved (实际完成情况) is not a target",
        sheet("自评表", [
          ["年度总体目标", "预期目标", null, "实际完成情况"],
          [null, "完成培训500人", null, "培训工作稳步推进，效果明显"],
        ]),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    // 临海 2024 (zhejiang-linhai-lvhuayanghu-2024): 社会效益指标 | 是; 原州 2022: effect rows that are sentences.
    it("an effect value of only 是 after a name that asks no question", () => {
      const f = run(
        declaration(QUANTIFIED_GOAL, declRow(4, ["效益指标", "社会效益指标", "满足市民生存环境的需求", "是"])),
      );
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        [
          "D11",
          "指标“满足市民生存环境的需求”（社会效益）的指标值只写“是”，而名称并不是一个是否问题，无从核验；应写成可衡量的值，如：受益人数≥5000人、绿地养护面积375万平方米。",
        ],
      ]);
    });
    it("是 answering a question (是否建立长效管护机制) is checkable", () => {
      expect(
        run(declaration(QUANTIFIED_GOAL, declRow(4, ["效益指标", "社会效益指标", "是否建立长效管护机制", "是"]))),
      ).toEqual([]);
    });
    it("原州 2022: an effect row with no value whose name is a vague aim (增加就业机会,提高农民收入。)", () => {
      const f = run(
        declaration(QUANTIFIED_GOAL, declRow(4, ["效益指标", "经济效益指标", "增加就业机会,提高农民收入。", null])),
      );
      expect(f.map((x) => x.cell)).toEqual(["C11"]);
      expect(f[0].message["en-US"]).toContain('has no value, and its name is an aim in vague words ("提高")');
    });

    // 棠溪镇 2022 (anhui-chizhou-tangxi-2022-weituo), 廊坊 2019 (hebei-langfang-shipin-2019-nuantong): the goal is
    // the money and its split, or the budget's figure alone; nothing the money is to achieve.
    it.each([
      ["本项目共申请预算资金90万元。其中：30万元用于基建工程项目预算编制，60万元用于设备购置。"],
      ["本项目共申请预算资金2026400元,其中村级组织运转400000元,村级事务补助960000元。"],
    ])("a goal of money only: %s", (goal) => {
      const f = run(declaration(goal));
      expect(f.map((x) => x.message["zh-CN"].slice(-60))).toEqual([
        expect.stringContaining("只写了资金数额，没有写要完成的产出或要达到的效果"),
      ]);
    });
    it("a goal that is the budget's figure written bare (43.2 under 项目资金（万元）)", () => {
      const s = selfAssessment(undefined, { funds: [43.2, 37.24, 10, 0.86, 9] });
      s.values.splice(2, 0, ["年度总体目标", "预期目标", null, null, "实际完成情况"], [null, 43.2, null, null, 37.24]);
      const f = run(sheet("自评表", s.values as never)).filter((x) => x.cell === "B4");
      expect(f.map((x) => x.message["en-US"])).toEqual([
        expect.stringMatching(/^The overall goal "43.2" states only amounts of money/),
      ]);
    });

    it("the seed's goal: duties only, no quantity, no date (list numbers are not quantities)", () => {
      const f = run(declaration(SEED_GOAL));
      expect(at(f)).toEqual(["申报表!B5"]);
      expect(f[0].severity).toBe("warning");
      expect(f[0].message["zh-CN"]).toContain(
        "年度总体目标“1.保障规定范围内老年人完全或者基本退出社会劳动生涯后仍有足以满足基本生活需求的…”",
      );
      expect(f[0].message["zh-CN"]).toContain("目标设立笼统、未量化");
      expect(f[0].message["zh-CN"]).toContain("如：参保人数达到3.52万人");
      expect(f[0].message["en-US"]).toContain("has no quantity, date or verifiable state");
    });

    it("a goal written in the label's own cell (年度总体目标：…)", () => {
      const s = declaration("", declIndicators(), {
        goalRow: ["年度总体目标：保障规定范围内老年人基本生活，丧葬抚恤费保障"],
      });
      expect(at(run(s))).toEqual(["申报表!A5"]);
    });

    it("财预〔2015〕88号 layout: a vague 年度目标 under its header", () => {
      const s = sheet("申报表", [
        ["总体目标", "中长期目标（2021-2023年）", null, "年度目标"],
        [null, "参保人数达到3.6万人", null, "进一步扩大参保覆盖面"],
      ]);
      expect(at(run(s))).toEqual(["申报表!D2"]);
    });

    it("a vague 中长期目标 is vague too (改善镇域内基础设施, 振兴乡村经济)", () => {
      const s = sheet("申报表", [
        ["总体目标", "长期目标", null, "年度目标"],
        [null, "改善镇域内基础设施,振兴乡村经济", null, "新建村组道路2.5公里"],
      ]);
      expect(at(run(s))).toEqual(["申报表!B2"]);
    });

    it("a side label merged down over the indicator table too: only the goal's own text is quoted", () => {
      const s = sheet(
        "申报表",
        [
          ["年度绩效目标", "提高职业技能培训质量"],
          [null, "一级指标", "二级指标", "三级指标", "指标值"],
          [null, "产出指标", "数量指标", "培训人数", "≥500人"],
          [null, "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
        ],
        { merges: ["A1:A4"] },
      );
      const f = run(s);
      expect(at(f)).toEqual(["申报表!B1"]);
      expect(f[0].message["zh-CN"]).toContain("年度总体目标“提高职业技能培训质量”没有数量");
    });

    it.each([
      [
        "a spaced-out label (绩 效 目 标, a published Tianjin form)",
        sheet(
          "绩效目标表",
          [
            ["绩 效 目 标", null, "1.为提升我区环境卫生质量，开展我区环境卫生治理工作。2.达到干净整洁的效果。"],
            [null, null, null],
          ],
          { merges: ["A1:B1"] },
        ),
        "绩效目标表!C1",
      ],
      [
        "a numbered label with its points (年度目标1:(80分), a published Guizhou form)",
        sheet("自评表", [["年度目标1:(80分)", "增强政府工作效率、改善乡镇居住环境"]]),
        "自评表!B1",
      ],
      [
        "项目年度目标 | 年度目标完成情况 as column headers (a published Sichuan form)",
        sheet("Sheet1", [
          ["项目基本情况", "项目年度目标", null, "年度目标完成情况"],
          [null, "严格执行相关政策，保障工资及时、足额发放，减少结余资金。", null, "已完成"],
        ]),
        "Sheet1!B2",
      ],
    ])("%s", (_n, s, cell) => {
      expect(at(run(s))).toEqual([cell]);
    });

    it("a goal written in the row below its label", () => {
      const s = sheet("申报表", [
        ["年度总体目标"],
        ["进一步提高职业技能培训质量，不断提升就业能力。"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人数", "≥500人"],
      ]);
      expect(at(run(s))).toEqual(["申报表!A2"]);
    });

    it.each([
      ["效果明显", 4, "D12", "明显"],
      ["逐步提高", 4, "D12", "逐步、提高"],
      ["进一步改善", 4, "D12", "进一步、改善"],
      ["有所提高", 5, "D13", "有所、提高"],
      ["长期", 5, "D13", "长期"],
      ["高", 5, "D13", "高"],
      ["持续发挥效益", 5, "D13", "持续"],
      ["社会效益显著", 4, "D12", "显著"],
    ])("效益 value %s", (value, i, cell, word) => {
      const rows = withValue(i, value);
      const f = run(selfAssessment(rows));
      expect(at(f)).toEqual([`自评表!${cell}`]);
      expect(f[0].message["zh-CN"]).toBe(
        `指标“${rows[i][2]}”（${i === 4 ? "社会效益" : "可持续影响"}）的指标值“${value}”只有“${word}”等笼统表述，无法核验；应写成可衡量的值，如：受益人数≥5000人、带动增收≥50万元、设施使用年限≥10年。`,
      );
    });

    it("a satisfaction value 较好 asks for satisfaction ≥ 90%, quoting every vague word", () => {
      const f = run(selfAssessment(withValue(6, "满意度较好并逐步提高")));
      expect(at(f)).toEqual(["自评表!D14"]);
      expect(f[0].message["zh-CN"]).toContain("只有“较好、逐步、提高”等笼统表述");
      expect(f[0].message["zh-CN"]).toContain("如：满意度≥90%");
      expect(f[0].message["en-US"]).toContain("e.g. satisfaction ≥ 90%");
    });

    it("a declaration's vague 效益 value and its vague goal are both reported", () => {
      const f = run(declaration("提高培训质量", declWith(4, "有效提高")));
      expect(at(f)).toEqual(["申报表!B5", "申报表!D11"]);
    });

    it("the seed self-assessment: its 预期目标, 有效保障 and 长期, not its 实际完成情况", () => {
      expect(at(run(seedSelfAssessment()))).toEqual(["自评表!B11", "自评表!E19", "自评表!E20"]);
    });
  });
});
