import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "missing-deviation-reason",
  severity: "warning",
  meta: {
    docs: {
      "zh-CN": "实际完成值未达到年度指标值，但偏差原因分析及改进措施为空。",
      "en-US": "The actual value misses its target but the deviation analysis (偏差原因分析及改进措施) is empty.",
    },
    messages: {
      missing: {
        "zh-CN": "指标“{name}”未达到指标值{target}（实际{actual}），但未填写偏差原因分析。",
        "en-US": 'Indicator "{name}" misses its target {target} (actual {actual}) with no deviation analysis.',
      },
    },
  },
  check() {
    // Stub: reports nothing until the core engineer implements it.
  },
};

export default rule;
