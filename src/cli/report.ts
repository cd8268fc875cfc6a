/**
 * `perf-eval check FILES… --report 汇总.xlsx`: the batch review workbook a bureau sorts and filters to decide
 * which self-assessments to review (复核).
 *
 * - 汇总: one row per file (project, department, unit, year, money, stated and recomputed scores, finding
 *   counts, recognized tables, status);
 * - 问题明细: one row per finding, with autofilter and a frozen header;
 * - 统计: counts per rule and the distribution of scores by grade band: a table, a column chart of it (added
 *   as chart parts after ExcelJS writes the file, since ExcelJS cannot write charts) and a bar of cells drawn
 *   by a standard REPT formula for printing.
 *
 * Only plain values and standard formulas. The inputs are only read: each file is read once more here for its
 * header fields and scores, since the check's per-file results carry findings only.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import type { RecognizedTable } from "../core/recognize/coverage";
import type { ReviewSummary } from "../core/review";
import { GRADE_WORDS, gradeKey, type GradeKey } from "../core/scoring";
import { summarize, type Finding } from "../core/findings";
import { pick, type Bilingual } from "../core/locale";
import { SEVERITY_LABELS } from "../i18n/index";
import { RULE_TITLES } from "../core/rules/index";
import { RECOGNIZED_KIND_LABELS } from "../core/recognize/coverage";
import { addColumnChart, type ColumnChart } from "../xlsx/chartPart";
import { isFailed, type FileOutcome } from "./checkFile";
import type { CliIO } from "./io";

interface ReportEntry {
  file: string;
  findings: Finding[];
  /** Why the file could not be read, when it could not. */
  error?: Bilingual;
  recognized: RecognizedTable[];
  status: "checked" | "unrecognized" | "unreadable";
  summary: ReviewSummary | null;
}

/** The summary row's data for one check outcome, from what the check made of the file (no second read). */
function reportEntry(outcome: FileOutcome): ReportEntry {
  if (isFailed(outcome)) {
    return {
      file: outcome.file,
      findings: [],
      error: outcome.error,
      recognized: [],
      status: "unreadable",
      summary: null,
    };
  }
  const status = outcome.recognized.length === 0 ? "unrecognized" : "checked";
  return {
    file: outcome.file,
    findings: outcome.findings,
    recognized: outcome.recognized,
    status,
    summary: outcome.review ?? null,
  };
}

const STATUS: Record<ReportEntry["status"], string> = {
  checked: "已检查",
  unrecognized: "未识别到绩效表格",
  unreadable: "无法读取",
};

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  ws.columns = titles.map((t, i) => ({ header: t, width: widths[i] ?? 12 }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: titles.length } };
}

/** The grade band of a score, for the distribution; "none" without a score. */
function band(score: number | null): GradeKey | "none" {
  return score === null ? "none" : (gradeKey(score) ?? "none");
}

function reportWorkbook(entries: ReportEntry[]): { wb: ExcelJS.Workbook; chart: ColumnChart } {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效评价助手";
  // The formulas carry their results, and any spreadsheet recomputes them on opening.
  wb.calcProperties.fullCalcOnLoad = true;

  // 汇总
  const sum = wb.addWorksheet("汇总");
  header(
    sum,
    [
      "文件",
      "项目名称",
      "主管部门",
      "实施单位",
      "年度",
      "预算数（万元）",
      "执行数（万元）",
      "执行率",
      "自评得分",
      "自评等级",
      "重新计算得分",
      "得分差异",
      "错误",
      "警告",
      "提示",
      "识别的表格",
      "状态",
    ],
    [28, 30, 22, 22, 7, 14, 14, 9, 9, 8, 12, 9, 6, 6, 6, 40, 16],
  );
  entries.forEach((e, i) => {
    const r = i + 2;
    const s = e.summary;
    const counts = summarize(e.findings);
    const rate =
      s?.budget && s.executed !== null
        ? { formula: `IF(F${r}=0,"",G${r}/F${r})`, result: s.executed / s.budget }
        : null;
    const diff =
      s?.statedScore !== null && s?.statedScore !== undefined && s.recomputedScore !== null
        ? { formula: `K${r}-I${r}`, result: Math.round((s.recomputedScore - s.statedScore) * 100) / 100 }
        : null;
    const tables = e.recognized
      .map((t) => `${RECOGNIZED_KIND_LABELS[t.kind]?.["zh-CN"] ?? t.kind} ${t.sheet}!${t.range}（${t.rows}行）`)
      .join("；");
    const status = e.error ? `${STATUS[e.status]}：${pick(e.error, "zh-CN")}` : STATUS[e.status];
    sum.addRow([
      e.file,
      s?.projectName ?? null,
      s?.department ?? null,
      s?.implementer ?? null,
      s?.year ?? null,
      s?.budget ?? null,
      s?.executed ?? null,
      rate,
      s?.statedScore ?? null,
      s?.statedGrade ?? null,
      s?.recomputedScore ?? null,
      diff,
      counts.errors,
      counts.warnings,
      counts.infos,
      tables,
      status,
    ]);
    sum.getCell(r, 6).numFmt = "#,##0.00";
    sum.getCell(r, 7).numFmt = "#,##0.00";
    sum.getCell(r, 8).numFmt = "0.00%";
    for (const c of [9, 11, 12]) sum.getCell(r, c).numFmt = "0.00";
  });

  // 问题明细
  const det = wb.addWorksheet("问题明细");
  header(det, ["文件", "工作表", "单元格", "严重程度", "规则", "规则名称", "说明"], [28, 16, 8, 8, 24, 24, 80]);
  for (const e of entries) {
    for (const f of e.findings) {
      det.addRow([
        f.file ?? e.file,
        f.sheet,
        f.cell,
        SEVERITY_LABELS[f.severity]["zh-CN"],
        f.rule,
        RULE_TITLES[f.rule]?.["zh-CN"] ?? f.rule,
        f.message["zh-CN"],
      ]);
    }
  }
  det.getColumn(7).alignment = { wrapText: true, vertical: "top" };

  // 统计
  const st = wb.addWorksheet("统计", {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  st.columns = [{ width: 26 }, { width: 28 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 30 }];
  const bold = (r: ExcelJS.Row) => (r.font = { bold: true });
  bold(st.addRow(["按规则统计"]));
  bold(st.addRow(["规则", "规则名称", "严重程度", "问题数", "涉及文件数"]));
  const byRule = new Map<string, { n: number; files: Set<string>; severity: Finding["severity"] }>();
  for (const e of entries)
    for (const f of e.findings) {
      const x = byRule.get(f.rule) ?? { n: 0, files: new Set<string>(), severity: f.severity };
      x.n++;
      x.files.add(f.file ?? e.file);
      byRule.set(f.rule, x);
    }
  const ruleRows = [...byRule].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
  for (const [rule, x] of ruleRows) {
    st.addRow([
      rule,
      RULE_TITLES[rule as Finding["rule"]]?.["zh-CN"] ?? rule,
      SEVERITY_LABELS[x.severity]["zh-CN"],
      x.n,
      x.files.size,
    ]);
  }
  st.addRow([]);
  bold(st.addRow(["文件状态", null, null, "文件数"]));
  for (const k of ["checked", "unrecognized", "unreadable"] as const)
    st.addRow([STATUS[k], null, null, entries.filter((e) => e.status === k).length]);
  st.addRow([]);
  bold(st.addRow(["自评得分分布", null, null, "文件数", null, "分布"]));
  const bands: [GradeKey | "none", string][] = [
    ["excellent", `${GRADE_WORDS.excellent["zh-CN"]}（90分及以上）`],
    ["good", `${GRADE_WORDS.good["zh-CN"]}（80–90分）`],
    ["fair", `${GRADE_WORDS.fair["zh-CN"]}（60–80分）`],
    ["poor", `${GRADE_WORDS.poor["zh-CN"]}（60分以下）`],
    ["none", "无得分"],
  ];
  const counts: number[] = [];
  const first = st.rowCount + 1;
  for (const [k, label] of bands) {
    const n = entries.filter((e) => e.status !== "unreadable" && band(e.summary?.statedScore ?? null) === k).length;
    counts.push(n);
    const row = st.addRow([label, null, null, n]);
    const r = row.number;
    // A bar of cells beside the chart: one block per file, for printing and for readers without charts.
    row.getCell(6).value = { formula: `REPT("█",D${r})`, result: "█".repeat(n) };
    row.getCell(6).font = { color: { argb: "FF4472C4" } };
  }
  const last = first + bands.length - 1;
  const chart: ColumnChart = {
    sheet: "统计",
    title: "自评得分分布",
    seriesName: "文件数",
    categoriesRef: `$A$${first}:$A$${last}`,
    valuesRef: `$D$${first}:$D$${last}`,
    categories: bands.map(([, label]) => label),
    values: counts,
    from: { col: 7, row: 0 },
    to: { col: 15, row: 18 },
  };
  return { wb, chart };
}

/** The report's .xlsx bytes: the workbook ExcelJS writes, with the distribution chart added to 统计. */
async function reportBuffer(entries: ReportEntry[]): Promise<Buffer> {
  const { wb, chart } = reportWorkbook(entries);
  return addColumnChart(Buffer.from(await wb.xlsx.writeBuffer()), chart);
}

/** Refuses a report path that is one of the inputs or an existing file; null when it may be written. */
export function reportPathProblem(report: string, inputs: readonly string[]): string | null {
  const out = path.resolve(report);
  if (!/\.xlsx$/i.test(report)) return `--report must name an .xlsx file: ${report}`;
  if (inputs.some((f) => path.resolve(f) === out)) return `--report ${report} is one of the input files`;
  if (fs.existsSync(out)) return `--report ${report} already exists; remove it or choose another name`;
  if (!fs.existsSync(path.dirname(out))) return `--report: no such directory: ${path.dirname(report)}`;
  return null;
}

/** Builds and writes the report; progress on a terminal, as the check shows it. Returns false on failure. */
export async function writeReport(report: string, outcomes: FileOutcome[], io: CliIO): Promise<boolean> {
  const entries: ReportEntry[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    if (io.isTTY && outcomes.length > 1) io.err(`\r\x1b[K汇总 report ${i + 1}/${outcomes.length}`);
    entries.push(reportEntry(outcomes[i]));
  }
  if (io.isTTY && outcomes.length > 1) io.err("\r\x1b[K");
  try {
    const buf = await reportBuffer(entries);
    fs.writeFileSync(path.resolve(report), buf, { flag: "wx" });
  } catch (e) {
    io.err(`perf-eval: cannot write ${report} (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return false;
  }
  io.err(`perf-eval: ${report}: 汇总 ${entries.length} 个文件 / report of ${entries.length} files written\n`);
  return true;
}
