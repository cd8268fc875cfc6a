/**
 * UI strings of the task pane, ribbon commands and demo page. zh-CN is the primary language; en-US follows.
 * The table is in ./strings; this is the formatter and the labels. No React, so the commands bundle can use it too.
 */
import type { Bilingual, Locale } from "../core/locale";
import type { Severity } from "../core/findings";
import { RULE_TITLES } from "../core/rules/index";
import type { TemplateKind } from "../core/templates/index";
import { STRINGS, type StringKey } from "./strings";

export type { Locale, Bilingual };

/** Looks a string up and fills `{name}` placeholders; unknown placeholders are left visible, not dropped. */
export function t(locale: Locale, key: StringKey, vars?: Record<string, string | number>): string {
  const text = STRINGS[key][locale];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * A clock time as the pane shows it: "14:05:09" in zh-CN, "2:05:09 PM" in en-US. Written out rather than by
 * Date#toLocaleTimeString: the first Intl date format in a page loads ICU's calendar data, one task of ~170 ms
 * at a 4× CPU slowdown, and it would land right in the render of the first check result.
 */
export function clockTime(d: Date, locale: Locale): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const h = d.getHours();
  const ms = `${two(d.getMinutes())}:${two(d.getSeconds())}`;
  if (locale === "zh-CN") return `${two(h)}:${ms}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${ms} ${h < 12 ? "AM" : "PM"}`;
}

export const SEVERITY_LABELS: Record<Severity, Bilingual> = {
  error: { "zh-CN": "错误", "en-US": "Errors" },
  warning: { "zh-CN": "警告", "en-US": "Warnings" },
  info: { "zh-CN": "提示", "en-US": "Notes" },
};

/**
 * The one place a finding kind's title is read, wherever a user reads it (findings list, rule guide, results
 * sheet): the rule's own meta.title (every rule module carries one, and the engine's internal-error), then a
 * title passed in, then the id itself, so nothing is ever shown without a name.
 */
export function ruleTitle(rule: string, locale: Locale, meta?: { title?: unknown }): string {
  const own = (RULE_TITLES as Record<string, Bilingual | undefined>)[rule];
  if (own) return own[locale];
  const t = meta?.title as Bilingual | undefined;
  if (t && typeof t === "object" && typeof t[locale] === "string") return t[locale];
  return rule;
}

/** Fallback names/purposes for the template cards, used when the core does not (yet) provide TEMPLATE_INFO. */
export const TEMPLATE_LABELS: Record<TemplateKind, { name: Bilingual; purpose: Bilingual }> = {
  declaration: {
    name: { "zh-CN": "项目支出绩效目标申报表", "en-US": "Performance target declaration" },
    purpose: {
      "zh-CN": "申报年度绩效目标：资金、总体目标与产出/效益/满意度指标。",
      "en-US": "Declare the year's targets: funds, overall goal and output/benefit/satisfaction indicators.",
    },
  },
  "self-assessment": {
    name: { "zh-CN": "项目支出绩效自评表", "en-US": "Performance self-assessment" },
    purpose: {
      "zh-CN": "对照目标填报完成情况，自动计算执行率、得分、总分与等级。",
      "en-US": "Report what was achieved; execution rate, scores, total and grade are computed.",
    },
  },
  "indicator-system": {
    name: { "zh-CN": "绩效评价指标体系及评分表", "en-US": "Evaluation indicator system & scoring" },
    purpose: {
      "zh-CN": "决策/过程/产出/效益四级指标体系，含分值、评分标准、得分与扣分原因。",
      "en-US": "Decision/process/output/benefit indicator tree with weights, criteria, scores and deductions.",
    },
  },
  survey: {
    name: { "zh-CN": "满意度/知晓度调查统计表", "en-US": "Satisfaction / awareness survey" },
    purpose: {
      "zh-CN": "按选项人数与权重计算满意度或知晓率。",
      "en-US": "Weighted satisfaction or awareness rate from answer counts.",
    },
  },
  notice: {
    name: { "zh-CN": "绩效评价结果通知书", "en-US": "Evaluation result notice" },
    purpose: {
      "zh-CN": "财政部门向被评价单位反馈评价结果与整改要求。",
      "en-US": "The finance bureau's notice of results and required corrections.",
    },
  },
  rectification: {
    name: { "zh-CN": "整改结果报告书", "en-US": "Rectification report" },
    purpose: {
      "zh-CN": "被评价单位逐项报告问题整改情况。",
      "en-US": "The evaluated unit's item-by-item report on corrections.",
    },
  },
};
