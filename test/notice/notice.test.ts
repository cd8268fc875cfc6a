import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import {
  addMonth,
  draftNotice,
  goalIsVague,
  noticeSheet,
  rectificationSheet,
  sourceText,
  type DraftSheet,
  type NoticeDraft,
} from "../../src/core/notice";
import { buildTemplate, evaluateTemplate } from "../../src/core/templates";
import { readXlsxBytes } from "../support/xlsxBytes";
import { main } from "../../src/cli/main";
import { renderDefinition } from "../templates/render";
import { seedWorkbookBuffer } from "./seedWorkbook";

/**
 * The notice and the rectification report drafted from the seed example (every example form in one workbook,
 * written and read back as .xlsx), compared with golden files. To update after an intended change:
 *   UPDATE_GOLDEN=1 npx jest test/notice
 */
const FIXTURES = path.join(__dirname, "fixtures");
const update = process.env.UPDATE_GOLDEN === "1";
const DATE = { year: 2022, month: 12, day: 13 };

function golden(file: string, text: string) {
  const p = path.join(FIXTURES, file);
  if (update) fs.writeFileSync(p, text);
  expect(text).toBe(fs.readFileSync(p, "utf8"));
}

function render(sheet: DraftSheet): string {
  const links = sheet.links.map((l) => `link R${l.row + 1}C${l.col + 1} → ${sourceText(l.source)}`);
  return renderDefinition(sheet.def) + links.join("\n") + "\n";
}

let seed: Buffer;
let draft: NoticeDraft;
beforeAll(async () => {
  seed = await seedWorkbookBuffer();
  const snapshot = await readXlsxBytes(seed, "seed.xlsx");
  draft = draftNotice(snapshot, { date: DATE, evaluator: "勐海县财政局", evaluatedIn: "2022年10月至11月" });
});

describe("the indicator-system example", () => {
  it("totals the seed's 80.37 and grades it 良", () => {
    const def = buildTemplate("indicator-system", { example: true });
    const values = [...evaluateTemplate(def).values()];
    expect(values).toContain(80.37);
    expect(values).toContain("良");
    expect(def.cells.some((c) => typeof c.value === "string" && c.value.includes("示意"))).toBe(true);
  });
});

describe("notice drafted from the seed example", () => {
  it("takes score, grade, unit, year and evaluator from the workbook", () => {
    expect(draft.score).toMatchObject({ value: 80.37, from: "evaluation" });
    expect(draft.grade).toBe("良");
    expect(draft.implementer?.text).toBe("勐海县养老保险基金管理中心");
    expect(draft.year?.year).toBe(2021);
    expect(draft.evaluator?.text).toBe("勐海县财政局");
  });

  it("writes the seed's figures in the seed's phrasing", () => {
    const perf = draft.performance.map((s) => s.text);
    expect(perf).toContain("城镇职工基本养老保险参保人数35452人，完成任务数35200人的100.72%。");
    expect(perf).toContain("企业职工参保人数17769人，完成任务数17700人的100.39%。");
    const problems = draft.problems.map((s) => s.text).join("\n");
    expect(problems).toMatch(/认证率99\.99%，未达到年度指标值100%/);
    expect(problems).toMatch(/86\.88%/);
    expect(problems).toMatch(/6394人，未完成年度指标值6400人，完成99\.91%，差6人/);
    expect(problems).toMatch(/≤628,278,103\.22元.*≤628,678,956\.50元/);
    expect(problems).toMatch(/^绩效目标设立笼统/);
  });

  it("links every sentence to a cell that holds its figure", async () => {
    const snapshot = await readXlsxBytes(seed, "seed.xlsx");
    const first = draft.performance[0];
    const sheet = snapshot.sheets.find((s) => s.name === first.source!.sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(first.source!.cell)!;
    const row = Number(m[2]) - 1 - sheet.originRow;
    const col = m[1].charCodeAt(0) - 65 - sheet.originCol;
    expect(sheet.values[row][col]).toBe(35452);
    for (const s of [...draft.performance, ...draft.problems, ...draft.suggestions]) expect(s.source).toBeDefined();
  });

  it("gives one suggestion per kind of problem, in the problems' order", () => {
    const kinds = [...new Set(draft.problems.map((p) => p.kind))];
    expect(draft.suggestions.map((s) => s.kind)).toEqual(kinds);
  });

  it("takes a bureau's own wording from the suggestion table", async () => {
    const snapshot = await readXlsxBytes(seed, "seed.xlsx");
    const own = draftNotice(snapshot, { date: DATE, suggestions: { archives: "建议限期完成归档" } });
    expect(own.suggestions.find((s) => s.kind === "archives")?.text).toBe("建议限期完成归档。");
  });

  it("matches the golden notice", () => golden("notice.seed.txt", render(noticeSheet(draft))));
  it("matches the golden rectification report", () =>
    golden("rectification.seed.txt", render(rectificationSheet(draft))));

  it("makes the rectification report due one month after the notice", () => {
    expect(draft.deadline).toEqual({ year: 2023, month: 1, day: 13 });
    expect(addMonth({ year: 2023, month: 1, day: 31 })).toEqual({ year: 2023, month: 2, day: 28 });
    expect(addMonth({ year: 2024, month: 1, day: 31 })).toEqual({ year: 2024, month: 2, day: 29 });
    const rect = rectificationSheet(draft).def;
    const rows = rect.cells.filter((c) => c.col === 1 && c.style === "text").map((c) => c.value);
    expect(rows).toEqual(draft.problems.map((p) => p.text));
  });
});

describe("vague goals", () => {
  it.each([
    ["1.保障老年人基本生活；2.丧葬抚恤费保障；3.关系转移接续。", true],
    ["全县参保人数达到3.52万人", false],
    ["（1）按期完成道路硬化", false],
    ["进一步提高群众满意度", true],
  ])("%s → %s", (text, vague) => expect(goalIsVague(text)).toBe(vague));
});

describe("perf-eval notice", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "notice-"));
    fs.writeFileSync(path.join(dir, "seed.xlsx"), seed);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), isTTY: false } };
  }

  it("writes both sheets with plain values and source notes, and leaves the input as it was", async () => {
    const input = path.join(dir, "seed.xlsx");
    const before = fs.readFileSync(input);
    const outFile = path.join(dir, "通知书.xlsx");
    const t = io();
    const code = await main(
      ["notice", input, "-o", outFile, "--date", "2022-12-13", "--evaluator", "勐海县财政局"],
      t.io as never,
    );
    expect(t.err.join("")).toBe("");
    expect(code).toBe(0);
    expect(t.out.join("")).toMatch(/80\.37 良/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["结果通知书", "整改报告书"]);
    const ws = wb.getWorksheet("结果通知书")!;
    expect(ws.getCell("B6").value).toBe(80.37);
    expect(ws.getCell("D6").value).toBe("良");
    expect(String(ws.getCell("B7").value)).toMatch(/^1\.城镇职工基本养老保险参保人数35452人/);
    expect(String(ws.getCell("B7").note)).toMatch(/seed\.xlsx 自评表示例!F13/);
    expect(String(ws.getCell("E7").value)).toMatch(/seed\.xlsx\]自评表示例!F13/);
    let formulas = 0;
    for (const w of wb.worksheets) w.eachRow((r) => r.eachCell((c) => void (c.formula ? formulas++ : 0)));
    expect(formulas).toBe(0);
    expect(String(wb.getWorksheet("整改报告书")!.getCell("E3").value)).toBe("2023年1月13日前");
  });

  it("reads a suggestion table from JSON and refuses unknown problem kinds", async () => {
    const input = path.join(dir, "seed.xlsx");
    const own = path.join(dir, "own.json");
    fs.writeFileSync(own, JSON.stringify({ archives: "建议限期完成业务档案归档" }));
    const out = path.join(dir, "own.xlsx");
    let t = io();
    expect(await main(["notice", input, "-o", out, "--suggestions", own, "--date", "2022-12-13"], t.io as never)).toBe(
      0,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.getWorksheet("结果通知书")!.eachRow((r) => texts.push(String(r.getCell(2).value)));
    expect(texts.some((x) => /^\d+\.建议限期完成业务档案归档。$/.test(x))).toBe(true);
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ nope: "x" }));
    t = io();
    expect(await main(["notice", input, "-o", path.join(dir, "bad.xlsx"), "--suggestions", bad], t.io as never)).toBe(
      2,
    );
    expect(t.err.join("")).toMatch(/unknown problem kind 'nope'/);
    expect(fs.existsSync(path.join(dir, "bad.xlsx"))).toBe(false);
  });

  it("refuses to write over an input or an existing file", async () => {
    const input = path.join(dir, "seed.xlsx");
    let t = io();
    expect(await main(["notice", input, "-o", input, "--force"], t.io as never)).toBe(2);
    expect(t.err.join("")).toMatch(/input/);
    t = io();
    expect(await main(["notice", input, "-o", path.join(dir, "通知书.xlsx")], t.io as never)).toBe(2);
    expect(t.err.join("")).toMatch(/already exists/);
    t = io();
    expect(await main(["notice", input, "-o", path.join(dir, "x.xlsx"), "--date", "2022-02-30"], t.io as never)).toBe(
      2,
    );
  });
});
