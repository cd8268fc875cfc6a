import { runRule, sheet } from "../support/grid";
import { selfAssessment, standardIndicators, type Ind } from "./forms";
import { seedSelfAssessment, seedDeclaration } from "../fixtures/layouts/seed";
import { nanhuFunds } from "../fixtures/layouts/nanhu-funds";
import { declaration } from "./goal-forms";

const at = (fs: { sheet: string; cell: string }[]) => fs.map((f) => `${f.sheet}!${f.cell}`);

describe("sum-mismatch", () => {
  describe("valid", () => {
    it.each([
      ["the seed's self-assessment", seedSelfAssessment()],
      ["the seed's declaration (total = 财政拨款 + 其他资金)", seedDeclaration()],
      ["the standard form", selfAssessment()],
      [
        "parts with binary noise (0.1 + 0.2 = 0.3)",
        selfAssessment(undefined, {
          funds: [0.3, 0.3, 10, 1, 10],
          parts: [
            ["其中：财政拨款", 0.1, 0.1],
            ["其他资金", 0.2, 0.2],
          ],
        }),
      ],
      [
        "a total written at 2 decimals over parts at 3 (179.97 = 90 + 89.974)",
        selfAssessment(undefined, {
          funds: [179.97, 179.97, 10, 1, 10],
          parts: [
            ["其中：财政拨款", 90, 90],
            ["上年结转资金", 89.974, 89.974],
          ],
        }),
      ],
      [
        "a not-applicable indicator (total rescaled)",
        selfAssessment(
          [
            ...standardIndicators().slice(0, 6),
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "不适用", 10, "不适用"],
          ],
          { total: [100, 100] },
        ),
      ],
      ["a 合计 of the rows alone (90) beside the funds block's 10", selfAssessment(undefined, { total: [90, 90] })],
      ["amounts broken down by source that add up (Nanhu 2016 with 到位 179.6)", nanhuFunds(9.6, 179.6)],
      [
        "dashes in the 其中 rows",
        selfAssessment(undefined, {
          parts: [
            ["其中：财政拨款", 100, 100],
            ["其他资金", "—", "—"],
          ],
        }),
      ],
    ])("%s", (_name, s) => {
      expect(runRule("sum-mismatch", s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("the published form: 年度资金总额 0 while its 其中 rows hold 90 / 89.974", () => {
      const s = selfAssessment(undefined, {
        funds: [0, 0, 10, 0, 0],
        parts: [
          ["其中：财政拨款", 90, 89.974],
          ["其他资金", 0, 0],
        ],
      });
      const f = runRule("sum-mismatch", s);
      expect(at(f)).toEqual(["自评表!C4", "自评表!D4"]);
      expect(f[0].related).toEqual(["自评表!C5", "自评表!C6"]);
      expect(f[1].message["zh-CN"]).toBe("年度资金总额为0万元，但其中各行合计为89.974万元。");
      expect(f[0].severity).toBe("error");
    });

    it("总分 not the sum of the 得分 (the funds block's 得分 counted)", () => {
      const f = runRule("sum-mismatch", selfAssessment(undefined, { total: [100, 96] }));
      expect(at(f)).toEqual(["自评表!G15"]);
      expect(f[0].message["en-US"]).toBe("The total score is 96, but the scores add up to 100.");
      expect(f[0].related).toContain("自评表!G4");
    });

    it("the published form (中江 水标尺): rows of 100 beside the funds 10 while 总分 says 100 — the total left the funds out", () => {
      const ind: Ind[] = [
        ["产出指标", "数量指标", "安装坡面水标尺", "≥266米", "≥266米", 40, 40],
        ["产出指标", "质量指标", "项目(工程)验收合格率", "100%", "100%", 30, 30],
        ["效益指标", "社会效益指标", "受益脱贫(含监测对象)户人口数", "≥1000人", "≥1000人", 20, 20],
        ["满意度指标", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", "≥95%", "≥95%", 10, 10],
      ];
      const f = runRule("sum-mismatch", selfAssessment(ind, { total: [100, 100] }));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([["G12", "总分为100，但各项得分合计为110。"]]);
      expect(f[0].related).toContain("自评表!G4");
    });

    it("the published form (Nanhu 2016): 实际到位资金 170 over 其中 省财政 170 and 其它 9.6", () => {
      const f = runRule("sum-mismatch", nanhuFunds());
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        ["D3", "实际到位资金(万元)为170万元，但省财政+其它合计为179.6万元。"],
      ]);
      expect(f[0].related).toEqual(["Sheet1!D5", "Sheet1!D8"]);
    });

    it("Hunan's 项目资金申请 block (湘阴 2022 layout): 合计 against 市级/省级/中央/县级资金, this year and last", () => {
      // As published (hunan-yueyang-xiangyin-jiaoyu-2022-youeryuan) the block adds up; here 本年度申请资金 does not.
      const hunan = (thisYear: (number | null)[]) =>
        sheet("Sheet1", [
          ["项目资金情况", "项目资金申请(万元)", "项 目", null, "上年度安排资金", "本年度申请资金"],
          [null, null, "合 计", null, 213.4, 259],
          [null, null, "市级资金", null, null, thisYear[0]],
          [null, null, "省级资金", null, null, thisYear[1]],
          [null, null, "中央资金", null, null, thisYear[2]],
          [null, null, "县级资金", null, 213.4, thisYear[3]],
        ]);
      expect(runRule("sum-mismatch", hunan([null, null, null, 259]))).toEqual([]);
      const f = runRule("sum-mismatch", hunan([null, 181.3, null, 259]));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        ["F2", "合 计为259万元，但其中各行合计为440.3万元。"],
      ]);
      expect(f[0].related).toEqual(["Sheet1!F4", "Sheet1!F6"]);
    });

    it("棠溪镇 2022 (anhui-chizhou-tangxi-2022-cunji): a goal's 共…元 against the parts listed after 其中", () => {
      const goal =
        "本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,村民监督委员会 工资28000元,村级事务补助960000元,村级工作目标奖励100000元。";
      const f = runRule("sum-mismatch", declaration(goal));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        ["B5", "年度总体目标写明共2026400元，但其中所列各项合计为1740000元。"],
      ]);
    });

    it.each([
      [
        "parts that add up (its 实际完成情况: 1329120.67元)",
        "本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长基本报酬152000元,村民监督委员会工资28000元,村级事务补助660000元,村级工作目标奖励50000元。",
      ],
      [
        "parts at a coarser precision (30万元 ×2 + 29.99万元 against 89.97万元)",
        "本项目共完成预算资金89.97万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于设计、规划、测绘。",
      ],
      ["no 其中", "本项目共申请预算资金90万元，完成3个基建项目的预算编制和审计。"],
    ])("a goal's money sentence with %s is not reported", (_n, goal) => {
      expect(runRule("sum-mismatch", declaration(goal))).toEqual([]);
    });

    it("a total row whose 分值 misstates weights that do make 100", () => {
      const f = runRule("sum-mismatch", selfAssessment(undefined, { total: [90, 100] }));
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([["F15", "总分行的分值为90，但各项分值合计为100。"]]);
    });

    it("资金总额 against 财政拨款 + 其他资金 written as label/value pairs", () => {
      const s = sheet("申报表", [
        ["年度资金总额：", 100],
        ["其中：财政拨款", 90],
        ["其他资金", 5],
      ]);
      const f = runRule("sum-mismatch", s);
      expect(at(f)).toEqual(["申报表!B1"]);
      expect(f[0].related).toEqual(["申报表!B2", "申报表!B3"]);
      expect(f[0].message["zh-CN"]).toBe("年度资金总额为100，但财政拨款+其他资金合计为95。");
    });
  });
});
