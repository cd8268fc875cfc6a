/** A1 addresses: the core's helpers, which the .xlsx part reader also uses for every cell and merge. */
import { colToLetters, fromA1, lettersToCol, toA1 } from "../../src/core/snapshot";

test.each([
  ["A", 0],
  ["z", 25],
  ["AA", 26],
  ["Xfd", 16383],
  ["", -1],
  ["ABCD", -1],
  ["A1", -1],
  ["Ä", -1],
  ["@", -1],
  ["[", -1],
])("lettersToCol(%j) = %i", (letters, col) => {
  expect(lettersToCol(letters)).toBe(col);
});

test("columns round-trip through letters", () => {
  for (const c of [0, 1, 25, 26, 27, 701, 702, 16383]) expect(lettersToCol(colToLetters(c))).toBe(c);
});

test.each([
  ["B7", { row: 6, col: 1 }],
  ["$AA$10", { row: 9, col: 26 }],
  ["a1", { row: 0, col: 0 }],
  ["A0", null],
  ["1A", null],
  ["A1:B2", null],
])("fromA1(%j)", (a1, at) => {
  expect(fromA1(a1)).toEqual(at);
  if (at) expect(toA1(at.row, at.col)).toBe(a1.replace(/\$/g, "").toUpperCase());
});
