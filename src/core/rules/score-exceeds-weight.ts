import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "score-exceeds-weight",
  severity: "error",
  meta: {
    docs: {
      "zh-CN": "得分高于其分值，或为负数。",
      "en-US": "A score above its weight, or a negative score.",
    },
    messages: {
      exceeds: {
        "zh-CN": "“{name}”得分{score}高于分值{weight}。",
        "en-US": '"{name}" scores {score}, above its weight {weight}.',
      },
      negative: {
        "zh-CN": "“{name}”得分{score}为负数。",
        "en-US": '"{name}" has a negative score {score}.',
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
