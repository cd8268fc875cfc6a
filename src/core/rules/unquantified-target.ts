import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "unquantified-target",
  severity: "warning",
  meta: {
    docs: {
      "zh-CN": "数量、质量、时效、成本指标的指标值没有数字，或只填了占位符（目标设立笼统、未量化）。",
      "en-US":
        "A quantity, quality, timeliness or cost indicator whose value has no number, or only a placeholder (a vague, unquantified target).",
    },
    messages: {
      unquantified: {
        "zh-CN": "指标“{name}”（{category}）的指标值“{value}”未量化。",
        "en-US": 'Indicator "{name}" ({category}) has the unquantified value "{value}".',
      },
    },
  },
  check() {
    // Stub: reports nothing until the core engineer implements it.
  },
};

export default rule;
