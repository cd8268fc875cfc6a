/**
 * Header fields of a form (项目名称, 主管部门, 实施单位, 年度, 评价机构) and the 年度总体目标 text: read from label
 * cells and the value written to their right, as every form places them. Pure: reads a snapshot only.
 */
import { normalizeWidth } from "../value";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { toA1 } from "../a1";

/** A value read from the workbook, with the cell it came from. */
export interface SourcedText {
  text: string;
  sheet: string;
  /** A1 of the cell holding the value. */
  cell: string;
}

export type FieldKey = "projectName" | "department" | "implementer" | "evaluator" | "evaluatedIn";

/** Label words per field, normalized (no spaces, half-width brackets, no trailing colon). */
const LABELS: Record<FieldKey, RegExp> = {
  projectName: /^(项目名称|被评价项目|被评价项目\(单位\))$/,
  department: /^(主管部门|主管部门及代码|预算部门)$/,
  implementer: /^(实施单位|被评价单位|项目实施单位|预算单位)$/,
  evaluator: /^(评价机构|评价单位)$/,
  evaluatedIn: /^(评价时间)$/,
};

function norm(v: unknown): string {
  if (typeof v !== "string") return "";
  return normalizeWidth(v)
    .replace(/\s+/g, "")
    .replace(/[:：]$/, "");
}

/** The first non-empty cell right of (row, col) on the same row, stopping at another label. */
function valueRightOf(sheet: SheetSnapshot, r: number, c: number): SourcedText | null {
  const row = sheet.values[r];
  if (!row) return null;
  for (let j = c + 1; j < row.length && j <= c + 4; j++) {
    const v = row[j];
    if (v === null || v === undefined || v === "") continue;
    const text = String(v).trim();
    if (!text) continue;
    if (isAnyLabel(norm(text))) return null;
    return { text, sheet: sheet.name, cell: toA1(sheet.originRow + r, sheet.originCol + j) };
  }
  return null;
}

function isAnyLabel(s: string): boolean {
  return Object.values(LABELS).some((re) => re.test(s)) || /^(评价年度|评价分值|评价结论|联系人)$/.test(s);
}

/** Every field found, first occurrence in sheet order (the `prefer` sheet first). */
export function readFields(snapshot: WorkbookSnapshot, prefer?: string): Partial<Record<FieldKey, SourcedText>> {
  const out: Partial<Record<FieldKey, SourcedText>> = {};
  const sheets = [...(snapshot?.sheets ?? [])].sort(
    (a, b) => (a.name === prefer ? 0 : 1) - (b.name === prefer ? 0 : 1),
  );
  for (const sheet of sheets) {
    // Only the top of a form holds its header fields: a long table's rows are not searched.
    const rows = Math.min(sheet.values.length, 40);
    for (let r = 0; r < rows; r++) {
      const row = sheet.values[r] ?? [];
      for (let c = 0; c < Math.min(row.length, 30); c++) {
        const s = norm(row[c]);
        if (!s || s.length > 12) continue;
        for (const key of Object.keys(LABELS) as FieldKey[]) {
          if (out[key] || !LABELS[key].test(s)) continue;
          const v = valueRightOf(sheet, r, c);
          if (v) out[key] = v;
        }
      }
    }
  }
  return out;
}

/** The year a form is about: a 评价年度 cell, else a title such as （2021年度） or 2021年度…项目. */
export function readYear(snapshot: WorkbookSnapshot, prefer?: string): (SourcedText & { year: number }) | null {
  const sheets = [...(snapshot?.sheets ?? [])].sort(
    (a, b) => (a.name === prefer ? 0 : 1) - (b.name === prefer ? 0 : 1),
  );
  for (const sheet of sheets) {
    const rows = Math.min(sheet.values.length, 12);
    for (let r = 0; r < rows; r++) {
      const row = sheet.values[r] ?? [];
      for (let c = 0; c < Math.min(row.length, 30); c++) {
        const s = norm(row[c]);
        if (!s) continue;
        if (/^(评价年度|年度)$/.test(s)) {
          const v = valueRightOf(sheet, r, c);
          const m = v && /((?:19|20)\d{2})/.exec(v.text);
          if (v && m) return { ...v, year: Number(m[1]) };
        }
        const m = /((?:19|20)\d{2})年度/.exec(s);
        if (m)
          return {
            text: s,
            sheet: sheet.name,
            cell: toA1(sheet.originRow + r, sheet.originCol + c),
            year: Number(m[1]),
          };
      }
    }
  }
  return null;
}

/**
 * The 年度总体目标 (预期目标) text: the first long text right of or below a 年度总体目标 label, skipping the
 * 预期目标 / 实际完成情况 headers.
 */
export function readGoal(snapshot: WorkbookSnapshot): SourcedText | null {
  for (const sheet of snapshot?.sheets ?? []) {
    const rows = Math.min(sheet.values.length, 60);
    for (let r = 0; r < rows; r++) {
      const row = sheet.values[r] ?? [];
      for (let c = 0; c < Math.min(row.length, 30); c++) {
        if (!/^(年度总体目标|总体目标|年度绩效目标|绩效总目标)$/.test(norm(row[c]))) continue;
        for (let rr = r; rr <= r + 2 && rr < sheet.values.length; rr++) {
          const cells = sheet.values[rr] ?? [];
          for (let j = c + 1; j < cells.length; j++) {
            const v = cells[j];
            if (typeof v !== "string") continue;
            const t = v.trim();
            // Headers beside the goal (预期目标, 实际完成情况, 年度总体目标完成情况综述) are not the goal.
            if (t.length < 8 || /^(预期目标|实际完成情况)/.test(norm(t)) || /(完成情况|综述|情况说明)$/.test(norm(t)))
              continue;
            return { text: t, sheet: sheet.name, cell: toA1(sheet.originRow + rr, sheet.originCol + j) };
          }
        }
      }
    }
  }
  return null;
}

/**
 * A goal is verifiable when it states a number, a date or a deadline (domain.md): list numbers such as "1."
 * and "（2）" do not count.
 */
export function goalIsVague(text: string): boolean {
  const s = normalizeWidth(text).replace(/(^|[；;。，,\s])[(（]?\d{1,2}[.、．)）]/g, "$1");
  return !/\d/.test(s) && !/(年底前|月底前|按时|按期|之前|以内|以上|不低于|不少于|达到)/.test(s);
}
