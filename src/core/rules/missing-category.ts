import { defineRule } from "./types";
import type { CellPos, IndicatorCategory } from "../recognize/model";
import { levelCell } from "../recognize";
import { familyOfCategory } from "../recognize/headers";

const BENEFITS: IndicatorCategory[] = ["经济效益", "社会效益", "生态效益", "可持续影响"];

const rule = defineRule({
  id: "missing-category",
  severity: "warning",
  meta: {
    title: { "zh-CN": "指标设置不完整", "en-US": "Indicator categories missing" },
    docs: {
      "zh-CN":
        "指标体系缺少数量、质量、时效、成本、效益或满意度类指标（指标设置不完整），指标再少也一样。审核人员要求填报单位补充缺少类别的指标，或说明该类别不适用的理由。",
      "en-US":
        "An indicator set without quantity, quality, timeliness, cost, benefit or satisfaction indicators (an incomplete indicator set), however few indicators it has. A reviewer asks the unit to add indicators of the missing kind, or to state why the kind does not apply.",
    },
    messages: {
      missing: {
        "zh-CN": "{sheet}的指标表缺少“{category}”类指标。",
        "en-US": 'The indicator table on {sheet} has no "{category}" indicators.',
      },
    },
  },
  check(ctx) {
    // What a complete indicator set covers (指标设置完整) comes from the profile (national: 数量/质量/时效/成本/效益/满意度).
    const required = ctx.profile.requiredCategories;
    if (required.length === 0) return;
    for (const table of ctx.model.tables) {
      // Only a whole indicator set: a table that lists output indicators, however few rows it has (a set of two
      // indicators is the most incomplete of all).
      if (!table.rows.some((r) => r.family === "产出")) continue;
      // Categories are read from the level names: a table naming none the standard way can't be judged.
      if (!table.rows.some((r) => r.category && r.category !== "满意度")) continue;
      const have = new Set<string>();
      for (let i = 0; i < table.rows.length; i++) {
        const r = table.rows[i];
        const before = have.size;
        if (r.category) {
          have.add(r.category);
          if (BENEFITS.includes(r.category)) have.add("效益");
        }
        if (r.family === "效益" && r.category !== "满意度") have.add("效益");
        if (r.family === "满意度") have.add("满意度");
        // Once every required category is seen the rest of the rows cannot change the outcome.
        if (have.size !== before && required.every((cat) => have.has(cat))) break;
      }
      const col = table.columns.level2 ?? table.columns.level1 ?? table.columns.level3 ?? 0;
      for (const cat of required) {
        if (have.has(cat)) continue;
        // Point at the group the category belongs in (产出 for 数量/质量/时效/成本), listing its rows, so the
        // reviewer sees where the indicator is missing; the header when the group itself is missing.
        // A profile may require a specific benefit (经济效益): its family is 效益, like the generic one.
        const family = cat === "效益" ? "效益" : (familyOfCategory(cat as IndicatorCategory) ?? "产出");
        const group = table.rows.filter((r) => r.family === family || (family === "产出" && r.family === "成本"));
        const anchor = group.length > 0 ? (levelCell(group[0], 1) ?? levelCell(group[0], 2)) : undefined;
        ctx.report({
          messageId: "missing",
          data: { sheet: table.sheet, category: cat },
          sheet: table.sheet,
          row: anchor?.row ?? table.headerRows[0],
          col: anchor?.col ?? col,
          related: group.map((r) => levelCell(r, 2) ?? levelCell(r, 3)).filter((c): c is CellPos => !!c),
        });
      }
    }
  },
});

export default rule;
