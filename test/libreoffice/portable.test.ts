/**
 * The portable copy in LibreOffice with recalculation forced: every template and example, exported by the
 * .xlsx writer and made portable, recalculates with no #NAME? or #VALUE! and to the values the add-in (the
 * core) computes. The exported originals, recalculated the same way, show #NAME? where they call EVAL: proof
 * that LibreOffice really recalculated instead of showing cached results.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isEvalError } from "../../src/core/errors";
import { toA1 } from "../../src/core/a1";
import {
  buildTemplate,
  evaluateTemplate,
  TEMPLATE_KINDS,
  type TemplateKind,
  type TemplateOptions,
} from "../../src/core/templates";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";
import { portableCopy } from "../../src/xlsx/portable";
import { templateToBuffer } from "../../src/xlsx/templateWriter";
import { convert, findSoffice, recalcProfile, SKIP_MESSAGE } from "./soffice";

const soffice = findSoffice();
const cases: [string, TemplateKind, TemplateOptions][] = [
  ...TEMPLATE_KINDS.map((k): [string, TemplateKind, TemplateOptions] => [k, k, {}]),
  ...TEMPLATE_KINDS.map((k): [string, TemplateKind, TemplateOptions] => [`${k}.en-US`, k, { lang: "en-US" }]),
  ...(["declaration", "self-assessment", "survey", "notice"] as TemplateKind[]).flatMap(
    (k): [string, TemplateKind, TemplateOptions][] => [
      [`${k}.example`, k, { example: true }],
      [`${k}.example.en-US`, k, { example: true, lang: "en-US" }],
    ],
  ),
];

type Values = Map<string, unknown>;
const recalculated = new Map<string, { original: Values; portable: Values }>();

async function valuesOf(file: string): Promise<Values> {
  const snap = await readSnapshotFromFile(file, { reader: "exceljs" });
  const s = snap.sheets[0];
  const out: Values = new Map();
  s.values.forEach((row, i) => row.forEach((v, j) => out.set(toA1(s.originRow + i, s.originCol + j), v)));
  return out;
}

(soffice ? describe : describe.skip)("portable copies recalculated by LibreOffice", () => {
  let dir: string;
  let profile: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-lo-portable-"));
    profile = recalcProfile();
    const files: string[] = [];
    for (const [name, kind, options] of cases) {
      const original = await templateToBuffer(kind, options);
      const { bytes } = await portableCopy(original, options.lang ?? "zh-CN");
      fs.writeFileSync(path.join(dir, `${name}.xlsx`), original);
      fs.writeFileSync(path.join(dir, `${name}.portable.xlsx`), bytes);
      files.push(path.join(dir, `${name}.xlsx`), path.join(dir, `${name}.portable.xlsx`));
    }
    convert(soffice!, profile, files, "xlsx", path.join(dir, "out"));
    for (const [name] of cases)
      recalculated.set(name, {
        original: await valuesOf(path.join(dir, "out", `${name}.xlsx`)),
        portable: await valuesOf(path.join(dir, "out", `${name}.portable.xlsx`)),
      });
  }, 300_000);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it.each(cases)("%s: no #NAME?/#VALUE!, every value as the add-in computes it", (name, kind, options) => {
    const { portable } = recalculated.get(name)!;
    for (const [a1, v] of portable) expect([a1, v]).not.toEqual([a1, expect.stringMatching(/^#(NAME\?|VALUE!)$/)]);
    const def = buildTemplate(kind, options);
    for (const [a1, want] of evaluateTemplate(def)) {
      const got = portable.get(a1) ?? null;
      const expected = isEvalError(want) ? want.code : want === "" ? null : want;
      if (typeof expected === "number") expect([a1, got]).toEqual([a1, expect.closeTo(expected, 9)]);
      else expect([a1, got === "" ? null : got]).toEqual([a1, expected]);
    }
  });

  it("the originals show #NAME? where they call EVAL (LibreOffice did recalculate)", () => {
    const sa = recalculated.get("self-assessment.example")!.original;
    expect(sa.get("H13")).toBe("#NAME?"); // EVAL.SCORE
    expect([...sa.values()].filter((v) => v === "#NAME?").length).toBeGreaterThan(5);
  });
});

if (!soffice) {
  describe("portable copies recalculated by LibreOffice", () => {
    it.skip(SKIP_MESSAGE, () => undefined);
  });
  console.warn(SKIP_MESSAGE);
}
