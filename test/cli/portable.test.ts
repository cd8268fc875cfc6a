import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/portable";
import { templateToBuffer } from "../../src/xlsx/templateWriter";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";

function recorder() {
  const rec = { out: "", err: "" };
  return {
    io: { out: (t: string) => void (rec.out += t), err: (t: string) => void (rec.err += t), isTTY: false },
    rec,
  };
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-portable-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("perf-eval portable", () => {
  it("writes the copy, lists the cells kept as values, leaves the input as it was", async () => {
    const input = path.join(dir, "sa.xlsx");
    fs.writeFileSync(input, await templateToBuffer("self-assessment", { example: true }));
    const before = fs.readFileSync(input);
    const out = path.join(dir, "sa.portable.xlsx");
    const { io, rec } = recorder();
    expect(await run([input, "-o", out, "--lang", "en-US"], io)).toBe(0);
    expect(rec.out).toMatch(/0 formulas rewritten as standard formulas, 12 cells kept as values/);
    expect(rec.out).toMatch(/!H13 =IF\(F13="","",EVAL\.SCORE\(E13,F13,G13\)\)/);
    expect(Buffer.compare(fs.readFileSync(input), before)).toBe(0);
    const snap = await readSnapshotFromFile(out);
    for (const f of (snap.sheets[0].formulas ?? []).flat()) if (f) expect(f).not.toMatch(/EVAL/);
  });

  it.each<[string, string[], RegExp]>([
    ["the original as output", ["IN", "-o", "IN"], /must not replace the original/],
    ["no -o", ["IN"], /missing -o/],
    ["not .xlsx", ["IN", "-o", "x.csv"], /must end in \.xlsx/],
    ["a broken input", ["BROKEN", "-o", "out.xlsx"], /broken\.xlsx: /],
  ])("refuses %s with exit code 2 and nothing written", async (_name, args, message) => {
    const input = path.join(dir, "in.xlsx");
    fs.writeFileSync(input, await templateToBuffer("survey", {}));
    const broken = path.join(dir, "broken.xlsx");
    fs.writeFileSync(broken, "not a zip");
    const argv = args.map((a) =>
      a === "IN" ? input : a === "BROKEN" ? broken : a.startsWith("-") ? a : path.join(dir, a),
    );
    const before = fs.readFileSync(input);
    const { io, rec } = recorder();
    expect(await run(argv, io)).toBe(2);
    expect(rec.err).toMatch(message);
    expect(Buffer.compare(fs.readFileSync(input), before)).toBe(0);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });
});
