/**
 * What an indicator's name measures, judged from its words (offline lexicon): a satisfaction measure, an incident
 * count, the project's own money, a ceiling by nature, an aim with no measure. The `misfiled-indicator`,
 * `target-direction` and `unmeasurable-indicator` rules read indicator names through these tests.
 */
import { headerKey } from "./recognize/headers";

/** A name as compared here: widths normalized, spaces, ★ and bracketed notes (（万元）, (≥**人)) dropped. */
export function nameKey(name: string): string {
  const k = headerKey(name);
  // Most names have no bracket: no copy.
  return k.indexOf("(") < 0 ? k : k.replace(/\([^()]*\)/g, "");
}

/** A satisfaction measure: 满意度, 满意率, 满意程度, 满意人数占比, 不满意率, 群众满意. */
const SATISFACTION = /满意(度|率|程度|人数|比例|比率|占比|情况)|满意$/;

export function isSatisfactionMeasure(name: string): boolean {
  return SATISFACTION.test(nameKey(name));
}

/**
 * Anything a 满意度 indicator may measure: someone's satisfaction, complaints, approval, trust or awareness
 * (群众投诉率, 政策知晓率). A name with none of these under 满意度 measures something else.
 */
const VIEW_OF_PEOPLE = /满意|投诉|认可|评价|好评|认同|口碑|信任|知晓|支持率|赞成|获得感|幸福感|安全感|反映|意见|诉求/;

export function isViewOfPeopleServed(name: string): boolean {
  return VIEW_OF_PEOPLE.test(name);
}

/** A count or rate of incidents (粮食安全事件发生数, 安全事故次数, 案件发生率): an outcome, not an opinion. */
const INCIDENT = /发生(数|次数|起数|件数|率)|(事故|事件|案件)(数|次数|起数|件数|发生率)$/;

export function isIncidentMeasure(name: string): boolean {
  const k = nameKey(name);
  // Complaints (有效投诉事件数) are how dissatisfaction is counted: they belong under 满意度.
  return INCIDENT.test(k) && !/投诉|信访|举报/.test(k);
}

/**
 * A budget-execution measure of the project's own funds (资金支出率, 预算执行率, 资金到位率, 预算资金拨款率,
 * 资金支付进度): how the money was spent, an input, not what the project delivers.
 */
const BUDGET_EXECUTION =
  /(预算|资金|经费|财政|拨款)\S{0,4}(执行率|支出率|到位率|拨付率|拨款率|使用率|支付率|支付进度|拨付进度|执行进度)|^(预算)?执行率$/;

export function isBudgetExecutionMeasure(name: string): boolean {
  return BUDGET_EXECUTION.test(nameKey(name));
}

/**
 * The project's money itself (工程资金金额, 卫片执法补助经费, 项目资金): the name ends in a money word.
 * 发放补助资金户数 ends in a count and is not money.
 */
const MONEY_NAME = /(资金|经费|金额|款项|拨款|预算|预算数|资金总额|经费总额|资金数额)$/;

export function isMoneyName(name: string): boolean {
  return MONEY_NAME.test(nameKey(name).replace(/^指标\d+[:：.、]?/, ""));
}

/** A cost or money effect (对控制基建项目成本影响程度, 节约资金): economic, not ecological. */
const COST_EFFECT = /成本|费用|资金|经费|预算|造价|投资/;
/** Words that make a cost name ecological after all (节能成本, 污染治理费用, 碳排放). */
const ECOLOGY = /生态|环境|污染|排放|能耗|节能|节水|节约用水|绿化|碳|水土|植被|森林|空气|噪声|垃圾|废/;

export function isCostEffect(name: string): boolean {
  const k = nameKey(name);
  return COST_EFFECT.test(k) && !ECOLOGY.test(k);
}

/**
 * Quantities that are ceilings by nature, where ≤ is right even under 数量: incidents, complaints, losses,
 * overruns, staff caps (编制), stock left over, durations, averages and per-head figures (班额, 人均面积), what is
 * left undone (未就业人数), problems and changes (科目调整次数, 隐患), and the spending-control items (公务用车, 会议,
 * 接待).
 */
const NATURAL_CEILING =
  /事故|投诉|发生|违规|违纪|违法|差错|失误|损失|超|控制|上限|以内|不超过|最多|最高|耗|排放|编制|在编|在职|实有人数|空置|积压|滞留|死亡|伤亡|疫|病|污染|故障|返工|延误|拖欠|欠|逾期|结余|闲置|库存|时间|时长|天数|周期|期限|用时|等待|排队|噪|误差|偏差|退|流失|辍学|缺|负债|赤字|扣|罚|公务|会议|接待|出国|差旅|用车|三公|人均|平均|每|班额|占地|用地|占用|返贫|未|失业|剩余|产生|用水|用电|用气|用能|成本|费用|经费|资金|支出|价格|调整|变更|问题|隐患|风险|异常|不合格|不良|纠纷|上访|信访|举报|矛盾/;

export function isNaturalCeiling(name: string): boolean {
  return NATURAL_CEILING.test(nameKey(name));
}

/**
 * A cost name where a floor (≥, 不低于) is meant: a standard paid out to people (补助标准 ≥1000元/人 guarantees a
 * minimum; 生均公用经费 has a national minimum), wages, savings and income.
 */
const NATURAL_FLOOR =
  /补助|补贴|资助|救助|奖补|奖励|抚恤|慰问|发放|标准|定额|基准|生均|工资|薪酬|报酬|收入|收益|节约|节省|降低|下降|节支/;

export function isNaturalFloor(name: string): boolean {
  return NATURAL_FLOOR.test(nameKey(name));
}

/** Units of time: a 数量 target in days or months is a duration, and a ceiling on it is natural. */
export function isTimeUnit(unit: string | null): boolean {
  return !!unit && /^(天|日|小时|时|分钟|分|秒|个?工作日|个?月|年|周|星期)/.test(unit);
}

/** Verbs of an aim (促进, 提高, 改善, 推动 …): a name made of them states a purpose, not a measure. */
const AIM_VERB =
  /促进|推动|推进|提高|提升|改善|加强|增强|保障|确保|实现|维护|巩固|优化|完善|助力|带动|发挥|营造|打造|构建|健全|加快|深化|推广|弘扬|丰富|满足/;

/**
 * Words that name a measure (…率, …程度, 人数, 面积, 指数) or a countable state (完成, 达标, 按时: a share of the
 * items done): something a percentage can be a share of.
 */
const MEASURE_WORD =
  /率|比例|占比|比重|比值|覆盖|程度|(满意|知晓|认可|认知|认同|参与|完成|完好|清洁|满足|信任|获得|熟悉|透明|精准|支持|饱和|密|浓|温|精|速|高|宽|深|厚|强)度|数|(?<!质)量|额|指数|面积|长度|里程|人次|得分|分值|评分|等级|完成|达标|合格|验收|按时|及时/;

/** The aim verbs of a name that has no measure word ("教学条件改善、办学水平提高" → ["改善", "提高"]), else []. */
export function aimWithoutMeasure(name: string): string[] {
  const k = nameKey(name);
  if (MEASURE_WORD.test(k)) return [];
  const found: string[] = [];
  const re = new RegExp(AIM_VERB.source, "g");
  for (let m = re.exec(k); m; m = re.exec(k)) if (!found.includes(m[0])) found.push(m[0]);
  return found;
}
