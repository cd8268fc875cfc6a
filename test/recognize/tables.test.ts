import { levelCell, recognizeWorkbook } from "../../src/core/recognize";
import { cellNumber } from "../../src/core/recognize/cells";
import { sheet, workbook } from "../support/grid";
import { provinceSplit } from "../fixtures/layouts/province-split";
import { declarationRows, seedDeclaration, seedSelfAssessment, selfAssessmentRows } from "../fixtures/layouts/seed";
import { evaluationSystem } from "../fixtures/layouts/evaluation-system";
import { directionColumn } from "../fixtures/layouts/direction-column";

const HEAD = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值（A）",
  "实际完成值（B）",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
];

describe("indicator tables", () => {
  it("finds the seed's two tables by their headers, with merged 一级/二级 names filled down", () => {
    const m = recognizeWorkbook(workbook(seedDeclaration(), seedSelfAssessment()));
    expect(m.tables.map((t) => [t.sheet, t.kind, t.rows.length])).toEqual([
      ["申报表", "declaration", 9],
      ["自评表", "self-assessment", 9],
    ]);
    const cost = m.indicators.filter((r) => r.level3 === "成本指标");
    expect(cost.map((r) => [r.level1, r.level2, r.key, r.target?.text])).toEqual([
      ["产出指标", "成本指标", "产出/成本/成本", "≤628,678,956.50元"],
      ["产出指标", "成本指标", "产出/成本/成本", "≤628,278,103.22元"],
    ]);
    // The name points at the merged cell's top-left, where Excel shows it.
    expect(levelCell(cost[1], 1)).toMatchObject({ sheet: "自评表", row: 12, col: 1 });
  });

  it("finds a declaration and a self-assessment stacked on one sheet", () => {
    const m = recognizeWorkbook(workbook(sheet("一页", [...declarationRows(), [], [], ...selfAssessmentRows()])));
    expect(m.tables.map((t) => [t.kind, t.headerRows, t.rows.length])).toEqual([
      ["declaration", [8], 9],
      ["self-assessment", [31], 9],
    ]);
    expect(m.funds.map((f) => f.headerRow)).toEqual([24]);
    expect(m.grades.map((g) => g.total?.raw)).toEqual([96.34]);
  });

  it("reads columns in any order, below title rows, starting anywhere on the sheet", () => {
    const s = sheet(
      "任意",
      [
        ["某某项目绩效自评表"],
        [],
        ["得分", "分值", "三级指标", "备注", "二级指标", "一级指标", "实际完成值", "指标值"],
        [9, 10, "培训人数", null, "数量指标", "产出指标", 480, "≥500人"],
      ],
      { origin: "C5" },
    );
    const m = recognizeWorkbook(workbook(s));
    expect(m.tables).toHaveLength(1);
    const r = m.indicators[0];
    expect([r.row, r.level1, r.level3, r.target?.text, r.actual?.raw, r.weight?.raw, r.score?.raw]).toEqual([
      7,
      "产出指标",
      "培训人数",
      "≥500人",
      480,
      10,
      9,
    ]);
    expect(r.score).toMatchObject({ row: 7, col: 2 });
  });

  it("headers split over two rows with 指标性质 | 指标值 | 度量单位 under a merged 年度指标值", () => {
    const m = recognizeWorkbook(workbook(provinceSplit()));
    const t = m.tables[0];
    expect(t.headerRows).toEqual([9, 10]);
    expect(t.columns).toMatchObject({
      level1: 1,
      level3: 3,
      weight: 4,
      nature: 5,
      target: 6,
      unit: 7,
      actual: 8,
      score: 9,
      reason: 10,
    });
    expect(m.indicators.map((r) => r.targetText)).toEqual([
      "≥5000亩",
      "≥12公里",
      "=100%",
      "=100%",
      "≤2500元",
      "≥50公斤",
      "≥3000户",
      "≥15年",
      "≥90%",
    ]);
    expect(t.total && cellNumber(t.total.score)?.value).toBe(99.5);
  });

  it("分值 | 得分 under a merged 评分 header", () => {
    const s = sheet(
      "s",
      [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "评分", null, "偏差原因分析及改进措施"],
        [null, null, null, null, null, "分值", "得分", null],
        ["产出指标", "数量指标", "培训人数", "≥500人", 480, 10, 9.6, "生源不足"],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1", "H1:H2"] },
    );
    const t = recognizeWorkbook(workbook(s)).tables[0];
    expect(t.columns).toMatchObject({ target: 3, actual: 4, weight: 5, score: 6, reason: 7 });
    expect(t.rows.map((r) => [r.weight?.raw, r.score?.raw])).toEqual([[10, 9.6]]);
  });

  it("a header split as 绩效指标 over 一级/二级/三级 in the row below", () => {
    const s = sheet(
      "两行表头",
      [
        ["绩效指标", null, null, "指标值", "分值"],
        ["一级指标", "二级指标", "三级指标", null, null],
        ["产出指标", "数量指标", "培训人数", "≥500人", 50],
      ],
      { merges: ["A1:C1", "D1:D2", "E1:E2"] },
    );
    const m = recognizeWorkbook(workbook(s));
    expect(m.tables[0].columns).toEqual({ level1: 0, level2: 1, level3: 2, target: 3, weight: 4 });
    expect(m.indicators.map((r) => r.key)).toEqual(["产出/数量/培训人数"]);
  });

  it("ends a table at its total row and at a blank gap, skips 小计 rows and repeated headers", () => {
    const s = sheet("s", [
      HEAD,
      ["产出指标", "数量指标", "a", "≥1个", 1, 10, 10],
      ["产出指标", "小计", null, null, null, 10, 10],
      HEAD,
      ["效益指标", "社会效益指标", "b", "好", "好", 10, 10],
      ["总分", null, null, null, null, 20, 20],
      ["评价等级", "优"],
      [],
      [],
      ["结余资金", 5],
    ]);
    const m = recognizeWorkbook(workbook(s));
    expect(m.tables).toHaveLength(1);
    expect(m.indicators.map((r) => r.level3)).toEqual(["a", "b"]);
    expect(m.tables[0].total?.row).toBe(5);
    expect(m.grades.map((g) => [g.grade, g.total?.raw])).toEqual([["优", 20]]);
    expect(m.amounts.map((a) => [a.kind, a.value.raw])).toEqual([["balance", 5]]);
  });

  it("blank 二级 cells do not carry across a new 一级 group", () => {
    const s = sheet("s", [
      HEAD,
      ["产出指标", "数量指标", "a", "≥1个", 1, 10, 10],
      ["满意度指标", null, "满意度", "≥90%", 0.95, 10, 10],
    ]);
    const m = recognizeWorkbook(workbook(s));
    expect(m.indicators.map((r) => [r.level1, r.level2, r.family, r.category])).toEqual([
      ["产出指标", "数量指标", "产出", "数量"],
      ["满意度指标", "", "满意度", "满意度"],
    ]);
  });

  it("keeps units written in header brackets, not the (A)/(B) marks", () => {
    const s = sheet("s", [
      ["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（万元）", "分值", "得分（分）"],
      ["产出指标", "成本指标", "总成本", "≤90万元", 88, 10, 10],
    ]);
    expect(recognizeWorkbook(workbook(s)).tables[0].headerUnits).toEqual({ actual: "万元", score: "分" });
  });

  it("marks ★ core indicators", () => {
    const s = sheet("s", [HEAD, ["产出指标", "数量指标", "★参保人数", "≥3.52万人", 35452, 10, 10]]);
    const r = recognizeWorkbook(workbook(s)).indicators[0];
    expect([r.core, r.key]).toEqual([true, "产出/数量/参保人数"]);
  });
});

describe("what kind of table", () => {
  // Fujian's 部门整体支出绩效自评表 (fujian-ningde-dizhen-2020-bumenzhengti) prints each row's 评分标准.
  const rows = (title: string) => [
    [title],
    ["一级指标", "二级指标", "三级指标", "绩效目标值", "实际完成值", "评分标准", "指标分值", "自评得分", "未完成原因"],
    ["产出目标", "数量目标", "抽查台站个数", "9个", "9个", "少检查一个扣1分", 6, 6, "已完成"],
    [null, null, "宣传活动场数", "10场", "11场", "少一场扣1分", 6, 6, "已完成"],
  ];
  it("a 自评表 with a 评分标准 column beside 目标值 and 实际完成值 is a self-assessment", () => {
    const m = recognizeWorkbook(workbook(sheet("Sheet1", rows("部门整体支出绩效自评表"))));
    expect(m.tables.map((t) => [t.kind, t.rows.length])).toEqual([["self-assessment", 2]]);
  });
  it("the same columns under an evaluation's title are an evaluation score sheet", () => {
    const m = recognizeWorkbook(workbook(sheet("Sheet1", rows("绩效评价指标体系及评分表"))));
    expect(m.tables.map((t) => t.kind)).toEqual(["evaluation"]);
  });
});

describe("指标性质 beside 指标方向 (内蒙古 2024)", () => {
  // neimenggu-bayannaoer-ganqimaodu-ziranziyuan-2024-yewu: 正向 in one column, the operator in the next.
  const form = directionColumn();
  it("the operator comes from 指标方向, not from 正向", () => {
    const t = recognizeWorkbook(workbook(form)).tables[0];
    expect(t.columns.nature).toBe(4);
    expect(t.rows.map((r) => r.targetText)).toEqual(["≥1次", "≤1个", "=100%"]);
  });
});

describe("a list form: one block of rows per project under one header (井研 2023)", () => {
  // sichuan-leshan-jingyan-mata-2023-xiangmumubiao: 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 …
  const form = sheet(
    "Sheet1",
    [
      ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值", "权重"],
      ["820-马踏镇部门", null, 8827620.53],
      [
        "820001-马踏镇人民政府",
        "村组干部报酬",
        3309840,
        "按时发放村组干部报酬",
        "产出指标",
        "数量指标",
        "村组干部230人",
        "≥230个",
        10,
      ],
      [null, null, null, null, "效益指标", "社会效益指标", "维护社会稳定", "≥95%", 10],
      [null, "基层组织活动经费", 660000, "开展组织活动", "产出指标", "数量指标", "行政村数量", "=11个", 10],
      [null, null, null, null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥95%", 10],
    ],
    { merges: ["A3:A6", "B3:B4", "C3:C4", "D3:D4", "B5:B6", "C5:C6", "D5:D6"] },
  );
  it("a project name written on each of its rows (no merge) is still one project", () => {
    const rows = [
      ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值", "权重"],
      ["马踏镇人民政府", "村组干部报酬", 3309840, "按时发放", "产出指标", "数量指标", "村组干部230人", "≥230个", 10],
      ["马踏镇人民政府", "村组干部报酬", 3309840, "按时发放", "效益指标", "社会效益指标", "维护社会稳定", "≥95%", 10],
      ["马踏镇人民政府", "活动经费", 660000, "开展活动", "产出指标", "数量指标", "行政村数量", "=11个", 10],
    ];
    const m = recognizeWorkbook(workbook(sheet("Sheet1", rows)));
    expect(m.tables.map((t) => t.rows.length)).toEqual([2, 1]);
  });
  it("the unit and project columns belong to the rows (no side label ends the table), and each project is a table", () => {
    const m = recognizeWorkbook(workbook(form));
    expect(m.tables.map((t) => t.rows.map((r) => r.level3))).toEqual([
      ["村组干部230人", "维护社会稳定"],
      ["行政村数量", "群众满意度"],
    ]);
  });
});

describe("the 二级 column found by its values when its header names no level", () => {
  // 宁晋 2019 (hebei-xingtai-ningjin-jiaoyu-2019-gaozhongzhuxuejin): 评价指标 | 评价内容 | 指标名称.
  const ningjin = (b: (string | null)[]) =>
    sheet(
      "评价指标表",
      [
        ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值"],
        ["项目年度绩效目标(定量指标)", b[0], "规章制度", "建立与否", null, 20],
        [null, b[1], "享受资助人数", "达到预计值", 2100, 10],
        [null, b[2], "建档立卡学生全面覆盖", null, "100%", 10],
        [null, b[3], "及时发放率", "达到目标值", "100%", 20],
        ["总分", null, null, null, null, 60],
      ],
      { merges: ["A2:A5"] },
    );
  it("a column of group names ending in 指标 (评价内容 here) is the 二级 column, and gives the categories", () => {
    const m = recognizeWorkbook(workbook(ningjin(["制度指标", "产出数量指标", "质量指标", "时效指标"])));
    expect(m.tables[0].columns.level2).toBe(1);
    expect(m.tables[0].rows.map((r) => [r.level2, r.category ?? null])).toEqual([
      ["制度指标", null],
      ["产出数量指标", "数量"],
      ["质量指标", "质量"],
      ["时效指标", "时效"],
    ]);
  });
  it("评价内容 holding what is assessed (sentences) stays a column of its own, not 二级", () => {
    const m = recognizeWorkbook(
      workbook(ningjin(["是否建立制度", "资助人数是否达到计划", "是否全面覆盖", "是否按时发放"])),
    );
    expect(m.tables[0].columns.level2).toBeUndefined();
  });
  it("one group name alone is not enough to call the column 二级", () => {
    const m = recognizeWorkbook(workbook(ningjin(["数量指标", null, null, null])));
    expect(m.tables[0].columns.level2).toBeUndefined();
  });
});

describe("funds blocks, surveys, grades and amounts", () => {
  it("the self-assessment's funds block with its 其中 rows and money unit", () => {
    const m = recognizeWorkbook(workbook(seedSelfAssessment()));
    const f = m.funds[0];
    expect(f.unit).toBe("万元");
    expect(f.total?.label.text).toBe("年度资金总额");
    expect(f.parts.map((p) => p.kind)).toEqual(["fiscal", "carryover", "other"]);
    expect(f.total?.cells.executed?.raw).toBe(61001.46);
    expect(f.total?.cells.rate?.format).toBe("0.00%");
  });

  it("the seed's survey, notice grade and funds figures", () => {
    const m = recognizeWorkbook(evaluationSystem());
    const s = m.surveys[0];
    expect(s.levels.map((l) => [l.label.text, l.count?.raw, l.weight?.raw])).toEqual([
      ["非常了解", 69, 1],
      ["比较了解", 46, 0.85],
      ["了解一点", 24, 0.6],
      ["不了解", 2, 0],
    ]);
    expect([s.total?.raw, s.valid?.raw, s.issued?.raw, s.rate?.raw]).toEqual([141, 141, 141, 0.8688]);
    expect(m.grades.map((g) => [g.sheet, g.grade, g.total?.raw])).toEqual([["结果通知书", "良", 80.37]]);
    expect(m.amounts.filter((a) => a.sheet === "资金情况").map((a) => a.kind)).toEqual([
      "budget",
      "arrived",
      "arrivalRate",
      "spent",
      "execRate",
      "balance",
    ]);
  });

  it("a label with its value below it (labels in one row, values in the next)", () => {
    const s = sheet("s", [
      ["到位资金", "支出", "结余"],
      [100, 60, 40],
    ]);
    expect(recognizeWorkbook(workbook(s)).amounts.map((a) => [a.kind, a.value.raw])).toEqual([
      ["arrived", 100],
      ["spent", 60],
      ["balance", 40],
    ]);
  });

  it("a grade legend (等级 | 优 | 良 | 中 | 差) is not a grade given", () => {
    const s = sheet("s", [
      ["总分", 72],
      ["评价等级", "优", "良", "中", "差"],
      ["分数区间", "90-100", "80-90", "60-80", "0-60"],
    ]);
    expect(recognizeWorkbook(workbook(s)).grades).toEqual([]);
  });
});

describe("group rows", () => {
  it("drops 一级/二级 subtotal rows written above their indicators", () => {
    const s = sheet("评分表", [
      ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"],
      ["决策", null, null, 20, null, 18],
      [null, "项目立项", null, 10, null, 9],
      [null, null, "立项依据充分性", 5, "…", 5],
      [null, null, "立项程序规范性", 5, "…", 4],
      [null, "绩效目标", "绩效目标合理性", 10, "…", 9],
      ["满意度", "服务对象满意度", null, 10, "…", 9],
    ]);
    const m = recognizeWorkbook(workbook(s));
    expect(m.indicators.map((r) => [r.level1, r.level2, r.level3, r.weight?.raw])).toEqual([
      ["决策", "项目立项", "立项依据充分性", 5],
      ["决策", "项目立项", "立项程序规范性", 5],
      ["决策", "绩效目标", "绩效目标合理性", 10],
      ["满意度", "服务对象满意度", "", 10],
    ]);
  });
});

describe("very long tables", () => {
  it("reads a 200,000-row indicator table (no argument-spread limits)", () => {
    const rows: (string | number)[][] = [["三级指标", "分值"]];
    for (let i = 0; i < 200_000; i++) rows.push([`指标${i % 100}`, 1]);
    const m = recognizeWorkbook(workbook(sheet("长表", rows)));
    expect(m.indicators).toHaveLength(200_000);
    expect(m.indicators[199_999].row).toBe(200_000);
  });
});

describe("a sentence in the first row's 偏差原因 cell is a value, not a second header row", () => {
  // 稷山县 2020 (shanxi-yuncheng-jishan-yibao-2020-jiandangpeitao, held out): the first indicator's reason
  // "建档立卡中有新增死亡人员,导致有偏差" holds the word 偏差; read as a sub-header it cost the table that row.
  it.each([
    ["a sentence with a comma", "建档立卡中有新增死亡人员,导致有偏差", 2],
    ["a header word in that cell would still be one (偏差原因)", "偏差原因", 1],
  ])("%s", (_n, reason, rows) => {
    const s = sheet("Sheet1", [
      [...HEAD, "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "全县参合人数", 8755, 8676, 15, 13, reason],
      ["产出指标", "质量指标", "资金是否全部纳入医保统筹", "100%", "100%", 15, 15, null],
    ]);
    expect(recognizeWorkbook(workbook(s)).tables[0]?.rows.length ?? 0).toBe(rows);
  });
});

describe("blank template rows inside a merged 一级/二级 column stay in the table", () => {
  // 鄂州 2021 (hubei-ezhou-xingzhengshenpi-2021-shiminzhongxin): the template's unused rows under each 二级 are
  // left empty, two and three in a row; the 成本 and 效益 rows below them were lost.
  it("rows after runs of blank rows under merged levels are read", () => {
    const s = sheet(
      "自评表",
      [
        [...HEAD],
        ["产出指标", "数量指标", "预算资金拨款率", "100%", "100%", 10, 10],
        [null, null, null, null, null, null, null],
        [null, "时效指标", null, null, null, null, null],
        [null, null, null, null, null, null, null],
        [null, null, null, null, null, null, null],
        [null, "成本指标", "市民中心运行维护费", "150万", "150万", 10, 10],
        [null, null, null, null, null, null, null],
        [null, null, null, null, null, null, null],
        ["效益指标", "经济效益指标", "大厅运行正常率", "100%", "100%", 10, 10],
      ],
      { merges: ["A2:A8", "B2:B3", "B4:B6", "B7:B8"] },
    );
    const rows = recognizeWorkbook(workbook(s))
      .tables[0].rows.map((r) => r.level3)
      .filter(Boolean);
    expect(rows).toEqual(["预算资金拨款率", "市民中心运行维护费", "大厅运行正常率"]);
  });
  it("without the merges, two blank rows still end the table", () => {
    const s = sheet("自评表", [
      [...HEAD],
      ["产出指标", "数量指标", "预算资金拨款率", "100%", "100%", 10, 10],
      [null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null],
      ["效益指标", "经济效益指标", "大厅运行正常率", "100%", "100%", 10, 10],
    ]);
    expect(recognizeWorkbook(workbook(s)).tables[0].rows.map((r) => r.level3)).toEqual(["预算资金拨款率"]);
  });
});
