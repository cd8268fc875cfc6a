import { defineRule } from "./types";
import { display, matchedIndicatorPairs, matchedPairComparisons } from "./shared/pairs";
import { rowName } from "./util";

export { compareIndicatorValues, type ValueComparison } from "./shared/pairs";

const rule = defineRule({
  id: "indicator-value-mismatch",
  severity: "error",
  meta: {
    title: { "zh-CN": "同一指标的指标值前后不一致", "en-US": "Indicator value differs between tables" },
    docs: {
      "zh-CN":
        "同一指标在两张表中的指标值不一致（换算单位后、按书写精度比较），例如申报时成本指标为≤628,678,956.50元、自评时为≤628,278,103.22元。精度不同的两值，只有较粗者至少有3位有效数字且相差不到其末位半个单位时才算一致（62867.90万元与628,678,956.50元一致）；只靠把粗略整数（≥2万人、≤6.3亿元）取整才相同的，作为警告列出。审核人员以申报（批复）的指标值为准，要求说明调整依据或更正后一表。",
      "en-US":
        "The same indicator carries different target values in two tables (compared after unit conversion and at the precision written), e.g. a cost indicator declared as ≤628,678,956.50元 and assessed as ≤628,278,103.22元. Values written at different precision agree only when the coarser has at least 3 significant digits and they differ by less than half its last unit (62867.90万元 and 628,678,956.50元 agree); a pair that agrees only by rounding a coarse value (≥2万人, ≤6.3亿元) is a warning. A reviewer holds to the declared (approved) value and asks for the basis of the change, or for the later table to be corrected.",
    },
    messages: {
      mismatch: {
        "zh-CN": "指标“{name}”的指标值为{value}，与{otherSheet}中的{other}不一致。",
        "en-US": 'Indicator "{name}" has the value {value}, which differs from {other} in {otherSheet}.',
      },
      rounded: {
        "zh-CN":
          "指标“{name}”的指标值为{value}，{otherSheet}中为{other}：两者只有把较粗的整数看作另一数的近似值才相同，目标可能已被改动。",
        "en-US":
          'Indicator "{name}" has the value {value} and {other} in {otherSheet}: they agree only if the rounder one is taken as an approximation of the other, so the target may have been changed.',
      },
    },
  },
  check(ctx) {
    const pairs = matchedIndicatorPairs(ctx.scope);
    const comparisons = matchedPairComparisons(ctx.scope);
    for (let i = 0; i < pairs.length; i++) {
      if (comparisons[i] !== "differ" && comparisons[i] !== "rounded") continue;
      const rounded = comparisons[i] === "rounded";
      const ref = pairs[i][0];
      const row = pairs[i][1];
      const cell = row.target!;
      ctx.report({
        messageId: rounded ? "rounded" : "mismatch",
        // A difference hidden by rounding is a judgement for the reviewer: a warning, not an error.
        severity: rounded ? "warning" : undefined,
        data: { name: rowName(row), value: display(row), otherSheet: ref.sheet, other: display(ref) },
        sheet: cell.sheet,
        row: cell.row,
        col: cell.col,
        related: [ref.target!],
      });
    }
  },
});

export default rule;
