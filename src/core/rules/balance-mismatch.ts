import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "balance-mismatch",
  severity: "error",
  meta: {
    docs: {
      "zh-CN": "结余资金不等于到位资金减去支出（精确到分）。",
      "en-US": "The balance is not the funds received minus the spending (exact to the cent).",
    },
    messages: {
      mismatch: {
        "zh-CN": "结余为{balance}，但到位资金{arrived}减支出{spent}为{expected}。",
        "en-US": "The balance is {balance}, but received {arrived} minus spent {spent} is {expected}.",
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
