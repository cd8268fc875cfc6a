/**
 * The CLI's profile channel: `perf-eval profile init` writes the national default, `check --profile` and
 * `--rule` reach the rules (in this thread and, through the compiled CLI, in worker threads), `fn --profile`
 * reaches the EVAL functions, and a bad profile stops the run with exit 2 and a message naming the field.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { run as check } from "../../src/cli/check";
import { run as fn } from "../../src/cli/fn";
import { run as profileCmd } from "../../src/cli/profile";
import {
  defaultProfile,
  NATIONAL_PROFILE,
  parseProfile,
  PROFILE_SHEET_NAME,
  profileToRows,
} from "../../src/core/profile";
import { seedDeclaration, seedSelfAssessment } from "../fixtures/layouts/seed";
import { sheet } from "../support/grid";
import { ensureCliBuilt, makeTempDir, removeDir, writeSnapshotXlsx } from "../xlsx/helpers";
import { recorder } from "../support/cliRecorder";

const root = path.join(__dirname, "..", "..");
let dir: string;
let seedFile: string;
let provinceFile: string;

/** The worked example of the README: a province that gives 预算执行 20 points and 产出 40. */
function province() {
  const p = defaultProfile();
  p.name = "某省（预算执行20分）";
  Object.assign(p.weights, { budgetExecution: 20, output: 40 });
  return p;
}

beforeAll(async () => {
  dir = makeTempDir();
  seedFile = path.join(dir, "seed.xlsx");
  await writeSnapshotXlsx({ sheets: [seedDeclaration(), seedSelfAssessment()] }, seedFile);
  provinceFile = path.join(dir, "province.json");
  fs.writeFileSync(provinceFile, JSON.stringify(province(), null, 2));
});
afterAll(() => removeDir(dir));

async function checkJson(args: string[]) {
  const io = recorder();
  const code = await check(["--format", "json", "--jobs", "1", ...args], io);
  const doc = io.stdout ? JSON.parse(io.stdout) : null;
  const rules = doc ? doc.files.flatMap((f: { findings: { rule: string; severity: string }[] }) => f.findings) : [];
  return { code, rules, err: io.stderr };
}

test("profile init writes the national default, refuses to overwrite, and profile check accepts it", async () => {
  const file = path.join(dir, "init.json");
  const io = recorder();
  expect(await profileCmd(["init", "-o", file], io)).toBe(0);
  expect(parseProfile(fs.readFileSync(file, "utf8"))).toEqual(NATIONAL_PROFILE);
  const again = recorder();
  expect(await profileCmd(["init", "-o", file], again)).toBe(2);
  expect(again.stderr).toMatch(/--force/);
  const ok = recorder();
  expect(await profileCmd(["check", file], ok)).toBe(0);
});

test("check --profile: the province's weights reach weight-total", async () => {
  const plain = await checkJson([seedFile]);
  expect(plain.rules.filter((f: { rule: string }) => f.rule === "weight-total")).toEqual([]);
  const prov = await checkJson(["--profile", provinceFile, seedFile]);
  const wt = prov.rules.filter((f: { rule: string }) => f.rule === "weight-total");
  expect(wt.map((f: { message: string }) => f.message)).toEqual([
    "一级指标“预算执行”分值合计为10，标准为20。",
    "一级指标“产出”分值合计为50，标准为40。",
  ]);
});

test("--rule sets a rule's severity or turns it off, on top of the profile", async () => {
  const asError = await checkJson(["--profile", provinceFile, "--rule", "weight-total=error", seedFile]);
  expect(asError.code).toBe(1);
  expect(
    asError.rules
      .filter((f: { rule: string }) => f.rule === "weight-total")
      .map((f: { severity: string }) => f.severity),
  ).toEqual(["error", "error"]);
  const off = await checkJson(["--profile", provinceFile, "--rule=weight-total=off", seedFile]);
  expect(off.rules.filter((f: { rule: string }) => f.rule === "weight-total")).toEqual([]);
  const io = recorder();
  expect(await check(["--rule", "weight-total=loud", seedFile], io)).toBe(2);
  expect(io.stderr).toMatch(/--rule must be ID=off\|info\|warning\|error/);
});

test("a bad profile stops the check with exit 2 and names the field; nothing is reported", async () => {
  const bad = province();
  bad.weights.output = 50; // 20 + 50 + 30 + 10 = 110
  const file = path.join(dir, "bad.json");
  fs.writeFileSync(file, JSON.stringify(bad));
  const io = recorder();
  expect(await check(["--profile", file, seedFile], io)).toBe(2);
  expect(io.stdout).toBe("");
  expect(io.stderr).toMatch(/评价口径的 weights .*合计为 110/);
  const missing = recorder();
  expect(await check(["--profile", path.join(dir, "absent.json"), seedFile], missing)).toBe(2);
  expect(missing.stderr).toMatch(/absent\.json: 无法读取评价口径/);
});

test("a workbook's own 评价口径 sheet is used by the CLI; a bad one fails that file naming the field", async () => {
  const own = path.join(dir, "own.xlsx");
  const rows = profileToRows(province());
  await writeSnapshotXlsx(
    { sheets: [seedDeclaration(), seedSelfAssessment(), sheet(PROFILE_SHEET_NAME, rows, { visibility: "Hidden" })] },
    own,
  );
  const r = await checkJson([own]);
  expect(r.rules.filter((f: { rule: string }) => f.rule === "weight-total")).toHaveLength(2);
  rows[rows.findIndex((x) => x[1] === "gradeBands")][2] = '[{"grade":"优","min":90},{"grade":"良","min":95}]';
  const broken = path.join(dir, "broken.xlsx");
  await writeSnapshotXlsx({ sheets: [seedSelfAssessment(), sheet(PROFILE_SHEET_NAME, rows)] }, broken);
  const io = recorder();
  expect(await check([broken], io)).toBe(2);
  expect(io.stderr).toMatch(/评价口径的 gradeBands\[1\]\.min 为 95/);
});

test("fn --profile: GRADE, SATISFACTION and EXECSCORE take their defaults from the profile", async () => {
  const p = province();
  p.gradeBands[0].min = 97;
  p.satisfactionWeights["4"] = [1, 0.9, 0.5, 0];
  const file = path.join(dir, "fn.json");
  fs.writeFileSync(file, JSON.stringify(p));
  const call = async (args: string[]) => {
    const io = recorder();
    const code = await fn(args, io);
    return { code, out: io.stdout.trim(), err: io.stderr };
  };
  expect((await call(["GRADE", "96.34"])).out).toBe('"优"');
  expect((await call(["--profile", file, "GRADE", "96.34"])).out).toBe('"良"');
  expect(Number((await call(["--profile", file, "SATISFACTION", "[69,46,24,2]"])).out)).toBeCloseTo(
    (69 + 46 * 0.9 + 24 * 0.5) / 141,
    12,
  );
  expect((await call(["--profile", file, "EXECSCORE", "0.5"])).out).toBe("10");
  const bad = path.join(dir, "fn-bad.json");
  fs.writeFileSync(bad, "{}");
  const r = await call(["--profile", bad, "GRADE", "80"]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/评价口径的 name 缺失/);
});

test("worker threads get the profile too (compiled CLI, --jobs 2)", () => {
  ensureCliBuilt(root);
  const bin = path.join(root, "bin", "perf-eval.js");
  const r = spawnSync(
    process.execPath,
    [bin, "check", "--format", "json", "--jobs", "2", "--profile", provinceFile, seedFile, seedFile],
    { encoding: "utf8", timeout: 120000 },
  );
  // 1: the seed's own 成本指标 mismatch is an error; the profile adds the two split warnings per file.
  expect(r.status).toBe(1);
  const doc = JSON.parse(r.stdout);
  for (const f of doc.files)
    expect(f.findings.filter((x: { rule: string }) => x.rule === "weight-total")).toHaveLength(2);
}, 180000);
