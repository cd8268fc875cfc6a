/**
 * Indicators matched across tables, shared by the rules that compare them (indicator-value-mismatch, unit-mismatch,
 * score-rule, missing-deviation-reason): the same indicator's rows paired, each pair's values compared, and the
 * operator a row borrows from its counterpart. Computed once per check (see CheckScope).
 */
import type { IndicatorRow, TableKind } from "../../recognize/model";
import type { CheckScope } from "../scope";
import { parseValueShared, normalizeWidth, resolution, type Operator, type ParsedValue } from "../../value";
import { numbersAgree, scaleSlip } from "../../compare";
import { isBlankMark, targetParse } from "../../recognize/cells";

/** The indicator value as one text: split 指标性质|指标值|度量单位 columns joined, else the value cell. */
function valueOf(row: IndicatorRow): unknown {
  return row.targetText ?? row.target?.raw ?? null;
}

export function display(row: IndicatorRow): string {
  const v = valueOf(row);
  return typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : String(v);
}

/** display(row) !== "" without making the text (String() of a number per row). */
function hasDisplay(row: IndicatorRow): boolean {
  const v = valueOf(row);
  if (typeof v === "string") return v.trim() !== "";
  if (typeof v === "number" || typeof v === "boolean") return true;
  return v !== null && v !== undefined && String(v) !== "";
}

const KIND_ORDER: Record<TableKind, number> = { declaration: 0, "self-assessment": 1, evaluation: 2 };

/**
 * Do two numbers agree, a bare number (no unit, no scale) also read in the other side's unit? Each side is
 * tried as written, ×the other's scale and as the other's percent; no arrays, this runs once per pair of rows.
 */
function agreeEitherReading(p: ParsedValue, q: ParsedValue): boolean {
  const pn = p.number!;
  const qn = q.number!;
  const rp = resolution(p);
  const rq = resolution(q);
  const bareP = p.unit === null && p.scale === 1 && !p.percent;
  const bareQ = q.unit === null && q.scale === 1 && !q.percent;
  for (let i = 0; i < 3; i++) {
    if (i > 0 && !bareP) break;
    if (i === 1 && q.scale === 1) continue;
    if (i === 2 && !q.percent) continue;
    const x = i === 0 ? pn : i === 1 ? pn * q.scale : pn / 100;
    const xr = i === 0 ? rp : i === 1 ? rp * q.scale : rp / 100;
    for (let j = 0; j < 3; j++) {
      if (j > 0 && !bareQ) break;
      if (j === 1 && p.scale === 1) continue;
      if (j === 2 && !p.percent) continue;
      const y = j === 0 ? qn : j === 1 ? qn * p.scale : qn / 100;
      const yr = j === 0 ? rq : j === 1 ? rq * p.scale : rq / 100;
      if (numbersAgree(x, xr, y, yr)) return true;
    }
  }
  return false;
}

function positiveClass(op: ParsedValue["operator"]): boolean {
  return op !== "<=" && op !== "<";
}

// Qualitative values repeat (有效保障, 长期) on every row: each text is cleaned once (bounded).
const cleaned = new Map<string, string>();

function cleanText(s: string): string {
  let c = cleaned.get(s);
  if (c === undefined) {
    c = normalizeWidth(s).replace(/[\s，,。.；;、：:！!？?"“”'‘’]/g, "");
    if (cleaned.size >= 100_000) cleaned.clear();
    cleaned.set(s, c);
  }
  return c;
}

export type ValueComparison = "agree" | "differ" | "rounded" | "scale-slip" | "skip";

/** Significant digits a value must have for its rounding to stand for the other value (domain.md). */
const MIN_SIGNIFICANT = 3;

/**
 * Two values that agree only because the coarser one is a round number of fewer than 3 significant digits
 * (≥2万人 against ≥17700人, ≤6.3亿元 against ≤628,278,103.22元): declaring 1.77万人 and later writing ≥2万人
 * changed the target. Read as written (both with units); a bare number borrowing the other's unit is left alone.
 */
function roundedOnly(p: ParsedValue, q: ParsedValue): boolean {
  const rp = resolution(p);
  const rq = resolution(q);
  if (rp === rq || !numbersAgree(p.number!, rp, q.number!, rq)) return false;
  const [coarse, cres, fine, fres] = rp > rq ? [p.number!, rp, q.number!, rq] : [q.number!, rq, p.number!, rp];
  // Equal at the finer value's own precision: the same number, written twice.
  if (numbersAgree(coarse, fres, fine, fres)) return false;
  const digits = Math.floor(Math.log10(Math.abs(coarse) / cres) + 1e-9) + 1;
  return digits < MIN_SIGNIFICANT;
}

/**
 * Compare two 指标值 of the same indicator. "scale-slip" when the numbers differ by ×10⁴/×10⁸ (left to
 * unit-mismatch), "skip" when one side is empty, a placeholder, not applicable or an error.
 */
export function compareIndicatorValues(a: unknown, b: unknown): ValueComparison {
  return compareParsed(parseValueShared(a), parseValueShared(b));
}

/** Empty, a placeholder, an error or marked not applicable: nothing to compare. */
function unusable(x: ParsedValue): boolean {
  // Both marks start with 不: texts without it (nearly all) skip the trim and the regex.
  return x.empty || x.placeholder || x.invalid || (x.text.includes("不") && /^不适用|^不涉及/.test(x.text.trim()));
}

function unitOf(x: ParsedValue): string | null {
  return x.percent ? "%" : x.unit;
}

/** compareIndicatorValues on values already parsed (rows' cached parses). */
function compareParsed(p: ParsedValue, q: ParsedValue): ValueComparison {
  if (unusable(p) || unusable(q)) return "skip";
  if (p.quantitative && q.quantitative) {
    if (p.date !== q.date) return "differ";
    // An operator left out (95% under a ≤5% declaration) is not a different value; ≥ against ≤ is.
    if (p.operator !== null && q.operator !== null && positiveClass(p.operator) !== positiveClass(q.operator))
      return "differ";
    // Different units (人 vs %; 个 vs 米) are different values; a bare number takes the other's unit.
    const ua = unitOf(p);
    const ub = unitOf(q);
    if (ua !== null && ub !== null && ua !== ub) return "differ";
    if (agreeEitherReading(p, q)) return roundedOnly(p, q) ? "rounded" : "agree";
    if (scaleSlip(p.number!, q.number!)) return "scale-slip";
    return "differ";
  }
  if (p.quantitative !== q.quantitative) return "differ";
  // Both qualitative: the same words, ignoring spaces and punctuation; one containing the other is the same aim.
  const x = cleanText(p.text);
  const y = cleanText(q.text);
  return x === y || (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x))) ? "agree" : "differ";
}

/** Indicator rows of the same indicator in different tables, paired with the row they are compared to. */
export function matchedIndicatorPairs(scope: CheckScope): [IndicatorRow, IndicatorRow][] {
  // Three rules ask for the same pairs: computed once per check.
  return scope.once(computePairs);
}

/** compareParsed of each matched pair's values (same order as matchedIndicatorPairs), once per check. */
export function matchedPairComparisons(scope: CheckScope): ValueComparison[] {
  return scope.once(scanPairs).comparisons;
}

/** The pairs' comparisons and borrowed operators in one pass over the pairs (each reads both rows' values). */
function scanPairs(scope: CheckScope): { comparisons: ValueComparison[]; borrowed: Map<IndicatorRow, Operator> } {
  const pairs = matchedIndicatorPairs(scope);
  const comparisons = new Array<ValueComparison>(pairs.length);
  const borrowed = new Map<IndicatorRow, Operator>();
  for (let i = 0; i < pairs.length; i++) {
    const ref = pairs[i][0];
    const row = pairs[i][1];
    const a = targetParse(ref);
    const b = targetParse(row);
    comparisons[i] = compareParsed(a, b);
    if (!a.quantitative || !b.quantitative) continue;
    if (a.operator && !b.operator) borrowed.set(row, a.operator);
    else if (b.operator && !a.operator) borrowed.set(ref, b.operator);
  }
  return { comparisons, borrowed };
}

/** True for "", "/", "//"…: keys of rows without names. Cheap on the usual key that ends in a name. */
function noName(k: string): boolean {
  for (let i = k.length - 1; i >= 0; i--) if (k.charCodeAt(i) !== 47) return false;
  return true;
}

function computePairs(scope: CheckScope): [IndicatorRow, IndicatorRow][] {
  const model = scope.model;
  const kindOf = (r: IndicatorRow): TableKind => model.tables[r.table]?.kind ?? "declaration";
  const rank = (r: IndicatorRow) => KIND_ORDER[kindOf(r)];
  // Rows with a value; below, their group ids by key (-1: skip the row).
  const all = model.indicators;
  const withValue: IndicatorRow[] = [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i];
    if (!r.target || isBlankMark(r.target) || !hasDisplay(r)) continue;
    withValue.push(r);
  }
  const ids = new Int32Array(withValue.length);
  const n = withValue.length;
  const pairs: [IndicatorRow, IndicatorRow][] = [];
  // By position in withValue: flags and linked lists instead of a Set and an array per group.
  const paired = new Uint8Array(n);
  const next = new Int32Array(n);
  const tail = new Int32Array(n);
  const size = new Int32Array(n);
  const pair = (a: number, b: number) => {
    pairs.push([withValue[a], withValue[b]]);
    paired[b] = 1;
    paired[a] = 1;
  };
  /** Ids of the unpaired rows' texts into `ids` (-1 for paired or nameless rows); returns the number of ids. */
  const idsByText = (keyOf: (r: IndicatorRow) => string): number => {
    const byText = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      ids[i] = -1;
      if (paired[i]) continue;
      const k = keyOf(withValue[i]);
      if (noName(k)) continue;
      let id = byText.get(k);
      if (id === undefined) byText.set(k, (id = byText.size));
      ids[i] = id;
    }
    return byText.size;
  };
  const pairUp = (groups: number) => {
    // Group id → index of the group's first row (rows of a group linked through `next`, in order); the heads
    // in order of first appearance.
    const headOf = new Int32Array(groups).fill(-1);
    const heads: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (id < 0) continue;
      const h = headOf[id];
      next[i] = -1;
      if (h < 0) {
        headOf[id] = i;
        heads.push(i);
        tail[i] = i;
        size[i] = 1;
      } else {
        next[tail[h]] = i;
        tail[h] = i;
        size[h]++;
      }
    }
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k];
      if (size[h] < 2) continue;
      if (size[h] === 2) {
        // The common case: one row in each of two tables.
        const j = next[h];
        const a = withValue[h];
        const b = withValue[j];
        if (a.table === b.table) continue;
        const order = rank(a) - rank(b) || a.table - b.table;
        if (order <= 0) pair(h, j);
        else pair(j, h);
        continue;
      }
      // Rows per table, tables in order of first appearance.
      const byTable = new Map<number, number[]>();
      for (let i = h; i >= 0; i = next[i]) {
        const t = withValue[i].table;
        const rows = byTable.get(t);
        if (rows) rows.push(i);
        else byTable.set(t, [i]);
      }
      if (byTable.size < 2) continue;
      // The reference is the earliest form: declaration, then self-assessment, then evaluation.
      const tables = [...byTable.entries()].sort(
        (a, b) => rank(withValue[a[1][0]]) - rank(withValue[b[1][0]]) || a[0] - b[0],
      );
      const ref = tables[0][1];
      for (let t = 1; t < tables.length; t++) {
        const other = tables[t][1];
        // Several rows with one name in both tables pair in order; otherwise the match is ambiguous.
        if (other.length !== ref.length) continue;
        for (let i = 0; i < other.length; i++) pair(ref[i], other[i]);
      }
    }
  };
  // By key (rows of one indicator share one key string, hashed once: see recognize's joinKey).
  pairUp(idsByText((r) => r.key));
  // First-level naming differs between forms (产出 vs 产出指标 vs nothing): fall back to 二级/三级.
  pairUp(idsByText((r) => (r.level3 ? r.nameKey : "")));
  return pairs;
}

/**
 * The operator an indicator's value lacks but its counterpart in another table states (95% assessed under a
 * ≤5% declaration): rows whose own value has no operator, mapped to the other table's operator.
 */
export function borrowedOperators(scope: CheckScope): Map<IndicatorRow, Operator> {
  return scope.once(scanPairs).borrowed;
}
