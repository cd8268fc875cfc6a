import { execFileSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { seedWorkbookBuffer } from "../notice/seedWorkbook";

/**
 * perf-eval check … --report: the review workbook over the LibreOffice-written fixtures, the seed example, an
 * unreadable file and a workbook with no forms. Read back with ExcelJS, and with LibreOffice when installed.
 */
const XLSX_FIXTURES = path.join(__dirname, "..", "fixtures", "xlsx");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), isTTY: false } };
}

const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

let dir: string;
let files: string[];
let report: string;
let json: { files: { file: string; findings?: { rule: string }[]; error?: string }[] };
let code: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-"));
  files = fs
    .readdirSync(XLSX_FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => {
      const p = path.join(dir, f);
      fs.copyFileSync(path.join(XLSX_FIXTURES, f), p);
      return p;
    });
  const seed = path.join(dir, "seed-example.xlsx");
  fs.writeFileSync(seed, await seedWorkbookBuffer());
  const broken = path.join(dir, "broken.xlsx");
  fs.writeFileSync(broken, "not a workbook");
  const empty = path.join(dir, "no-forms.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").getCell("A1").value = "hello";
  await wb.xlsx.writeFile(empty);
  files.push(seed, broken, empty);

  const hashes = files.map(sha);
  report = path.join(dir, "汇总.xlsx");
  const c = capture();
  code = await main(["check", ...files, "--jobs", "1", "--report", report], c.io as never);
  expect(files.map(sha)).toEqual(hashes);
  const j = capture();
  await main(["check", ...files, "--jobs", "1", "--format", "json"], j.io as never);
  json = JSON.parse(j.out.join(""));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readReport() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(report);
  return wb;
}

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

const findingCount = () => json.files.reduce((n, f) => n + (f.findings?.length ?? 0), 0);

it("exits as the check does (2: a file could not be read) and writes the report", () => {
  expect(code).toBe(2);
  expect(fs.existsSync(report)).toBe(true);
});

it("汇总 has one row per file, in input order, with status and scores", async () => {
  const ws = (await readReport()).getWorksheet("汇总")!;
  const r = rows(ws);
  expect(r[0].slice(0, 5)).toEqual(["文件", "项目名称", "主管部门", "实施单位", "年度"]);
  expect(r.slice(1).map((x) => x[0])).toEqual(files);
  const byFile = new Map(r.slice(1).map((x) => [x[0] as string, x]));
  const status = (f: string) => byFile.get(path.join(dir, f))![16] as string;
  expect(status("broken.xlsx")).toMatch(/^无法读取/);
  expect(status("no-forms.xlsx")).toBe("未识别到绩效表格");
  expect(status("seed-example.xlsx")).toBe("已检查");
  const seed = byFile.get(path.join(dir, "seed-example.xlsx"))!;
  expect(seed[1]).toBe("勐海县2021年度城镇职工基本养老保险经费项目");
  expect(seed[4]).toBe(2021);
  expect(seed[5]).toBe(61196.81);
  expect(seed[6]).toBe(61001.46);
  expect((seed[7] as ExcelJS.CellFormulaValue).formula).toBe('IF(F7=0,"",G7/F7)');
  expect(typeof seed[8]).toBe("number");
  expect(seed[9]).toBe("优");
  expect(String(seed[15])).toMatch(/评分表 指标体系示例!/);
  // Finding counts per file agree with the JSON output of the same check.
  for (const f of json.files) {
    const row = byFile.get(f.file)!;
    expect((row[12] as number) + (row[13] as number) + (row[14] as number)).toBe(f.findings?.length ?? 0);
  }
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
});

it("问题明细 has one row per finding, with autofilter and frozen header", async () => {
  const ws = (await readReport()).getWorksheet("问题明细")!;
  const r = rows(ws);
  expect(findingCount()).toBeGreaterThan(0);
  expect(r.length - 1).toBe(findingCount());
  expect(r.slice(1).some((x) => x[5] === "同一指标的指标值前后不一致")).toBe(true);
  expect(ws.autoFilter).toBe("A1:G1");
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
});

it("统计 counts findings per rule and files per grade band", async () => {
  const ws = (await readReport()).getWorksheet("统计")!;
  const r = rows(ws);
  const expected = new Map<string, number>();
  for (const f of json.files) for (const x of f.findings ?? []) expected.set(x.rule, (expected.get(x.rule) ?? 0) + 1);
  const got = new Map(r.filter((x) => expected.has(x[0] as string)).map((x) => [x[0] as string, x[3] as number]));
  expect(got).toEqual(expected);
  const bands = r.filter((x) => /^(优|良|中|差|无得分)/.test(String(x[0])));
  expect(bands).toHaveLength(5);
  expect(bands.reduce((n, x) => n + (x[3] as number), 0)).toBe(files.length - 1); // all but the unreadable one
  const bar = bands[0][5] as ExcelJS.CellFormulaValue;
  expect(bar.formula).toMatch(/^REPT\("█",D\d+\)$/);
});

it("统计 carries a column chart of the distribution, reading the band table", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(report));
  const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
  const ws = (await readReport()).getWorksheet("统计")!;
  let first = 0;
  ws.eachRow((row, n) => void (first === 0 && /^优/.test(String(row.getCell(1).value)) ? (first = n) : 0));
  expect(first).toBeGreaterThan(0);
  expect(chart).toContain(`<c:f>'统计'!$A$${first}:$A$${first + 4}</c:f>`);
  expect(chart).toContain(`<c:f>'统计'!$D$${first}:$D$${first + 4}</c:f>`);
  const cached = /<c:numCache>.*<\/c:numCache>/.exec(chart)![0];
  const values = [...cached.matchAll(/<c:v>(\d+)<\/c:v>/g)].map((m) => Number(m[1]));
  expect(values).toEqual([0, 1, 2, 3, 4].map((i) => ws.getCell(first + i, 4).value));
  const sheetRels = await zip.file("xl/worksheets/_rels/sheet3.xml.rels")!.async("string");
  expect(sheetRels).toContain("../drawings/drawing1.xml");
  expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("drawingml.chart+xml");
});

it("refuses a report path that is an input or already exists", async () => {
  let c = capture();
  expect(await main(["check", files[0], "--report", files[0]], c.io as never)).toBe(2);
  expect(c.err.join("")).toMatch(/one of the input files/);
  c = capture();
  expect(await main(["check", files[0], "--report", report], c.io as never)).toBe(2);
  expect(c.err.join("")).toMatch(/already exists/);
});

const soffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

(soffice ? it : it.skip)(
  "opens in LibreOffice with the expected rows",
  () => {
    const outdir = path.join(dir, "lo");
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        outdir,
        report,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    const read = (sheet: string) => fs.readFileSync(path.join(outdir, `汇总-${sheet}.csv`), "utf8");
    const lines = (sheet: string) =>
      read(sheet)
        .split("\n")
        .filter((l) => l.startsWith(dir)).length;
    expect(lines("汇总")).toBe(files.length);
    expect(lines("问题明细")).toBe(findingCount());
    expect(read("统计")).toMatch(/indicator-value-mismatch,同一指标的指标值前后不一致,错误,\d+,\d+/);
    // The chart survives LibreOffice's import: converted to .ods it is an embedded bar chart over the band table.
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
        "--convert-to",
        "ods",
        "--outdir",
        outdir,
        report,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    const ods = execFileSync("unzip", ["-p", path.join(outdir, "汇总.ods"), "Object 1/content.xml"]).toString();
    expect(ods).toContain('chart:class="chart:bar"');
    expect(ods).toMatch(/chart:values-cell-range-address="统计\.D\d+:统计\.D\d+"/);
  },
  150_000,
);
