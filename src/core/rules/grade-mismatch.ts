import { defineRule } from "./types";
import { shownCell } from "./format";
import { cellNumber } from "../recognize/cells";
import { bandOf } from "../profile";
import { gradeFromWord, GRADE_WORDS } from "../scoring";

const rule = defineRule({
  id: "grade-mismatch",
  severity: "error",
  meta: {
    title: { "zh-CN": "等级与总分不符", "en-US": "Grade does not match the total" },
    docs: {
      "zh-CN":
        "评价等级与总分不符（按评价口径的等级划分；国家默认[90,100]为优，[80,90)为良，[60,80)为中，[0,60)为差）。例如80.37分应为良。",
      "en-US":
        "A grade word that does not match the total by the profile's bands (national default: [90, 100] 优, [80, 90) 良, [60, 80) 中, [0, 60) 差; 80.37 is 良).",
    },
    messages: {
      mismatch: {
        "zh-CN": "等级为“{grade}”，但总分{total}对应的等级是“{expected}”。",
        "en-US": 'The grade is "{grade}", but the total {total} corresponds to "{expected}".',
      },
    },
  },
  check(ctx) {
    for (const g of ctx.model.grades) {
      const total = cellNumber(g.total)?.value;
      if (total === undefined || total === null) continue;
      // The bands come from the profile (national: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差).
      const band = bandOf(total, ctx.profile.gradeBands);
      if (!band) continue;
      const expected = band.grade;
      // A standard word (优秀 = 优) is compared by meaning; a province's own word as written.
      const key = gradeFromWord(expected);
      const same = key ? GRADE_WORDS[key]["zh-CN"] === g.grade : g.value.text.trim() === expected;
      if (!same)
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
});

export default rule;
