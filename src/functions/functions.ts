/**
 * GENERATED from the EVAL function table (src/core/functions.ts) by src/functions/generate.ts: do not edit;
 * change the table and run `npm run gen:functions`.
 *
 * The EVAL custom functions (namespace EVAL comes from the manifest), each a thin wrapper over the core's
 * callEval, so Excel, `perf-eval fn` and the checks compute the same thing. This file is its own webpack
 * entry; the metadata plugin generates functions.json from the JSDoc below and inserts the
 * CustomFunctions.associate calls. Functions with defaults from the 评价口径 read the workbook's profile first.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator maps TypeScript `any` to Excel's "any" parameter type */
import { callEval } from "../core/functions";
import { toExcel, withProfile } from "./runtime";

export { toExcel } from "./runtime";

/**
 * Funds arrival rate = funds arrived / budget, as a fraction (0.9734 = 97.34%).
 * @customfunction ARRIVALRATE
 * @param {any[][]} arrived Funds actually arrived (a number or a range, summed exactly)
 * @param {any[][]} budget Budgeted funds (a number or a range, summed exactly)
 * @returns {number} ARRIVALRATE(61196.81, 62867.90) gives 0.97342…
 */
export function arrivalRate(arrived: any[][], budget: any[][]): number {
  return toExcel(callEval("ARRIVALRATE", [arrived, budget])) as number;
}

/**
 * Budget execution rate = spent / base (funds arrived, or annual budget A), as a fraction.
 * @customfunction EXECRATE
 * @param {any[][]} spent Amount spent (B) (a number or a range, summed exactly)
 * @param {any[][]} base Funds arrived or annual budget (A) (a number or a range, summed exactly)
 * @returns {number} EXECRATE(61001.46, 61196.81) gives 0.99680…
 */
export function execRate(spent: any[][], base: any[][]): number {
  return toExcel(callEval("EXECRATE", [spent, base])) as number;
}

/**
 * Completion rate = actual output / planned output; the target may be indicator text such as ≥3.52万人.
 * @customfunction COMPLETIONRATE
 * @param {any} actual Actual output (number or text, read in the target's unit)
 * @param {any} target Planned output or indicator text (e.g. ≥3.52万人)
 * @returns {number} COMPLETIONRATE(35452, "3.52万人") gives 1.00716…
 */
export function completionRate(actual: any, target: any): number {
  return toExcel(callEval("COMPLETIONRATE", [actual, target])) as number;
}

/**
 * Quality rate = outputs meeting the standard / actual outputs, as a fraction.
 * @customfunction QUALITYRATE
 * @param {any[][]} passed Outputs meeting the standard (a number or a range, summed exactly)
 * @param {any[][]} produced Actual outputs (a number or a range, summed exactly)
 * @returns {number} QUALITYRATE(7845, 7846) gives 0.99987…
 */
export function qualityRate(passed: any[][], produced: any[][]): number {
  return toExcel(callEval("QUALITYRATE", [passed, produced])) as number;
}

/**
 * Cost saving rate = (planned − actual cost) / planned cost; negative when over budget.
 * @customfunction COSTSAVINGRATE
 * @param {any[][]} planned Planned cost (a number or a range, summed exactly)
 * @param {any[][]} actual Actual cost (a number or a range, summed exactly)
 * @returns {number} COSTSAVINGRATE(100, 95) gives 0.05
 */
export function costSavingRate(planned: any[][], actual: any[][]): number {
  return toExcel(callEval("COSTSAVINGRATE", [planned, actual])) as number;
}

/**
 * Balance = funds received − spent, exact to the cent.
 * @customfunction BALANCE
 * @param {any[][]} received Funds received (a number or a range, summed exactly)
 * @param {any[][]} spent Amount spent (a number or a range, summed exactly)
 * @returns {number} BALANCE(61196.81, 61001.46) gives 195.35
 */
export function balance(received: any[][], spent: any[][]): number {
  return toExcel(callEval("BALANCE", [received, spent])) as number;
}

/**
 * Exact sum of amounts (no floating-point noise), for checking totals.
 * @customfunction AMOUNTSUM
 * @param {any[][]} values Amounts (a range) (a number or a range, summed exactly)
 * @returns {number} AMOUNTSUM({16931.41,18.40,249.35,33.32}) gives 17232.48
 */
export function amountSum(values: any[][]): number {
  return toExcel(callEval("AMOUNTSUM", [values])) as number;
}

/**
 * Weighted satisfaction or awareness rate = Σ count×weight / Σ count (levels best first); default weights from the profile (national: 4 levels 1/0.85/0.6/0, 5 levels 1/0.8/0.6/0.3/0, 2 levels 1/0).
 * @customfunction SATISFACTION
 * @param {any[][]} counts Respondents per level, best first
 * @param {any[][]} [weights] Weight per level (optional, 0.85 or 85)
 * @returns {Promise<number>} SATISFACTION({69,46,24,2}) gives 0.86879…
 */
export async function satisfaction(counts: any[][], weights?: any[][]): Promise<number> {
  return toExcel(await withProfile((p) => callEval("SATISFACTION", [counts, weights], p))) as number;
}

/**
 * The number in an indicator value, in base units (3.52万人 → 35200, ≥95% → 0.95).
 * @customfunction TARGETVALUE
 * @param {any} text Indicator value, e.g. ≤628,678,956.50元
 * @returns {number} TARGETVALUE("≤628,678,956.50元") gives 628678956.5
 */
export function targetValue(text: any): number {
  return toExcel(callEval("TARGETVALUE", [text])) as number;
}

/**
 * The comparison in an indicator value (≥ ≤ > < =); empty text when there is none.
 * @customfunction TARGETOP
 * @param {any} text Indicator value, e.g. 不低于95%
 * @returns {string} TARGETOP("不低于95%") gives "≥"
 */
export function targetOp(text: any): string {
  return toExcel(callEval("TARGETOP", [text])) as string;
}

/**
 * The unit of an indicator value, without 万/亿 (3.52万人 → 人); empty text when there is none.
 * @customfunction TARGETUNIT
 * @param {any} text Indicator value, e.g. 3.52万人
 * @returns {string} TARGETUNIT("3.52万人") gives "人"
 */
export function targetUnit(text: any): string {
  return toExcel(callEval("TARGETUNIT", [text])) as string;
}

/**
 * TRUE when the actual meets the target, honouring its direction (≥ or ≤).
 * @customfunction MET
 * @param {any} target Target, e.g. ≥95% or ≤90万元
 * @param {any} actual Actual value
 * @returns {boolean} MET("≥95%", 0.98) gives TRUE
 */
export function met(target: any, actual: any): boolean {
  return toExcel(callEval("MET", [target, actual])) as boolean;
}

/**
 * Quantitative indicator score: full weight when met; otherwise weight×B/A (≥) or weight×A/B (≤); capped at the weight, never negative.
 * @customfunction SCORE
 * @param {any} target Target (A), e.g. ≥95%
 * @param {any} actual Actual (B)
 * @param {number} weight Weight (maximum score)
 * @returns {number} SCORE("≥95%", 0.9, 10) gives 9.47…
 */
export function score(target: any, actual: any, weight: number): number {
  return toExcel(callEval("SCORE", [target, actual, weight])) as number;
}

/**
 * Qualitative score: tier 1 achieved (80–100%), 2 partly (60–80%), 3 not achieved (0–60%); optional percent within the tier, default 100%/70%/30%.
 * @customfunction QUALSCORE
 * @param {any} tier Tier: 1/2/3 or 达成/部分达成/未达成
 * @param {number} weight Weight (maximum score)
 * @param {number} [percent] Share within the tier (optional, 0.85 or 85)
 * @returns {number} QUALSCORE(2, 10, 0.75) gives 7.5
 */
export function qualScore(tier: any, weight: number, percent?: number): number {
  return toExcel(callEval("QUALSCORE", [tier, weight, percent])) as number;
}

/**
 * Budget execution score = weight × min(rate, 1); weight defaults to the profile's budget-execution points (national 10).
 * @customfunction EXECSCORE
 * @param {number} rate Execution rate as a fraction (e.g. 0.9968)
 * @param {number} [weight] Weight (optional, default: the profile's budget-execution points)
 * @returns {Promise<number>} EXECSCORE(0.9968) gives 9.968
 */
export async function execScore(rate: number, weight?: number): Promise<number> {
  return toExcel(await withProfile((p) => callEval("EXECSCORE", [rate, weight], p))) as number;
}

/**
 * Total score: indicators that do not apply (score 不适用, — or empty) are left out and the rest is rescaled to 100.
 * @customfunction TOTALSCORE
 * @param {any[][]} scores Scores (a range)
 * @param {any[][]} weights Weights (a range of the same shape)
 * @returns {number} TOTALSCORE({40,30,"不适用"}, {50,40,10}) gives 77.78
 */
export function totalScore(scores: any[][], weights: any[][]): number {
  return toExcel(callEval("TOTALSCORE", [scores, weights])) as number;
}

/**
 * Grade of a total by the profile's bands (national: [90,100] Excellent, [80,90) Good, [60,80) Fair, [0,60) Poor).
 * @customfunction GRADE
 * @param {number} total Total score (0–100)
 * @param {any} [lang] Language (optional): zh-CN or en-US
 * @returns {Promise<string>} GRADE(80.37) gives "良"
 */
export async function grade(total: number, lang?: any): Promise<string> {
  return toExcel(await withProfile((p) => callEval("GRADE", [total, lang], p))) as string;
}
