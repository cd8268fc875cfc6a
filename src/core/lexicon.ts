/**
 * Words that make a target unverifiable (目标设立笼统、未量化) and words that make one checkable. Offline data
 * for the `vague-target` and `goal-not-in-indicators` rules; reviewers reject goals and indicator values
 * written only with the first kind.
 */

/** Degree and trend words with no measure: 效果明显, 逐步提高, 进一步改善, 有所提升. Longest first. */
const VAGUE_WORDS: readonly string[] = [
  "进一步",
  "有所",
  "明显",
  "较好",
  "良好",
  "有效",
  "逐步",
  "稳步",
  "显著",
  "持续",
  "不断",
  "大幅",
  "积极",
  "较大",
  "较高",
  "更加",
  "日益",
  "切实",
  "充分",
  "大力",
  "一定",
  "改善",
  "提高",
  "提升",
  "增强",
  "促进",
];

/** A whole value that is one degree or duration word (高, 良好, 长期): nothing to verify. */
const VAGUE_WHOLE = /^(高|较高|好|较好|良好|优|优良|强|长期|长效|持久)$/;

/**
 * A checkable state: something a reviewer can answer yes or no to (按时完成, 无重大安全事故, 通过验收), or a
 * deadline. A value holding one is verifiable even without a number.
 */
const CHECKABLE =
  /按时|按期|如期|准时|按计划完成|通过验收|验收合格|竣工|无重大|无安全|未发生|零发生|零事故|零投诉|全覆盖|全部|应保尽保|应发尽发|年底前|年末前|月底前|年内完成|当年完成|前完成|之前完成|达标|合格|第[一二三四五六七八九十0-9]+名|前[一二三四五六七八九十0-9]+名/;

/** Whole values that are a yes/no state (是, 否, 有, 无, 达到, 完成, 已建立 …). */
const STATE_VALUE =
  /^(是|否|有|无|达到|达标|完成|已完成|全部完成|建立|已建立|建成|已建成|实现|已实现|通过|合格|良|优|优秀)$/;

/** An amount of money written in text: 2026400元, 43.2万元, 1,200元, 6.3亿元 (figure, then 万/亿). */
export const MONEY_FIGURE = /([0-9\uff10-\uff19][0-9\uff10-\uff19,，.．]*)\s*(万|亿)?元/.source;

/**
 * A report that only says the work was done (已完成, 已完成100%, 达成预期指标, 达标, 是, 符合要求): for a qualitative
 * target the words of a target reached, for a quantified one no measured figure at all.
 */
const DONE_ONLY =
  /^(已经?|均已|全部|按时|按期|已全部)?(完成|达成|实现|达到|达标|落实)(了)?(100%|百分之百|目标|任务|指标|(预期|年度|既定)(目标|指标))?$|^(100%|百分之百)(完成|达成|实现)$|^(是|符合|符合要求)$/;

export function saysOnlyDone(text: string): boolean {
  return DONE_ONLY.test(text.replace(/\s+/g, "").replace(/[。.]$/, ""));
}

/** Digits, ASCII or full-width. */
const DIGIT = /[0-9\uff10-\uff19]/;

/** Chinese numerals followed by a measure word: 三个, 两项, 十所 (not 每一个, 一项: "one" names no amount). */
const CHINESE_QUANTITY =
  /(?:[二两三四五六七八九十百千][一二两三四五六七八九十百千万]*|一[十百千万][一二两三四五六七八九十百千万]*)(个|项|所|家|座|条|名|次|批|期|场|处|户|村|镇|乡|类|套|台|辆|公里|米|亩|吨|万)/;

/** List numbering and period markers that are not quantities: 1. / 2、/ （1）/ ① / 一是 / 2021年度. */
function stripMarkers(text: string): string {
  return (
    text
      // A document cited by title or number (《…方案(2019-2020年)》, 财预〔2020〕10号) states no target of its own.
      .replace(/《[^》]*》/g, "")
      .replace(/[〔[]\s*(19|20)\d{2}\s*[〕\]]\s*\d+\s*号/g, "")
      // 目标1： / 任务2、 number the goals, they count nothing.
      .replace(/(目标|任务|指标)\s*[0-9\uff10-\uff19一二三四五六七八九十]{1,2}\s*[:：、.．]/g, "")
      .replace(/(^|[\s。；;，,:：])[（(]?[0-9\uff10-\uff19]{1,2}[)）.．、]/g, "$1")
      .replace(/[①-⑳]/g, "")
      .replace(/(^|[\s。；;，,])[一二三四五六七八九十][是、]/g, "$1")
      .replace(/(19|20)\d{2}\s*年度/g, "")
      .replace(/(19|20)\d{2}\s*年(?!\s*[底末前内]|\s*\d{1,2}\s*月)/g, "")
  );
}

/** The vague words a text holds, each once, in the order they appear (可持续 is a name, not 持续). */
export function vagueWordsIn(text: string): string[] {
  const whole = text.replace(/[\s。.!！]/g, "");
  if (VAGUE_WHOLE.test(whole)) return [whole];
  const t = text.replace(/可持续/g, "　");
  const found: { w: string; at: number }[] = [];
  for (const w of VAGUE_WORDS) {
    const at = t.indexOf(w);
    if (at >= 0 && !found.some((f) => f.w.includes(w))) found.push({ w, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.w);
}

/** True when a text names something a reviewer can check: a number, a date or deadline, or a yes/no state. */
export function hasVerifiable(text: string): boolean {
  const t = stripMarkers(text.normalize("NFKC"));
  if (DIGIT.test(t)) return true;
  if (CHINESE_QUANTITY.test(t)) return true;
  if (CHECKABLE.test(t)) return true;
  return STATE_VALUE.test(t.replace(/[\s。.!！]/g, ""));
}
