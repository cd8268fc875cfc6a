/**
 * The drafted notice and rectification report as template definitions (the writers' input), plus the link of
 * every sentence to its source cell. Only plain values: the grade is written as the word, not an EVAL formula,
 * so the sheets read the same without the add-in.
 */
import { qualify } from "../a1";
import { NUMBER_FORMATS as F, SheetBuilder, type TemplateCell, type TemplateDefinition } from "../templates/model";
import { dateText, DRAFT_TITLES, type NoticeDraft, type Sentence, type SourceRef } from "./draft";

/** A sentence cell and the cell of the workbook it came from; `at` is the sheet's 来源 cell for it. */
export interface SourceLink {
  /** 0-based position of the sentence (top-left of its merge). */
  row: number;
  col: number;
  /** 0-based position of the 来源 cell showing the reference. */
  refRow: number;
  refCol: number;
  source: SourceRef;
}

export interface DraftSheet {
  def: TemplateDefinition;
  links: SourceLink[];
}

/** The reference as a formula would write it: 自评表!E13, 'My sheet'!E13. */
export function sourceText(s: SourceRef): string {
  return qualify(s.sheet, s.cell);
}

/** Points for a wrapped text in a box `chars` wide (CJK characters count two). */
function heightFor(text: string, chars: number): number {
  let width = 0;
  let lines = 1;
  for (const ch of text) {
    if (ch === "\n") {
      lines++;
      width = 0;
      continue;
    }
    width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
    if (width > chars) {
      lines++;
      width = /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
    }
  }
  return Math.max(20, lines * 15 + 6);
}

function sheetDef(
  b: SheetBuilder,
  kind: string,
  sheetName: string,
  title: string,
  columnWidths: number[],
): TemplateDefinition {
  return {
    kind,
    lang: b.lang,
    sheetName,
    title,
    example: false,
    columnWidths,
    rowHeights: b.rowHeights,
    cells: b.cells,
    // A drafted notice runs as long as its sentences: printed at full size over as many pages as it needs.
    print: { paper: "A4", orientation: "portrait", scale: 100 },
  };
}

/** Text a user may have typed into the workbook: stored as text, never as a formula. */
function text(b: SheetBuilder, at: string, value: string | null | undefined, style: TemplateCell["style"] = "input") {
  return b.put(at, { value: value ?? null, style, userText: value !== null && value !== undefined });
}

function sourceCell(b: SheetBuilder, links: SourceLink[], at: string, row: number, col: number, s?: SourceRef) {
  const ok = s && s.sheet && s.cell;
  const c = b.put(at, { value: ok ? sourceText(s) : null, style: "note", userText: !!ok });
  if (ok) links.push({ row, col, refRow: c.row, refCol: c.col, source: s });
}

/** 绩效评价结果通知书 (seed annex 1) filled from the draft, one sentence per row, with a 来源 column. */
export function noticeSheet(d: NoticeDraft): DraftSheet {
  const b = new SheetBuilder("zh-CN");
  const links: SourceLink[] = [];
  const title = DRAFT_TITLES[0];
  b.put("A1:D1", { value: title, style: "title" });
  b.height(1, 30);
  b.put("A2:D2", { value: "编号：", style: "sign" });
  b.header("E2", "来源");

  b.label("A3", "项目名称");
  text(b, "B3:D3", d.projectName?.text);
  sourceCell(b, links, "E3", 2, 1, d.projectName ?? undefined);
  b.label("A4", "被评价单位");
  text(b, "B4", d.implementer?.text);
  b.label("C4", "评价年度");
  b.put("D4", { value: d.year ? `${d.year.year}年` : null, style: "input", userText: !!d.year });
  sourceCell(b, links, "E4", 3, 1, d.implementer ?? undefined);
  b.label("A5", "评价机构");
  text(b, "B5", d.evaluator?.text);
  b.label("C5", "评价时间");
  text(b, "D5", d.evaluatedIn?.text);
  sourceCell(b, links, "E5", 4, 1, d.evaluator?.sheet ? d.evaluator : undefined);
  b.label("A6", "评价分值");
  b.put("B6", { value: d.score ? d.score.value : null, style: "number", numFmt: F.score, name: "NoticeScore" });
  b.label("C6", "评价结论");
  b.put("D6", { value: d.grade, style: "grade", name: "NoticeGrade" });
  sourceCell(b, links, "E6", 5, 1, d.score?.source);

  let r = 7;
  const section = (label: string, items: Sentence[]) => {
    const rows = Math.max(1, items.length);
    b.label(rows > 1 ? `A${r}:A${r + rows - 1}` : `A${r}`, label);
    for (let i = 0; i < rows; i++) {
      const s = items[i];
      const line = s ? `${i + 1}.${s.text}` : null;
      text(b, `B${r + i}:D${r + i}`, line, "text");
      if (line) b.height(r + i, heightFor(line, 64));
      sourceCell(b, links, `E${r + i}`, r + i - 1, 1, s?.source);
    }
    r += rows;
  };
  section("主要绩效情况", d.performance);
  section("主要问题", d.problems);
  section("整改建议", d.suggestions);
  b.put(`A${r}:D${r}`, { value: `${d.evaluator?.text ?? "评价机构"}（章）`, style: "sign" });
  b.put(`A${r + 1}:D${r + 1}`, { value: dateText(d.date), style: "sign" });
  return { def: sheetDef(b, "notice-draft", "结果通知书", title, [14, 30, 12, 26, 18]), links };
}

/** 整改结果报告书 (seed annex 2) drafted from the notice: one row per 主要问题, due one month after the notice. */
export function rectificationSheet(d: NoticeDraft): DraftSheet {
  const b = new SheetBuilder("zh-CN");
  const links: SourceLink[] = [];
  const title = DRAFT_TITLES[1];
  b.put("A1:E1", { value: title, style: "title" });
  b.height(1, 30);
  b.header("F1", "来源");

  const project = d.projectName?.text;
  const unit = d.implementer?.text;
  b.label("A2:B2", "被评价项目（单位）");
  text(b, "C2:E2", project && unit ? `${project}（${unit}）` : (project ?? unit));
  b.height(2, 36);
  b.label("A3:B3", "结果通知书编号");
  b.input("C3");
  b.label("D3", "报送期限");
  b.put("E3", { value: `${dateText(d.deadline)}前`, style: "input", name: "RectificationDue" });
  b.label("A4:B4", "联系人");
  b.input("C4");
  b.label("D4", "联系电话（手机）");
  b.input("E4");
  b.put("A5:E5", {
    value: `请于收到结果通知书（${dateText(d.date)}）起1个月内，即${dateText(d.deadline)}前，将整改结果报送评价机构。`,
    style: "note",
  });
  b.height(5, 30);

  const head = 6;
  ["序号", "主要问题", "整改措施", "整改结果", "完成时间"].forEach((h, i) => b.header(`${"ABCDE"[i]}${head}`, h));
  const rows = Math.max(1, d.problems.length);
  for (let i = 0; i < rows; i++) {
    const r = head + 1 + i;
    const s = d.problems[i];
    b.put(`A${r}`, { value: i + 1, style: "number", numFmt: F.count });
    text(b, `B${r}`, s?.text, "text");
    b.put(`C${r}`, { value: null, style: "text" });
    b.put(`D${r}`, { value: null, style: "text" });
    b.put(`E${r}`, { value: null, style: "input" });
    if (s) b.height(r, Math.max(heightFor(s.text, 40), 40));
    sourceCell(b, links, `F${r}`, r - 1, 1, s?.source);
  }
  let r = head + 1 + rows;
  b.put(`A${r}:E${r}`, { value: "被评价单位负责人（签字）：", style: "sign" });
  b.put(`A${r + 1}:E${r + 1}`, { value: "被评价单位（盖章）", style: "sign" });
  b.put(`A${r + 2}:E${r + 2}`, { value: "年　　月　　日", style: "sign" });
  r += 3;
  b.label(`A${r}:B${r}`, "主管部门意见（盖章）");
  b.put(`C${r}:E${r}`, { value: null, style: "text" });
  b.height(r, 80);
  b.put(`A${r + 1}:E${r + 1}`, { value: "年　　月　　日", style: "sign" });
  return { def: sheetDef(b, "rectification-draft", "整改报告书", title, [6, 40, 24, 24, 16, 18]), links };
}
