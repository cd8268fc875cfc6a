import * as fs from "fs";
import * as path from "path";
import { buildTemplate, TEMPLATE_KINDS, type TemplateKind, type TemplateOptions } from "../../src/core/templates";
import { renderDefinition } from "./render";

/**
 * Golden fixtures: one readable text per template. To update after an intended change, run
 *   UPDATE_GOLDEN=1 npx jest test/templates/golden.test.ts
 * and review the diff; without the variable a difference fails.
 */
const FIXTURES = path.join(__dirname, "fixtures");
const update = process.env.UPDATE_GOLDEN === "1";

const cases: [string, TemplateKind, TemplateOptions][] = [
  ...TEMPLATE_KINDS.map((k): [string, TemplateKind, TemplateOptions] => [k, k, {}]),
  ["self-assessment.example", "self-assessment", { example: true }],
  ["declaration.example", "declaration", { example: true }],
  ["survey.example", "survey", { example: true }],
  ["indicator-system.example", "indicator-system", { example: true }],
  ["declaration.multi-year", "declaration", { multiYear: true }],
  ["self-assessment.example.en-US", "self-assessment", { example: true, lang: "en-US", year: 2024, projectName: "" }],
  [
    "self-assessment.en-US",
    "self-assessment",
    {
      lang: "en-US",
      projectName: "Rural roads",
      year: 2024,
      department: "Transport Bureau",
      implementer: "Highway Station",
      moneyUnit: "元",
    },
  ],
];

describe.each(cases)("golden %s", (file, kind, options) => {
  it("matches its fixture", () => {
    const text = renderDefinition(buildTemplate(kind, options));
    const p = path.join(FIXTURES, `${file}.txt`);
    if (update || !fs.existsSync(p)) {
      if (!update) throw new Error(`missing fixture ${p}: run with UPDATE_GOLDEN=1 to create it`);
      fs.writeFileSync(p, text);
    }
    expect(text).toBe(fs.readFileSync(p, "utf8"));
  });
});
