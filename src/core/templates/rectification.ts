import { finish, type ResolvedOptions } from "./common";
import { SheetBuilder, type TemplateDefinition } from "./model";

/**
 * 整改结果报告书, laid out as the seed's annex 2: 被评价项目（单位） / 结果通知书编号, 联系人 / 联系电话（手机）,
 * the 整改情况 block with the unit head's signature, the unit's seal and date, then 主管部门意见（盖章）.
 */
export function rectification(o: ResolvedOptions): TemplateDefinition {
  const b = new SheetBuilder(o.lang);
  const t = b.t.bind(b);
  const title =
    (o.example ? t("【示例】", "[Example] ") : "") +
    t("财政支出项目绩效评价整改结果报告书", "Performance Evaluation Rectification Report");
  b.put("A1:D1", { value: title, style: "title" });
  b.height(1, 30);

  const unit = [o.projectName, o.implementer].filter(Boolean).join(o.lang === "zh-CN" ? "（" : " (");
  const unitText = o.projectName && o.implementer ? unit + (o.lang === "zh-CN" ? "）" : ")") : unit || undefined;
  b.label("A2", t("被评价项目（单位）", "Project (unit) evaluated"));
  b.userText("B2", unitText, "ProjectName");
  b.label("C2", t("结果通知书编号", "Result notice no."));
  b.input("D2");
  b.label("A3", t("联系人", "Contact"));
  b.input("B3");
  b.label("C3", t("联系电话（手机）", "Phone (mobile)"));
  b.input("D3");

  b.label("A4:A7", t("整改情况", "Rectification"));
  b.put("B4:D4", { value: null, style: "textOpen" });
  b.height(4, 240);
  b.put("B5:D5", { value: t("被评价单位负责人（签字）：", "Head of the unit (signature):"), style: "signBox" });
  b.put("B6:D6", { value: t("被评价单位（盖章）", "Unit (seal)"), style: "signBox" });
  b.put("B7:D7", { value: t("年　　月　　日", "Date: ____"), style: "signEnd" });

  for (const r of [5, 6, 7, 9]) b.height(r, 24);
  b.label("A8:A9", t("主管部门意见（盖章）", "Competent department's opinion (seal)"));
  b.put("B8:D8", { value: null, style: "textOpen" });
  b.height(8, 120);
  b.put("B9:D9", { value: t("年　　月　　日", "Date: ____"), style: "signEnd" });

  return finish(b, o, "rectification", { zh: "整改报告书", en: "Rectification" }, title, [16, 30, 16, 26], {
    orientation: "portrait",
  });
}
