import type { Bilingual, Locale } from "../locale";
import type { Profile } from "../profile";
import { resolveOptions } from "./common";
export { TemplateOptionsError, validateOptions, MAX_FIELD_LENGTH } from "./common";
import { declaration } from "./declaration";
import { indicatorSystem } from "./indicatorSystem";
import type { TemplateDefinition, TemplateInfo } from "./model";
import { notice } from "./notice";
import { rectification } from "./rectification";
import { selfAssessment } from "./selfAssessment";
import { survey } from "./survey";

export const TEMPLATE_KINDS = [
  "declaration",
  "self-assessment",
  "indicator-system",
  "survey",
  "notice",
  "rectification",
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** What the user types in the task pane's form or passes to `perf-eval template`. */
export interface TemplateOptions {
  projectName?: string;
  year?: number;
  department?: string;
  implementer?: string;
  moneyUnit?: "万元" | "元";
  lang?: Locale;
  /** Fill with the seed's Menghai 2021 numbers, marked 示例. */
  example?: boolean;
  /** Declaration of a multi-year project: 中期目标 and 中期指标值 beside the annual ones. */
  multiYear?: boolean;
  /** The evaluation profile whose weights a blank form starts from (the workbook's own, or national). */
  profile?: Profile;
}

export function isTemplateKind(s: unknown): s is TemplateKind {
  return typeof s === "string" && (TEMPLATE_KINDS as readonly string[]).includes(s);
}

/** Display name and one-line purpose per kind, for the task pane's cards and the CLI's help. */
export const TEMPLATE_INFO: Record<TemplateKind, TemplateInfo> = {
  declaration: {
    name: { "zh-CN": "项目支出绩效目标申报表", "en-US": "Performance target declaration" },
    purpose: {
      "zh-CN": "年初申报项目资金、年度总体目标和产出/效益/满意度指标值。",
      "en-US": "Declare the funds, the annual goal and the output, benefit and satisfaction targets.",
    },
    hasExample: true,
  },
  "self-assessment": {
    name: { "zh-CN": "项目支出绩效自评表", "en-US": "Performance self-assessment" },
    purpose: {
      "zh-CN": "年末自评：执行率、指标得分、总分和等级自动计算。",
      "en-US": "Year-end self-assessment: execution rate, indicator scores, total and grade computed.",
    },
    hasExample: true,
  },
  "indicator-system": {
    name: { "zh-CN": "绩效评价指标体系及评分表", "en-US": "Evaluation indicator system and scoring" },
    purpose: {
      "zh-CN": "决策、过程、产出、效益四类指标，含默认分值、评分标准、合计与等级。",
      "en-US": "Decision, process, output and benefit indicators with default weights, rules, total and grade.",
    },
    hasExample: true,
  },
  survey: {
    name: { "zh-CN": "满意度调查统计表", "en-US": "Satisfaction survey tally" },
    purpose: {
      "zh-CN": "按等级统计问卷份数，按权重计算满意度或知晓率。",
      "en-US": "Tally answers by level and compute the weighted satisfaction or awareness rate.",
    },
    hasExample: true,
  },
  notice: {
    name: { "zh-CN": "绩效评价结果通知书", "en-US": "Evaluation result notice" },
    purpose: {
      "zh-CN": "向被评价单位通报评价得分、结论、主要问题和整改建议。",
      "en-US": "Tell the evaluated unit its score, conclusion, main problems and recommendations.",
    },
    hasExample: true,
  },
  rectification: {
    name: { "zh-CN": "绩效评价整改结果报告书", "en-US": "Rectification report" },
    purpose: {
      "zh-CN": "被评价单位报送整改情况，主管部门签署意见。",
      "en-US": "The evaluated unit reports its corrections; the department adds its opinion.",
    },
    hasExample: false,
  },
};

const BUILDERS: Record<TemplateKind, (o: ReturnType<typeof resolveOptions>) => TemplateDefinition> = {
  declaration,
  "self-assessment": selfAssessment,
  "indicator-system": indicatorSystem,
  survey,
  notice,
  rectification,
};

/** The definition of one template; throws a bilingual message for an unknown kind. */
export function buildTemplate(kind: TemplateKind, options: TemplateOptions = {}): TemplateDefinition {
  if (!isTemplateKind(kind)) {
    throw new Error(`未知的模板类型 unknown template kind: ${String(kind)} (${TEMPLATE_KINDS.join(", ")})`);
  }
  return BUILDERS[kind]({ ...resolveOptions(options), weights: options.profile?.weights });
}

export type { Bilingual };
export * from "./model";
export { uniqueSheetName, sanitizeSheetName, SHEET_NAME_MAX } from "./sheetName";
export { evaluateTemplate, writtenCells, type WrittenCell } from "./evaluate";
export { fontOf, fitScale, smallestPrintedFont, BODY_PT, MIN_PRINTED_PT } from "./layout";
