import { runRule, sheet, workbook } from "../support/grid";
import { checkWorkbook } from "../../src/core/check";
import { selfAssessment } from "./forms";
import { seedDeclaration } from "../fixtures/layouts/seed";
import { nanhuFunds } from "../fixtures/layouts/nanhu-funds";

const run = (s: ReturnType<typeof sheet> | ReturnType<typeof sheet>[]) => runRule("unrecognized-table", s);

describe("unrecognized-table", () => {
  describe("valid", () => {
    it.each([
      ["a recognized self-assessment", selfAssessment()],
      ["a recognized declaration", seedDeclaration()],
      ["an empty sheet", sheet("Sheet1", [])],
      [
        "a sheet with no form words",
        sheet("人员名单", [
          ["姓名", "部门"],
          ["张三", "财务科"],
        ]),
      ],
      ["an expense list (支出内容 | 实际支出数 | 会计凭证号 | 备注) under a funds part that was read", nanhuFunds()],
      [
        "a notice: narrative text with 绩效 and 评价 but no header words",
        sheet("结果通知书", [["绩效评价结果通知书"], ["经评价，你单位项目绩效评价得分80.37分，等级为良。"]]),
      ],
    ])("%s", (_n, s) => {
      expect(run(s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a form whose header has levels but no value column the checker knows", () => {
      const s = sheet("项目自评表", [
        ["项目支出绩效自评表"],
        ["一级指标", "二级指标", "三级指标", "目标（计划）", "完成情况"],
        ["产出指标", "数量指标", "培训人数", "500人", "520人"],
      ]);
      const f = run(s);
      expect(f.map((x) => [x.cell, x.severity])).toEqual([["A2", "warning"]]);
      expect(f[0].message["zh-CN"]).toBe(
        "工作表“项目自评表”看起来是绩效表格（第2行表头：一级指标、二级指标、三级指标），但未能识别：未找到指标值、实际完成值、分值或得分列，该表未被检查。",
      );
      expect(f[0].message["en-US"]).toContain("no target, actual, weight or score column was found");
    });

    it("a form whose indicator names sit under a header the checker does not know", () => {
      const s = sheet("绩效目标表", [
        ["部门绩效目标表"],
        ["目标类别", "指标项", "指标值", "分值"],
        ["产出", "完成项目数", "≥5个", 20],
      ]);
      const f = run(s);
      expect(f.map((x) => x.cell)).toEqual(["A2"]);
      expect(f[0].message["zh-CN"]).toContain("未找到指标名称列（三级指标，或一级与二级指标）");
    });

    it("a header found with no indicator row read under it is reported, and not counted as recognized", () => {
      // The unit's text left of the indicator columns, under a header that names no list field (部门): read as a
      // side label that ends the table before its first row (as 井研's list form was before it was understood).
      const s = sheet("申报表", [
        ["部门", "一级指标", "二级指标", "三级指标", "指标值"],
        ["某县某局", null, null, null, null],
        ["某县某局办公室", "产出指标", "数量指标", "培训人数", "≥500人"],
      ]);
      const f = run(s);
      expect(f.map((x) => [x.cell, x.message["zh-CN"]])).toEqual([
        [
          "B1",
          "工作表“申报表”第1行的表头已找到（一级指标、二级指标、三级指标、指标值），但其下没有读出任何指标行，该表未被检查。",
        ],
      ]);
      const result = checkWorkbook(workbook(s));
      expect(result.recognized).toEqual([]);
    });

    it("only the sheet that was not read is reported, beside one that was", () => {
      const bad = sheet("申报表", [["绩效目标申报表"], ["指标", "目标", "分值", "备注"]]);
      expect(run([selfAssessment(), bad]).map((x) => `${x.sheet}!${x.cell}`)).toEqual(["申报表!A2"]);
    });
  });
});
