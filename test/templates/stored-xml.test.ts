import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { TemplateKind, TemplateOptions } from "../../src/core/templates";
import { templateToBuffer } from "../../src/xlsx/templateWriter";
import { guardXlsxBytes } from "../support/xlsxBytes";
import { makeZip, minimalXlsxParts, readWithBothReaders } from "../xlsx/helpers";

/**
 * The formulas as the exported file stores them (sheet XML <f> elements), pinned per template. Custom functions
 * must be stored as _xldudf_EVAL_X, never as EVAL.X (which Excel leaves #NAME? after the add-in loads).
 * After an intended change: UPDATE_GOLDEN=1 npx jest test/templates/stored-xml.test.ts, and review the diff.
 */
const FIXTURES = path.join(__dirname, "fixtures");
const update = process.env.UPDATE_GOLDEN === "1";

export function partText(buf: Buffer, name: string): string {
  const e = guardXlsxBytes(buf).find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name}`);
  const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  return (e.method === 8 ? zlib.inflateRawSync(raw) : raw).toString("utf8");
}

/** "A1 formula" per formula cell of the first sheet, in file order. */
export function storedFormulas(buf: Buffer): string[] {
  const xml = partText(buf, "xl/worksheets/sheet1.xml");
  const out: string[] = [];
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const f = /<f>([^<]*)<\/f>/.exec(m[2] ?? "");
    if (f) out.push(`${m[1]} ${f[1]}`);
  }
  return out;
}

const cases: [string, TemplateKind, TemplateOptions][] = [
  ["self-assessment", "self-assessment", {}],
  ["self-assessment.example", "self-assessment", { example: true }],
  ["self-assessment.en-US.example", "self-assessment", { example: true, lang: "en-US" }],
  ["declaration", "declaration", {}],
  ["indicator-system", "indicator-system", {}],
  ["survey.example", "survey", { example: true }],
  ["notice.example", "notice", { example: true }],
];

describe.each(cases)("stored formulas of %s", (file, kind, options) => {
  it("match the fixture, with every custom function in _xldudf_EVAL_ form", async () => {
    const lines = storedFormulas(await templateToBuffer(kind, options));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toMatch(/EVAL\./);
    const text =
      lines
        .join("\n")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">") + "\n";
    const p = path.join(FIXTURES, `${file}.stored-formulas.txt`);
    if (update) fs.writeFileSync(p, text);
    expect(text).toBe(fs.readFileSync(p, "utf8"));
  });
});

describe("readers accept every stored form", () => {
  it("_xldudf_EVAL_X, EVAL.X and _xlfn.X all read as the display form, in both readers", async () => {
    const sheet = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>61001.46</v></c><c r="B1"><v>61196.81</v></c><c r="C1"><f>_xldudf_EVAL_EXECRATE(A1,B1)</f><v>0.9968</v></c><c r="D1" t="str"><f>EVAL.GRADE(80.37)</f><v>良</v></c><c r="E1"><f>_xlfn.IFNA(C1,0)</f><v>0.9968</v></c></row></sheetData></worksheet>`,
    );
    const snap = await readWithBothReaders(makeZip(minimalXlsxParts(sheet)));
    expect(snap.sheets[0].formulas?.[0]).toEqual([
      null,
      null,
      "=EVAL.EXECRATE(A1,B1)",
      "=EVAL.GRADE(80.37)",
      "=IFNA(C1,0)",
    ]);
  });
});
