/**
 * Header words → column roles. Real forms write headers with full- or half-width brackets, （A）/（B）
 * suffixes, line breaks and spaces inside, and units in brackets; `headerKey` strips all that first.
 */
import { normalizeWidth } from "../value";
import type {
  AmountKind,
  FundsRole,
  HeaderFieldKind,
  IndicatorCategory,
  IndicatorFamily,
  IndicatorRole,
} from "./model";

/**
 * Remember a text function's results: the same header words, names and labels recur on every sheet and in
 * every table, and recognition must stay linear in the number of cells. Bounded so memory stays flat.
 */
export function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    if (cache.size >= 100_000) cache.clear();
    const v = fn(s);
    cache.set(s, v);
    return v;
  };
}

/** Digits or comparison signs: a value, never a header word. */
const VALUE_CHARS = /[0-9\uff10-\uff19≥≤≧≦]/;

/** Text headerKey leaves unchanged: no width variants, spaces, brackets, colons or star marks. */
const PLAIN_TEXT = /^[\u4e00-\u9fff0-9A-Za-z]*$/;

/** Header text for matching: width-normalized, no whitespace, brackets unified, trailing colon dropped. */
export function headerKey(text: string): string {
  // Plain Chinese, letters and digits (most names and labels) come out as they go in.
  if (PLAIN_TEXT.test(text)) return text;
  return normalizeWidth(text)
    .replace(/[\s\u200b\ufeff]+/g, "")
    .replace(/[【〔［「『〈《]/g, "(")
    .replace(/[】〕］」』〉》]/g, ")")
    .replace(/[:：]$/, "")
    .replace(/^[*★]+/, "");
}

/** Header key without bracketed suffixes: 年度指标值(A) → 年度指标值, 全年预算数(万元) → 全年预算数. */
function bare(key: string): string {
  return key.replace(/\([^()]*\)/g, "");
}

const INDICATOR_ROLES: [IndicatorRole, RegExp][] = [
  ["level1", /^(一级(指标)?(名称)?|指标(类型|类别|分类))$/],
  ["level2", /^二级(指标)?(名称)?$/],
  ["level3", /^(三级(指标)?(名称|内容)?|指标名称|指标内容|具体指标|绩效指标名称)$/],
  ["standard", /(评分|评扣分|评\(扣\)分|扣分|计分|打分)(标准|办法|规则|方法|依据)/],
  ["deduction", /扣分(原因|说明|理由|情况)/],
  ["reason", /偏差|原因分析|改进措施|未完成原因/],
  ["explanation", /^(指标(解释|说明|内涵|定义)|绩效标准|指标值设定依据)$/],
  ["nature", /^(指标)?(性质|方向)$/],
  ["unit", /^(度量|计量|计算)?单位$/],
  [
    "actual",
    /^(全年|年度)?(实际完成值|实际完成数|实际值|完成值|实际完成情况|实际完成|实际完成指标值|实际达成值|实施进度|完成进度)$/,
  ],
  // 指标值, 年度指标值, 年初目标值, 预期指标值, 全年目标值, 指标值及单位 (brackets such as （包含数字及计量单位） are bare()d).
  [
    "target",
    /^(年度|全年|年初|预期|计划|本年|当年)?(绩效)?(指标值|目标值|计划值|预期值|指标目标值|数值|指标数值)(及单位|及计量单位)?$/,
  ],
  ["weight", /^(指标|参考|指标参考)?(分值|权重|权重分|标准分|满分|分数|权数)$/],
  ["score", /^(自评|评价|实际|最终|考核)?(得分|评分|评分结果)$/],
  ["remark", /^备注$/],
];

/**
 * The same roles in the English this product writes in en-US forms (Level 1 … Score), matched on the key without
 * spaces: a reviewer who inserted the English forms must get the same check.
 */
const INDICATOR_ROLES_EN: [IndicatorRole, RegExp][] = [
  ["level1", /^level1(indicators?)?$/i],
  ["level2", /^level2(indicators?)?$/i],
  ["level3", /^(level3(indicators?)?|indicator(name)?)$/i],
  ["standard", /^scoring(rules?|standards?|criteria)$/i],
  ["deduction", /^(reasons?fordeductions?|deductionreasons?)$/i],
  ["reason", /^(deviation|reasonsformiss)/i],
  ["explanation", /^(explanation|definition)$/i],
  ["nature", /^direction$/i],
  ["unit", /^unit$/i],
  ["actual", /^(annual)?actual(value)?$/i],
  ["target", /^(annual)?target(value)?$/i],
  ["weight", /^weights?$/i],
  ["score", /^score$/i],
  ["remark", /^remarks?$/i],
];

/** "Level 1" holds a digit yet is a header, not a value. */
const ENGLISH_LEVEL = /^\s*level\s*[123]\b/i;

/** Clause punctuation: header words never hold it. */
const SENTENCE = /[，,。；;！!]/;

export const indicatorRole = memo(function indicatorRole(text: string): IndicatorRole | null {
  if (VALUE_CHARS.test(text) && !ENGLISH_LEVEL.test(text)) return null;
  const k = headerKey(text);
  if (k === "" || k.length > 30) return null;
  // A sentence is a value, not a header word: "建档立卡中有新增死亡人员,导致有偏差" in a 偏差原因 cell names no column.
  if (SENTENCE.test(text)) return null;
  const b = bare(k);
  for (const [role, re] of INDICATOR_ROLES) if (re.test(b) || re.test(k)) return role;
  if (/[A-Za-z]/.test(b)) for (const [role, re] of INDICATOR_ROLES_EN) if (re.test(b)) return role;
  return null;
});

const FUNDS_ROLES: [FundsRole, RegExp][] = [
  ["initial", /^年初预算(数|金额)?$/],
  // Hunan's 项目支出预算绩效目标申报表: 项目资金申请 | 上年度安排资金 | 本年度申请资金.
  ["prior", /^上年度?(安排|预算)(资金|数|金额)?$/],
  ["budget", /^(本年度?|当年)?申请(资金|数|金额)$/],
  ["budget", /^(全年|调整后?|年度|全年调整)?预算(数|金额)?$/],
  ["executed", /^(全年|年度|实际|预算)?(执行数|执行金额|支出数|支出金额|实际支出)$/],
  ["rate", /^(预算)?执行率$/],
  ["weight", /^(分值|权重)$/],
  ["score", /^得分$/],
  // en-US forms
  ["initial", /^initialbudget$/i],
  ["budget", /^(annual|adjusted)budget$/i],
  ["executed", /^(annual)?(spending|spent|executed|expenditure)$/i],
  ["rate", /^((budget)?execution)?rate$/i],
  ["weight", /^weight$/i],
  ["score", /^score$/i],
];

export const fundsRole = memo(function fundsRole(text: string): FundsRole | null {
  if (VALUE_CHARS.test(text)) return null;
  const k = headerKey(text);
  if (k === "" || k.length > 30) return null;
  const b = bare(k);
  for (const [role, re] of FUNDS_ROLES) if (re.test(b)) return role;
  return null;
});

export type SurveyRole = "level" | "count" | "weight" | "share";
const SURVEY_ROLES: [SurveyRole, RegExp][] = [
  [
    "level",
    /^(选项|等级|满意程度|满意度等级|满意度选项|了解程度|知晓程度|评价等级|评价选项|选项内容|回答|答案|程度|满意度评价|满意度|满意情况|知晓情况)$/,
  ],
  ["count", /^(人数|份数|数量|票数|样本数|频数|选择人数|回答人数|问卷数|问卷份数|计数|有效份数)$/],
  ["weight", /^(权重|系数|分值系数|赋值|得分系数|权数|折算系数|计分系数)$/],
  ["share", /^(占比|比例|百分比|比重|所占比例)$/],
  // en-US forms
  ["level", /^(level|option|answer)$/i],
  ["count", /^(count|respondents)$/i],
  ["weight", /^weight$/i],
  ["share", /^(share|proportion)$/i],
];

export const surveyRole = memo(function surveyRole(text: string): SurveyRole | null {
  if (VALUE_CHARS.test(text)) return null;
  const k = bare(headerKey(text));
  if (k === "" || k.length > 12) return null;
  for (const [role, re] of SURVEY_ROLES) if (re.test(k)) return role;
  return null;
});

/** Labels of a total row in indicator tables. */
export const isTotalLabel = memo(function isTotalLabel(text: string): boolean {
  const k = bare(headerKey(text));
  return (
    /^(总分|合计|总计|总得分|得分合计|分值合计|综合得分|总分值|合计得分|总体得分|总评分)$/.test(k) ||
    /^(total|totalscore|grandtotal)$/i.test(k)
  );
});

export const isSubtotalLabel = memo(function isSubtotalLabel(text: string): boolean {
  const k = bare(headerKey(text));
  return /^(小计|合计|总计)$/.test(k) || /^(subtotal|total)$/i.test(k);
});

/** Kind of a funds row from its label (年度资金总额, 其中：本年财政拨款, 上年结转资金, 其他资金). */
export const fundsRowKind = memo(function fundsRowKind(
  text: string,
): "total" | "fiscal" | "carryover" | "other" | "part" | null {
  const k = bare(headerKey(text))
    .replace(/^其中[:：]?/, "")
    .replace(/^ofwhich[:：]?/i, "");
  if (k === "") return null;
  if (/[A-Za-z]/.test(k)) {
    if (/^total(funds)?$/i.test(k)) return "total";
    if (/fiscal|appropriation/i.test(k)) return "fiscal";
    if (/carriedover/i.test(k)) return "carryover";
    if (/^other(funds)?$/i.test(k)) return "other";
    return null;
  }
  // 部门整体支出总额 heads a department-wide form's funds block.
  if (/资金总额|^总额$|^合计$|^总计$|资金合计|^(部门)?(整体)?支出总额$/.test(k)) return "total";
  if (/财政(拨款|资金|补助|预算)/.test(k)) return "fiscal";
  if (/结转|结余/.test(k)) return "carryover";
  if (/^其他/.test(k)) return "other";
  // Department-wide forms split the year's budget by purpose.
  if (/^(基本支出|项目支出|人员经费|公用经费)$/.test(k)) return "part";
  if (/资金$/.test(k) && k.length <= 12) return "part";
  return null;
});

/** Money unit written in a label or header: 项目资金（万元） → 万元. */
export function unitOfLabel(text: string): "元" | "万元" | undefined {
  const k = headerKey(text);
  if (/\(万元\)|单位:?万元/.test(k)) return "万元";
  if (/\(元\)|单位:?元/.test(k)) return "元";
  return undefined;
}

const AMOUNT_LABELS: [AmountKind, RegExp][] = [
  ["arrivalRate", /到位率$/],
  ["execRate", /执行率$/],
  ["valid", /^(收回)?有效(调查)?(问卷|样本|份数)(数|份数|数量|量)?$/],
  ["issued", /^(共)?发放(调查)?问卷(数|份数|数量)?$|^问卷发放(数|份数|数量)?$/],
  ["rate", /(率|满意度|知晓度)$/],
  [
    "totalScore",
    /^(总分|评价分值|综合得分|自评得分|评价得分|总得分|得分合计|自评总分|最终得分|评价总分|绩效评价得分|自评分值)$/,
  ],
  ["balance", /^(本年度?)?(结余|结余资金|结存资金|资金结余|年末结余)(金额|数)?$/],
  ["arrived", /^(实际)?(到位资金|资金到位数|到位数|项目收入资金|资金到位|实际到位资金|到位金额|收入资金)$/],
  ["spent", /^(实际|项目)?(支出|支出资金|支出数|支出金额|执行数|资金支出)$/],
  // 计划投资额 / 计划投入 head the funds part of the older evaluation forms (Hainan): the planned money.
  ["budget", /^(年度|项目)?(预算资金|预算数|预算金额|预算|计划投资额?|计划投入(资金)?|计划(安排)?资金)$/],
  ["total", /^(年度)?(预算)?(资金总额|项目资金总额|总额)$/],
  ["fiscal", /^(本年|当年)?(财政拨款|财政资金|财政补助资金)$/],
  ["carryover", /^上年结转(资金)?$/],
  ["other", /^其他资金$/],
];

const HEADER_FIELDS: [HeaderFieldKind, RegExp][] = [
  ["project", /^项目名称$/],
  ["department", /^(主管部门|主管单位)$/],
  ["implementer", /^(实施单位|项目单位|预算单位)$/],
  ["owner", /^项目负责人$/],
  ["period", /^(项目期|项目期限|项目周期|项目起止时间|起止时间|实施期限|实施周期|项目实施期|实施期)$/],
];

/** Which header field a label names (项目名称：, 实施单位（盖章）), or null. */
export const headerFieldKind = memo(function headerFieldKind(text: string): HeaderFieldKind | null {
  if (text.length > 16) return null;
  const k = headerKey(text)
    .replace(/\(盖章\)$/, "")
    .replace(/[:：]$/, "");
  for (const [kind, re] of HEADER_FIELDS) if (re.test(k)) return kind;
  return null;
});

/** What a loose label names, or null. */
export const amountKind = memo(function amountKind(text: string): AmountKind | null {
  const k = bare(headerKey(text))
    .replace(/^其中[:：]?/, "")
    .replace(/[)）]?[:：]$/, "");
  if (k === "" || /\d/.test(k)) return null;
  if (/[A-Za-z]/.test(k) && k.length <= 40) {
    // The funds lines of the en-US forms (Total funds / of which: fiscal appropriation / Other funds).
    const e = k.replace(/^ofwhich[:：]?/i, "");
    if (/^totalfunds$/i.test(e)) return "total";
    if (/^(fiscal)?appropriation$|^fiscal(funds)?$/i.test(e)) return "fiscal";
    if (/^carriedover/i.test(e)) return "carryover";
    if (/^otherfunds$/i.test(e)) return "other";
    return null;
  }
  if (k.length > 16) return null;
  for (const [kind, re] of AMOUNT_LABELS) if (re.test(k)) return kind;
  return null;
});

/** Labels of a grade cell (评价等级 / 等级 / 评价结论). */
export const isGradeLabel = memo(function isGradeLabel(text: string): boolean {
  const k = bare(headerKey(text));
  return /^(评价|绩效|自评|考核|综合评价|评定)?(等级|结论|结果|评级)$/.test(k) || /^(grade|rating)$/i.test(k);
});

const familyMemo = memo((k: string) => familyOfUncached(...(k.split("\u0001") as [string, string])));
export function familyOf(level1: string, level2: string): IndicatorFamily | undefined {
  return familyMemo(`${level1}\u0001${level2}`);
}

function familyOfUncached(level1: string, level2: string): IndicatorFamily | undefined {
  const a = headerKey(level1);
  if (/[A-Za-z]/.test(a)) {
    const en = englishFamily(a);
    if (en) return en;
  }
  if (/预算执行|资金执行|执行率/.test(a)) return "预算执行";
  if (/产出/.test(a)) return "产出";
  // A 二级 that names a family under a 一级 that names none of the standard ones (实施效果指标 / 产出指标) is
  // the more specific.
  if (!/满意|^效益/.test(a)) {
    const b0 = headerKey(level2);
    if (/^产出(指标)?$/.test(b0)) return "产出";
    if (/^效益(指标)?$/.test(b0)) return "效益";
  }
  // Newer forms make 成本指标 a first level of its own (经济成本 / 社会成本 / 生态环境成本).
  if (/^成本(指标)?(\(.*\))?$/.test(a)) return "成本";
  if (/满意/.test(a)) return "满意度";
  if (/效益|效果/.test(a)) return "效益";
  if (/决策/.test(a)) return "决策";
  if (/过程|管理/.test(a)) return "过程";
  const b = headerKey(level2);
  if (/数量|质量|时效|成本/.test(b)) return "产出";
  if (/满意/.test(b)) return "满意度";
  if (/效益|可持续/.test(b)) return "效益";
  return undefined;
}

const categoryMemo = memo((k: string) => categoryOfUncached(...(k.split("\u0001") as [string, string, string])));
export function categoryOf(level1: string, level2: string, level3: string): IndicatorCategory | undefined {
  return categoryMemo(`${level1}\u0001${level2}\u0001${level3}`);
}

/** First levels as the en-US forms write them. */
function englishFamily(a: string): IndicatorFamily | undefined {
  if (/^budgetexecution/i.test(a)) return "预算执行";
  if (/^outputs?$/i.test(a)) return "产出";
  if (/^costs?$/i.test(a)) return "成本";
  if (/^(benefits?|effects?|outcomes?)$/i.test(a)) return "效益";
  if (/^satisfaction$/i.test(a)) return "满意度";
  if (/^decision/i.test(a)) return "决策";
  if (/^process/i.test(a)) return "过程";
  return undefined;
}

/** Categories as the en-US forms write them. */
function englishCategory(key: string): IndicatorCategory | undefined {
  if (/quantity/i.test(key)) return "数量";
  if (/quality/i.test(key)) return "质量";
  if (/timeliness/i.test(key)) return "时效";
  if (/^cost/i.test(key)) return "成本";
  if (/economic/i.test(key)) return "经济效益";
  if (/social/i.test(key)) return "社会效益";
  if (/ecolog|environment/i.test(key)) return "生态效益";
  if (/sustainab/i.test(key)) return "可持续影响";
  if (/satisfaction/i.test(key)) return "满意度";
  return undefined;
}

/**
 * Whether a cell names a 二级 category group as such (数量指标, 产出数量指标, 社会效益指标): a short name ending in
 * 指标 that carries a category. A column of these under a header with another name (评价内容) is the 二级 column.
 */
export function isCategoryGroupName(text: string): boolean {
  const k = headerKey(text);
  return k.length <= 10 && k.endsWith("指标") && !/[A-Za-z]/.test(k) && namedCategory(k) !== undefined;
}

/** The category a level name carries by itself (数量指标, 完成数量, 社会效益指标 …), if any. */
function namedCategory(key: string): IndicatorCategory | undefined {
  if (/[A-Za-z]/.test(key)) return englishCategory(key);
  if (/数量/.test(key)) return "数量";
  if (/质量/.test(key)) return "质量";
  if (/时效|进度/.test(key)) return "时效";
  if (/成本/.test(key)) return "成本";
  if (/经济效益/.test(key)) return "经济效益";
  if (/社会效益/.test(key)) return "社会效益";
  if (/生态效益|环境效益/.test(key)) return "生态效益";
  if (/可持续/.test(key)) return "可持续影响";
  if (/满意/.test(key)) return "满意度";
  return undefined;
}

/**
 * The 二级 name decides when it names a category (数量指标); otherwise whichever level names one: score sheets
 * write 项目绩效 / 项目完成 / 完成数量, and 成本指标 as a first level has no category word below it.
 */
function categoryOfUncached(level1: string, level2: string, level3: string): IndicatorCategory | undefined {
  const a = headerKey(level1);
  const b = headerKey(level2);
  const c = headerKey(level3);
  if (/预算执行|资金执行|执行率/.test(a) || /预算执行率/.test(c)) return "预算执行";
  const named = namedCategory(b) ?? (level3 ? namedCategory(c) : undefined) ?? namedCategory(a);
  if (named) return named;
  // Output rows under a 二级 that only says 产出指标: the 三级 name's measure tells the kind.
  if (level3 && /^产出(指标)?$/.test(b)) return outputKindOf(c);
  return undefined;
}

/** The output kind a 三级 name measures (竣工验收合格率 → 质量, 建设项目个数 → 数量), when it says. */
function outputKindOf(name: string): IndicatorCategory | undefined {
  if (/及时|按时|按期|进度|完成时间|时限|周期/.test(name)) return "时效";
  if (/合格|达标|验收|优良|质量|完好/.test(name)) return "质量";
  if (/成本|费用|单价|补助标准|造价|单位投资/.test(name)) return "成本";
  if (/数量|个数|人数|户数|次数|面积|里程|人次|场次|规模|覆盖/.test(name)) return "数量";
  return undefined;
}

/** Family from the category when the 一级 / 二级 names do not say it (项目绩效 / 项目完成 / 完成数量 → 产出). */
export function familyOfCategory(category: IndicatorCategory | undefined): IndicatorFamily | undefined {
  switch (category) {
    case "数量":
    case "质量":
    case "时效":
    case "成本":
      return "产出";
    case "经济效益":
    case "社会效益":
    case "生态效益":
    case "可持续影响":
      return "效益";
    case "满意度":
      return "满意度";
    case "预算执行":
      return "预算执行";
    default:
      return undefined;
  }
}
