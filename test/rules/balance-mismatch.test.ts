import { runRule, sheet } from "../support/grid";
import type { CellValue } from "../../src/core/snapshot";

/** The seed's funds paragraph as a small table of label/value pairs (万元). */
const funds = (
  arrived: CellValue,
  spent: CellValue,
  balance: CellValue,
  labels = ["项目收入资金（万元）", "项目支出资金（万元）", "结余资金（万元）"],
) =>
  sheet("资金情况", [
    ["预算资金（万元）", 62867.9],
    [labels[0], arrived],
    ["资金到位率", "97.34%"],
    [labels[1], spent],
    ["资金执行率", "99.68%"],
    [labels[2], balance],
  ]);

describe("balance-mismatch", () => {
  describe("valid", () => {
    it.each([
      ["the seed: 61196.81 − 61001.46 = 195.35", funds(61196.81, 61001.46, 195.35)],
      ["amounts as text with separators", funds("61,196.81", "61,001.46", "195.35")],
      [
        "mixed units: balance in 元",
        funds(61196.81, 61001.46, 1953500, ["到位资金（万元）", "支出（万元）", "结余（元）"]),
      ],
      [
        "no balance written",
        sheet("s", [
          ["到位资金", 100],
          ["支出", 90],
        ]),
      ],
    ])("%s", (_n, s) => {
      expect(runRule("balance-mismatch", s)).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a balance that is not received − spent", () => {
      const f = runRule("balance-mismatch", funds(61196.81, 61001.46, 195.53));
      expect(f.map((x) => [x.cell, x.related, x.message["zh-CN"]])).toEqual([
        ["B6", ["资金情况!B2", "资金情况!B4"], "结余为195.53，但到位资金61196.81减支出61001.46为195.35。"],
      ]);
    });

    it("off by one cent", () => {
      expect(runRule("balance-mismatch", funds(100.01, 50, 50))).toHaveLength(1);
    });
  });
});
