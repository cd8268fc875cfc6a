import { defineRule } from "./types";
import { targetParse } from "../recognize/cells";
import { levelCell } from "../recognize";
import type { Cell, HeaderField } from "../recognize/model";
import { lastDaySerial, readPeriod } from "../period";

/** The end of the period a recognized 项目期 field states on a sheet, with the cell it is written in. */
function periodEnd(fields: readonly HeaderField[], sheet: string): { serial: number; cell: Cell; text: string } | null {
  for (const f of fields) {
    if (f.kind !== "period" || f.sheet !== sheet) continue;
    const p = readPeriod(f.value.text);
    if (p) return { serial: lastDaySerial(p), cell: f.value, text: f.value.text.trim() };
  }
  return null;
}

const rule = defineRule({
  id: "deadline-after-period",
  severity: "warning",
  meta: {
    title: { "zh-CN": "时效目标晚于项目期", "en-US": "Deadline after the project period" },
    docs: {
      "zh-CN":
        "时效指标的指标值是一个日期（如“2023年底”），却晚于表头所写项目期（项目期、项目起止时间、实施期限）的结束月份：按期完成的目标定在项目结束之后，无法在项目期内考核。只比较能读出结束年月的项目期。复核时要求单位把时效目标定在项目期之内，或核实项目期是否填错。",
      "en-US":
        'A timeliness target that is a date (e.g. "end of 2023") falls after the end month of the project period stated in the header (项目期, 项目起止时间, 实施期限): the deadline lies beyond the project, so it cannot be assessed within it. Only periods whose end year and month can be read are compared. A reviewer asks the unit to set the deadline within the period, or to correct the period if that is what is wrong.',
    },
    messages: {
      late: {
        "zh-CN": "时效指标“{name}”的指标值“{target}”晚于项目期“{period}”的结束时间。",
        "en-US": 'The timeliness target "{target}" of "{name}" falls after the end of the project period "{period}".',
      },
    },
  },
  check(ctx) {
    const ends = new Map<string, ReturnType<typeof periodEnd>>();
    for (const row of ctx.model.indicators) {
      if (row.category !== "时效" || !row.target) continue;
      const t = targetParse(row);
      if (!t.date || t.number === null) continue;
      if (!ends.has(row.sheet)) ends.set(row.sheet, periodEnd(ctx.model.fields, row.sheet));
      const end = ends.get(row.sheet);
      if (!end || t.number <= end.serial) continue;
      const name = levelCell(row, 3) ? row.level3 : row.level2;
      ctx.report({
        messageId: "late",
        data: { name: name.replace(/\s+/g, ""), target: t.text.trim(), period: end.text },
        sheet: row.target.sheet,
        row: row.target.row,
        col: row.target.col,
        related: [end.cell],
      });
    }
  },
});

export default rule;
