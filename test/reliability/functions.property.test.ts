import fc from "fast-check";
import { callEval, EVAL_FUNCTIONS, type EvalArg } from "../../src/core/functions";
import { EvalError } from "../../src/core/errors";
import { parseValue } from "../../src/core/value";
import { formatValue } from "../support/formatValue";

const scalar = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "≥95%",
    "≤90万元",
    "3.52万人",
    "效果明显",
    "*",
    "",
    " ",
    "#DIV/0!",
    "#N/A",
    "#SPILL!",
    "达成",
    "部分达成",
    "en-US",
    "zh-CN",
    "😀",
    "\u0000",
    "x".repeat(10000),
  ),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 0, 1, 100),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.constant(null),
);
const grid = fc.array(fc.array(scalar, { minLength: 0, maxLength: 4 }), { minLength: 0, maxLength: 4 });
const arg: fc.Arbitrary<EvalArg> = fc.oneof(scalar, grid, fc.constant(undefined));

function checkResult(r: unknown) {
  if (r instanceof EvalError) {
    expect(["#VALUE!", "#DIV/0!", "#NUM!", "#N/A", "#REF!", "#NAME?", "#NULL!"]).toContain(r.code);
    return;
  }
  expect(["number", "string", "boolean"]).toContain(typeof r);
  if (typeof r === "number") {
    expect(Number.isFinite(r)).toBe(true);
    expect(Object.is(r, -0)).toBe(false);
  }
}

describe("every EVAL function on arbitrary input returns a value or an EvalError (issue 6)", () => {
  test.each(EVAL_FUNCTIONS.map((f) => [f.name, f.params.length]))("%s", (name, arity) => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: (arity as number) + 1 }), (args) => {
        let r: unknown;
        expect(() => {
          r = callEval(name as string, args);
        }).not.toThrow();
        checkResult(r);
      }),
      { numRuns: 250 },
    );
  });

  test("scores stay within [0, weight]", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("≥", "≤", ">", "<", "=", ""),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (op, t, a, w) => {
          const r = callEval("SCORE", [`${op}${t}`, a, w]);
          if (typeof r === "number") {
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(w);
          } else {
            expect(r).toBeInstanceOf(EvalError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test("TARGETVALUE of a formatted value gives the value back", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(">=", "<=", ">", "<", "=", null),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(null, "元", "人", "%", "个"),
        fc.constantFrom(1, 1e4, 1e8),
        (op, m, d, unit, scale) => {
          const percent = unit === "%";
          const s = percent ? 1 : scale;
          const number = Number(`${m}e${Math.round(Math.log10(s)) - d - (percent ? 2 : 0)}`);
          const text = formatValue({ operator: op as never, number, scale: s, unit, percent, decimals: d });
          expect(callEval("TARGETVALUE", [text])).toBe(number);
          const sym = callEval("TARGETOP", [text]);
          expect(sym).toBe(op === null ? "" : { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" }[op]);
          expect(callEval("TARGETUNIT", [text])).toBe(unit ?? "");
          expect(parseValue(text).scale).toBe(s);
        },
      ),
      { numRuns: 400 },
    );
  });
});
