import { defineRule } from "./types";
import type { SheetSnapshot } from "../snapshot";
import { SheetReader } from "../recognize/sheet";
import { fundsRole, indicatorRole, surveyRole } from "../recognize/headers";
import type { IndicatorRole } from "../recognize/model";

/** Words of a performance form's title or headers. */
const FORM_WORDS = /绩效|指标|自评|申报|评价|预算执行|执行率/;
/** Rows looked at for a header: forms put theirs near the top. */
const HEADER_SCAN_ROWS = 60;
/** Longest text read as a header word. */
const MAX_HEADER = 30;

interface Candidate {
  row: number;
  col: number;
  words: string[];
  roles: Set<IndicatorRole | string>;
}

/** The row that looks most like a table header: the most header words, and the first of equals. */
function likelyHeader(rd: SheetReader): Candidate | null {
  let best: Candidate | null = null;
  const end = Math.min(rd.r1, rd.r0 + HEADER_SCAN_ROWS);
  for (let r = rd.r0; r < end; r++) {
    const words: string[] = [];
    const roles = new Set<string>();
    let col = -1;
    const len = rd.rowLength(r);
    for (let c = rd.c0; c < len; c++) {
      if (rd.isMergedAway(r, c)) continue;
      const v = rd.raw(r, c);
      // The finding points at the header row's first written cell.
      if (col < 0 && v !== null && v !== "") col = c;
      if (typeof v !== "string" || v.length > MAX_HEADER) continue;
      const role = indicatorRole(v) ?? fundsRole(v) ?? surveyRole(v);
      const headerish = role !== null || /指标|分值|得分/.test(v);
      if (!headerish) continue;
      words.push(v.trim());
      if (role) roles.add(role);
    }
    // 备注 heads every kind of list (支出内容 | 实际支出数 | 会计凭证号 | 备注 is an expense list, not a form).
    const telling = words.length - (roles.has("remark") ? 1 : 0);
    if (telling >= 2 && (!best || words.length > best.words.length)) best = { row: r, col, words, roles };
  }
  return best;
}

function looksLikeForm(rd: SheetReader): boolean {
  if (FORM_WORDS.test(rd.name)) return true;
  const end = Math.min(rd.r1, rd.r0 + HEADER_SCAN_ROWS);
  for (let r = rd.r0; r < end; r++) {
    const len = rd.rowLength(r);
    for (let c = rd.c0; c < len; c++) {
      const v = rd.raw(r, c);
      if (typeof v === "string" && v.length <= 60 && FORM_WORDS.test(v)) return true;
    }
  }
  return false;
}

const rule = defineRule({
  id: "unrecognized-table",
  severity: "warning",
  meta: {
    title: { "zh-CN": "未能识别的表格", "en-US": "Form not recognized" },
    docs: {
      "zh-CN":
        "工作表看起来是绩效表格（标题或表头含绩效、指标、自评、申报等字样），但未能识别出任何表格，或找到了表头却没能读出其下的任何指标行，因此其中的数字都没有检查。审核人员应核对表头是否缺少必需的列，或将该表按标准表头整理后再检查，不能把“未发现问题”当作该表没有问题。",
      "en-US":
        "A sheet that looks like a performance form (its title or headers say 绩效, 指标, 自评, 申报 …) but in which no table was recognized, or a header was found with no indicator row readable under it, so none of its numbers were checked. A reviewer checks whether a required column is missing from the header, or lays the sheet out with standard headers and checks again; no findings on such a sheet do not mean it is correct.",
    },
    messages: {
      noLevel: {
        "zh-CN":
          "工作表“{sheet}”看起来是绩效表格（第{row}行表头：{words}），但未能识别：未找到指标名称列（三级指标，或一级与二级指标），该表未被检查。",
        "en-US":
          'Sheet "{sheet}" looks like a performance form (header in row {row}: {words}) but was not recognized: no indicator name column (三级指标, or 一级 and 二级) was found, so it was not checked.',
      },
      noRows: {
        "zh-CN": "工作表“{sheet}”第{row}行的表头已找到（{words}），但其下没有读出任何指标行，该表未被检查。",
        "en-US":
          'Sheet "{sheet}": the header in row {row} was found ({words}), but no indicator row could be read under it, so it was not checked.',
      },
      noValue: {
        "zh-CN":
          "工作表“{sheet}”看起来是绩效表格（第{row}行表头：{words}），但未能识别：未找到指标值、实际完成值、分值或得分列，该表未被检查。",
        "en-US":
          'Sheet "{sheet}" looks like a performance form (header in row {row}: {words}) but was not recognized: no target, actual, weight or score column was found, so it was not checked.',
      },
    },
  },
  check(ctx) {
    const read = new Set<string>();
    // A header under which no row was read is found, not read: saying nothing there would look like "no problems".
    const empty = new Map<string, (typeof ctx.model.tables)[number]>();
    for (const t of ctx.model.tables) {
      if (t.rows.length > 0 || t.total) read.add(t.sheet);
      else if (!empty.has(t.sheet)) empty.set(t.sheet, t);
    }
    for (const f of ctx.model.funds) read.add(f.sheet);
    for (const s of ctx.model.surveys) read.add(s.sheet);
    for (const [name, t] of empty) {
      if (read.has(name)) continue;
      const rd = new SheetReader(ctx.snapshot.sheets.find((s) => s.name === name)!);
      const head = t.headerRows[0];
      const cols = Object.values(t.columns) as number[];
      const words = cols
        .sort((a, b) => a - b)
        .map((c) => rd.textAt(head, c).replace(/\s+/g, ""))
        .filter((w) => w !== "");
      read.add(name);
      ctx.report({
        messageId: "noRows",
        data: { sheet: name, row: head + 1, words: words.slice(0, 6).join("、") },
        sheet: name,
        row: head,
        col: Math.min(...cols),
      });
    }
    for (const sheet of ctx.snapshot?.sheets ?? []) {
      if (!isSheet(sheet) || read.has(sheet.name)) continue;
      const rd = new SheetReader(sheet);
      if (rd.r1 <= rd.r0 || !looksLikeForm(rd)) continue;
      const h = likelyHeader(rd);
      if (!h) {
        // Narrative sheets (a notice, a report) name 绩效 and 评价 without any header words: nothing to say.
        continue;
      }
      const hasLevel = h.roles.has("level3") || (h.roles.has("level1") && h.roles.has("level2"));
      const hasValue = ["target", "actual", "weight", "score", "budget", "executed"].some((x) => h.roles.has(x));
      ctx.report({
        // Without names nothing can be read; with names, the value columns are what is missing.
        messageId: hasLevel && !hasValue ? "noValue" : "noLevel",
        data: { sheet: sheet.name, row: h.row + 1, words: h.words.slice(0, 6).join("、") },
        sheet: sheet.name,
        row: h.row,
        col: h.col,
      });
    }
  },
});

function isSheet(s: SheetSnapshot | undefined): s is SheetSnapshot {
  return !!s && typeof s.name === "string" && Array.isArray(s.values);
}

export default rule;
