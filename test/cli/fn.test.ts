import { execFileSync, spawnSync } from "child_process";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

const root = path.join(__dirname, "..", "..");

async function fn(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false };
  const code = await main(["fn", ...args], io);
  return { code, out, err };
}

const pct = (s: string) => Math.round(JSON.parse(s) * 10000) / 100;

describe("perf-eval fn (bin, spawned)", () => {
  test("npx perf-eval fn EXECRATE 61001.46 61196.81 prints a number near 0.99681", () => {
    const out = execFileSync(
      process.execPath,
      [path.join(root, "bin", "perf-eval.js"), "fn", "EXECRATE", "61001.46", "61196.81"],
      { cwd: root, encoding: "utf8" },
    );
    expect(out.endsWith("\n")).toBe(true);
    expect(JSON.parse(out)).toBeCloseTo(0.99681, 5);
  }, 120000);
  test("an Excel error prints as its JSON text with exit 1", () => {
    const r = spawnSync(process.execPath, [path.join(root, "bin", "perf-eval.js"), "fn", "ARRIVALRATE", "1", "0"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('"#DIV/0!"\n');
  }, 120000);
});

describe("perf-eval fn: seed numbers", () => {
  test.each([
    [["ARRIVALRATE", "61196.81", "62867.90"], 97.34],
    [["EXECRATE", "61001.46", "61196.81"], 99.68],
    [["COMPLETIONRATE", "35452", "35200"], 100.72],
    [["COMPLETIONRATE", "35452", "≥3.52万人"], 100.72],
    [["COMPLETIONRATE", "17769", "17700"], 100.39],
    [["COMPLETIONRATE", "6394", "6400"], 99.91],
    [["COMPLETIONRATE", "7845", "7846"], 99.99],
    [["SATISFACTION", "[69,46,24,2]"], 86.88],
    [["SATISFACTION", "[[69],[46],[24],[2]]", "[1,0.85,0.6,0]"], 86.88],
  ])("%j → %s %", async (args, stated) => {
    const r = await fn(...(args as string[]));
    expect(r.code).toBe(0);
    expect(pct(r.out)).toBe(stated);
  });
  test("结余 and 上解 exactly", async () => {
    expect((await fn("BALANCE", "61196.81", "61001.46")).out).toBe("195.35\n");
    expect((await fn("AMOUNTSUM", "[16931.41,18.40,249.35,33.32]")).out).toBe("17232.48\n");
  });
  test("grade 80.37 → 良, en-US Good; edges", async () => {
    expect((await fn("GRADE", "80.37")).out).toBe('"良"\n');
    expect((await fn("GRADE", "80.37", "en-US")).out).toBe('"Good"\n');
    expect((await fn("GRADE", "89.99")).out).toBe('"良"\n');
    expect((await fn("GRADE", "90")).out).toBe('"优"\n');
    expect((await fn("GRADE", "59.99")).out).toBe('"差"\n');
  });
  test("text, booleans and operators", async () => {
    expect((await fn("TARGETVALUE", "3.52万人")).out).toBe("35200\n");
    expect((await fn("TARGETOP", "≤628,678,956.50元")).out).toBe('"≤"\n');
    expect((await fn("MET", "≥95%", "98")).out).toBe("true\n");
    expect((await fn("MET", "≤90万元", "95")).out).toBe("false\n");
  });
});

describe("perf-eval fn: errors and usage", () => {
  test("Excel errors: JSON text on stdout, reason on stderr, exit 1", async () => {
    const r = await fn("TARGETVALUE", "效果明显");
    expect(r.code).toBe(1);
    expect(r.out).toBe('"#VALUE!"\n');
    expect(r.err).toMatch(/TARGETVALUE/);
  });
  test("unknown function → exit 2, message on stderr", async () => {
    const r = await fn("NOPE", "1");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/unknown function 'NOPE'/);
  });
  test("missing or extra arguments → exit 2", async () => {
    const a = await fn("EXECRATE", "1");
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/EXECRATE\(spent, base\) takes 2 arguments, got 1/);
    expect((await fn("GRADE")).code).toBe(2);
    expect((await fn("GRADE", "1", "zh-CN", "x")).code).toBe(2);
  });
  test("bad JSON list → exit 2", async () => {
    const r = await fn("SATISFACTION", "[1,2");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/JSON/);
    expect((await fn("SATISFACTION", "[1,[2]]")).code).toBe(2);
    expect((await fn("SATISFACTION", '[{"a":1}]')).code).toBe(2);
  });
  test("no name → usage on stderr, exit 2; --help → usage on stdout, exit 0", async () => {
    const a = await fn();
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/usage: perf-eval fn/);
    const b = await fn("--help");
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/SATISFACTION\(counts, \[weights\]\)/);
  });
  test.each([
    ["a number", ["BALANCE", "61196.81", "61001.46"], 195.35],
    ["a negative number is not an option", ["BALANCE", "-5", "10"], -15],
    ["exponent form", ["AMOUNTSUM", "1e3"], 1000],
    ["a JSON list is one row", ["AMOUNTSUM", "[69,46,24,2]"], 141],
    ["a JSON list of lists is a column", ["AMOUNTSUM", "[[1],[2]]"], 3],
    ["a list mixing numbers and blanks", ["AMOUNTSUM", "[1,null,2]"], 3],
    ["text stays text for the value parser", ["TARGETVALUE", "≥95%"], 0.95],
    ["thousands separators are text, not two arguments", ["TARGETVALUE", "61,001.46"], 61001.46],
  ])("arguments: %s", async (_n, args, want) => {
    const r = await fn(...args);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out)).toBeCloseTo(want, 10);
  });
  test("true and false are booleans, not text", async () => {
    // TARGETOP reads a target's text: a word gives no operator, a boolean is not a target at all (#VALUE!).
    for (const b of ["true", "FALSE"]) {
      const r = await fn("TARGETOP", b);
      expect([r.code, JSON.parse(r.out)]).toEqual([1, "#VALUE!"]);
    }
    expect(await fn("TARGETOP", "yes")).toMatchObject({ code: 0, out: '""\n' });
  });
});
