import type { RuleModule } from "./types";

const rule: RuleModule = {
  id: "unit-mismatch",
  severity: "warning",
  meta: {
    docs: {
      "zh-CN": "同一金额在一处以元、另一处以万元书写，两者相差 10⁴ 倍。",
      "en-US":
        "The same amount is written in 元 in one place and in 万元 in another, so that the two differ by a factor of 10⁴.",
    },
    messages: {
      mismatch: {
        "zh-CN": "{name}为{value}，与{other}相差约1万倍，可能混用了元与万元。",
        "en-US": "{name} is {value}, about 10⁴ times {other}: 元 and 万元 may be mixed.",
      },
    },
  },
  check() {
    // Stub: reports nothing until the core engineer implements it.
  },
};

export default rule;
