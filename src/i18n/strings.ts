/**
 * The UI string table (zh-CN first, en-US second), apart from the formatter in ./index so that its tests can
 * walk every entry: both languages present, the same placeholders, every key used.
 */
import type { Bilingual } from "../core/locale";

export const STRINGS = {
  appTitle: { "zh-CN": "绩效评价助手", "en-US": "Performance Evaluation Assistant" },
  tabCheck: { "zh-CN": "检查", "en-US": "Check" },
  tabTemplates: { "zh-CN": "模板", "en-US": "Templates" },
  switchLanguage: { "zh-CN": "English", "en-US": "中文" },
  // The accessible name begins with the visible word (WCAG 2.5.3: speech users say what they see).
  switchLanguageName: { "zh-CN": "English：切换到英文界面", "en-US": "中文: switch to Chinese" },
  loading: { "zh-CN": "正在加载…", "en-US": "Loading…" },
  outsideOffice: {
    "zh-CN": "这是 Excel 加载项的任务窗格，请在 Excel 中打开。不用 Excel 试用：",
    "en-US": "This is an Excel add-in's task pane: open it in Excel. To try it without Excel:",
  },
  openDemo: { "zh-CN": "打开演示页", "en-US": "open the demo page" },

  // Check tab
  runCheck: { "zh-CN": "一键检查", "en-US": "Check workbook" },
  checking: { "zh-CN": "正在检查…", "en-US": "Checking…" },
  optResultsSheet: { "zh-CN": "写入“检查结果”工作表", "en-US": "Write the findings to a results sheet" },
  optHighlight: { "zh-CN": "标记问题单元格", "en-US": "Highlight cells with findings" },
  clearHighlights: { "zh-CN": "清除标记", "en-US": "Clear highlights" },
  draftNotice: { "zh-CN": "生成结果通知书", "en-US": "Draft result notice" },
  noticeDrafted: {
    "zh-CN": "已生成“{notice}”和“{rectification}”工作表，请核对后修改。",
    "en-US": "Drafted the sheets '{notice}' and '{rectification}': review and edit them.",
  },
  checkIntro: {
    "zh-CN": "检查所有工作表：指标值前后一致、合计、比率、得分、等级与填报完整性。检查不会修改任何单元格。",
    "en-US":
      "Checks every sheet: indicator values across tables, totals, rates, scores, grades and completeness. A check never changes a cell.",
  },
  stageReading: { "zh-CN": "读取工作簿…", "en-US": "Reading the workbook…" },
  stageChecking: { "zh-CN": "检查中…", "en-US": "Checking…" },
  stageResultsSheet: { "zh-CN": "写入检查结果表…", "en-US": "Writing the results sheet…" },
  stageHighlighting: { "zh-CN": "标记单元格…", "en-US": "Highlighting cells…" },
  resultsSheetWritten: { "zh-CN": "检查结果已写入工作表“{sheet}”", "en-US": "Findings written to sheet “{sheet}”" },
  cellsHighlighted: { "zh-CN": "已标记 {count} 个单元格", "en-US": "{count} cells highlighted" },
  skippedProtected: {
    "zh-CN": "受保护的工作表未标记：{sheets}",
    "en-US": "Protected sheets not highlighted: {sheets}",
  },
  ruleGuide: { "zh-CN": "检查项目说明（{count} 项）", "en-US": "What the check looks for ({count} rules)" },
  showAllFindings: { "zh-CN": "显示全部 {count} 条", "en-US": "Show all {count}" },
  summaryLine: {
    "zh-CN": "错误 {errors} · 警告 {warnings} · 提示 {infos}",
    "en-US": "{errors} errors · {warnings} warnings · {infos} notes",
  },
  relatedCells: { "zh-CN": "相关：", "en-US": "Related:" },
  selectCellTitle: { "zh-CN": "选中单元格 {cell}", "en-US": "Select cell {cell}" },
  checkedAt: { "zh-CN": "检查完成（{time}）", "en-US": "Checked at {time}" },
  fromRibbon: { "zh-CN": "来自功能区“一键检查”", "en-US": "From the ribbon's Check All" },
  scoresTitle: { "zh-CN": "得分汇总", "en-US": "Score summary" },
  scoreKindSelf: { "zh-CN": "自评表", "en-US": "Self-assessment" },
  scoreKindEval: { "zh-CN": "评分表", "en-US": "Evaluation" },
  findingsTitle: { "zh-CN": "检查结果", "en-US": "Findings" },
  errorPrefix: { "zh-CN": "出错：", "en-US": "Error: " },
  notRecognizedTitle: { "zh-CN": "未识别到绩效表格", "en-US": "No evaluation table recognized" },
  notRecognizedBody: {
    "zh-CN":
      "没有找到可以读取的申报表、自评表、评分表或调查表，因此无法判断有没有问题。请确认表头（如“一级指标”“指标值”“分值”“得分”）在工作表中。",
    "en-US":
      "No declaration, self-assessment, scoring or survey table could be read, so the check cannot tell whether there are problems. Make sure the header row (level-1 indicator, indicator value, weight, score) is on the sheet.",
  },
  recognizedTitle: { "zh-CN": "已识别 {count} 张表格", "en-US": "Tables recognized: {count}" },
  recognizedRow: { "zh-CN": "{kind}　{ref}　{rows} 行", "en-US": "{kind} · {ref} · {rows} rows" },
  noFindingsRecognized: {
    "zh-CN": "已识别的表格中未发现问题。",
    "en-US": "No problems found in the recognized tables.",
  },
  scoreUnfilled: { "zh-CN": "未填写", "en-US": "Not filled in" },
  scoreUnfilledHint: {
    "zh-CN": "得分尚未填写：不计算总分和等级。",
    "en-US": "No scores filled in yet: no total and no grade.",
  },
  statedTotalError: {
    "zh-CN": "表中总分 {cell} 显示 {text}；按各项得分重算为 {computed} 分。",
    "en-US": "The sheet's total {cell} shows {text}; the scores add up to {computed}.",
  },
  statedTotalDiffers: {
    "zh-CN": "表中总分 {cell} 为 {stated} 分，与各项得分之和 {computed} 分不一致。",
    "en-US": "The sheet's total {cell} is {stated}, but the scores add up to {computed}.",
  },
  scoreBar: { "zh-CN": "{name}：得 {score} 分，满分 {weight} 分", "en-US": "{name}: {score} of {weight} points" },
  scoreBarLost: { "zh-CN": "扣 {lost}", "en-US": "−{lost}" },
  gradeLabel: { "zh-CN": "等级：{grade}", "en-US": "Grade: {grade}" },
  highlightsClearedCount: {
    "zh-CN": "已清除 {count} 个单元格的标记，原填充色已恢复。",
    "en-US": "Highlights cleared from {count} cells; original fills restored.",
  },
  nothingToClear: { "zh-CN": "没有需要清除的标记。", "en-US": "There were no highlights to clear." },
  extraFailedResultsSheet: {
    "zh-CN": "未写入“检查结果”工作表：{reason}",
    "en-US": "The results sheet was not written: {reason}",
  },
  extraFailedHighlight: { "zh-CN": "未标记单元格：{reason}", "en-US": "Cells were not highlighted: {reason}" },
  resultsSheetReplaced: {
    "zh-CN": "检查结果已写入工作表“{sheet}”（替换了上次的结果）",
    "en-US": "Findings written to sheet “{sheet}” (replacing the previous results)",
  },
  insertNamed: { "zh-CN": "插入 {name}", "en-US": "Insert {name}" },
  progressLabel: { "zh-CN": "检查进度", "en-US": "Check progress" },

  // Templates tab
  templatesIntro: {
    "zh-CN": "插入标准表格：新建工作表，不会覆盖已有内容。以下选项对所有模板通用。",
    "en-US":
      "Insert a standard form as a new sheet; nothing existing is overwritten. The options apply to every template.",
  },
  insert: { "zh-CN": "插入", "en-US": "Insert" },
  inserting: { "zh-CN": "正在插入…", "en-US": "Inserting…" },
  inserted: { "zh-CN": "已插入工作表“{sheet}”", "en-US": "Inserted sheet “{sheet}”" },
  portableCopy: { "zh-CN": "生成通用副本", "en-US": "Portable copy" },
  portableCopyBusy: { "zh-CN": "正在生成…", "en-US": "Making the copy…" },
  portableCopyHint: {
    "zh-CN": "无需加载项即可计算的副本：EVAL 公式改为标准公式，无等效公式的保留当前值并加批注；当前工作簿不变。",
    "en-US":
      "A copy that computes without the add-in: EVAL formulas become standard ones, the rest keep their values with a note; this workbook is not changed.",
  },
  portableCopyDone: {
    "zh-CN": "已在新工作簿中打开副本：{rewritten} 个公式改为标准公式，{frozen} 个单元格保留数值。请保存该工作簿。",
    "en-US":
      "The copy is open as a new workbook: {rewritten} formulas rewritten, {frozen} cells kept as values. Save that workbook.",
  },
  options: { "zh-CN": "表头选项", "en-US": "Header options" },
  fieldProjectName: { "zh-CN": "项目名称", "en-US": "Project name" },
  fieldYear: { "zh-CN": "年度", "en-US": "Year" },
  fieldDepartment: { "zh-CN": "主管部门", "en-US": "Competent department" },
  fieldImplementer: { "zh-CN": "实施单位", "en-US": "Implementing unit" },
  fieldMoneyUnit: { "zh-CN": "金额单位", "en-US": "Money unit" },
  fieldLanguage: { "zh-CN": "表格语言", "en-US": "Form language" },
  fieldExample: { "zh-CN": "示例（勐海 2021 数据）", "en-US": "Example (Menghai 2021 data)" },
  unitWan: { "zh-CN": "万元", "en-US": "10,000 yuan" },
  unitYuan: { "zh-CN": "元", "en-US": "Yuan" },
  langZh: { "zh-CN": "中文", "en-US": "Chinese" },
  langEn: { "zh-CN": "英文", "en-US": "English" },
  yearInvalid: { "zh-CN": "年度应为 1990–2100 之间的整数", "en-US": "Year must be a whole number from 1990 to 2100" },

  // Demo page
  demoBanner: {
    "zh-CN": "演示模式：模拟的 Excel 工作簿（不需要 Excel，数据只保存在本页面中）",
    "en-US": "Demo: a simulated Excel workbook (no Excel needed; data stays in this page)",
  },
  demoRibbonGroup: { "zh-CN": "功能区 · 绩效评价", "en-US": "Ribbon · Perf. Evaluation" },
  demoRibbonCheck: { "zh-CN": "一键检查", "en-US": "Check All" },
  demoRibbonCheckTip: {
    "zh-CN": "与 Excel 功能区按钮相同：运行检查并在任务窗格中显示结果",
    "en-US": "Same as the Excel ribbon button: runs the check and shows the results in the pane",
  },
  demoEmptySheet: { "zh-CN": "（空工作表）", "en-US": "(empty sheet)" },
  demoNoSheets: { "zh-CN": "工作簿中没有工作表", "en-US": "The workbook has no sheets" },
} satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof STRINGS;
