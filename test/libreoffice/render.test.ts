/**
 * Every template, blank and example, zh-CN and en-US, rendered by LibreOffice to PDF: exactly one A4 page per
 * form in the form's orientation, at a scale that keeps text at 9 pt or more. The first page of each is saved
 * as a PNG under test-artifacts/render/ (pdftoppm, poppler-utils) for a person to look at.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  buildTemplate,
  MIN_PRINTED_PT,
  smallestPrintedFont,
  TEMPLATE_INFO,
  TEMPLATE_KINDS,
  type TemplateKind,
  type TemplateOptions,
} from "../../src/core/templates";
import { templateToBuffer } from "../../src/xlsx/templateWriter";
import { convert, findSoffice, recalcProfile, SKIP_MESSAGE } from "./soffice";

const soffice = findSoffice();
const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "render");

const cases: [string, TemplateKind, TemplateOptions][] = [
  ...TEMPLATE_KINDS.flatMap((k): [string, TemplateKind, TemplateOptions][] => [
    [k, k, {}],
    [`${k}.en-US`, k, { lang: "en-US" }],
  ]),
  ...TEMPLATE_KINDS.filter((k) => TEMPLATE_INFO[k].hasExample).flatMap(
    (k): [string, TemplateKind, TemplateOptions][] => [
      [`${k}.example`, k, { example: true }],
      [`${k}.example.en-US`, k, { example: true, lang: "en-US" }],
    ],
  ),
  ["declaration.multi-year", "declaration", { multiYear: true }],
  ["declaration.multi-year.example", "declaration", { multiYear: true, example: true }],
];

function has(tool: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Page count and the first page's size in points, from pdfinfo, or from the PDF's own page objects. */
function pdfPages(file: string): { pages: number; width: number; height: number } {
  if (has("pdfinfo")) {
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    return { pages, width: Number(m[1]), height: Number(m[2]) };
  }
  const text = fs.readFileSync(file, "latin1");
  const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const m = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text)!;
  return { pages, width: Number(m[1]), height: Number(m[2]) };
}

(soffice ? describe : describe.skip)("templates rendered by LibreOffice", () => {
  let dir: string;
  let profile: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-lo-render-"));
    // Cached results, as the forms print from Excel with the add-in loaded (no #NAME?).
    profile = recalcProfile(false);
    const files: string[] = [];
    for (const [name, kind, options] of cases) {
      const f = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(f, await templateToBuffer(kind, options));
      files.push(f);
    }
    convert(soffice!, profile, files, "pdf", dir);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 300_000);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it.each(cases)("%s: one A4 page in the form's orientation, text ≥ 9 pt, page image saved", (name, kind, options) => {
    const def = buildTemplate(kind, options);
    expect(smallestPrintedFont(def.cells, def.lang, def.print.scale)).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    const pdf = path.join(dir, `${name}.pdf`);
    const { pages, width, height } = pdfPages(pdf);
    expect(pages).toBe(1);
    const [short, long] = [Math.min(width, height), Math.max(width, height)];
    expect(short).toBeCloseTo(595.3, 0);
    expect(long).toBeCloseTo(841.9, 0);
    expect(width > height ? "landscape" : "portrait").toBe(def.print.orientation);
    if (has("pdftoppm")) {
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "80",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        pdf,
        path.join(ARTIFACTS, name),
      ]);
      expect(fs.statSync(path.join(ARTIFACTS, `${name}.png`)).size).toBeGreaterThan(1000);
    } else console.warn("pdftoppm not found (poppler-utils): no page image saved");
  });
});

if (!soffice) {
  describe("templates rendered by LibreOffice", () => {
    it.skip(SKIP_MESSAGE, () => undefined);
  });
  console.warn(SKIP_MESSAGE);
}
