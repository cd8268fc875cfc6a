import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EVAL_FUNCTIONS } from "../../src/core/functions";
import { EvalError } from "../../src/core/errors";

const root = path.join(__dirname, "..", "..");

// A stand-in for the runtime's CustomFunctions global, recording what the wrappers throw.
class FakeCfError extends Error {
  constructor(
    readonly code: string,
    readonly msg?: string,
  ) {
    super(msg ?? code);
  }
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: FakeCfError, ErrorCode };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cf = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

function thrown(f: () => unknown): FakeCfError {
  try {
    f();
  } catch (e) {
    return e as FakeCfError;
  }
  throw new Error("did not throw");
}

describe("custom-function wrappers", () => {
  test("seed numbers through the wrappers", async () => {
    expect(Math.round(cf.arrivalRate([[61196.81]], [[62867.9]]) * 10000) / 100).toBe(97.34);
    expect(cf.execRate([[61001.46]], [[61196.81]])).toBeCloseTo(0.99681, 5);
    expect(cf.balance([[61196.81]], [[61001.46]])).toBe(195.35);
    expect(cf.amountSum([[16931.41], [18.4], [249.35], [33.32]])).toBe(17232.48);
    expect(Math.round(cf.completionRate(35452, "3.52万人") * 10000) / 100).toBe(100.72);
    expect(Math.round(cf.completionRate(17769, 17700) * 10000) / 100).toBe(100.39);
    expect(Math.round(cf.completionRate(6394, 6400) * 10000) / 100).toBe(99.91);
    expect(Math.round(cf.qualityRate([[7845]], [[7846]]) * 10000) / 100).toBe(99.99);
    expect(Math.round((await cf.satisfaction([[69, 46, 24, 2]])) * 10000) / 100).toBe(86.88);
    expect(await cf.grade(80.37)).toBe("良");
    expect(await cf.grade(80.37, "en-US")).toBe("Good");
    expect(cf.targetOp("≤628,678,956.50元")).toBe("≤");
    expect(cf.targetValue("≤628,678,956.50元")).toBe(628678956.5);
    expect(cf.met("≤90万元", 95)).toBe(false);
    expect(cf.totalScore([[40, 30, "不适用"]], [[50, 40, 10]])).toBeCloseTo(77.78, 2);
  });

  test("EvalError becomes a thrown CustomFunctions.Error with the matching code", async () => {
    const div = thrown(() => cf.execRate([[1]], [[0]]));
    expect(div).toBeInstanceOf(FakeCfError);
    expect(div.code).toBe("#DIV/0!");
    expect(div.msg).toBeUndefined(); // Excel allows messages only on #VALUE! and #N/A
    const val = thrown(() => cf.targetValue("效果明显"));
    expect(val.code).toBe("#VALUE!");
    expect(val.msg).toMatch(/target/);
    await expect(cf.grade(101)).rejects.toMatchObject({ code: "#NUM!" });
    expect(thrown(() => cf.execRate([["#N/A"]], [[1]])).code).toBe("#N/A");
  });

  test("a #NAME? from the core is reported as #VALUE! (Excel refuses #NAME? as output)", () => {
    expect(() => cf.toExcel(new EvalError("#NAME?", "x"))).toThrow(FakeCfError);
    try {
      cf.toExcel(new EvalError("#NAME?", "x"));
    } catch (e) {
      expect((e as FakeCfError).code).toBe("#VALUE!");
    }
  });

  test("the wrapper modules import only the core (and each other)", () => {
    for (const file of ["functions.ts", "runtime.ts"]) {
      const text = fs.readFileSync(path.join(root, "src", "functions", file), "utf8");
      const specs = [...text.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]);
      expect(specs.length).toBeGreaterThan(0);
      for (const s of specs) expect(s).toMatch(/^(\.\.\/core\/|\.\/runtime$)/);
      expect(text).not.toMatch(/CustomFunctions\.associate\s*\(/);
    }
  });
});

describe("metadata", () => {
  let meta: {
    functions: {
      id: string;
      name: string;
      description: string;
      parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
    }[];
  };
  beforeAll(() => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cfmeta-")), "functions.json");
    const bin = require.resolve("custom-functions-metadata/cli.js", { paths: [root] });
    execFileSync(process.execPath, [bin, "generate", path.join(root, "src", "functions", "functions.ts"), out], {
      stdio: "pipe",
    });
    meta = JSON.parse(fs.readFileSync(out, "utf8"));
  }, 120000);

  test("every EVAL function appears with a namespace-less id and its parameters", () => {
    const ids = meta.functions.map((f) => f.id).sort();
    expect(ids).toEqual(EVAL_FUNCTIONS.map((f) => f.name).sort());
    for (const spec of EVAL_FUNCTIONS) {
      const m = meta.functions.find((f) => f.id === spec.name)!;
      expect(m.name).toBe(spec.name);
      expect(m.description).toBe(spec.description["en-US"]);
      expect(m.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      spec.params.forEach((p, i) => {
        expect(Boolean(m.parameters[i].optional)).toBe(Boolean(p.optional));
        expect(m.parameters[i].dimensionality ?? "scalar").toBe(p.kind === "range" ? "matrix" : "scalar");
        expect(m.parameters[i].description).toBe(p.help["en-US"]);
      });
    }
  });

  test("zh-CN.json matches the core table and localize() rewrites descriptions", () => {
    const zh = JSON.parse(fs.readFileSync(path.join(root, "src", "functions", "zh-CN.json"), "utf8"));
    const expected = Object.fromEntries(
      EVAL_FUNCTIONS.map((f) => [
        f.name,
        {
          description: f.description["zh-CN"],
          parameters: Object.fromEntries(f.params.map((p) => [p.name, p.help["zh-CN"]])),
        },
      ]),
    );
    expect(zh).toEqual(expected);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const localize = require("../../scripts/localize-functions.js");
    const zhMeta = localize(meta);
    for (const f of zhMeta.functions) {
      expect(f.description).toBe(zh[f.id].description);
      for (const p of f.parameters) expect(p.description).toBe(zh[f.id].parameters[p.name]);
    }
    // ids, names and types are untouched; the input is not mutated
    expect(zhMeta.functions.map((f: { id: string }) => f.id)).toEqual(meta.functions.map((f) => f.id));
    expect(meta.functions[0].description).toMatch(/[a-z]/);
    const asText = localize(JSON.stringify(meta));
    expect(typeof asText).toBe("string");
    expect(JSON.parse(asText).functions[0].description).toBe(zhMeta.functions[0].description);
  });

  test("localize refuses metadata it has no text for", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const localize = require("../../scripts/localize-functions.js");
    expect(() => localize({ functions: [{ id: "UNKNOWN", name: "UNKNOWN", parameters: [] }] })).toThrow(/UNKNOWN/);
    expect(() => localize({})).toThrow(/functions/);
  });
});

describe("the workbook's profile (custom-function path)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sim = require("../../src/sim") as typeof import("../../src/sim");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const office = require("../../src/office/profile") as typeof import("../../src/office/profile");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require("../../src/core/profile") as typeof import("../../src/core/profile");
  let host: import("../../src/sim").SimHost | undefined;
  afterEach(() => {
    host?.uninstall();
    host = undefined;
    (globalThis as { perfEvalProfileChanged?: () => void }).perfEvalProfileChanged?.();
  });

  test("GRADE, SATISFACTION and EXECSCORE take their defaults from the workbook's 评价口径, re-read after a save", async () => {
    host = sim.installSimHost(globalThis, { workbook: new sim.SimWorkbook() });
    host.workbook.addSheet("Sheet1", [["x"]]);
    expect(await cf.grade(96.34)).toBe("优");
    const p = core.defaultProfile();
    p.gradeBands[0].min = 97;
    p.satisfactionWeights["4"] = [1, 0.9, 0.5, 0];
    Object.assign(p.weights, { budgetExecution: 20, output: 40 });
    await office.writeWorkbookProfile(p);
    expect(await cf.grade(96.34)).toBe("良");
    expect(await cf.satisfaction([[69, 46, 24, 2]])).toBeCloseTo((69 + 46 * 0.9 + 24 * 0.5) / 141, 12);
    expect(await cf.execScore(0.5)).toBe(10);
    // Functions without profile defaults are unchanged.
    expect(cf.balance([[61196.81]], [[61001.46]])).toBe(195.35);
  });

  test("a bad profile in the workbook makes the cell #VALUE! naming the field, not the default", async () => {
    host = sim.installSimHost(globalThis, { workbook: new sim.SimWorkbook() });
    const rows = core.profileToRows(core.defaultProfile());
    rows[rows.findIndex((r) => r[1] === "weights.output")][2] = 70;
    host.workbook.addSheet(core.PROFILE_SHEET_NAME, rows);
    await expect(cf.grade(80)).rejects.toMatchObject({ code: "#VALUE!", msg: expect.stringMatching(/weights/) });
  });
});
