import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "weight-total",
  severity: "error",
  meta: {
    docs: {
      "zh-CN":
        "分值合计不为100；自评表一级指标分值不是预算执行率10、产出50、效益30、满意度10（警告）；评价指标体系中产出与效益分值合计低于60。",
      "en-US":
        "Weights that do not total 100; a self-assessment split other than 10/50/30/10 (warning); or 产出 + 效益 below 60 in an evaluation indicator system.",
    },
    messages: {
      notHundred: {
        "zh-CN": "各项分值合计为{sum}，应为100。",
        "en-US": "The weights add up to {sum}; they should total 100.",
      },
      split: {
        "zh-CN": "一级指标“{name}”分值合计为{weight}，标准为{expected}。",
        "en-US": 'First-level indicator "{name}" has weights totalling {weight}; the standard is {expected}.',
      },
      outputBenefit: {
        "zh-CN": "产出与效益指标分值合计为{sum}，低于60。",
        "en-US": "Output and benefit weights total {sum}, below 60.",
      },
    },
  },
  check() {
    // Filled in by the check engine.
  },
};

export default rule;
