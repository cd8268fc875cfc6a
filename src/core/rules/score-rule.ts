import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "score-rule",
  severity: "warning",
  meta: {
    docs: {
      "zh-CN": "得分不符合其指标值与实际完成值对应的评分规则：方向（≥ 或 ≤）、按比例计分、未完成目标却得满分。",
      "en-US":
        "A score does not follow the scoring rule for its target and actual value: direction (≥ or ≤), proportional scoring, or full marks for a missed target.",
    },
    messages: {
      mismatch: {
        "zh-CN": "指标“{name}”得分{score}，按指标值{target}与实际完成值{actual}应得{expected}。",
        "en-US": 'Indicator "{name}" scores {score}; its target {target} and actual {actual} give {expected}.',
      },
    },
  },
  check() {
    // Stub: reports nothing until the core engineer implements it.
  },
};

export default rule;
