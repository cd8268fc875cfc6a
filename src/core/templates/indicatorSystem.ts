import { call, num, op, range, ref, str } from "../formula";
import { colToLetters } from "../a1";
import { finish, runs, sumOrBlank, titleRows, type ResolvedOptions } from "./common";
import { gradeOf } from "../standardFormulas";
import { NUMBER_FORMATS as F, SheetBuilder, type TemplateDefinition } from "./model";

/**
 * 绩效评价指标体系及评分表 (财预〔2020〕10号): the 决策/过程/产出/效益 tree with default weights 15/15/40/30
 * (产出 + 效益 = 70 ≥ 60, total 100), 指标解释, 评分标准, 得分, 扣分原因, total and grade. Weights are inputs:
 * the 产出+效益 row recomputes and says when they drop below 60.
 */
type B = { zh: string; en: string };
interface Node {
  l1: B;
  l2: B;
  l3: B;
  weight: number;
  explain: B;
  criteria: B;
}

const L1 = {
  decision: { zh: "决策", en: "Decision" },
  process: { zh: "过程", en: "Process" },
  output: { zh: "产出", en: "Output" },
  benefit: { zh: "效益", en: "Benefit" },
};

const n = (l1: B, l2: B, l3: B, weight: number, explain: B, criteria: B): Node => ({
  l1,
  l2,
  l3,
  weight,
  explain,
  criteria,
});
const b2 = (zh: string, en: string): B => ({ zh, en });

const INDICATOR_TREE: Node[] = [
  n(
    L1.decision,
    b2("项目立项", "Approval"),
    b2("立项依据充分性", "Sound basis"),
    3,
    b2("项目立项是否符合法律法规、相关政策和发展规划", "Follows laws, policies and plans"),
    b2("依据充分得满分，每缺一项扣1分", "Full marks if sound; −1 per gap"),
  ),
  n(
    L1.decision,
    b2("项目立项", "Approval"),
    b2("立项程序规范性", "Proper procedure"),
    2,
    b2("是否按规定程序申请设立，审批文件是否齐全", "Duly approved, papers complete"),
    b2("程序规范得满分，否则酌情扣分", "Full if proper; otherwise deduct"),
  ),
  n(
    L1.decision,
    b2("绩效目标", "Targets"),
    b2("绩效目标合理性", "Reasonable targets"),
    3,
    b2("绩效目标是否与项目内容、预算相匹配", "Targets match the project and budget"),
    b2("合理得满分，目标笼统扣1–3分", "Full if reasonable; vague −1 to −3"),
  ),
  n(
    L1.decision,
    b2("绩效目标", "Targets"),
    b2("绩效指标明确性", "Clear indicators"),
    2,
    b2("指标是否细化、量化、可衡量", "Detailed, quantified, measurable"),
    b2("未量化每项扣0.5分", "−0.5 per unquantified indicator"),
  ),
  n(
    L1.decision,
    b2("资金投入", "Funding"),
    b2("预算编制科学性", "Sound budgeting"),
    3,
    b2("预算编制是否经过论证，测算依据是否充分", "Budget reasoned and supported"),
    b2("科学合理得满分，否则酌情扣分", "Full if sound; otherwise deduct"),
  ),
  n(
    L1.decision,
    b2("资金投入", "Funding"),
    b2("资金分配合理性", "Fair allocation"),
    2,
    b2("资金分配依据是否充分、额度是否合理", "Allocation justified and sized right"),
    b2("合理得满分，否则酌情扣分", "Full if fair; otherwise deduct"),
  ),
  n(
    L1.process,
    b2("资金管理", "Funds management"),
    b2("资金到位率", "Funds arrival rate"),
    3,
    b2("实际到位资金/预算资金×100%", "Funds received / budget × 100%"),
    b2("得分=资金到位率×分值", "Score = arrival rate × weight"),
  ),
  n(
    L1.process,
    b2("资金管理", "Funds management"),
    b2("预算执行率", "Budget execution rate"),
    3,
    b2("实际支出资金/实际到位资金×100%", "Spending / funds received × 100%"),
    b2("得分=预算执行率×分值", "Score = execution rate × weight"),
  ),
  n(
    L1.process,
    b2("资金管理", "Funds management"),
    b2("资金使用合规性", "Compliant use"),
    3,
    b2("资金使用是否符合财经法规和资金管理办法", "Spending follows financial rules"),
    b2("合规得满分，发现违规不得分", "Full if compliant; 0 on a violation"),
  ),
  n(
    L1.process,
    b2("组织实施", "Implementation"),
    b2("管理制度健全性", "Rules in place"),
    3,
    b2("业务、财务管理制度是否健全", "Business and financial rules complete"),
    b2("健全得满分，否则酌情扣分", "Full if complete; otherwise deduct"),
  ),
  n(
    L1.process,
    b2("组织实施", "Implementation"),
    b2("制度执行有效性", "Rules followed"),
    3,
    b2("是否按制度执行，档案资料是否齐全", "Rules followed, records filed"),
    b2("有效得满分，每发现一项问题扣1分", "Full if effective; −1 per issue"),
  ),
  n(
    L1.output,
    b2("产出数量", "Quantity"),
    b2("实际完成率", "Completion rate"),
    10,
    b2("实际产出数/计划产出数×100%", "Actual output / planned output × 100%"),
    b2("得分=完成率×分值，最高不超过分值", "Score = rate × weight, capped"),
  ),
  n(
    L1.output,
    b2("产出质量", "Quality"),
    b2("质量达标率", "Quality pass rate"),
    10,
    b2("质量达标产出数/实际产出数×100%", "Up-to-standard / actual outputs × 100%"),
    b2("得分=达标率×分值", "Score = pass rate × weight"),
  ),
  n(
    L1.output,
    b2("产出时效", "Timeliness"),
    b2("完成及时性", "On time"),
    10,
    b2("是否在计划时间内完成", "Finished within the planned time"),
    b2("按时完成得满分，延期酌情扣分", "Full if on time; otherwise deduct"),
  ),
  n(
    L1.output,
    b2("产出成本", "Cost"),
    b2("成本节约率", "Cost saving rate"),
    10,
    b2("（计划成本−实际成本）/计划成本×100%", "(Planned − actual) / planned × 100%"),
    b2("未超支得满分，超支酌情扣分", "Full if within cost; otherwise deduct"),
  ),
  n(
    L1.benefit,
    b2("项目效益", "Effects"),
    b2("经济效益", "Economic benefit"),
    5,
    b2("项目实施带来的直接或间接经济效益", "Direct or indirect economic effect"),
    b2("达成得80–100%，部分达成60–80%，未达成0–60%", "Met 80–100%, partly 60–80%, no 0–60%"),
  ),
  n(
    L1.benefit,
    b2("项目效益", "Effects"),
    b2("社会效益", "Social benefit"),
    8,
    b2("项目实施对社会发展的影响", "Effect on society"),
    b2("达成得80–100%，部分达成60–80%，未达成0–60%", "Met 80–100%, partly 60–80%, no 0–60%"),
  ),
  n(
    L1.benefit,
    b2("项目效益", "Effects"),
    b2("生态效益", "Ecological benefit"),
    4,
    b2("项目实施对生态环境的影响", "Effect on the environment"),
    b2("达成得80–100%，部分达成60–80%，未达成0–60%", "Met 80–100%, partly 60–80%, no 0–60%"),
  ),
  n(
    L1.benefit,
    b2("项目效益", "Effects"),
    b2("可持续影响", "Sustainable impact"),
    5,
    b2("项目后续运行及成效发挥的可持续性", "Will the effects last"),
    b2("达成得80–100%，部分达成60–80%，未达成0–60%", "Met 80–100%, partly 60–80%, no 0–60%"),
  ),
  n(
    L1.benefit,
    b2("满意度", "Satisfaction"),
    b2("服务对象满意度", "Beneficiary satisfaction"),
    8,
    b2("服务对象对项目实施效果的满意程度（问卷调查）", "Beneficiaries' satisfaction (survey)"),
    b2("得分=满意度×分值", "Score = satisfaction × weight"),
  ),
];

/**
 * The example's scores (得分, 扣分原因) by 三级指标. The seed publishes only the total 80.37 (良), not its
 * breakdown: these per-indicator scores are illustrative, chosen to total 80.37 with the seed's own rates where
 * an indicator is scored by one (资金到位率 3 × 97.34 %, 预算执行率 3 × 99.68 %, 满意度 8 × 86.88 %, 线上认证率
 * 4 × 98 %, 实际完成率 10 × 99.91 %) and the seed's problems as the deduction reasons.
 */
const EXAMPLE_SCORES: Record<string, { score: number; deduction?: B }> = {
  // Reasons kept to one printed line of the 扣分原因 column, so the example still prints on one A4 page at 9 pt
  // or more; the notice drafted from it states each problem in full from the findings and these words.
  立项依据充分性: { score: 3 },
  立项程序规范性: { score: 2 },
  绩效目标合理性: { score: 1, deduction: b2("目标笼统、未量化", "Vague goal") },
  绩效指标明确性: { score: 1, deduction: b2("成本指标前后不一", "Cost moved") },
  预算编制科学性: { score: 3 },
  资金分配合理性: { score: 2 },
  资金到位率: { score: 2.92 },
  预算执行率: { score: 2.99 },
  资金使用合规性: { score: 1, deduction: b2("存在多领养老金", "Overpaid") },
  管理制度健全性: { score: 3 },
  制度执行有效性: { score: 1, deduction: b2("业务档案未归档", "Unfiled") },
  实际完成率: { score: 9.99 },
  质量达标率: { score: 8, deduction: b2("欠费数据不准确", "Arrears off") },
  完成及时性: { score: 6, deduction: b2("扩面未按计划", "Late drive") },
  成本节约率: { score: 10 },
  经济效益: { score: 4 },
  社会效益: { score: 5.6 },
  生态效益: { score: 3.92 },
  可持续影响: { score: 3, deduction: b2("依赖上级疑点数据", "Leads only") },
  服务对象满意度: { score: 6.95, deduction: b2("知晓率86.88%偏低", "Low aware") },
};

export function indicatorSystem(o: ResolvedOptions): TemplateDefinition {
  const b = new SheetBuilder(o.lang);
  const t = b.t.bind(b);
  const pick = (x: B) => t(x.zh, x.en);
  const title = titleRows(
    b,
    o,
    "H",
    "绩效评价指标体系及评分表",
    "Performance Evaluation Indicator System and Scoring Sheet",
  );

  b.label("A3", t("项目名称", "Project"));
  b.userText("B3:H3", o.projectName, "ProjectName");
  b.label("A4", t("主管部门", "Department"));
  b.userText("B4:D4", o.department, "Department");
  b.label("E4", t("实施单位", "Implementer"));
  b.userText("F4:H4", o.implementer, "Implementer");

  const head = 5;
  const headers: [string, string][] = [
    ["一级指标", "Level 1"],
    ["二级指标", "Level 2"],
    ["三级指标", "Level 3"],
    ["分值", "Weight"],
    ["指标解释", "Explanation"],
    ["评分标准", "Scoring rule"],
    ["得分", "Score"],
    ["扣分原因", "Reason for deductions"],
  ];
  headers.forEach(([zh, en], i) => b.header(`${colToLetters(i)}${head}`, t(zh, en)));

  const first = head + 1;
  const last = first + INDICATOR_TREE.length - 1;
  for (const [start, len] of runs(INDICATOR_TREE, (x) => x.l1.zh)) {
    const r0 = first + start;
    b.label(len > 1 ? `A${r0}:A${r0 + len - 1}` : `A${r0}`, pick(INDICATOR_TREE[start].l1));
  }
  for (const [start, len] of runs(INDICATOR_TREE, (x) => x.l1.zh + x.l2.zh)) {
    const r0 = first + start;
    b.label(len > 1 ? `B${r0}:B${r0 + len - 1}` : `B${r0}`, pick(INDICATOR_TREE[start].l2));
  }
  INDICATOR_TREE.forEach((x, i) => {
    const r = first + i;
    b.put(`C${r}`, { value: pick(x.l3), style: "label" });
    b.input(`D${r}`, x.weight, F.weight);
    b.put(`E${r}`, { value: pick(x.explain), style: "text" });
    b.put(`F${r}`, { value: pick(x.criteria), style: "text" });
    const ex = o.example ? EXAMPLE_SCORES[x.l3.zh] : undefined;
    b.input(`G${r}`, ex ? ex.score : null, F.score);
    b.input(`H${r}`, ex?.deduction ? pick(ex.deduction) : null);
  });

  const total = last + 1;
  b.label(`A${total}:C${total}`, t("合计", "Total"));
  b.computed(`D${total}`, call("SUM", range(`D${first}:D${last}`)), F.weight, "TotalWeight");
  b.put(`E${total}:F${total}`, { value: null, style: "label" });
  const scores = range(`G${first}:G${last}`);
  b.computed(`G${total}`, sumOrBlank(scores), F.score, "TotalScore");
  b.put(`H${total}`, { value: null, style: "input" });

  const grade = total + 1;
  b.label(`A${grade}:F${grade}`, t("评价等级", "Grade"));
  b.grade(
    `G${grade}`,
    call("IF", op("=", ref(`G${total}`), str("")), str(""), gradeOf(ref(`G${total}`), o.lang)),
    "Grade",
  );
  b.put(`H${grade}`, { value: null, style: "input" });

  // 产出 + 效益 must carry at least 60 of the 100 points (财预〔2020〕10号).
  const rowsOf = (l1: B) => INDICATOR_TREE.map((x, i) => (x.l1 === l1 ? first + i : -1)).filter((r) => r >= 0);
  const out = rowsOf(L1.output);
  const ben = rowsOf(L1.benefit);
  const check = grade + 1;
  b.label(`A${check}:C${check}`, t("产出+效益分值", "Output + benefit weight"));
  b.computed(
    `D${check}`,
    call("SUM", range(`D${out[0]}:D${out[out.length - 1]}`), range(`D${ben[0]}:D${ben[ben.length - 1]}`)),
    F.weight,
    "OutputBenefitWeight",
  );
  b.computed(
    `E${check}:H${check}`,
    call(
      "IF",
      op("<", ref(`D${check}`), num(60)),
      str(
        t(
          "产出和效益分值合计应不低于60分，请调整分值",
          "Output + benefit should carry at least 60 points: adjust the weights",
        ),
      ),
      call(
        "IF",
        op("<>", ref(`D${total}`), num(100)),
        str(t("分值合计应为100分", "Weights should total 100")),
        str(t("分值设置符合要求", "Weights OK")),
      ),
    ),
    "General",
  );
  b.cells[b.cells.length - 1].style = "text";
  if (o.example) {
    b.put(`A${check + 1}:H${check + 1}`, {
      value: t(
        "示例说明：原通知书只公布评价分值80.37分（良），未列各项得分；上表各项得分为示意，按原文的到位率、执行率、知晓率等数据和所列问题拟定。",
        "Example: the seed notice publishes only the total 80.37 (Good); these per-indicator scores are illustrative, built from its rates and problems.",
      ),
      style: "note",
    });
    // One line across the whole form: every point of height here is taken from the print scale.
    b.height(check + 1, 17);
  }

  return finish(
    b,
    o,
    "indicator-system",
    { zh: "指标体系", en: "Indicator system" },
    title,
    // A4 landscape at ≥ 86 %: the explanation and criteria columns take the width so rows stay one line.
    // English labels are longer, explanations shorter.
    o.lang === "zh-CN" ? [6, 10, 16, 5, 50, 48, 7, 18] : [9, 16, 25, 5, 42, 42, 7, 14],
    {
      orientation: "landscape",
      repeatRows: { from: head - 1, to: head - 1 },
    },
  );
}
