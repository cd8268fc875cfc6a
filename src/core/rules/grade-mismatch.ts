import type { RuleModule } from "./types";
import { shownCell } from "./format";
import type { RuleContext } from "./types";
import { cellNumber } from "../recognize/cells";
import { gradeKey } from "../scoring";

const WORD = { excellent: "优", good: "良", fair: "中", poor: "差" } as const;

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
  check(ctx: RuleContext) {
    for (const g of ctx.model.grades) {
      const total = cellNumber(g.total)?.value;
      if (total === undefined || total === null) continue;
      const key = gradeKey(total);
      if (!key) continue;
      const expected = WORD[key];
      if (expected !== g.grade)
        ctx.report({
          messageId: "mismatch",
          data: { grade: g.value.text, total: shownCell(g.total!), expected },
          sheet: g.value.sheet,
          row: g.value.row,
          col: g.value.col,
          related: g.total ? [g.total] : [],
        });
    }
  },
};

export default rule;
