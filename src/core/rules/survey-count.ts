import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "survey-count",
  severity: "error",
  meta: {
    docs: {
      "zh-CN": "调查问卷各选项人数之和与合计或有效问卷数不符，或有效问卷多于发放问卷。",
      "en-US":
        "Survey counts per level do not add up to the stated total or to the valid questionnaires, or there are more valid questionnaires than were issued.",
    },
    messages: {
      total: {
        "zh-CN": "各选项人数合计为{sum}，但合计填写为{total}。",
        "en-US": "The level counts add up to {sum}, but the total says {total}.",
      },
      valid: {
        "zh-CN": "各选项人数合计为{sum}，但有效问卷为{valid}份。",
        "en-US": "The level counts add up to {sum}, but there are {valid} valid questionnaires.",
      },
      issued: {
        "zh-CN": "有效问卷{valid}份多于发放问卷{issued}份。",
        "en-US": "{valid} valid questionnaires exceed the {issued} issued.",
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
