import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "indicator-value-mismatch",
  severity: "error",
  meta: {
    docs: {
      "zh-CN":
        "同一指标在两张表中的指标值不一致（换算单位后、按书写精度比较）。例如申报时成本指标为≤628,678,956.50元，自评时为≤628,278,103.22元。",
      "en-US":
        "The same indicator carries different target values in two tables (compared after unit conversion and at the precision written), e.g. a cost indicator declared as ≤628,678,956.50元 and assessed as ≤628,278,103.22元.",
    },
    messages: {
      mismatch: {
        "zh-CN": "指标“{name}”的指标值为{value}，与{otherSheet}中的{other}不一致。",
        "en-US": 'Indicator "{name}" has the value {value}, which differs from {other} in {otherSheet}.',
      },
    },
  },
  check() {
    // Stub: reports nothing until the core engineer implements it.
  },
};

export default rule;
