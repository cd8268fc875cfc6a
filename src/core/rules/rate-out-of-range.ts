import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "rate-out-of-range",
  severity: "warning",
  meta: {
    docs: {
      "zh-CN":
        "比率超出可能的范围：满意度、知晓率、达标率、到位率、执行率等不可能高于100%，任何比率不应低于0（成本节约率、增长率除外）。",
      "en-US":
        "A rate outside what is possible: satisfaction, awareness, quality, arrival and execution rates cannot exceed 100 %, and no rate should be negative (except cost saving and growth rates).",
    },
    messages: {
      above: {
        "zh-CN": "{name}为{value}，超过100%。",
        "en-US": "{name} is {value}, above 100 %.",
      },
      below: {
        "zh-CN": "{name}为{value}，低于0。",
        "en-US": "{name} is {value}, below 0.",
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
