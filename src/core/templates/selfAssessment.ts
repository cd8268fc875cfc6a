import { call, op, range, ref, str, num, type Expr } from "../formula";
import { toA1, colToLetters } from "../a1";
import { parseValue } from "../value";
import { execScoreOf, gradeOf, rateOf } from "../standardFormulas";
import {
  cat,
  finish,
  MENGHAI,
  runs,
  sumOrBlank,
  standardRows,
  titleRows,
  unitLabel,
  type IndicatorRow,
  type ResolvedOptions,
  valueText,
} from "./common";
import { NUMBER_FORMATS as F, SheetBuilder, type TemplateDefinition } from "./model";
import { NATIONAL_PROFILE } from "../profile";

/**
 * 项目支出绩效自评表 (财预〔2020〕10号 annex): funds block with 执行率/得分, 年度总体目标, indicator table with
 * 产出 50 / 效益 30 / 满意度 10 and 预算执行率 10 in the funds block, 总分 and 等级.
 */

/** The example's indicator rows: the seed's real figures, with targets as the seed states them. */
const EXAMPLE_ROWS: IndicatorRow[] = [
  {
    l1: "output",
    l2: "quantity",
    name: { zh: "城镇职工基本养老保险参保人数", en: "Insured urban employees" },
    target: "≥3.52万人",
    actual: 35452,
    weight: 10,
    qualitative: false,
  },
  {
    l1: "output",
    l2: "quantity",
    name: { zh: "企业职工参保人数", en: "Insured company employees" },
    target: "≥17700人",
    actual: 17769,
    weight: 5,
    qualitative: false,
  },
  {
    l1: "output",
    l2: "quantity",
    name: { zh: "机关事业单位职工参保人数", en: "Insured public employees" },
    target: "≥6400人",
    actual: 6394,
    weight: 5,
    qualitative: false,
    deviation: { zh: "少6人，加强参保扩面", en: "6 short; widen coverage" },
  },
  {
    l1: "output",
    l2: "quality",
    name: { zh: "企业退休人员待遇资格认证率", en: "Retirees certified" },
    target: "=100%",
    actual: "7845/7846",
    weight: 5,
    qualitative: false,
    deviation: { zh: "1人未认证", en: "1 retiree not certified" },
  },
  {
    l1: "output",
    l2: "quality",
    name: { zh: "资金到位率", en: "Funds arrival rate" },
    target: "≥95%",
    actual: "ARRIVAL",
    weight: 5,
    qualitative: false,
  },
  {
    l1: "output",
    l2: "timeliness",
    name: { zh: "养老金按月足额发放率", en: "Pensions paid monthly in full" },
    target: "=100%",
    actual: 1,
    weight: 10,
    qualitative: false,
  },
  {
    l1: "output",
    l2: "cost",
    name: { zh: "成本指标", en: "Cost" },
    target: MENGHAI.costAssessed,
    actual: 610014600,
    weight: 10,
    qualitative: false,
  },
  {
    l1: "benefit",
    l2: "economic",
    name: { zh: "降低企业成本", en: "Lower employers' costs" },
    target: "≥1000万元",
    actual: "1618.27万元",
    weight: 5,
    qualitative: false,
  },
  {
    l1: "benefit",
    l2: "social",
    name: { zh: "保障退休人员基本生活", en: "Basic living of retirees secured" },
    target: "效果明显",
    actual: "达成",
    weight: 10,
    qualitative: true,
  },
  {
    l1: "benefit",
    l2: "ecological",
    name: { zh: "线上认证率（减少纸质材料与出行）", en: "Online certification" },
    target: "≥90%",
    actual: 0.98,
    weight: 5,
    qualitative: false,
  },
  {
    l1: "benefit",
    l2: "sustainable",
    name: { zh: "养老保险制度持续运行", en: "Pension system keeps running" },
    target: "长期",
    actual: "部分达成",
    weight: 10,
    qualitative: true,
    deviation: { zh: "档案未完成归档", en: "Archives not filed" },
  },
  {
    l1: "satisfaction",
    l2: "beneficiary",
    name: { zh: "政策知晓率", en: "Policy awareness rate" },
    target: "≥90%",
    actual: 0.8688,
    weight: 10,
    qualitative: false,
    deviation: { zh: "宣传不足，知晓率86.88%", en: "86.88%: more publicity" },
  },
];

export function selfAssessment(o: ResolvedOptions): TemplateDefinition {
  const b = new SheetBuilder(o.lang);
  const t = b.t.bind(b);
  const title = titleRows(b, o, "I", "项目支出绩效自评表", "Project Expenditure Performance Self-Assessment");

  b.label("A3", t("项目名称", "Project"));
  b.userText("B3:I3", o.projectName, "ProjectName");
  b.label("A4", t("主管部门", "Department"));
  b.userText("B4:D4", o.department, "Department");
  b.label("E4", t("实施单位", "Implementer"));
  b.userText("F4:I4", o.implementer, "Implementer");

  // Funds block, rows 5–9.
  b.label("A5:A9", t(`项目资金（${unitLabel(b, o.moneyUnit)}）`, `Funds (${unitLabel(b, o.moneyUnit)})`));
  b.header("B5", t("资金来源", "Source"));
  b.header("C5", t("年初预算数", "Initial budget"));
  b.header("D5", t("全年预算数（A）", "Annual budget (A)"));
  b.header("E5", t("全年执行数（B）", "Spent (B)"));
  b.header("F5", t("分值", "Weight"));
  b.header("G5", t("执行率（B/A）", "Rate (B/A)"));
  b.header("H5:I5", t("得分", "Score"));
  b.label("B6", t("年度资金总额", "Total funds"));
  for (const c of ["C", "D", "E"])
    b.computed(
      `${c}6`,
      sumOrBlank(range(`${c}7:${c}9`)),
      F.money,
      c === "D" ? "FundsBudget" : c === "E" ? "FundsSpent" : undefined,
    );
  // The example keeps the seed's 10; a blank form starts from the profile's 预算执行 points.
  b.input("F6", o.example ? 10 : (o.weights ?? NATIONAL_PROFILE.weights).budgetExecution, F.weight, "ExecWeight");
  b.computed(
    "G6",
    call(
      "IF",
      call("OR", op("=", ref("D6"), str("")), op("=", ref("E6"), str("")), op("=", ref("D6"), num(0))),
      str(""),
      rateOf(ref("E6"), ref("D6")),
    ),
    F.rate,
    "ExecRate",
  );
  b.computed(
    "H6:I6",
    call("IF", op("=", ref("G6"), str("")), str(""), execScoreOf(ref("G6"), ref("F6"))),
    F.score,
    "ExecScore",
  );
  const sources: [string, string][] = [
    ["其中：本年财政拨款", "appropriation"],
    ["上年结转资金", "carried over"],
    ["其他资金", "other funds"],
  ];
  sources.forEach(([zh, en], i) => {
    const r = 7 + i;
    b.label(`B${r}`, t(zh, en));
    for (const c of ["C", "D", "E"]) b.input(`${c}${r}`, null, F.money);
    for (const c of ["F", "G", "H:I"])
      b.put(c.includes(":") ? `H${r}:I${r}` : `${c}${r}`, { value: "—", style: "label" });
  });
  if (o.example) {
    // The seed's money sits in the pension fund, not the general budget: 其他资金. 全年预算数 is the adjusted
    // budget (funds received), so 执行率 = 61001.46 / 61196.81 = 99.68 % as the seed states.
    setValue(b, "C9", MENGHAI.budget);
    setValue(b, "D9", MENGHAI.arrived);
    setValue(b, "E9", MENGHAI.spent);
  }

  // 年度总体目标, rows 10–11.
  b.label("A10:A11", t("年度总体目标", "Annual overall goal"));
  b.header("B10:E10", t("预期目标", "Expected"));
  b.header("F10:I10", t("实际完成情况", "Achieved"));
  b.put("B11:E11", {
    value: o.example
      ? t(
          "1.保障规定范围内老年人基本生活的稳定可靠的经济来源；2.在职死亡和退休死亡人员丧葬抚恤费保障；3.在职人员养老保险关系转移接续。",
          "1. A stable income for the elderly covered; 2. funeral and survivor benefits; 3. transfer of insurance relations.",
        )
      : null,
    style: "text",
  });
  b.put("F11:I11", {
    value: o.example
      ? t(
          "全县养老保险参保人数35452人，完成州级下达任务35200人的100.72%；企业退休人员认证率99.99%。",
          "35,452 insured (100.72% of the 35,200 target); retiree certification 99.99%.",
        )
      : null,
    style: "text",
  });
  b.height(11, 60);

  // Indicator table from row 12.
  const head = 12;
  const headers: [string, string][] = [
    ["一级指标", "Level 1"],
    ["二级指标", "Level 2"],
    ["三级指标", "Level 3 indicator"],
    ["年度指标值（A）", "Annual target (A)"],
    ["实际完成值（B）", "Actual (B)"],
    ["分值", "Weight"],
    ["得分", "Score"],
    ["偏差原因分析及改进措施", "Deviation and remedy"],
  ];
  // The national form's left label column: 绩效指标 beside the whole indicator table.
  headers.forEach(([zh, en], i) => b.header(`${colToLetters(i + 1)}${head}`, t(zh, en)));
  b.height(head, 30);

  const rows = o.example ? EXAMPLE_ROWS : standardRows(o.weights);
  const first = head + 1;
  const last = first + rows.length - 1;
  for (const [start, len] of runs(rows, (r) => r.l1)) {
    const r0 = first + start;
    b.label(len > 1 ? `B${r0}:B${r0 + len - 1}` : `B${r0}`, cat(b, rows[start].l1));
  }
  for (const [start, len] of runs(rows, (r) => r.l2)) {
    const r0 = first + start;
    b.label(len > 1 ? `C${r0}:C${r0 + len - 1}` : `C${r0}`, cat(b, rows[start].l2));
  }
  rows.forEach((row, i) => {
    const r = first + i;
    b.input(`D${r}`, row.name ? t(row.name.zh, row.name.en) : null);
    b.input(`E${r}`, valueText(b, row.target));
    if (row.actual === "ARRIVAL") {
      // 到位率 from the funds block: 全年预算数（到位）/ 年初预算数 = 61196.81 / 62867.90 = 97.34 %.
      b.put(`F${r}`, { formula: rateOf(ref("D9"), ref("C9")), style: "computed", numFmt: F.rate });
    } else if (typeof row.actual === "string" && /^\d+\/\d+$/.test(row.actual)) {
      const [n, d] = row.actual.split("/").map(Number);
      b.put(`F${r}`, { formula: op("/", num(n), num(d)), style: "computed", numFmt: F.rate });
    } else {
      // A percent target (=100%) takes a percent actual even when the actual is exactly 1.
      const percent = typeof row.actual === "number" && (row.actual < 1 || parseValue(row.target ?? "").percent);
      const fmt =
        typeof row.actual !== "number" ? undefined : percent ? F.rate : row.actual > 1e6 ? "#,##0" : undefined;
      b.input(`F${r}`, valueText(b, row.actual), fmt);
    }
    b.input(`G${r}`, row.weight, F.weight);
    const score: Expr = row.qualitative
      ? call("EVAL.QUALSCORE", ref(`F${r}`), ref(`G${r}`))
      : call("EVAL.SCORE", ref(`E${r}`), ref(`F${r}`), ref(`G${r}`));
    b.computed(`H${r}`, call("IF", op("=", ref(`F${r}`), str("")), str(""), score), F.score);
    b.input(`I${r}`, row.deviation ? t(row.deviation.zh, row.deviation.en) : null);
  });

  const total = last + 1;
  b.label(`A${head}:A${last}`, t("绩效指标", "Performance indicators"));
  const scored = [ref("H6"), range(`H${first}:H${last}`)];
  b.label(`A${total}:F${total}`, t("总分", "Total"));
  b.computed(`G${total}`, call("SUM", ref("F6"), range(`G${first}:G${last}`)), F.weight, "TotalWeight");
  b.computed(`H${total}`, sumOrBlank(...scored), F.score, "TotalScore");
  b.put(`I${total}`, { value: null, style: "input" });
  const grade = total + 1;
  b.label(`A${grade}:F${grade}`, t("自评等级", "Grade"));
  b.put(`G${grade}`, { value: null, style: "label" });
  b.grade(
    `H${grade}`,
    call("IF", op("=", ref(`H${total}`), str("")), str(""), gradeOf(ref(`H${total}`), o.lang)),
    "Grade",
  );
  b.put(`I${grade}`, { value: null, style: "input" });
  b.put(`A${grade + 1}:I${grade + 1}`, {
    value: t(
      "说明：定性指标的实际完成值填写“达成”“部分达成”或“未达成”；定量指标按“指标值（A）”的方向计分，得分不超过分值。等级：90分及以上为优，80–90分为良，60–80分为中，60分以下为差。",
      "Note: qualitative rows take Achieved, Partly achieved or Not achieved; quantitative rows are scored in the target's direction. Grades: ≥90 Excellent, 80–90 Good, 60–80 Fair, <60 Poor.",
    ),
    style: "note",
  });
  b.height(grade + 1, 30);

  return finish(
    b,
    o,
    "self-assessment",
    { zh: "自评表", en: "Self-assessment" },
    title,
    // A4 portrait at ≥ 86 %: 9 columns, 105 characters (money in C–E wide enough for 元 amounts).
    [9, 10, 12, 19, 13, 12, 8, 8, 14],
    {
      orientation: "portrait",
      repeatRows: { from: head - 1, to: head - 1 },
    },
  );
}

/** Replace the value of an already placed input cell (the example fills the blank form's boxes). */
function setValue(b: SheetBuilder, a1: string, value: number | string): void {
  const cell = b.cells.find((c) => toA1(c.row, c.col) === a1);
  if (!cell) throw new Error(`template: no cell at ${a1}`);
  cell.value = value;
}
