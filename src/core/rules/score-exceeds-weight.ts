import { defineRule } from "./types";
import { points } from "../recognize/cells";
import type { Cell } from "../recognize/model";
import { hasNum, rowName } from "./util";

const rule = defineRule({
  id: "score-exceeds-weight",
  severity: "error",
  meta: {
    title: { "zh-CN": "得分超过分值或为负", "en-US": "Score above its weight or negative" },
    docs: {
      "zh-CN": "得分高于其分值，或为负数。",
      "en-US": "A score above its weight, or a negative score.",
    },
    messages: {
      exceeds: {
        "zh-CN": "“{name}”得分{score}高于分值{weight}。",
        "en-US": '"{name}" scores {score}, above its weight {weight}.',
      },
      negative: {
        "zh-CN": "“{name}”得分{score}为负数。",
        "en-US": '"{name}" has a negative score {score}.',
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    const test = (name: string, score: Cell | undefined, weight: Cell | undefined) => {
      if (!hasNum(score)) return;
      const s = points(score)!;
      if (s < 0) {
        ctx.report({
          messageId: "negative",
          data: { name, score: s },
          sheet: score.sheet,
          row: score.row,
          col: score.col,
        });
        return;
      }
      if (!hasNum(weight)) return;
      const w = points(weight)!;
      // Tiny tolerance: a formula's binary noise (5.000000000000001) is not above 5.
      if (s > w + 1e-9 * Math.max(1, w))
        ctx.report({
          messageId: "exceeds",
          data: { name, score: s, weight: w },
          sheet: score.sheet,
          row: score.row,
          col: score.col,
          related: [weight],
        });
    };
    // Indexed, not for-of: this loop runs once per check, largely before it is optimized, where for-of
    // makes an iterator result per row.
    const rows = model.indicators;
    for (let i = 0; i < rows.length; i++) test(rowName(rows[i]), rows[i].score, rows[i].weight);
    for (const t of model.tables) if (t.total) test(t.total.label.text, t.total.score, t.total.weight);
    for (const f of model.funds) if (f.total) test(f.total.label.text, f.total.cells.score, f.total.cells.weight);
  },
});

export default rule;
