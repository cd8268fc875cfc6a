import { defineRule } from "./types";
import { SheetReader } from "../recognize/sheet";
import { cellNumber } from "../recognize/cells";
import { headerKey } from "../recognize/headers";
import type { Cell } from "../recognize/model";

/** 编制数 / 核定编制数 / 编制人数: the staff a unit is allowed. */
const QUOTA = /^(核定|批复)?编制(人)?数$/;
/** 在职人数 / 实际在职人数 / 实有人数 (a year before it: 2023年实际在职人数). */
const STAFF = /^((19|20)\d{2}年)?(实际|年末)?(在职|实有|在编)(人数|人员数?)$/;
/** Rows a header is looked for in: a department's basic data sits at the top of its sheet. */
const SCAN_ROWS = 60;

/** The number under a header cell (the next row, same column), when there is one. */
function below(rd: SheetReader, r: number, c: number): Cell | undefined {
  if (r + 1 >= rd.r1) return undefined;
  const cell = rd.sourceCell(r + 1, c);
  return cellNumber(cell) ? cell : undefined;
}

const rule = defineRule({
  id: "over-establishment",
  severity: "warning",
  meta: {
    title: { "zh-CN": "实际在职人数超过编制数", "en-US": "Staff above the establishment" },
    docs: {
      "zh-CN":
        "部门整体支出绩效评价的基础数据中，实际在职人数多于编制数（人员控制率超过100%）：超编。只比较同一行表头下的编制数与在职人数。复核时要求单位说明超编原因和清理计划，并在“人员控制率”指标中扣分。",
      "en-US":
        "In a department-wide evaluation's basic data, the staff actually in post exceed the establishment (人员控制率 above 100 %). Only an establishment and a staff count headed in the same row are compared. A reviewer asks the unit to explain the excess and how it will be cleared, and deducts under the staff-control indicator.",
    },
    messages: {
      over: {
        "zh-CN": "{staffLabel}为{staff}人，超过编制数{quota}人（人员控制率{rate}）。",
        "en-US": "{staffLabel} is {staff}, above the establishment of {quota} (staff-control rate {rate}).",
      },
    },
  },
  check(ctx) {
    for (const sheet of ctx.snapshot.sheets) {
      if (!sheet || !Array.isArray(sheet.values)) continue;
      const rd = new SheetReader(sheet);
      const end = Math.min(rd.r1, rd.r0 + SCAN_ROWS);
      for (let r = rd.r0; r < end; r++) {
        let quota: Cell | undefined;
        let staff: Cell | undefined;
        let staffLabel = "";
        const len = rd.rowLength(r);
        for (let c = rd.c0; c < len; c++) {
          const v = rd.raw(r, c);
          if (typeof v !== "string" || v.length > 20) continue;
          const k = headerKey(v);
          if (!quota && QUOTA.test(k)) quota = below(rd, r, c);
          else if (!staff && STAFF.test(k)) {
            staff = below(rd, r, c);
            staffLabel = v.replace(/\s+/g, "");
          }
        }
        if (!quota || !staff) continue;
        const q = cellNumber(quota)!.value;
        const s = cellNumber(staff)!.value;
        if (!(q > 0) || s <= q) continue;
        ctx.report({
          messageId: "over",
          data: { staffLabel, staff: s, quota: q, rate: `${((s / q) * 100).toFixed(2)}%` },
          sheet: staff.sheet,
          row: staff.row,
          col: staff.col,
          related: [quota],
        });
      }
    }
  },
});

export default rule;
