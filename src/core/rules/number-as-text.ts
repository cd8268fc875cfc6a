import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "number-as-text",
  severity: "info",
  meta: {
    docs: {
      "zh-CN": "应填数字的单元格（分值、得分、金额、人数）中是无法读成数字的文本或错误值。",
      "en-US":
        "A cell that should hold a number (weight, score, amount, count) holds text that cannot be read as a number, or an error value.",
    },
    messages: {
      text: {
        "zh-CN": "{name}应为数字，但填写的是“{value}”。",
        "en-US": '{name} should be a number but holds "{value}".',
      },
      error: {
        "zh-CN": "{name}为错误值{value}。",
        "en-US": "{name} holds the error value {value}.",
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
