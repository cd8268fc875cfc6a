import { saysOnlyDone } from "../lexicon";
import { defineRule } from "./types";
import type { IndicatorRow } from "../recognize/model";
import { actualParse, isBlankMark, targetParse } from "../recognize/cells";
import { rowName } from "./util";

/** An actual written as a bound (≥266米, 不低于90%, 95%以上) repeats a target: nothing was measured. */
const BOUND = /^(≥|≤|>=|<=|＞|＜|>|<|≧|≦|不低于|不少于|不超过|不高于|不大于|不小于|至少|最多)|(及?以上|以内|以下)$/;

/** Text compared for copying: punctuation, spaces and the particles of a past tense (了, 已) dropped. */
function plain(text: string): string {
  return text.replace(/[\s，,。.；;、：:！!“”"'（）()]|了|已经?/g, "");
}

/** Length of the longest common subsequence of two short texts (goal texts are a few dozen characters). */
function lcs(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[b.length];
}

/** Goal texts longer than this are not compared (a report of several paragraphs is no copy). */
const COPY_MAX = 300;

/**
 * A 实际完成情况 that restates its 预期目标 (the same words, a 了 added, a word changed): no result is reported.
 * `share` is the profile's share of the longer text the two must have in common.
 */
function restates(achieved: string, expected: string, share: number): boolean {
  const a = plain(achieved);
  const e = plain(expected);
  if (a.length < 8 || e.length < 8 || a.length > COPY_MAX || e.length > COPY_MAX) return false;
  // A quantified goal restated (落实39户…) says its figures were reached; a figure the report adds
  // (完成培训520人) is a result. Only a goal of words restated in words reports nothing.
  if (/\d/.test(e) || /\d/.test(a)) return false;
  return lcs(a, e) >= share * Math.max(a.length, e.length);
}

/** A count given as an approximation (200余人, 约600人, 30个左右): not a counted result. */
const APPROX = /\d\s*(余|多)[\u4e00-\u9fff]{0,2}$|^约\s*\d|\d\s*[\u4e00-\u9fff]{0,2}左右$/;

function actualText(row: IndicatorRow): string {
  const v = row.actualText ?? row.actual?.raw;
  return typeof v === "string" ? v.replace(/\s+/g, "") : "";
}

/**
 * The unit's duties copied in as what was achieved (负责编制…；承担…；负责…): two or more clauses that each begin
 * with a duty verb, and no figure anywhere. What the unit is responsible for says nothing of what it did.
 */
function listsDuties(text: string): boolean {
  if (/\d/.test(text)) return false;
  const clauses = text.split(/[;；。,，、\n]/).filter((c) => c.trim() !== "");
  const duties = clauses.filter((c) => /^\s*(负责|承担|主要负责|主要承担)/.test(c)).length;
  return duties >= 2 && duties * 2 >= clauses.filter((c) => /^\s*[\u4e00-\u9fff]/.test(c) && c.length > 4).length;
}

/**
 * 基本完成年度目标 ("mostly done"): no more said than 完成, and less. Kept out of the shared lexicon: for scoring,
 * 基本完成 is not a target met.
 */
const MOSTLY_DONE = /^基本(完成|达成|实现|达到)(了)?((预期|年度|既定)?(目标|任务))?$/;

const rule = defineRule<
  "bound" | "doneOnly" | "goalDone" | "goalCopied" | "goalDuties" | "approx",
  { copyShare: number }
>({
  id: "actual-not-measured",
  severity: "warning",
  meta: {
    title: { "zh-CN": "实际完成值未填实测值", "en-US": "Actual value not measured" },
    docs: {
      "zh-CN":
        "实际完成值没有写实际达到的数：照抄指标值连同“≥、≤、以上、不低于”等界限（如指标值“≥266米”、实际完成值也写“≥266米”），或对数量、质量、成本、满意度等量化指标只写“已完成”“已完成100%”“达标”；或只写约数（“200余人”“约600人”）；年度总体目标的实际完成情况只写“完成”“完成年度目标”，或基本照抄预期目标，或写的是单位职责（“负责……；承担……”）。这样无法判断目标是否完成，得分也无从核实。复核时要求单位按统计、验收、台账或问卷结果填写实际数（如“实际安装270米”“满意度92.5%”），并据此重新评分。",
      "en-US":
        'The actual value states no measured figure: it copies the target with its bound (target "≥266米", actual "≥266米" too; also 不低于, 以上), or answers a quantified target (a count, rate, cost or satisfaction) with only "done" (已完成, 已完成100%, 达标); or gives an approximation (200余人, 约600人); or the 实际完成情况 of the overall goal only says "done" (完成, 完成年度目标), restates the expected goal or lists the unit\'s duties (负责…; 承担…). Whether the target was met cannot be told, nor the score checked. A reviewer asks the unit for the figure from its records, acceptance report or survey ("270 m installed", "satisfaction 92.5 %") and rescoring from it.',
    },
    schema: {
      type: "object",
      properties: {
        copyShare: {
          type: "number",
          minimum: 0.5,
          maximum: 1,
          description: {
            "zh-CN": "实际完成情况与预期目标相同文字所占比例达到此值即视为照抄（0.85 = 85%）",
            "en-US":
              "Share of the words an achieved-goal text must share with the expected goal to count as a restatement (0.85 = 85 %)",
          },
        },
      },
      additionalProperties: false,
    },
    messages: {
      bound: {
        "zh-CN": "指标“{name}”的实际完成值“{actual}”是一个界限（照抄指标值{target}），不是实际达到的数。",
        "en-US":
          'Indicator "{name}": the actual value "{actual}" is a bound (the target {target} copied), not a measured figure.',
      },
      goalDone: {
        "zh-CN": "年度总体目标的“{label}”只写“{text}”，没有说明完成了哪些任务、达到了多少。",
        "en-US": 'The {label} of the overall goal only says "{text}": it does not say what was done or how much.',
      },
      goalCopied: {
        "zh-CN": "年度总体目标的“{label}”“{text}”基本照抄预期目标，没有说明实际完成了什么。",
        "en-US":
          'The {label} of the overall goal ("{text}") restates the expected goal: it does not say what was actually achieved.',
      },
      goalDuties: {
        "zh-CN":
          "年度总体目标的“{label}”“{text}”写的是单位职责（负责、承担……），没有说明本年实际完成了什么、达到了多少。",
        "en-US":
          'The {label} of the overall goal ("{text}") lists the unit\'s duties (负责…, 承担…): it does not say what was done this year or how much.',
      },
      approx: {
        "zh-CN": "指标“{name}”的实际完成值“{actual}”是约数，不是统计出的实际数（指标值{target}）。",
        "en-US":
          'Indicator "{name}": the actual value "{actual}" is an approximation, not a counted figure (target {target}).',
      },
      doneOnly: {
        "zh-CN": "指标“{name}”的指标值为{target}，实际完成值只写“{actual}”，没有实际达到的数。",
        "en-US": 'Indicator "{name}" targets {target}, but the actual value only says "{actual}": no measured figure.',
      },
    },
  },
  defaultOptions: { copyShare: 0.85 },
  check(ctx) {
    // The 年度总体目标's 实际完成情况 beside its 预期目标, on the same sheet.
    const goals = ctx.model.goals;
    for (const g of goals) {
      if (g.kind !== "achieved" || g.text === "") continue;
      const expected = goals.find((x) => x.sheet === g.sheet && (x.kind === "expected" || x.kind === "declared"));
      const a = g.text.replace(/\s+/g, "");
      const messageId =
        saysOnlyDone(a) || MOSTLY_DONE.test(a.replace(/[。.]$/, ""))
          ? "goalDone"
          : expected && restates(g.text, expected.text, ctx.options.copyShare)
            ? "goalCopied"
            : listsDuties(g.text)
              ? "goalDuties"
              : null;
      if (!messageId) continue;
      ctx.report({
        messageId,
        data: { label: g.label.text.replace(/\s+/g, ""), text: a.length > 40 ? `${a.slice(0, 40)}…` : a },
        sheet: g.cell.sheet,
        row: g.cell.row,
        col: g.cell.col,
        related: expected ? [expected.cell] : [],
      });
    }
    for (const row of ctx.model.indicators) {
      const { actual, target } = row;
      if (!actual || !target || isBlankMark(actual)) continue;
      const a = actualText(row);
      if (a === "") continue;
      const t = targetParse(row);
      if (t.empty || t.placeholder) continue;
      let messageId: "bound" | "doneOnly" | "approx" | null = null;
      if (BOUND.test(a) && actualParse(row).quantitative) messageId = "bound";
      else if (APPROX.test(a) && t.quantitative && !t.date) messageId = "approx";
      // A date or a qualitative target is met by saying so; a number asks for the number reached.
      else if (saysOnlyDone(a) && t.quantitative && !t.date) messageId = "doneOnly";
      if (!messageId) continue;
      ctx.report({
        messageId,
        data: { name: rowName(row), actual: a, target: (row.targetText ?? target.text).trim() },
        sheet: actual.sheet,
        row: actual.row,
        col: actual.col,
        related: [target],
      });
    }
  },
});

export default rule;
