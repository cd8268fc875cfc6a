import { defineRule } from "./types";
import { points, isBlankMark } from "../recognize/cells";
import type { Cell } from "../recognize/model";
import { exactSum, hasNum, weightedItems, type WeightedItem } from "./util";
import { MAX_RELATED } from "./types";
import { levelCell } from "../recognize";

const rule = defineRule<"notHundred" | "split" | "outputBenefit" | "partWeight", { checkSplit: boolean }>({
  id: "weight-total",
  severity: "error",
  meta: {
    title: { "zh-CN": "分值（权重）设置不合规", "en-US": "Weights do not add up as required" },
    docs: {
      "zh-CN":
        "分值合计不为100；资金表的其中行另填了分值（预算执行率的分值被计两次，警告）；自评表一级指标分值不符合评价口径（国家默认：预算执行率10、产出50、效益30、满意度10，警告）；评价指标体系中产出与效益分值合计低于评价口径的下限（国家默认60）。",
      "en-US":
        "Weights that do not total 100; a funds line under the total that carries a weight of its own (the execution weight counted twice; a warning); a self-assessment split other than the profile's (national default 10/50/30/10; a warning); or 产出 + 效益 below the profile's minimum (national default 60) in an evaluation indicator system.",
    },
    schema: {
      type: "object",
      properties: {
        checkSplit: {
          type: "boolean",
          description: {
            "zh-CN": "检查自评表一级指标分值是否符合评价口径的分值（weights）",
            "en-US": "Check a self-assessment's first-level weights against the profile's weights",
          },
        },
      },
      additionalProperties: false,
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
      partWeight: {
        "zh-CN": "“{name}”是年度资金总额的其中行，却也写了分值{weight}：预算执行率的分值只应计一次。",
        "en-US":
          '"{name}" is a line under the funds total, yet it carries a weight of {weight} too: the budget-execution weight counts once.',
      },
      outputBenefit: {
        "zh-CN": "产出与效益指标分值合计为{sum}，低于{min}。",
        "en-US": "Output and benefit weights total {sum}, below {min}.",
      },
    },
  },
  defaultOptions: { checkSplit: true },
  check(ctx) {
    const { model } = ctx;
    const w = ctx.profile.weights;
    const split: Record<string, number> = {
      预算执行: w.budgetExecution,
      产出: w.output,
      效益: w.outcome,
      满意度: w.satisfaction,
    };
    // Float noise is never a finding; the profile may allow more (forms that round weights).
    const tol = Math.max(1e-6, ctx.profile.tolerances.points);
    // A 其中 line with a 分值 of its own (其中:本年财政拨款 | … | 10 | … | 10): added up, the block counts twice.
    for (const block of model.funds) {
      if (!hasNum(block.total?.cells.weight)) continue;
      for (const part of block.parts) {
        const pw = part.cells.weight;
        if (!hasNum(pw) || points(pw)! === 0) continue;
        ctx.report({
          messageId: "partWeight",
          severity: "warning",
          data: { name: part.label.text.replace(/\s+/g, "").replace(/^其中[:：]?/, ""), weight: points(pw)! },
          sheet: pw!.sheet,
          row: pw!.row,
          col: pw!.col,
          related: [block.total!.cells.weight!, ...(part.cells.score ? [part.cells.score] : [])],
        });
      }
    }
    for (const table of model.tables) {
      // No weight column and no funds line to add (weightedItems adds one only to self-assessments): no weights.
      if (table.columns.weight === undefined && table.kind !== "self-assessment") continue;
      const all = weightedItems(ctx.scope, table);
      // One pass over the items (each step reads cells all over the heap): the readable weights and their families.
      const items: WeightedItem[] = [];
      const families = new Set<string>();
      let unreadable = false;
      for (let k = 0; k < all.length; k++) {
        const i = all[k];
        if (hasNum(i.weight)) {
          items.push(i);
          families.add(i.family);
        } else if (i.weight && !isBlankMark(i.weight)) {
          unreadable = true;
          break;
        }
      }
      // A weight that cannot be read (number-as-text reports it) makes any sum a guess: judge nothing.
      if (unreadable) continue;
      if (items.length === 0) continue;
      // A fragment (one category listed on its own) is not a whole indicator set: only whole sets must make 100.
      if (!table.total && families.size < 3) continue;
      const sum = exactSum(items.map((i) => points(i.weight)!));
      const anchor: Cell = hasNum(table.total?.weight) ? table.total!.weight! : items[items.length - 1].weight!;
      // A self-assessment whose table holds 90 and whose funds block states no 分值 keeps the standard 10 for
      // 预算执行率 outside the table: that is the form's layout, not a wrong weight. So does a declaration that
      // weighs its indicators (井研 2023: 90 per project): the 10 is the self-assessment's funds line.
      const implicitExec =
        (table.kind === "self-assessment" || table.kind === "declaration") &&
        !families.has("预算执行") &&
        w.budgetExecution > 0 &&
        Math.abs(sum - (100 - w.budgetExecution)) <= tol;
      if (Math.abs(sum - 100) > tol && !implicitExec) {
        ctx.report({
          messageId: "notHundred",
          data: { sum },
          sheet: anchor.sheet,
          row: anchor.row,
          col: anchor.col,
          related: items
            .slice(0, MAX_RELATED + 1)
            .map((i) => i.weight!)
            .filter((c) => c !== anchor),
        });
        // In a whole set the split still tells which first level carries the extra or missing points.
        if (families.size < 3) continue;
      }
      const byFamily = new Map<string, { sum: number[]; cells: Cell[]; first: Cell; row: number; name: string }>();
      for (let k = 0; k < items.length; k++) {
        const i = items[k];
        // Older self-assessments list 服务对象满意度 under 效益指标: by the standard split it is still the 满意度 10.
        // 成本指标 as a first level of its own takes its share of the standard 产出 50.
        const family =
          table.kind === "self-assessment" && i.category === "满意度"
            ? "满意度"
            : i.family === "成本"
              ? "产出"
              : i.family;
        const e = byFamily.get(family);
        if (e) {
          e.sum.push(points(i.weight)!);
          e.cells.push(i.weight!);
        } else
          byFamily.set(family, {
            sum: [points(i.weight)!],
            cells: [i.weight!],
            first: i.weight!,
            row: i.row,
            name: family,
          });
      }
      // Department-wide forms group indicators by duty (履职效能 / 管理效率): the project split does not apply;
      // nor to a self-assessment grouped some other way (项目决策 / 项目管理 / 项目产出).
      const standardGroups = [...byFamily.keys()].every((f) => f in split);
      if (table.kind === "self-assessment" && !table.department && standardGroups) {
        if (!ctx.options.checkSplit) continue;
        for (const [family, expected] of Object.entries(split)) {
          const e = byFamily.get(family);
          if (!e) continue;
          const got = exactSum(e.sum);
          if (Math.abs(got - expected) > tol) {
            // The first level's own label (产出指标（70分）) is where a reader sees the split: point at it too.
            const row = table.rows.find((r) => r.row === e.row);
            const label = row ? levelCell(row, 1) : undefined;
            ctx.report({
              messageId: "split",
              severity: "warning",
              data: { name: family, weight: got, expected },
              sheet: e.first.sheet,
              row: e.first.row,
              col: e.first.col,
              related: [...(label ? [label] : []), ...e.cells.slice(1, MAX_RELATED)],
            });
          }
        }
      } else if (table.kind === "evaluation") {
        const out = byFamily.get("产出");
        const ben = byFamily.get("效益");
        const ob = exactSum([...(out?.sum ?? []), ...(ben?.sum ?? [])]);
        const first = out?.first ?? ben?.first;
        if (first && ob < w.minOutputPlusOutcome - tol)
          ctx.report({
            messageId: "outputBenefit",
            data: { sum: ob, min: w.minOutputPlusOutcome },
            sheet: first.sheet,
            row: first.row,
            col: first.col,
          });
      }
    }
  },
});

export default rule;
