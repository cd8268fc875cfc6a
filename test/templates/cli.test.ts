import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/template";
import { TEMPLATE_KINDS } from "../../src/core/templates";

function recorder() {
  const io = { out: "", err: "", isTTY: false };
  return {
    io: { out: (t: string) => void (io.out += t), err: (t: string) => void (io.err += t), isTTY: false },
    rec: io,
  };
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-template-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("perf-eval template", () => {
  it.each(TEMPLATE_KINDS)("writes %s as a file ExcelJS reads back", async (kind) => {
    const file = path.join(dir, `${kind}.xlsx`);
    const { io, rec } = recorder();
    expect(await run([kind, "-o", file], io)).toBe(0);
    expect(rec.err).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets).toHaveLength(1);
    expect(String(wb.worksheets[0].getCell("A1").value)).not.toBe("");
  });

  it("--lang en-US --example writes the English example", async () => {
    const file = path.join(dir, "sa-en.xlsx");
    const { io } = recorder();
    expect(await run(["self-assessment", "-o", file, "--lang", "en-US", "--example"], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("Self-assessment example");
    expect(String(ws.getCell("A1").value)).toMatch(/^\[Example\] .*Self-Assessment/);
    expect(ws.getCell("B12").value).toBe("Level 1");
  });

  it("passes the form options through", async () => {
    const file = path.join(dir, "opts.xlsx");
    const { io } = recorder();
    expect(await run(["declaration", "-o", file, "--project", "乡村道路", "--year", "2024", "--unit", "元"], io)).toBe(
      0,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getCell("B3").value).toBe("乡村道路");
    expect(ws.getCell("A2").value).toBe("（2024年度）");
    expect(ws.getCell("A6").value).toBe("项目资金（元）");
  });

  it("bad KIND: clear message, exit 2", async () => {
    const { io, rec } = recorder();
    expect(await run(["budget", "-o", path.join(dir, "x.xlsx")], io)).toBe(2);
    expect(rec.err).toMatch(/unknown KIND 'budget'.*self-assessment/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  it("missing KIND or -o: exit 2 with usage", async () => {
    const a = recorder();
    expect(await run(["survey"], a.io)).toBe(2);
    expect(a.rec.err).toMatch(/missing -o/);
    const b = recorder();
    expect(await run([], b.io)).toBe(2);
    expect(b.rec.err).toMatch(/missing KIND/);
    const c = recorder();
    expect(await run(["survey", "-o"], c.io)).toBe(2);
    expect(c.rec.err).toMatch(/-o needs a value/);
  });

  it("bad --lang and unknown options: exit 2", async () => {
    const a = recorder();
    expect(await run(["survey", "-o", path.join(dir, "y.xlsx"), "--lang", "fr"], a.io)).toBe(2);
    expect(a.rec.err).toMatch(/--lang must be zh-CN or en-US/);
    const b = recorder();
    expect(await run(["survey", "-o", path.join(dir, "y.xlsx"), "--colour"], b.io)).toBe(2);
    expect(b.rec.err).toMatch(/unknown option '--colour'/);
  });

  it("a project name over 500 characters: exit 2, bilingual message, no file", async () => {
    const file = path.join(dir, "long.xlsx");
    const { io, rec } = recorder();
    expect(await run(["declaration", "-o", file, "--project", "x".repeat(501)], io)).toBe(2);
    expect(rec.err).toMatch(/项目名称过长.*too long/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const file = path.join(dir, "exists.xlsx");
    fs.writeFileSync(file, "precious");
    const a = recorder();
    expect(await run(["notice", "-o", file], a.io)).toBe(2);
    expect(a.rec.err).toMatch(/already exists; use --force/);
    expect(fs.readFileSync(file, "utf8")).toBe("precious");
    const b = recorder();
    expect(await run(["notice", "-o", file, "--force"], b.io)).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  it("a directory or a non-.xlsx name is refused", async () => {
    const a = recorder();
    expect(await run(["notice", "-o", path.join(dir, "out.txt")], a.io)).toBe(2);
    expect(a.rec.err).toMatch(/must end in \.xlsx/);
    const sub = path.join(dir, "d.xlsx");
    fs.mkdirSync(sub);
    const b = recorder();
    expect(await run(["notice", "-o", sub, "--force"], b.io)).toBe(2);
    expect(b.rec.err).toMatch(/is a directory/);
  });
});
