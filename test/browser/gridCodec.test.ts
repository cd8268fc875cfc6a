/**
 * The snapshot rows the pane sends to its check worker go packed (typed arrays and one string): they must come
 * back exactly as they went, row lengths, nulls, holes, booleans and odd numbers included.
 */
import fc from "fast-check";
import { packGrid, transferList, unpackGrid } from "../../src/taskpane/gridCodec";

describe("gridCodec", () => {
  it("round-trips every kind of cell, ragged rows and empty rows", () => {
    const rows = [
      ["项目名称", 1000, null, true, false],
      [],
      [-0, NaN, Infinity, 1e-300, "≥95%"],
      ["", "a\u0000b", "😀 emoji", undefined, "=SUM(A1:A2)"],
      [null],
    ];
    const back = unpackGrid(packGrid(rows));
    expect(back).toEqual(rows);
    expect(back.map((r) => r.length)).toEqual(rows.map((r) => r.length));
    expect(Object.is(back[2][0], -0)).toBe(true);
    expect(back[3][3]).toBeUndefined();
    expect(back[0][2]).toBeNull();
  });

  it("round-trips any grid of strings, numbers, booleans and nulls", () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ unit: "grapheme" }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }), (rows) => {
        expect(unpackGrid(packGrid(rows))).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });

  it("survives a real transfer: the page keeps none of the buffers", () => {
    const packed = packGrid([["x", 1]]);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, transferList(packed));
    // A transferred ArrayBuffer is detached on the sending side.
    expect(packed.kinds.byteLength).toBe(0);
    return new Promise<void>((resolve) => {
      port2.onmessage = (e) => {
        expect(unpackGrid(e.data)).toEqual([["x", 1]]);
        port1.close();
        port2.close();
        resolve();
      };
    });
  });
});
