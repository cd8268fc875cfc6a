import { call, num, op, ref, str } from "../formula";
import { colToLetters } from "../a1";
import {
  cat,
  finish,
  MENGHAI,
  runs,
  STANDARD_ROWS,
  titleRows,
  unitLabel,
  type IndicatorRow,
  type ResolvedOptions,
  valueText,
} from "./common";
import { NUMBER_FORMATS as F, SheetBuilder, type TemplateDefinition } from "./model";

/**
 * 项目支出绩效目标申报表: header fields, funds (年度资金总额 = 财政拨款 + 其他资金, a formula), 年度总体目标 and
 * the indicator table 一级/二级/三级/指标值/指标解释/备注 with the standard categories pre-listed.
 */

/** As the unit declared it (the seed): note the cost value differs from the self-assessment's. */
const EXAMPLE_ROWS: IndicatorRow[] = [
  {
    l1: "output",
    l2: "quantity",
    name: { zh: "城镇职工基本养老保险参保人数", en: "Insured urban employees" },
    target: "≥3.52万人",
    weight: 0,
    qualitative: false,
    explain: {
      zh: "含企业职工1.77万人、机关事业单位职工0.64万人",
      en: "Incl. 17.7k enterprise and 6.4k public-institution employees",
    },
  },
  {
    l1: "output",
    l2: "quantity",
    name: { zh: "企业职工参保人数", en: "Insured company employees" },
    target: "≥1.77万人",
    weight: 0,
    qualitative: false,
  },
  {
    l1: "output",
    l2: "quantity",
    name: { zh: "机关事业单位职工参保人数", en: "Insured public employees" },
    target: "≥0.64万人",
    weight: 0,
    qualitative: false,
  },
  {
    l1: "output",
    l2: "quality",
    name: { zh: "企业退休人员待遇资格认证率", en: "Retirees certified" },
    target: "=100%",
    weight: 0,
    qualitative: false,
  },
  {
    l1: "output",
    l2: "timeliness",
    name: { zh: "养老金按月足额发放率", en: "Pensions paid monthly in full" },
    target: "=100%",
    weight: 0,
    qualitative: false,
  },
  {
    l1: "output",
    l2: "cost",
    name: { zh: "成本指标", en: "Cost" },
    target: MENGHAI.costDeclared,
    weight: 0,
    qualitative: false,
    explain: { zh: "年度项目支出控制数", en: "Annual spending ceiling" },
  },
  {
    l1: "benefit",
    l2: "economic",
    name: { zh: "降低企业成本", en: "Lower employers' costs" },
    target: "≥1000万元",
    weight: 0,
    qualitative: false,
  },
  {
    l1: "benefit",
    l2: "social",
    name: { zh: "保障退休人员基本生活", en: "Basic living of retirees secured" },
    target: "效果明显",
    weight: 0,
    qualitative: true,
  },
  {
    l1: "benefit",
    l2: "ecological",
    name: { zh: "线上认证率（减少纸质材料与出行）", en: "Online certification" },
    target: "≥90%",
    weight: 0,
    qualitative: false,
  },
  {
    l1: "benefit",
    l2: "sustainable",
    name: { zh: "养老保险制度持续运行", en: "Pension system keeps running" },
    target: "长期",
    weight: 0,
    qualitative: true,
  },
  {
    l1: "satisfaction",
    l2: "beneficiary",
    name: { zh: "政策知晓率", en: "Policy awareness rate" },
    target: "≥90%",
    weight: 0,
    qualitative: false,
  },
];

export function declaration(o: ResolvedOptions): TemplateDefinition {
  const b = new SheetBuilder(o.lang);
  const t = b.t.bind(b);
  // A multi-year project's form adds 中期 (mid-term) targets beside the annual ones: one more column.
  const multi = o.multiYear;
  const L = multi ? "G" : "F";
  const title = titleRows(b, o, L, "项目支出绩效目标申报表", "Project Expenditure Performance Target Declaration");

  b.label("A3", t("项目名称", "Project"));
  b.userText(`B3:${L}3`, o.projectName, "ProjectName");
  b.label("A4", t("主管部门及代码", "Department (code)"));
  b.userText("B4:C4", o.department, "Department");
  b.label("D4", t("实施单位", "Implementer"));
  b.userText(`E4:${L}4`, o.implementer, "Implementer");
  b.label("A5", t("项目属性", "Project type"));
  b.input("B5:C5", o.example ? t("延续项目", "Continuing") : null);
  b.label("D5", t("项目期限（起止时间）", "Period (start–end)"));
  b.input(`E5:${L}5`, o.example ? t("2021年1月—2021年12月", "Jan 2021 – Dec 2021") : null);

  b.label("A6:A8", t(`项目资金（${unitLabel(b, o.moneyUnit)}）`, `Funds (${unitLabel(b, o.moneyUnit)})`));
  b.label("B6:C6", t("年度资金总额", "Total funds"));
  b.computed(
    "D6",
    call("IF", op("=", call("COUNT", ref("D7"), ref("D8")), num(0)), str(""), op("+", ref("D7"), ref("D8"))),
    F.money,
    "FundsTotal",
  );
  b.input(`E6:${L}6`);
  b.label("B7:C7", t("其中：财政拨款", "of which: appropriation"));
  b.input("D7", o.example ? 0 : null, F.money, "FundsFiscal");
  b.input(`E7:${L}7`);
  b.label("B8:C8", t("其他资金", "Other funds"));
  b.input("D8", o.example ? MENGHAI.budget : null, F.money, "FundsOther");
  b.input(`E8:${L}8`, o.example ? t("养老保险基金预算", "Pension fund budget") : null);

  const goal = o.example
    ? t(
        "1.保障规定范围内老年人完全或者基本退出社会劳动生涯后仍有足以满足基本生活需求的稳定可靠的经济来源。2.在职死亡和退休死亡人员丧葬抚恤费保障。3.在职人员养老保险关系转移接续。",
        "1. A stable and reliable income for the covered elderly after retirement. 2. Funeral and survivor benefits. 3. Transfer of employees' insurance relations.",
      )
    : null;
  let head: number;
  if (multi) {
    b.label("A9:A10", t("总体目标", "Overall goals"));
    b.header("B9:D9", t("中期目标", "Mid-term goal"));
    b.header(`E9:${L}9`, t("年度目标", "Annual goal"));
    b.put("B10:D10", { value: null, style: "text" });
    b.put(`E10:${L}10`, { value: goal, style: "text" });
    b.height(10, 60);
    head = 11;
  } else {
    b.label("A9", t("年度总体目标", "Annual overall goal"));
    b.put(`B9:${L}9`, { value: goal, style: "text" });
    b.height(9, 60);
    head = 10;
  }

  const headers: [string, string][] = [
    ["一级指标", "Level 1"],
    ["二级指标", "Level 2"],
    ["三级指标", "Level 3 indicator"],
    ...(multi ? ([["中期指标值", "Mid-term target"]] as [string, string][]) : []),
    [multi ? "年度指标值" : "指标值", multi ? "Annual target" : "Target value"],
    ["指标解释", "Explanation"],
    ["备注", "Remarks"],
  ];
  headers.forEach(([zh, en], i) => b.header(`${colToLetters(i)}${head}`, t(zh, en)));
  const rows = o.example ? EXAMPLE_ROWS : STANDARD_ROWS;
  const first = head + 1;
  for (const [start, len] of runs(rows, (r) => r.l1)) {
    const r0 = first + start;
    b.label(len > 1 ? `A${r0}:A${r0 + len - 1}` : `A${r0}`, cat(b, rows[start].l1));
  }
  for (const [start, len] of runs(rows, (r) => r.l2)) {
    const r0 = first + start;
    b.label(len > 1 ? `B${r0}:B${r0 + len - 1}` : `B${r0}`, cat(b, rows[start].l2));
  }
  const col = (name: "target" | "explain" | "remarks") =>
    colToLetters((multi ? 4 : 3) + (name === "target" ? 0 : name === "explain" ? 1 : 2));
  rows.forEach((row, i) => {
    const r = first + i;
    b.input(`C${r}`, row.name ? t(row.name.zh, row.name.en) : null);
    if (multi) b.input(`D${r}`, null);
    b.input(`${col("target")}${r}`, valueText(b, row.target));
    b.input(`${col("explain")}${r}`, row.explain ? t(row.explain.zh, row.explain.en) : null);
    b.input(`${col("remarks")}${r}`, null);
  });
  const note = first + rows.length;
  b.put(`A${note}:${L}${note}`, {
    value: t(
      "说明：定量指标的指标值写明方向、数值和单位，如“≥95%”“≤90万元”“≥50个”；定性指标写明预期效果。",
      "Note: quantitative targets give direction, number and unit (≥95%, ≤900,000 yuan, ≥50 units); qualitative ones the expected effect.",
    ),
    style: "note",
  });
  b.height(note, 30);
  // The lines bureaus print under the form: who fills it in, who signs, and when.
  const sign = note + 1;
  b.put(`A${sign}:C${sign}`, { value: t("填报单位（盖章）：", "Reporting unit (seal):"), style: "signLine" });
  b.put(`D${sign}:${L}${sign}`, { value: t("填报日期：　　年　　月　　日", "Date:"), style: "signLine" });
  b.put(`A${sign + 1}:B${sign + 1}`, { value: t("填报人：", "Prepared by:"), style: "signLine" });
  b.put(`C${sign + 1}`, { value: t("联系电话：", "Phone:"), style: "signLine" });
  b.put(`D${sign + 1}:${L}${sign + 1}`, { value: t("单位负责人：", "Head of unit:"), style: "signLine" });
  for (const r of [sign, sign + 1]) b.height(r, 24);

  return finish(
    b,
    o,
    "declaration",
    { zh: "申报表", en: "Declaration" },
    title,
    multi ? [10, 12, 20, 15, 15, 22, 11] : [10, 12, 24, 20, 26, 14],
    { orientation: "portrait", repeatRows: { from: head - 1, to: head - 1 } },
  );
}
