/**
 * Whatever a workbook holds — any strings (full-width forms, control characters, emoji, 10 k characters), any
 * numbers (NaN, ±Infinity, -0, 1e308), error texts, booleans, ragged rows, merges out of range — the check
 * returns findings and never throws, and every rule on its own never throws either.
 */
import fc from "fast-check";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { checkWorkbook } from "../../src/core/check";
import { recognizeWorkbook } from "../../src/core/recognize";
import { CheckScope } from "../../src/core/rules/scope";
import { RULES } from "../../src/core/rules";
import { RULE_IDS } from "../../src/core/findings";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { NATIONAL_PROFILE } from "../../src/core/profile";
import { ruleOptionsFor, type RuleModule } from "../../src/core/rules";

/** What checkWorkbook gives a rule besides the model: the national profile and the rule's options under it. */
const ruleInputs = (rule: RuleModule) => ({
  profile: NATIONAL_PROFILE,
  options: ruleOptionsFor(rule, NATIONAL_PROFILE),
});

/** Header words and values real forms use, so random grids also form tables the rules then read. */
const WORDS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "指标值",
  "年度指标值（A）",
  "实际完成值（B）",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
  "指标性质",
  "度量单位",
  "扣分原因",
  "评分标准",
  "总分",
  "合计",
  "年初预算数",
  "全年预算数（A）",
  "全年执行数（B）",
  "执行率",
  "年度资金总额",
  "其中：财政拨款",
  "其他资金",
  "上年结转资金",
  "结余资金",
  "到位资金",
  "支出",
  "资金到位率",
  "评价等级",
  "优",
  "良",
  "中",
  "差",
  "了解程度",
  "人数",
  "权重",
  "有效问卷",
  "满意度",
  "产出指标",
  "数量指标",
  "质量指标",
  "时效指标",
  "成本指标",
  "效益指标",
  "满意度指标",
  "≥95%",
  "≤628,678,956.50元",
  "=100%",
  "3.52万人",
  "≥50个",
  "效果明显",
  "*",
  "—",
  "#DIV/0!",
  "#N/A",
  "≧９５％",
  "不低于90%",
  "控制在90万元以内",
  "★参保人数",
  "资金支出率",
  "市民满意程度",
  "粮食安全事件发生数",
  "项目总投入(≥**万元)",
  "<=6962人",
  "促进协调发展",
  "2020年1月--2020年11月",
  "项目决策",
  "=23万元/个",
  "≤620万/月",
  "项目预算金额 (万元)",
  "",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...WORDS),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("\u0000\u0007\n\t", "😀📈", "ｘ".repeat(10_000), "=1+1", "@SUM(A1)"),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
);

const merge: fc.Arbitrary<MergeArea> = fc.record({
  r0: fc.integer({ min: -2, max: 20 }),
  c0: fc.integer({ min: -2, max: 12 }),
  r1: fc.integer({ min: -2, max: 25 }),
  c1: fc.integer({ min: -2, max: 14 }),
});

const sheetArb: fc.Arbitrary<SheetSnapshot> = fc.record({
  name: fc.oneof(fc.constantFrom("自评表", "申报表", "评分表", "Sheet 1", "'quoted'"), fc.string({ maxLength: 31 })),
  originRow: fc.integer({ min: 0, max: 5 }),
  originCol: fc.integer({ min: 0, max: 5 }),
  values: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 24 }),
  merges: fc.array(merge, { maxLength: 6 }),
  numberFormats: fc.option(
    fc.array(fc.array(fc.constantFrom(null, "General", "0.00%", "0.00", "#,##0", "@", "0%;-0%"), { maxLength: 12 }), {
      maxLength: 24,
    }),
    { nil: undefined },
  ),
});

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc.record({ sheets: fc.array(sheetArb, { maxLength: 4 }) });

describe("the check never throws", () => {
  it("checkWorkbook on random snapshots returns well-formed findings", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const r = checkWorkbook(wb);
        for (const f of r.findings) {
          expect(RULE_IDS).toContain(f.rule);
          expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
          expect(typeof f.message["zh-CN"]).toBe("string");
          expect(typeof f.message["en-US"]).toBe("string");
        }
        expect(r.summary.errors + r.summary.warnings + r.summary.infos).toBe(r.findings.length);
      }),
      { numRuns: 300 },
    );
  });

  it("each rule on its own never throws on a random snapshot", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const model = recognizeWorkbook(wb);
        for (const rule of RULES) {
          expect(() =>
            rule.check({
              model,
              scope: new CheckScope(model),
              snapshot: wb,
              ...ruleInputs(rule),
              report: () => undefined,
            }),
          ).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the check does not change the snapshot it reads", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const before = JSON.stringify(wb);
        checkWorkbook(wb);
        expect(JSON.stringify(wb)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it("malformed snapshots (missing values, holes, null sheets) give no findings rather than an exception", () => {
    const odd = [
      { sheets: [{ name: "x", originRow: 0, originCol: 0, values: [], merges: [] }] },
      { sheets: [{ name: "x", originRow: 0, originCol: 0, values: [null, undefined, ["总分", 1]], merges: [] }] },
      { sheets: [null] },
      {
        sheets: [
          {
            name: "x",
            originRow: 0,
            originCol: 0,
            values: [
              ["一级指标", "三级指标", "分值"],
              ["a", "b", 1],
            ],
          },
        ],
      },
    ] as unknown as WorkbookSnapshot[];
    for (const wb of odd) expect(() => checkWorkbook(wb)).not.toThrow();
  });
});

/**
 * Real forms with messy edits: the seed's declaration and self-assessment with arbitrary values dropped into
 * their cells, so every rule meets recognized tables holding junk (random grids rarely form whole tables).
 */
describe("every rule on the seed forms with arbitrary cell contents", () => {
  const messy = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      -0,
      1e308,
      0,
      null,
      true,
      false,
      "#DIV/0!",
      "≥95%",
      "≤90万元",
      "*",
      "不适用",
      "—",
      "２０２１年１２月",
      // template-placeholder, missing-indicator-name, missing-unit, name-value-conflict
      "受益户数（≥**户）",
      "验收合格率100%",
      "对照年度目标，说明完成情况（100字以内）",
      "数量指标",
      "≤28.40/株",
      88,
      "x".repeat(10000),
    ),
  );
  const edits = fc.array(fc.tuple(fc.nat(24), fc.nat(9), messy), { maxLength: 12 });

  it.each(RULES.map((r) => [r.id, r] as const))(
    "%s never throws and reports only cells on real sheets",
    (_id, rule) => {
      fc.assert(
        fc.property(edits, (changes) => {
          const a = seedDeclaration();
          const b = seedSelfAssessment();
          for (const [r, c, v] of changes) {
            const s = r % 2 ? a : b;
            s.values[r % s.values.length][c] = v as CellValue;
          }
          const snap: WorkbookSnapshot = { sheets: [a, b] };
          const names = new Set(snap.sheets.map((s) => s.name));
          const model = recognizeWorkbook(snap);
          expect(() =>
            rule.check({
              model,
              scope: new CheckScope(model),
              snapshot: snap,
              ...ruleInputs(rule),
              report: (d) => {
                expect(names.has(d.sheet)).toBe(true);
                expect(Number.isInteger(d.row) && d.row >= 0 && Number.isInteger(d.col) && d.col >= 0).toBe(true);
              },
            }),
          ).not.toThrow();
        }),
        { numRuns: 150 },
      );
    },
  );
});
