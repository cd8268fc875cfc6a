/**
 * The simulated sheet keeps its used range as cells change instead of scanning every cell on each ask (a 20,000-row
 * sheet took one long task per read otherwise). Over random writes, clears and rolled-back journals it must always
 * equal a full scan of the stored cells (and merges), both for the whole used range and the values-only one.
 */
import fc from "fast-check";
import { SimWorkbook, type SimSheet } from "../../src/sim";
import type { MergeArea } from "../../src/core/snapshot";

/** The used range by brute force, from the cells as they are stored now. */
function scan(s: SimSheet, valuesOnly: boolean): MergeArea | null {
  let out: MergeArea | null = null;
  const add = (a: MergeArea) =>
    (out = out
      ? {
          r0: Math.min(out.r0, a.r0),
          c0: Math.min(out.c0, a.c0),
          r1: Math.max(out.r1, a.r1),
          c1: Math.max(out.c1, a.c1),
        }
      : { ...a });
  for (let r = 0; r < 8; r++)
    for (let c = 0; c < 6; c++) {
      const cell = s.raw(r, c);
      if (!cell) continue;
      if (valuesOnly && cell.formula === null && (cell.value === null || cell.value === "")) continue;
      add({ r0: r, c0: c, r1: r, c1: c });
    }
  if (!valuesOnly) for (const m of s.merges) add(m);
  return out;
}

type Op =
  | { k: "value"; r: number; c: number; v: string | number | null }
  | { k: "fill"; r: number; c: number; fill: string | null }
  | { k: "journal"; ops: { r: number; c: number; v: string | number | null }[]; rollback: boolean }
  | { k: "merge"; m: MergeArea | null };

const rc = { r: fc.integer({ min: 0, max: 7 }), c: fc.integer({ min: 0, max: 5 }) };
const value = fc.oneof(fc.constant(null), fc.constant(""), fc.integer(), fc.constantFrom("x", "=1+1"));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant("value" as const), ...rc, v: value }),
  fc.record({ k: fc.constant("fill" as const), ...rc, fill: fc.constantFrom(null, "#FFC7CE") }),
  fc.record({
    k: fc.constant("journal" as const),
    ops: fc.array(fc.record({ ...rc, v: value }), { maxLength: 5 }),
    rollback: fc.boolean(),
  }),
  fc.record({
    k: fc.constant("merge" as const),
    m: fc.constantFrom(null, { r0: 6, c0: 4, r1: 7, c1: 5 }, { r0: 0, c0: 0, r1: 0, c1: 1 }),
  }),
);

describe("SimSheet.usedBounds kept as cells change", () => {
  it("equals a full scan after any sequence of writes, clears, merges and rollbacks", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const wb = new SimWorkbook();
        const s = wb.addSheet("表", [["a", null, 3]]);
        for (const o of ops) {
          if (o.k === "value") s.setCell(o.r, o.c, o.v);
          else if (o.k === "fill") s.setCell(o.r, o.c, { fill: o.fill });
          else if (o.k === "merge") s.merges = o.m ? [o.m] : [];
          else {
            wb.beginJournal();
            for (const w of o.ops) s.setCell(w.r, w.c, w.v);
            wb.endJournal(o.rollback);
          }
          expect(s.usedBounds()).toEqual(scan(s, false));
          expect(s.usedBounds(true)).toEqual(scan(s, true));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("shrinks when the cell on its edge is cleared (a stale extent would fail here)", () => {
    const wb = new SimWorkbook();
    const s = wb.addSheet("表", [
      ["a", "b"],
      [null, "c"],
    ]);
    expect(s.usedBounds()).toEqual({ r0: 0, c0: 0, r1: 1, c1: 1 });
    s.setCell(1, 1, null);
    expect(s.usedBounds()).toEqual({ r0: 0, c0: 0, r1: 0, c1: 1 });
    s.setCell(0, 1, { fill: "#FFC7CE" });
    s.setCell(0, 1, null);
    // The fill keeps the cell in the used range, not in the values-only one.
    expect(s.usedBounds()).toEqual({ r0: 0, c0: 0, r1: 0, c1: 1 });
    expect(s.usedBounds(true)).toEqual({ r0: 0, c0: 0, r1: 0, c1: 0 });
  });
});
