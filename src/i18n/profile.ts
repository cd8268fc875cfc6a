/** The 评价口径 tab's texts (a file of their own beside index.ts, so the tab adds no lines to the shared table). */
import type { Bilingual } from "../core/locale";

export const PROFILE_STRINGS = {
  tab: { "zh-CN": "评价口径", "en-US": "Profile" },
  intro: {
    "zh-CN":
      "检查按本口径判断分值、等级和指标类别；保存后存入工作簿的隐藏工作表“评价口径”，打开该工作簿的人都按同一口径检查。",
    "en-US":
      "Checks judge weights, grades and categories by this profile; saved, it lives in the workbook's hidden 评价口径 sheet, so everyone who opens the workbook checks by it.",
  },
  name: { "zh-CN": "口径名称", "en-US": "Profile name" },
  weights: { "zh-CN": "一级指标分值", "en-US": "First-level weights" },
  budgetExecution: { "zh-CN": "预算执行", "en-US": "Budget execution" },
  output: { "zh-CN": "产出", "en-US": "Output" },
  outcome: { "zh-CN": "效益", "en-US": "Outcome" },
  satisfaction: { "zh-CN": "满意度", "en-US": "Satisfaction" },
  minOutputPlusOutcome: { "zh-CN": "产出+效益不低于", "en-US": "Output + outcome at least" },
  bands: {
    "zh-CN": "等级划分（由高到低，最低一档从0分起）",
    "en-US": "Grade bands (best first; the last starts at 0)",
  },
  grade: { "zh-CN": "等级", "en-US": "Grade" },
  min: { "zh-CN": "最低分", "en-US": "From" },
  addBand: { "zh-CN": "添加一档", "en-US": "Add a band" },
  remove: { "zh-CN": "删除", "en-US": "Remove" },
  categories: { "zh-CN": "必须具备的指标类别", "en-US": "Required indicator categories" },
  severities: { "zh-CN": "规则级别", "en-US": "Rule severities" },
  default: { "zh-CN": "默认", "en-US": "Default" },
  off: { "zh-CN": "关闭", "en-US": "Off" },
  save: { "zh-CN": "保存到工作簿", "en-US": "Save to workbook" },
  saved: { "zh-CN": "已保存：下次检查按“{name}”进行。", "en-US": "Saved: the next check uses “{name}”." },
  reset: { "zh-CN": "恢复国家默认", "en-US": "Restore national default" },
  resetDone: {
    "zh-CN": "已恢复为国家默认（财预〔2020〕10号），保存后生效。",
    "en-US": "National default (财预〔2020〕10号) restored; save to apply it.",
  },
  fromWorkbook: { "zh-CN": "当前为工作簿自带的口径。", "en-US": "This is the workbook's own profile." },
  fromDefault: {
    "zh-CN": "工作簿尚无自带口径，当前为国家默认。",
    "en-US": "The workbook has no profile of its own; this is the national default.",
  },
  invalid: { "zh-CN": "无法保存：", "en-US": "Cannot save: " },
  customName: { "zh-CN": "自定义口径（基于全国默认）", "en-US": "Custom profile (from the national default)" },
  loading: { "zh-CN": "正在读取评价口径…", "en-US": "Reading the profile…" },
} satisfies Record<string, Bilingual>;
