import { call, num, op, range, ref, str } from "../formula";
import { colToLetters } from "../a1";
import { finish, sumOrBlank, titleRows, type ResolvedOptions } from "./common";
import { satisfactionOf } from "../standardFormulas";
import { NUMBER_FORMATS as F, SheetBuilder, type TemplateDefinition } from "./model";

/**
 * 满意度/知晓度调查统计表: levels, counts, weights, share, weighted rate (EVAL.SATISFACTION) and the valid
 * total. Blank: the common 5-level scale 1/0.8/0.6/0.3/0. Example: the seed's awareness survey, 4 levels with
 * 1/0.85/0.6/0 (69/46/24/2 of 141 → 86.88 %).
 */
const FIVE: [string, string, number][] = [
  ["非常满意", "Very satisfied", 1],
  ["满意", "Satisfied", 0.8],
  ["基本满意", "Fairly satisfied", 0.6],
  ["不满意", "Dissatisfied", 0.3],
  ["非常不满意", "Very dissatisfied", 0],
];
const SEED: [string, string, number, number][] = [
  ["非常了解", "Know it well", 1, 69],
  ["比较了解", "Know it fairly well", 0.85, 46],
  ["了解一点", "Know a little", 0.6, 24],
  ["不了解", "Do not know", 0, 2],
];

export function survey(o: ResolvedOptions): TemplateDefinition {
  const b = new SheetBuilder(o.lang);
  const t = b.t.bind(b);
  const title = titleRows(
    b,
    o,
    "F",
    o.example ? "政策知晓度调查统计表" : "满意度调查统计表",
    o.example ? "Policy Awareness Survey Tally" : "Satisfaction Survey Tally",
  );

  b.label("A3", t("项目名称", "Project"));
  b.userText("B3:F3", o.projectName, "ProjectName");
  b.label("A4", t("调查内容", "Survey topic"));
  b.input(
    "B4:F4",
    o.example ? t("城镇职工基本养老保险政策知晓情况", "Awareness of the urban employees' pension policy") : null,
  );

  const levels = o.example
    ? SEED.map(([zh, en, w, c]) => ({ zh, en, w, c: c as number | null }))
    : FIVE.map(([zh, en, w]) => ({ zh, en, w, c: null as number | null }));
  const head = 6;
  const first = head + 1;
  const last = first + levels.length - 1;
  const total = last + 1;

  b.label("A5", t("发放问卷数", "Issued"));
  b.input("B5", o.example ? 141 : null, F.count, "SurveyIssued");
  b.label("C5", t("有效问卷数", "Valid"));
  b.computed("D5", ref(`C${total}`), F.count, "SurveyValid");
  b.label("E5", t("调查时间", "Surveyed on"));
  b.input("F5", o.example ? t("2022年10月", "Oct 2022") : null);

  const headers: [string, string][] = [
    ["序号", "No."],
    ["选项（等级）", "Level"],
    ["份数", "Count"],
    ["权重", "Weight"],
    ["占比", "Share"],
    ["加权份数", "Weighted count"],
  ];
  headers.forEach(([zh, en], i) => b.header(`${colToLetters(i)}${head}`, t(zh, en)));
  // No valid questionnaire yet (blank or 0): shares and rates stay empty instead of #DIV/0!.
  const noValid = call("OR", op("=", ref(`C${total}`), str("")), op("=", ref(`C${total}`), num(0)));
  levels.forEach((lv, i) => {
    const r = first + i;
    b.put(`A${r}`, { value: i + 1, style: "label" });
    b.input(`B${r}`, t(lv.zh, lv.en));
    b.input(`C${r}`, lv.c, F.count);
    b.input(`D${r}`, lv.w, "0.00");
    b.computed(`E${r}`, call("IF", noValid, str(""), op("/", ref(`C${r}`), ref(`C${total}`))), F.rate);
    b.computed(
      `F${r}`,
      call("IF", op("=", ref(`C${r}`), str("")), str(""), op("*", ref(`C${r}`), ref(`D${r}`))),
      "0.00",
    );
  });
  b.label(`A${total}:B${total}`, t("合计（有效问卷数）", "Total (valid questionnaires)"));
  b.computed(`C${total}`, sumOrBlank(range(`C${first}:C${last}`)), F.count, "SurveyTotal");
  b.put(`D${total}`, { value: null, style: "label" });
  b.computed(`E${total}`, call("IF", noValid, str(""), call("SUM", range(`E${first}:E${last}`))), F.rate);
  b.computed(`F${total}`, sumOrBlank(range(`F${first}:F${last}`)), "0.00");

  const rate = total + 1;
  b.label(
    `A${rate}:B${rate}`,
    o.example ? t("知晓率（加权）", "Awareness rate (weighted)") : t("满意度（加权）", "Satisfaction (weighted)"),
  );
  b.computed(
    `C${rate}:F${rate}`,
    call("IF", noValid, str(""), satisfactionOf(range(`C${first}:C${last}`), range(`D${first}:D${last}`))),
    F.rate,
    "SurveyRate",
  );
  const note = rate + 1;
  b.put(`A${note}:F${note}`, {
    value: t(
      "说明：满意度 = Σ(份数×权重) / 有效问卷数；权重可按本地评价办法调整。",
      "Note: rate = Σ(count × weight) / valid questionnaires; adjust the weights to the local rules.",
    ),
    style: "note",
  });

  return finish(b, o, "survey", { zh: "调查统计", en: "Survey" }, title, [8, 22, 12, 10, 12, 14], {
    orientation: "portrait",
    repeatRows: { from: head - 1, to: head - 1 },
  });
}
