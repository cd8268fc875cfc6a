import fc from "fast-check";
import { parseValue } from "../../src/core/value";
import { formatValue } from "../support/formatValue";
import { readActual, meets } from "../../src/core/compare";
import { compareIndicatorValues } from "../../src/core/rules/shared/pairs";
import { normalizeName } from "../../src/core/names";
import { moneySum, moneySub } from "../../src/core/money";

// Anything a cell or a person can hand over.
const messyString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.stringMatching(/^[≥≤＞＜＝≧≦><=★\s\d.,，．％%万亿元人个米天户次分百比*\-/无以上内下不低于超过控制在]{0,30}$/),
  fc.constantFrom(
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "\u0000\u0007",
    "😀≥95%😀",
    "\u202e≥95%",
    "１２３４５６７８９０",
    "控制在以内",
    "≥",
    "万",
    "%",
    ".",
    "-.",
    "1e400",
    "9".repeat(400),
  ),
  fc.integer({ min: 1, max: 3 }).map((n) => "≥95%".repeat(n * 2500)), // ~10k characters
);
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER),
);
const anyInput = fc.oneof(
  messyString,
  anyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);

describe("parser never throws (issue 6)", () => {
  test("parseValue returns a consistent typed value on any input", () => {
    fc.assert(
      fc.property(anyInput, (v) => {
        const p = parseValue(v);
        expect(typeof p.text).toBe("string");
        if (p.quantitative) {
          expect(typeof p.number).toBe("number");
          expect(Number.isFinite(p.number)).toBe(true);
          expect(Object.is(p.number, -0)).toBe(false);
        } else {
          expect(p.number).toBeNull();
        }
        // exactly one of the kinds
        const kinds = [p.quantitative, p.qualitative, p.placeholder, p.empty, p.invalid].filter(Boolean).length;
        expect(kinds).toBe(1);
      }),
      { numRuns: 400 },
    );
  });

  test("compare, names and money never throw", () => {
    fc.assert(
      fc.property(anyInput, anyInput, (a, b) => {
        const r = readActual(a, b);
        expect(r === null || Number.isFinite(r)).toBe(true);
        const m = meets(a, b);
        expect(m === null || typeof m === "boolean").toBe(true);
        expect(["agree", "differ", "rounded", "scale-slip", "skip"]).toContain(compareIndicatorValues(a, b));
        expect(typeof normalizeName(a)).toBe("string");
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 6 }), anyNumber, anyNumber, (xs, a, b) => {
        const s = moneySum(xs);
        expect(s === null || typeof s === "number").toBe(true);
        const d = moneySub(a, b);
        expect(d === null || typeof d === "number").toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("round trip", () => {
  const ops = fc.constantFrom(">=", "<=", ">", "<", "=", null);
  const units = fc.constantFrom(null, "元", "人", "个", "%", "米", "天", "户", "次");
  test("parse(format(value)) gives the value back", () => {
    fc.assert(
      fc.property(
        ops,
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(1, 1e4, 1e8),
        units,
        (op, mantissa, decimals, scale, unit) => {
          const written = Number(`${mantissa}e-${decimals}`);
          const percent = unit === "%";
          const number = Number(
            `${mantissa}e${Math.round(Math.log10(percent ? 1 : scale)) - decimals - (percent ? 2 : 0)}`,
          );
          const v = { operator: op as never, number, scale: percent ? 1 : scale, unit, percent, decimals, written };
          const text = formatValue(v);
          const p = parseValue(text);
          expect(p.number).toBe(number === 0 ? 0 : number);
          expect(p.operator).toBe(op);
          expect(p.unit).toBe(unit);
          // with grouping too
          expect(parseValue(formatValue(v, { grouping: true })).number).toBe(number === 0 ? 0 : number);
        },
      ),
      { numRuns: 500 },
    );
  });
  test("any finite JS number survives parse → format → parse", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const p = parseValue(n);
        expect(parseValue(formatValue(p)).number).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 500 },
    );
  });
});
