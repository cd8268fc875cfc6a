import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "rate-mismatch",
  severity: "error",
  meta: {
    docs: {
      "zh-CN": "填报的比率（执行率、到位率、完成率、满意度等）与由其自身数据重新计算的比率不一致，差异超出其显示精度。",
      "en-US":
        "A stated rate (execution, arrival, completion, satisfaction…) differs from the rate recomputed from its own inputs by more than its displayed precision.",
    },
    messages: {
      mismatch: {
        "zh-CN": "{name}填写为{stated}，按其数据计算应为{computed}。",
        "en-US": "{name} is stated as {stated}, but its inputs give {computed}.",
      },
    },
  },
  check() {
    // Stub: reports nothing until the core engineer implements it.
  },
};

export default rule;
