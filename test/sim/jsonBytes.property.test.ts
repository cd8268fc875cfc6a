/**
 * The simulated host sizes every request and answer against Excel's payload limit. It walks the value instead of
 * building its JSON; the size must be exactly that of JSON.stringify, escapes, surrogates and left-out members
 * included, or the payload-limit behaviour would drift.
 */
import fc from "fast-check";
import { jsonBytes } from "../../src/sim";

const byString = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");

describe("jsonBytes", () => {
  it("equals the UTF-8 size of JSON.stringify on any JSON-like value", () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constantFrom("\u0000", "\ud800", "a\udc00b", '"\\\b\f\n\r\t', "😀", "分值"),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("v")), fc.dictionary(fc.string(), tie("v"))),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonBytes(v)).toBe(v === undefined ? 0 : byString(v));
      }),
      { numRuns: 1000 },
    );
  });

  it("sizes what only JSON.stringify knows (a Date's toJSON) by the string", () => {
    const v = { at: new Date(0), n: -0, x: NaN };
    expect(jsonBytes(v)).toBe(byString(v));
  });
});
