import { call, op, ref, str } from "../formula";
import { gradeOf } from "../standardFormulas";
import { finish, MENGHAI, type ResolvedOptions } from "./common";
import { NUMBER_FORMATS as F, SheetBuilder, type TemplateDefinition } from "./model";

/**
 * 绩效评价结果通知书, laid out as the seed's annex 1: 被评价单位 / 评价年度, 评价机构 / 评价时间,
 * 评价得分 / 评价结论 (the grade, computed from the score), then the three text blocks 主要绩效情况, 主要问题,
 * 整改建议, and the evaluator's seal.
 */
export function notice(o: ResolvedOptions): TemplateDefinition {
  const b = new SheetBuilder(o.lang);
  const t = b.t.bind(b);
  const title =
    (o.example ? t("【示例】", "[Example] ") : "") +
    t("财政支出项目绩效评价结果通知书", "Performance Evaluation Result Notice");
  b.put("A1:D1", { value: title, style: "title" });
  b.height(1, 30);
  b.put("A2:D2", { value: t("编号：", "No.:"), style: "sign" });

  b.label("A3", t("项目名称", "Project"));
  b.userText("B3:D3", o.projectName, "ProjectName");
  b.label("A4", t("被评价单位", "Evaluated unit"));
  b.userText("B4", o.implementer, "Implementer");
  b.label("C4", t("评价年度", "Year evaluated"));
  b.input("D4", o.year !== undefined ? t(`${o.year}年`, String(o.year)) : null);
  b.label("A5", t("评价机构", "Evaluator"));
  b.userText("B5", o.example ? t(MENGHAI.evaluator.zh, MENGHAI.evaluator.en) : o.department);
  b.label("C5", t("评价时间", "Evaluated in"));
  b.input("D5", o.example ? t("2022年10月至11月", "Oct–Nov 2022") : null);
  b.label("A6", t("评价得分", "Score"));
  b.input("B6", o.example ? 80.37 : null, F.score, "NoticeScore");
  b.label("C6", t("评价结论", "Conclusion"));
  b.grade("D6", call("IF", op("=", ref("B6"), str("")), str(""), gradeOf(ref("B6"), o.lang)), "NoticeGrade");

  const blocks: [string, string, string | null][] = [
    [
      "主要绩效情况",
      "Main results",
      o.example
        ? t(
            "1.2021年州级下达城镇职工基本养老保险目标任务数为35200人，全县养老保险参保人数35452人，完成比例100.72%。其中：企业在职基本养老保险参保17769人，完成任务数17700人的100.39%；机关事业单位在职参保6394人，完成任务数6400人的99.91%。\n2.企业退休人员应认证人数7846人，已认证人数7845人，认证率99.99%。",
            "1. Target 35,200 insured; 35,452 insured (100.72%). Enterprise employees 17,769 of 17,700 (100.39%); public institutions 6,394 of 6,400 (99.91%).\n2. Enterprise retirees certified: 7,845 of 7,846 (99.99%).",
          )
        : null,
    ],
    [
      "主要问题",
      "Main problems",
      o.example
        ? t(
            "1.绩效目标设立笼统、未量化。\n2.项目指标设立不完整：“成本指标”申报时为≤628,678,956.50元，考核时为≤628,278,103.22元，指标数据前后不一。\n3.政策知晓率偏低：有效问卷141份，知晓率86.88%。",
            "1. Vague, unquantified targets.\n2. Incomplete indicators; the cost indicator was ≤628,678,956.50 yuan when declared and ≤628,278,103.22 yuan at assessment.\n3. Low policy awareness: 141 valid questionnaires, 86.88%.",
          )
        : null,
    ],
    [
      "整改建议",
      "Recommendations",
      o.example
        ? t(
            "1.加强绩效管理，设置全面、清晰、量化可考核的指标。\n2.加强政策宣传，提高养老保险覆盖率。\n3.严格档案资料管理。",
            "1. Set complete, clear, quantified indicators.\n2. More policy publicity.\n3. Keep proper archives.",
          )
        : null,
    ],
  ];
  blocks.forEach(([zh, en, text], i) => {
    const r = 7 + i;
    b.label(`A${r}`, t(zh, en));
    b.put(`B${r}:D${r}`, { value: text, style: "text" });
    b.height(r, 150);
  });
  b.put("A10:D10", { value: t("评价机构（章）", "Evaluator (seal)"), style: "sign" });
  b.put("A11:D11", { value: t("年　　月　　日", "Date: ____"), style: "sign" });

  return finish(b, o, "notice", { zh: "结果通知书", en: "Result notice" }, title, [14, 30, 14, 26], {
    orientation: "portrait",
  });
}
