/**
 * The suggestion table: one 整改建议 per kind of problem, worded as the seed's 建议 section words them. It is
 * data: a bureau replaces any entry (draftNotice's `suggestions` option, `perf-eval notice --suggestions`).
 */

/** What a 主要问题 is about; each kind has one suggestion. */
export type ProblemKind =
  | "target-setting"
  | "data-inconsistency"
  | "scoring"
  | "missed-target"
  | "publicity"
  | "funds-management"
  | "archives"
  | "management";

/** Order in which problems (and their suggestions) are listed: goals first, as the seed does. */
export const PROBLEM_KINDS: readonly ProblemKind[] = [
  "target-setting",
  "data-inconsistency",
  "funds-management",
  "archives",
  "missed-target",
  "publicity",
  "scoring",
  "management",
];

export type SuggestionTable = Record<ProblemKind, string>;

export const DEFAULT_SUGGESTIONS: SuggestionTable = {
  "target-setting":
    "建议单位加强绩效管理工作，强化绩效意识；根据绩效目标设置全面、清晰、量化可考核的指标，以便提高绩效评价的质量及效率。",
  "data-inconsistency":
    "建议单位加强业务数据与财务数据的核对，确保绩效目标申报表、自评表及相关台账数据准确、口径一致、前后统一。",
  "funds-management": "建议单位严格按照财经法规和资金管理办法管理使用资金，规范会计核算，加强资金监管。",
  archives:
    "建议单位严格按照管理办法进行档案资料管理，对项目的重要信息资料进行梳理并归档，避免因系统替换或年限较长等原因造成数据无法统计、丢失等无档可查的情况。",
  "missed-target": "建议单位分析未完成绩效目标的原因，因类施策采取针对性措施，确保年度绩效目标按期完成。",
  publicity: "建议单位加强政策宣传动员、优化经办服务，不断提高服务对象的政策知晓率和满意度。",
  scoring:
    "建议单位采取业务培训、考察交流、现场指导等形式，加强绩效评价相关知识的学习和培训，不断提高预算绩效管理工作水平和绩效自评工作质量。",
  management:
    "建议单位加强工作人员业务能力的培训，健全并执行项目管理制度，加强与相关部门之间的沟通协作，进一步提高项目管理质量。",
};

/** The kind of a deduction reason (扣分原因) written by the evaluator, by its words. */
export function kindOfText(text: string): ProblemKind {
  if (/档案|归档/.test(text)) return "archives";
  if (/宣传|知晓|满意/.test(text)) return "publicity";
  if (/目标|指标/.test(text)) return "target-setting";
  if (/资金|欠费|欠缴|多领|核算|财务|预算|支出|拨付/.test(text)) return "funds-management";
  if (/不一致|不相符|不符|差异|不准确|前后不一/.test(text)) return "data-inconsistency";
  return "management";
}
