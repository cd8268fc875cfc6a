import { defineRule } from "./types";
import type { Cell, CellPos, IndicatorCategory, IndicatorRow } from "../recognize/model";
import { levelCell } from "../recognize";
import { targetParse } from "../recognize/cells";
import { normalizeWidth } from "../value";
import type { SheetSnapshot } from "../snapshot";

/** unquantified-target's categories: a placeholder as their 指标值 is reported there, not here. */
const QUANTIFIED: ReadonlySet<IndicatorCategory> = new Set(["数量", "质量", "时效", "成本"]);

/**
 * The template's blanks: ** (or ＊＊), XX / xx, ×× where a number or a name was to be written, also one * right
 * after an operator (≥*%). Leading stars (*, ***, ★) mark a core indicator and are stripped before the test.
 */
const TOKEN = /[*]{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|×{2,}|[≥≤><=]\s*[*]/;
/** The token with its bracket, as quoted: 贫困地区旅游景点开发数量( ≥**个 ) → "( ≥**个 )". */
const BRACKETED = /[(（][^()（）]{0,16}?(?:[*＊]{2,}|[Xx×]{2,}|[≥≤><=≧≦＞＜＝]\s*[*＊])[^()（）]{0,16}?[)）]/;
const LEADING_MARKS = /^[\s*＊★☆]+/;
const MAY_HOLD_TOKEN = /[*＊Xx×]/;
/** Without a bracket: the operator and unit around the token when the template wrote ≥**人, else the token. */
const UNBRACKETED =
  /[≥≤><=≧≦＞＜＝]\s*(?:[*＊]{2,}|[*＊])\s*(?:%|％|[\u4e00-\u9fff]{1,2}(?:\/[\u4e00-\u9fff])?)?|(?:[*＊]{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|×{2,})/;

/**
 * A template's instruction left in a text field: it opens with an imperative (请填写…, 简要说明…), or it opens
 * like one (对照年度目标，说明…; 根据…) and asks for something to be written (…（100字以内）, 需说明, …填写). A label with its value
 * (填报日期：…), a note headed 注： / 说明： and a numbered list (1.预算执行率=…, the form's printed explanation) are
 * not fields left unfilled.
 */
const INSTRUCTION_START = /^(请|对照|结合|针对|根据|按照|简要|简述|概述|概括|说明|填写|填报|列明|列出|描述|阐述)/;
/**
 * Openings that are an instruction by themselves (请填写…, 简要说明…, 填写…); 请示 is a document, not a request,
 * and 填报单位 / 填报日期 are labels.
 */
const IMPERATIVE_START =
  /^(请(?!示)|简要(说明|描述|介绍|概述|分析)|简述|填(写|报)(?!单位|日期|人|时间|说明|部门|机关)|列明)/;
const INSTRUCTION_ASKS =
  /\d+\s*字(以内|以下|左右)|不(超过|多于)\s*\d+\s*字|限\s*\d+\s*字|请.{0,8}(填写|说明|填报|列明|描述|简述)|(须|需|应)(填写|填报|说明|列明)|(填写|填报)[。.）)]*$/;
/** A label with its value (填报单位（盖章）：…, 填报日期：…) or a note headed 注： / 说明：, not an instruction. */
const LABEL_HEAD = /^[^，,。；;！!？?]{1,12}[:：]/;
/** （请填写…） / （简要说明…） / （……）: a bracketed blank the template prints in the field. */
const BRACKETED_INSTRUCTION =
  /^[(（]\s*(?:[^()（）]*(填写|填报|说明|列明|描述|简述|简要)[^()（）]*|[.…。·]{2,})\s*[)）]$/;
/** Words one of INSTRUCTION_ASKS or BRACKETED_INSTRUCTION needs, tested on the raw text before any copy. */
const MAY_ASK = /字|请|填|说明|列明|描述|简述|简要|[须需应]|[.…。·]{2}/;
/** Instructions are sentences, not pages: longer texts are someone's content. */
const INSTRUCTION_MAX = 200;
/** Quoted texts are cut after this many characters. */
const QUOTE_MAX = 40;
/** First characters an instruction can have (see INSTRUCTION_START and BRACKETED_INSTRUCTION): most cells fail this. */
const INSTRUCTION_FIRST = new Set("请对结针根按简概说填列描阐(（");

function quote(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX)}…` : t;
}

/** The template token left in a name or value, as quoted (with its bracket when it has one), else null. */
function placeholderToken(text: string): string | null {
  // Nearly every name and value holds none of the token characters: one scan before any copy.
  if (!MAY_HOLD_TOKEN.test(text)) return null;
  const s = normalizeWidth(text);
  // Leading stars mark a core indicator (*资产股权年收益率); a cell of stars alone (**) is the placeholder itself.
  const body = s.replace(LEADING_MARKS, "");
  if (!TOKEN.test(body === "" ? s : body)) return null;
  const b = BRACKETED.exec(text);
  if (b) return b[0];
  const u = UNBRACKETED.exec(text);
  return u ? u[0].trim() : text.trim();
}

/** The text when it is a template's instruction left in a field, else false. */
function isInstruction(text: string): boolean {
  if (text.length < 4 || text.length > INSTRUCTION_MAX || !INSTRUCTION_FIRST.has(text[0])) return false;
  if (!MAY_ASK.test(text)) return false;
  const t = normalizeWidth(text).trim();
  if (LABEL_HEAD.test(t)) return false;
  if (BRACKETED_INSTRUCTION.test(t)) return true;
  if (IMPERATIVE_START.test(t)) return true;
  return INSTRUCTION_START.test(t) && INSTRUCTION_ASKS.test(t);
}

/** A short label naming the field a cell fills: the text left of it in its row, else above it in its column. */
function fieldLabel(sheet: SheetSnapshot, r: number, c: number): string | null {
  const short = (v: unknown): string | null => {
    if (typeof v !== "string") return null;
    const t = v.replace(/\s+/g, "").replace(/[:：]$/, "");
    return t.length > 0 && t.length <= 12 && !/\d/.test(t) ? t : null;
  };
  const row = sheet.values[r] ?? [];
  for (let k = c - 1; k >= 0; k--) {
    const v = row[k];
    if (v === null || v === undefined || v === "") continue;
    return short(v) ?? above();
  }
  return above();
  function above(): string | null {
    for (let k = r - 1; k >= 0 && k >= r - 3; k--) {
      const v = sheet.values[k]?.[c];
      if (v === null || v === undefined || v === "") continue;
      return short(v);
    }
    return null;
  }
}

const rule = defineRule({
  id: "template-placeholder",
  severity: "warning",
  meta: {
    title: { "zh-CN": "模板占位符或填写说明未替换", "en-US": "Template placeholder left in the form" },
    docs: {
      "zh-CN":
        "公开的表格里仍留着模板的占位符或填写说明：指标名称或指标值中的“**”“XX”“××”（如“受益人口数（≥**人）”“满意度（≥**%）”），或年度目标完成情况、评价结论、存在问题、改进措施、偏差原因等文字栏仍是模板的说明（“对照年度目标，说明……（100字以内）”“请填写……”）。名称前的“*”“★”是核心指标标记，不报；数量、质量、时效、成本指标的指标值只填占位符的，由“目标未量化”规则报告。复核时要求单位删去占位符、写明真实的指标名称和指标值，并把说明替换为实际内容；表格照模板原样报送，说明填报不认真，在“绩效指标明确性”等项目中扣分。",
      "en-US":
        'The published form still holds the template\'s placeholders or instructions: "**", "XX", "××" in an indicator name or value (e.g. 受益人口数（≥**人） "beneficiaries (≥** people)"), or a text field (目标完成情况, 评价结论, 存在问题, 改进措施, 偏差原因) that still reads as the template\'s instruction ("对照年度目标，说明……（100字以内）" "describe … against the goal (within 100 characters)", "请填写……" "please fill in …"). A leading * or ★ marks a core indicator and is not reported; an output indicator whose value is only a placeholder is unquantified-target\'s. A reviewer asks the unit to remove the placeholders, state the real names and values and replace the instructions with content, and deducts points (indicator clarity) for a form published as the template left it.',
    },
    messages: {
      name: {
        "zh-CN": "指标名称“{name}”中仍留有模板占位符“{token}”，应删去占位符，把指标值写在指标值栏。",
        "en-US":
          'The indicator name "{name}" still holds the template placeholder "{token}": remove it and write the value in the value column.',
      },
      target: {
        "zh-CN": "指标“{name}”的指标值“{value}”仍是模板占位符，应填写实际的目标值和单位。",
        "en-US":
          'Indicator "{name}" has the template placeholder "{value}" as its target: write the real number and unit.',
      },
      actual: {
        "zh-CN": "指标“{name}”的实际完成值“{value}”仍是模板占位符，应填写实际完成的数值和单位。",
        "en-US":
          'Indicator "{name}" has the template placeholder "{value}" as its actual value: write what was achieved.',
      },
      field: {
        "zh-CN": "“{label}”栏仍是模板的填写说明“{text}”，未填写实际内容。",
        "en-US": 'The field "{label}" still holds the template\'s instruction "{text}" instead of content.',
      },
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    const once = (p: CellPos) => {
      const k = `${p.sheet}\u0001${p.row}\u0001${p.col}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    };
    const rows = ctx.model.indicators;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      // Names merged down over several rows are one cell: reported once.
      const at = levelCell(row, 3);
      const token = row.level3 === "" ? null : placeholderToken(row.level3);
      if (at && token && once(at)) {
        ctx.report({
          messageId: "name",
          data: { name: row.level3, token },
          sheet: at.sheet,
          row: at.row,
          col: at.col,
          related: row.target ? [row.target] : [],
        });
      }
      reportValue(row, row.target, "target");
      reportValue(row, row.actual, "actual");
    }

    function reportValue(row: IndicatorRow, cell: Cell | undefined, role: "target" | "actual") {
      if (!cell || cell.text === "" || !placeholderToken(cell.text)) return;
      // A quantified category's 指标值 left as a placeholder is unquantified-target's finding.
      if (role === "target" && row.category && QUANTIFIED.has(row.category) && !targetParse(row).quantitative) return;
      if (!once(cell)) return;
      ctx.report({
        messageId: role,
        data: { name: row.level3 || row.level2 || row.level1, value: cell.text },
        sheet: cell.sheet,
        row: cell.row,
        col: cell.col,
      });
    }

    // Text fields are not in the model (评价结论, 存在问题 …): every text cell of every sheet is looked at, with a
    // one-character test first so that the scan costs little on large workbooks.
    for (const sheet of ctx.snapshot.sheets) {
      const values = sheet.values;
      for (let r = 0; r < values.length; r++) {
        const line = values[r];
        if (!line) continue;
        for (let c = 0; c < line.length; c++) {
          const v = line[c];
          if (typeof v !== "string" || v.length < 4 || !INSTRUCTION_FIRST.has(v[0])) continue;
          if (!isInstruction(v)) continue;
          const pos = { sheet: sheet.name, row: sheet.originRow + r, col: sheet.originCol + c };
          if (!once(pos)) continue;
          // Only a field left unfilled: an instruction with no label beside or above it is a printed footnote.
          const label = fieldLabel(sheet, r, c);
          if (!label) continue;
          ctx.report({ messageId: "field", data: { label, text: quote(v) }, ...pos });
        }
      }
    }
  },
});

export default rule;
