import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "missing-category",
  severity: "warning",
  meta: {
    docs: {
      "zh-CN": "指标体系缺少数量、质量、时效、成本、效益或满意度类指标（指标设置不完整）。",
      "en-US":
        "An indicator set without quantity, quality, timeliness, cost, benefit or satisfaction indicators (an incomplete indicator set).",
    },
    messages: {
      missing: {
        "zh-CN": "{sheet}的指标表缺少“{category}”类指标。",
        "en-US": 'The indicator table on {sheet} has no "{category}" indicators.',
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
