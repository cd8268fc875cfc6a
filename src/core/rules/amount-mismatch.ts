import { defineRule } from "./types";
import type { Cell, FundsRowKind, LabelledAmount, WorkbookModel } from "../recognize/model";
import type { SheetSnapshot } from "../snapshot";
import { cellNumber } from "../recognize/cells";
import { headerKey, unitOfLabel } from "../recognize/headers";
import { SheetReader } from "../recognize/sheet";
import { numbersAgree, scaleSlip } from "../compare";
import { parseValue, resolution } from "../value";
import { fmtNum } from "./format";
import { stepOf } from "./util";
import { unitNear } from "../recognize";

/**
 * Which figure of a named amount: 年初预算数, 全年预算数, 全年执行数; "plan" is a budget figure that may be either
 * budget column (a declaration's 年度资金总额, a notice's 预算资金); "any" is a label whose column is unknown.
 */
type Column = "initial" | "budget" | "executed" | "plan" | "any";

interface Entry {
  name: string;
  column: Column;
  /** The figure as written, and its smallest written step. */
  value: number;
  step: number;
  unit?: "元" | "万元";
  cell: Cell;
  /** Entries of one place (one funds block, one narrative cell) are never compared with each other. */
  place: string;
  order: number;
  /** The figure as the message shows it (62867.9万元, 61001.46万元 as written in running text). */
  shown: string;
  id: number;
  /** The project (or unit) the figure belongs to: the nearest 项目名称 / 单位名称 above it on its sheet. */
  owner?: string;
  /** The year the figure belongs to: said next to it in running text, or in its sheet's name or title. */
  year?: number;
}

const ROW_NAMES: Record<FundsRowKind, string> = {
  total: "年度资金总额",
  fiscal: "财政拨款",
  carryover: "上年结转资金",
  other: "其他资金",
  part: "",
};

const COLUMNS = ["initial", "budget", "executed"] as const;

/** More figures under one name than this are a listing of many projects: not compared. */
const MAX_GROUP = 200;

/** 基本支出 / 项目支出: department-wide budget lines, read by `collectDepartment`. */
const DEPARTMENT_LINE = /^(基本支出|项目支出)$/;

function bareKey(text: string): string {
  return headerKey(text)
    .replace(/\([^()]*\)/g, "")
    .replace(/^其中[:：]?/, "");
}

/**
 * A loose label's name and column, or null for labels this rule does not compare. A declaration's budget
 * figures are the 年初预算数 (the self-assessment's 全年预算数 may be adjusted during the year).
 */
function looseRole(a: LabelledAmount, declared: boolean): [string, Column] | null {
  if (DEPARTMENT_LINE.test(bareKey(a.name))) return null;
  const plan: Column = declared ? "initial" : "plan";
  switch (a.kind) {
    case "total":
    case "budget":
      return ["年度资金总额", plan];
    case "fiscal":
      return ["财政拨款", plan];
    case "carryover":
      return ["上年结转资金", plan];
    case "other":
      return ["其他资金", plan];
    case "spent":
      return ["年度资金总额", "executed"];
    case "arrived":
      return ["到位资金", "any"];
    case "balance":
      return ["结余资金", "any"];
    default:
      return null;
  }
}

const NUM = "((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(万元|亿元|元)";
/** Amounts named in running text, as the seed's notice writes them (2021年度预算资金 62867.90万元 …). */
/**
 * A qualifier before the name makes it a part (中央预算资金, 县级配套财政拨款), not the whole; a verb before it
 * (完成预算资金, 使用财政拨款) makes it spending, not the budget.
 */
const PART_BEFORE = "(?<![级央省市县区镇乡村套助项转部]|完成|执行|使用|支付|拨付|到位|支出|结余)";
const NARRATIVE: [RegExp, string, Column][] = [
  [
    new RegExp(`${PART_BEFORE}(?:年度)?(?:预算资金|资金总额)(?:为|共|合计|总计)?\\s*${NUM}`, "g"),
    "年度资金总额",
    "plan",
  ],
  [new RegExp(`${PART_BEFORE}财政拨款(?:资金)?(?:为|共)?\\s*${NUM}`, "g"), "财政拨款", "plan"],
  [new RegExp(`(?:项目支出资金|实际支出资金|实际支出|资金支出)(?:为|共)?\\s*${NUM}`, "g"), "年度资金总额", "executed"],
  [new RegExp(`(?:项目收入资金|实际到位资金|到位资金)(?:为|共)?\\s*${NUM}`, "g"), "到位资金", "any"],
  [new RegExp(`结余资金(?:为|共)?\\s*${NUM}`, "g"), "结余资金", "any"],
  [new RegExp(`基本支出(?:为|共)?\\s*${NUM}`, "g"), "基本支出", "any"],
  [new RegExp(`项目支出(?:为|共)?\\s*${NUM}`, "g"), "项目支出", "any"],
];

function compatible(a: Column, b: Column): boolean {
  if (a === b || a === "any" || b === "any") return true;
  if (a === "plan") return b === "initial" || b === "budget";
  if (b === "plan") return a === "initial" || a === "budget";
  return false;
}

/** Readings of an entry in 元: one when its unit is known, both 元 and 万元 when it is not. */
function readings(e: Entry): [number, number][] {
  if (e.unit === "元") return [[e.value, e.step]];
  if (e.unit === "万元") return [[e.value * 1e4, e.step * 1e4]];
  return [
    [e.value, e.step],
    [e.value * 1e4, e.step * 1e4],
  ];
}

function agree(a: Entry, b: Entry): boolean {
  for (const [x, sx] of readings(a))
    for (const [y, sy] of readings(b)) {
      if (numbersAgree(x, sx, y, sy)) return true;
      // ×10⁴ apart is a 元/万元 slip: unit-mismatch's finding, not a second amount.
      if (scaleSlip(x, y) !== null) return true;
    }
  return false;
}

/** The column a value sits in, from the header words above it (预算数 | 执行数 …); "any" when none says. */
function columnAbove(rd: SheetReader, row: number, col: number): Column {
  for (let r = row - 1; r >= rd.r0 && r >= row - 6; r--) {
    const k = bareKey(rd.textAt(r, col));
    if (k === "" || k.length > 16) continue;
    if (/执行|实际|决算|支出数|完成/.test(k)) return "executed";
    if (/年初/.test(k)) return "initial";
    if (/全年预算|调整/.test(k)) return "budget";
    if (/预算/.test(k)) return "plan";
  }
  return "any";
}

/**
 * The numbers of a line: those right of (r, c) up to the next text (merged-away and empty cells skipped, at
 * most 6 columns), or else the number below it.
 */
function numbersBeside(rd: SheetReader, r: number, c: number): Cell[] {
  const out: Cell[] = [];
  const end = Math.min(rd.rowLength(r), c + rd.mergedWidth(r, c) + 6);
  for (let x = c + 1; x < end; x++) {
    if (rd.isMergedAway(r, x)) continue;
    const cell = rd.cell(r, x);
    if (cell.text === "") continue;
    if (!cellNumber(cell)) break;
    out.push(cell);
  }
  if (out.length === 0 && r + 1 < rd.r1) {
    const below = rd.sourceCell(r + 1, c);
    if (below.row === r + 1 && cellNumber(below)) out.push(below);
  }
  return out;
}

/** The year named last before `at` in the same sentence (2021年度预算资金 …), if any. */
function yearBefore(text: string, at: number): number | undefined {
  const start = Math.max(text.lastIndexOf("。", at), text.lastIndexOf("；", at), text.lastIndexOf(";", at)) + 1;
  let year: number | undefined;
  for (const m of text.slice(start, at).matchAll(/((?:19|20)\d{2})\s*年/g)) year = Number(m[1]);
  return year;
}

/** A sheet's year: from its name, else from its first rows (（2021年度）), a year before 年度 first. */
function sheetYear(s: SheetSnapshot): number | undefined {
  const fromName = /(?:19|20)\d{2}/.exec(String(s.name ?? ""));
  if (fromName) return Number(fromName[0]);
  const texts: string[] = [];
  for (const row of s.values.slice(0, 3))
    if (Array.isArray(row)) for (const v of row) if (typeof v === "string") texts.push(v);
  const t = texts.join(" ");
  const m = /((?:19|20)\d{2})\s*年度/.exec(t) ?? /((?:19|20)\d{2})\s*年/.exec(t);
  return m ? Number(m[1]) : undefined;
}

const OWNER_LABEL = /^(项目名称|单位名称|部门名称|部门\(单位\)名称|单位\(部门\)名称)$/;

type Add = (e: Omit<Entry, "order" | "shown" | "id">, shown?: string) => void;

/** The project or unit a 项目名称 / 单位名称 label (or "项目名称：…") names, normalized; undefined otherwise. */
function ownerAt(rd: SheetReader, r: number, c: number, v: string): string | undefined {
  const inline = /^\s*([^:：]{2,10})[:：]\s*(\S[\s\S]*)$/.exec(v);
  let name: string | undefined;
  if (inline && OWNER_LABEL.test(headerKey(inline[1]))) name = inline[2];
  else if (OWNER_LABEL.test(headerKey(v))) {
    const end = Math.min(rd.rowLength(r), c + rd.mergedWidth(r, c) + 8);
    for (let x = c + 1; x < end && name === undefined; x++) {
      if (rd.isMergedAway(r, x)) continue;
      const t = rd.textAt(r, x);
      if (t !== "") name = t;
    }
  }
  return (
    name
      ?.normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/(?:19|20)\d{2}年度?/g, "") || undefined
  );
}

/** A 基本支出 / 项目支出 line: each of its figures with the column its header names. */
function departmentLine(rd: SheetReader, r: number, c: number, v: string, add: Add): void {
  numbersBeside(rd, r, c).forEach((value, k) => {
    const n = cellNumber(value)!;
    const column = columnAbove(rd, value.row, value.col);
    // Beyond the first number, a figure whose header does not say its column cannot be placed.
    if (n.percent || (k > 0 && column === "any")) return;
    add({
      name: bareKey(v),
      column,
      value: n.value,
      step: stepOf(value),
      unit: unitOfLabel(v) ?? unitNear(rd, r, c),
      cell: value,
      place: `line:${rd.name}:${r}:${c}`,
    });
  });
}

/** Amounts named in a cell of running text (the seed notice's 资金管理使用情况 paragraph). */
function narrative(cell: Cell, v: string, add: Add): void {
  const text = v.normalize("NFKC");
  for (const [re, name, column] of NARRATIVE) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const p = parseValue(`${m[1]}${m[2]}`);
      if (!p.quantitative || p.number === null) continue;
      // parseValue gives 元; the entry keeps 元 with the written step.
      add(
        {
          name,
          column,
          value: p.number,
          step: resolution(p),
          unit: "元",
          cell,
          place: `text:${cell.sheet}:${cell.row}:${cell.col}`,
          year: yearBefore(text, m.index),
        },
        `${m[1]}${m[2]}`,
      );
    }
  }
}

function collect(model: WorkbookModel, sheets: readonly SheetSnapshot[]): Entry[] {
  const out: Entry[] = [];
  const sheetIndex = new Map<string, number>();
  sheets.forEach((s, i) => s && typeof s.name === "string" && !sheetIndex.has(s.name) && sheetIndex.set(s.name, i));
  const orderOf = (c: Cell) => (sheetIndex.get(c.sheet) ?? 0) * 1e12 + c.row * 1e5 + c.col;
  // One entry per cell: a line read both as a funds block row and as a department line is one figure.
  const seen = new Set<string>();
  const add: Add = (e, shown) => {
    if (!Number.isFinite(e.value) || e.value === 0) return;
    const at = `${e.cell.sheet}\u0000${e.cell.row}\u0000${e.cell.col}\u0000${e.column}`;
    if (seen.has(at)) return;
    seen.add(at);
    out.push({ ...e, id: out.length, order: orderOf(e.cell), shown: shown ?? `${fmtNum(e.value)}${e.unit ?? ""}` });
  };
  model.funds.forEach((b, bi) => {
    for (const r of [...(b.total ? [b.total] : []), ...b.parts]) {
      const name =
        ROW_NAMES[r.kind] ||
        headerKey(r.label.text)
          .replace(/^其中[:：]?/, "")
          .replace(/\([^()]*\)/g, "");
      if (!name) continue;
      for (const column of COLUMNS) {
        const cell = r.cells[column];
        const n = cellNumber(cell);
        if (!cell || !n || n.percent) continue;
        add({ name, column, value: n.value, step: stepOf(cell), unit: b.unit, cell, place: `funds:${bi}` });
      }
    }
  });
  const declared = new Set<string>();
  for (const t of model.tables) if (t.kind === "declaration") declared.add(t.sheet);
  for (const t of model.tables) if (t.kind !== "declaration") declared.delete(t.sheet);
  // Several totals each broken down on one sheet (彭水 2024: the programme, then each of its sub-funds): each is
  // its own fund's, not one amount written twice.
  const brokenDown = new Map<string, number>();
  for (const a of model.amounts)
    if (a.parts) brokenDown.set(`${a.sheet}\u0001${a.kind}`, (brokenDown.get(`${a.sheet}\u0001${a.kind}`) ?? 0) + 1);
  model.amounts.forEach((a, ai) => {
    if ((brokenDown.get(`${a.sheet}\u0001${a.kind}`) ?? 0) > 1) return;
    // A budget or spending word over a number (预算数, 实际支出数) heads a detail table's column: the number
    // below is its first line, not the form's total.
    if ((a.kind === "budget" || a.kind === "spent") && a.value.row !== a.label.row) return;
    const role = looseRole(a, declared.has(a.sheet));
    const n = cellNumber(a.value);
    if (!role || !n || n.percent) return;
    const unit = a.unit;
    add({
      name: role[0],
      column: role[1],
      value: n.value,
      step: stepOf(a.value),
      unit,
      cell: a.value,
      place: `amount:${ai}`,
    });
  });
  // One pass over each sheet's texts: department lines (基本支出 / 项目支出, which the recognizer has no kind
  // for), amounts named in running text, and the 项目名称 / 单位名称 each figure belongs to.
  const bySheet = new Map<string, { year?: number; owners: [number, string][] }>();
  for (const s of sheets) {
    if (!s || !Array.isArray(s.values)) continue;
    const info = { year: sheetYear(s), owners: [] as [number, string][] };
    if (typeof s.name === "string" && !bySheet.has(s.name)) bySheet.set(s.name, info);
    let rd: SheetReader | undefined;
    for (let i = 0; i < s.values.length; i++) {
      const row = s.values[i];
      if (!Array.isArray(row)) continue;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (typeof v !== "string") continue;
        const n = v.length;
        if (n <= 16 && v.indexOf("支出") >= 0 && DEPARTMENT_LINE.test(bareKey(v))) {
          rd ??= new SheetReader(s);
          departmentLine(rd, rd.r0 + i, rd.c0 + j, v, add);
        }
        if (n > 40 && v.indexOf("元") >= 0) {
          rd ??= new SheetReader(s);
          narrative(rd.cell(rd.r0 + i, rd.c0 + j), v, add);
        }
        if (n <= 60 && v.indexOf("名称") >= 0) {
          rd ??= new SheetReader(s);
          const key = ownerAt(rd, rd.r0 + i, rd.c0 + j, v);
          if (key) info.owners.push([rd.r0 + i, key]);
        }
      }
    }
  }
  for (const e of out) {
    const info = bySheet.get(e.cell.sheet);
    if (!info) continue;
    e.year ??= info.year;
    for (const [row, key] of info.owners) if (row <= e.cell.row) e.owner = key;
  }
  return out.sort((a, b) => a.order - b.order);
}

const rule = defineRule({
  id: "amount-mismatch",
  severity: "warning",
  meta: {
    title: { "zh-CN": "同一金额在两处不一致", "en-US": "Same amount differs in two places" },
    docs: {
      "zh-CN":
        "同一笔金额在同一口径下（如年度资金总额的预算数、全年执行数，财政拨款，基本支出，项目支出，到位资金，结余资金）在工作簿的两处数值不同（按元、万元换算，按书写精度比较）。资金表、标签旁的金额和通报正文中的金额都参与比较；年初预算数与全年预算数是不同口径，不相互比较；相差正好一万倍的由“元与万元混用”报告。复核时找出哪一处是依据（批复的预算、决算或账面数），要求单位改正另一处，并说明差异原因。",
      "en-US":
        "The same named amount in the same role (年度资金总额 budget or executed figure, 财政拨款 fiscal funds, 基本支出/项目支出 basic/project expenditure, funds received, balance) has different values in two places of the workbook, unit-aware (元/万元) and precision-aware. Funds blocks, labelled amounts and amounts named in running text are compared; the initial and the full-year budget are different roles and are not compared; values exactly 10⁴ apart are reported by unit-mismatch. A reviewer finds which place is the source (the approved budget, final accounts or books), asks the unit to correct the other, and to explain the difference.",
    },
    messages: {
      differs: {
        "zh-CN": "“{name}”在此处为{value}，与另一处的{other}不一致。",
        "en-US": '"{name}" is {value} here but {other} in another place.',
      },
    },
  },
  check(ctx) {
    const sheets = Array.isArray(ctx.snapshot?.sheets) ? ctx.snapshot.sheets : [];
    const entries = collect(ctx.model, sheets);
    // One workbook often holds several projects' forms (one per sheet): figures compare within a project.
    const named = new Set(entries.map((e) => e.owner).filter((o) => o !== undefined));
    const sameOwner = (a: Entry, b: Entry) =>
      a.owner === b.owner || ((a.owner === undefined || b.owner === undefined) && named.size <= 1);
    const byName = new Map<string, Entry[]>();
    for (const e of entries) {
      let l = byName.get(e.name);
      if (!l) byName.set(e.name, (l = []));
      l.push(e);
    }
    const comparable = entries.map((e) => {
      const group = byName.get(e.name)!;
      // Hundreds of figures under one name are a listing (many projects), not one project's amount.
      if (group.length > MAX_GROUP) return [];
      return group.filter(
        (o) =>
          o !== e &&
          o.place !== e.place &&
          compatible(o.column, e.column) &&
          sameOwner(o, e) &&
          (o.year === undefined || e.year === undefined || o.year === e.year),
      );
    });
    // An entry that agrees with none of its counterparts is a disagreement; one that agrees with any is not.
    const odd = entries
      .map((e, i) => ({ e, others: comparable[i] }))
      .filter(({ e, others }) => others.length > 0 && !others.some((o) => agree(o, e)));
    // Reported once per pair of places: first at the entry that disagrees with the most places (the likely odd
    // one out, such as a declaration's total against both budget columns), then the later place.
    odd.sort((a, b) => b.others.length - a.others.length || b.e.order - a.e.order);
    const paired = new Set<string>();
    const key = (a: Entry, b: Entry) => (a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`);
    for (const { e, others } of odd) {
      const fresh = others.filter((o) => !paired.has(key(e, o)));
      if (fresh.length === 0) continue;
      for (const o of fresh) paired.add(key(e, o));
      fresh.sort((a, b) => a.order - b.order);
      ctx.report({
        messageId: "differs",
        data: { name: e.name, value: e.shown, other: [...new Set(fresh.map((o) => o.shown))].join("、") },
        sheet: e.cell.sheet,
        row: e.cell.row,
        col: e.cell.col,
        related: fresh.map((o) => o.cell),
      });
    }
  },
});

export default rule;
