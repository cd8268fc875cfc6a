/** A1 addresses: the core's helpers, which the .xlsx part reader also uses for every cell and merge. */
import {
  areaToA1,
  colToLetters,
  fromA1,
  lettersToCol,
  parseArea,
  parseRef,
  parseRefList,
  qualify,
  readRef,
  toA1,
} from "../../src/core/a1";

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

describe("references (the one parser: formulas, Office addresses, .xlsx merges, related cells)", () => {
  test.each([
    ["自评表!D14", "自评表", { r0: 13, c0: 3, r1: 13, c1: 3 }],
    ["'Sheet 1'!A1", "Sheet 1", { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ["Sheet1!A1:B2", "Sheet1", { r0: 0, c0: 0, r1: 1, c1: 1 }],
    ["'O''Brien'!A1", "O'Brien", { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ["'''quoted'''!C3", "'quoted'", { r0: 2, c0: 2, r1: 2, c1: 2 }],
    ["'My Sheet'!$B$7", "My Sheet", { r0: 6, c0: 1, r1: 6, c1: 1 }],
    ["'项目 支出（2021）'!$A$1:$C$9", "项目 支出（2021）", { r0: 0, c0: 0, r1: 8, c1: 2 }],
    ["'a, b'!B2:A1", "a, b", { r0: 0, c0: 0, r1: 1, c1: 1 }],
    ["'It''s! here'!A1", "It's! here", { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ["'2021'!A1", "2021", { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ["D12", null, { r0: 11, c0: 3, r1: 11, c1: 3 }],
    ["$A$1:$B$2", null, { r0: 0, c0: 0, r1: 1, c1: 1 }],
    ["A:B", null, { r0: 0, c0: 0, r1: 1048575, c1: 1 }],
    ["3:5", null, { r0: 2, c0: 0, r1: 4, c1: 16383 }],
  ])("parseRef(%j)", (text, sheet, area) => {
    const r = parseRef(text);
    expect(r).not.toBeNull();
    expect(r!.sheet).toBe(sheet);
    expect(r!.area).toEqual(area);
  });

  test.each([
    "Sheet1!notacell",
    "My Sheet!A1", // a name with a space is always quoted
    "'unclosed!A1",
    "''!A1",
    "A",
    "1",
    "A1:B",
    "A0",
    "XFE1",
    "A1048577",
    "Sheet1!",
    "LOG10(", // a function, not the cell LOG10
    "A1B",
    "",
  ])("parseRef(%j) is null", (text) => {
    expect(parseRef(text)).toBeNull();
  });

  test("keeps the ends as written ($ anchors included)", () => {
    expect(parseRef("'表 一'!$B$2:C$9")).toMatchObject({ from: "$B$2", to: "C$9" });
    expect(parseRef("$B7")).toMatchObject({ from: "$B7" });
    expect(parseRef("$B7")!.to).toBeUndefined();
    expect(parseRef("$A:$C")).toMatchObject({ whole: "columns", from: "$A", to: "$C" });
  });

  test("readRef reads a reference inside a formula and says where it ends", () => {
    const text = "SUM('预算 表'!B2:B9)+自评表!C3*2";
    const a = readRef(text, 4)!;
    expect(a).toMatchObject({ sheet: "预算 表", from: "B2", to: "B9" });
    expect(text[a.end]).toBe(")");
    const b = readRef(text, a.end + 2)!;
    expect(b).toMatchObject({ sheet: "自评表", from: "C3" });
    expect(text.slice(b.end)).toBe("*2");
    // A function name is no reference.
    expect(readRef(text, 0)).toBeNull();
  });

  test("parseArea takes areas without a sheet only", () => {
    expect(parseArea("B2:C4")).toEqual({ r0: 1, c0: 1, r1: 3, c1: 2 });
    expect(parseArea("Sheet1!B2")).toBeNull();
    expect(parseArea("B2:")).toBeNull();
  });

  test.each([
    [
      "Sheet1!A1:B4, Sheet1!D1:D4",
      [
        { r0: 0, c0: 0, r1: 3, c1: 1 },
        { r0: 0, c0: 3, r1: 3, c1: 3 },
      ],
    ],
    [
      "'a, b'!$A$1:$B$2,'a, b'!C3",
      [
        { r0: 0, c0: 0, r1: 1, c1: 1 },
        { r0: 2, c0: 2, r1: 2, c1: 2 },
      ],
    ],
    [
      "'汇总 表'!A1, junk, 表2!B2",
      [
        { r0: 0, c0: 0, r1: 0, c1: 0 },
        { r0: 1, c0: 1, r1: 1, c1: 1 },
      ],
    ],
    ["", []],
  ])("parseRefList(%j)", (text, areas) => {
    expect(parseRefList(text).map((r) => r.area)).toEqual(areas);
  });

  test.each([
    ["自评表", "自评表!A1"],
    ["Sheet1", "Sheet1!A1"],
    ["My Sheet", "'My Sheet'!A1"],
    ["O'Brien", "'O''Brien'!A1"],
    ["2021", "'2021'!A1"],
    ["A1", "'A1'!A1"],
    ["R1C1", "'R1C1'!A1"],
    ["预算-表", "'预算-表'!A1"],
  ])("qualify(%j) and back", (sheet, text) => {
    expect(qualify(sheet, "A1")).toBe(text);
    expect(parseRef(text)!.sheet).toBe(sheet);
  });

  test("areaToA1 writes what parseRef reads", () => {
    for (const t of ["D12", "A1:B2", "A:C", "3:5"]) expect(areaToA1(parseRef(t)!.area)).toBe(t);
  });
});
