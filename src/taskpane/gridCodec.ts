/**
 * A block of snapshot rows packed for the check worker: cell kinds and numbers in typed arrays (transferred, not
 * copied) and every string in one concatenated string. Structured-cloning the rows as nested arrays cost the page
 * one task of 50-160 ms per 500 rows at a 4× CPU slowdown; packing them is a single pass, and the unpacking runs
 * in the worker. Exact: rows keep their lengths, null, undefined (a short or holey row), booleans, -0 and NaN
 * come back as they went.
 */
import type { CellValue } from "../core/snapshot";

const NULL = 0;
const NUM = 1;
const STR = 2;
const TRUE = 3;
const FALSE = 4;
const UNDEF = 5;

export interface PackedGrid {
  /** Length of each row. */
  lens: Uint32Array;
  /** One kind per cell, row after row. */
  kinds: Uint8Array;
  /** The number of each NUM cell, at the cell's index. */
  nums: Float64Array;
  /** Every STR cell's text, in cell order, concatenated; `textLens` splits it. */
  text: string;
  textLens: Uint32Array;
}

type Cell = CellValue | undefined;

export function packGrid(rows: readonly (readonly Cell[])[]): PackedGrid {
  let cells = 0;
  for (const r of rows) cells += r.length;
  const lens = new Uint32Array(rows.length);
  const kinds = new Uint8Array(cells);
  const nums = new Float64Array(cells);
  const textLens = new Uint32Array(cells);
  const parts: string[] = [];
  let i = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    lens[r] = row.length;
    for (let c = 0; c < row.length; c++, i++) {
      const v = row[c];
      if (v === null) kinds[i] = NULL;
      else if (typeof v === "number") {
        kinds[i] = NUM;
        nums[i] = v;
      } else if (typeof v === "string") {
        kinds[i] = STR;
        textLens[parts.length] = v.length;
        parts.push(v);
      } else if (v === true) kinds[i] = TRUE;
      else if (v === false) kinds[i] = FALSE;
      else kinds[i] = UNDEF;
    }
  }
  return { lens, kinds, nums, text: parts.join(""), textLens };
}

export function unpackGrid(p: PackedGrid): Cell[][] {
  const out: Cell[][] = new Array(p.lens.length);
  let i = 0;
  let s = 0;
  let at = 0;
  for (let r = 0; r < p.lens.length; r++) {
    const row: Cell[] = new Array(p.lens[r]);
    for (let c = 0; c < row.length; c++, i++) {
      const k = p.kinds[i];
      if (k === NULL) row[c] = null;
      else if (k === NUM) row[c] = p.nums[i];
      else if (k === STR) {
        const n = p.textLens[s++];
        row[c] = p.text.slice(at, at + n);
        at += n;
      } else if (k === TRUE) row[c] = true;
      else if (k === FALSE) row[c] = false;
      else row[c] = undefined;
    }
    out[r] = row;
  }
  return out;
}

/** The buffers to transfer with a message carrying `p` (the page keeps none of them). */
export function transferList(p: PackedGrid): ArrayBuffer[] {
  return [p.lens.buffer, p.kinds.buffer, p.nums.buffer, p.textLens.buffer] as ArrayBuffer[];
}
