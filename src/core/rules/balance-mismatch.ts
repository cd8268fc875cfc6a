import { defineRule } from "./types";
import { cellNumber } from "../recognize/cells";
import type { LabelledAmount } from "../recognize/model";
import { numbersAgree } from "../compare";
import { moneySub } from "../money";
import { stepOf } from "./util";

/** Amounts in 元 when labels disagree on the unit; as written otherwise. */
function factor(a: LabelledAmount, mixed: boolean): number {
  return mixed && a.unit === "万元" ? 1e4 : 1;
}

const rule = defineRule({
  id: "balance-mismatch",
  severity: "error",
  meta: {
    title: { "zh-CN": "结余不等于到位减支出", "en-US": "Balance is not received − spent" },
    docs: {
      "zh-CN": "结余资金不等于到位资金减去支出（精确到分）。",
      "en-US": "The balance is not the funds received minus the spending (exact to the cent).",
    },
    messages: {
      mismatch: {
        "zh-CN": "结余为{balance}，但到位资金{arrived}减支出{spent}为{expected}。",
        "en-US": "The balance is {balance}, but received {arrived} minus spent {spent} is {expected}.",
      },
    },
  },
  check(ctx) {
    const bySheet = new Map<string, LabelledAmount[]>();
    for (const a of ctx.model.amounts) {
      if (a.kind !== "balance" && a.kind !== "arrived" && a.kind !== "spent") continue;
      if (cellNumber(a.value) === null) continue;
      const l = bySheet.get(a.sheet) ?? [];
      l.push(a);
      bySheet.set(a.sheet, l);
    }
    for (const list of bySheet.values()) {
      for (const bal of list.filter((a) => a.kind === "balance")) {
        // The received and spent amounts closest to the balance (a sheet may describe several years).
        const near = (kind: string) =>
          list
            .filter((a) => a.kind === kind)
            .sort((x, y) => Math.abs(x.value.row - bal.value.row) - Math.abs(y.value.row - bal.value.row))[0];
        const arr = near("arrived");
        const sp = near("spent");
        if (!arr || !sp) continue;
        const units = new Set([arr.unit, sp.unit, bal.unit].filter(Boolean));
        const mixed = units.size > 1;
        const a = cellNumber(arr.value)!.value * factor(arr, mixed);
        const s = cellNumber(sp.value)!.value * factor(sp, mixed);
        const b = cellNumber(bal.value)!.value * factor(bal, mixed);
        const expected = moneySub(a, s);
        if (expected === null) continue;
        // Exact to the cent, or to the precision the inputs are written at; the finer input sets it.
        const step = Math.max(
          0.01,
          Math.min(stepOf(arr.value) * factor(arr, mixed), stepOf(sp.value) * factor(sp, mixed)),
        );
        if (!numbersAgree(b, step, expected, 0))
          ctx.report({
            messageId: "mismatch",
            data: { balance: b, arrived: a, spent: s, expected },
            sheet: bal.value.sheet,
            row: bal.value.row,
            col: bal.value.col,
            related: [arr.value, sp.value],
          });
      }
    }
  },
});

export default rule;
