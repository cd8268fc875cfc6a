import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "sum-mismatch",
  severity: "error",
  meta: {
    docs: {
      "zh-CN": "合计数不等于其组成部分之和：年度资金总额与其中各行、总分与各项得分之和、资金总额与财政拨款加其他资金。",
      "en-US":
        "A total that is not the sum of its parts: 年度资金总额 versus its 其中 rows, 总分 versus the sum of scores, or a total versus 财政拨款 + 其他资金.",
    },
    messages: {
      funds: {
        "zh-CN": "{name}为{total}，但其中各行合计为{sum}。",
        "en-US": "{name} is {total}, but its 其中 rows add up to {sum}.",
      },
      scoreTotal: {
        "zh-CN": "总分为{total}，但各项得分合计为{sum}。",
        "en-US": "The total score is {total}, but the scores add up to {sum}.",
      },
      weightTotal: {
        "zh-CN": "总分行的分值为{total}，但各项分值合计为{sum}。",
        "en-US": "The total row's weight is {total}, but the weights add up to {sum}.",
      },
      amountTotal: {
        "zh-CN": "{name}为{total}，但{parts}合计为{sum}。",
        "en-US": "{name} is {total}, but {parts} add up to {sum}.",
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
