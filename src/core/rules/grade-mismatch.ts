import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "grade-mismatch",
  severity: "error",
  meta: {
    docs: {
      "zh-CN": "评价等级与总分不符：[90,100]为优，[80,90)为良，[60,80)为中，[0,60)为差。例如80.37分应为良。",
      "en-US":
        "A grade word that does not match the total: [90, 100] 优, [80, 90) 良, [60, 80) 中, [0, 60) 差; 80.37 is 良.",
    },
    messages: {
      mismatch: {
        "zh-CN": "等级为“{grade}”，但总分{total}对应的等级是“{expected}”。",
        "en-US": 'The grade is "{grade}", but the total {total} corresponds to "{expected}".',
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
