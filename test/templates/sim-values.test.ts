import { isEvalError } from "../../src/core/errors";
import {
  TEMPLATE_KINDS,
  buildTemplate,
  writtenCells,
  type TemplateKind,
  type TemplateOptions,
} from "../../src/core/templates";
import { insertTemplate } from "../../src/office/templateWriter";
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";

let host: SimHost | undefined;
afterEach(() => host?.uninstall());

const cases: [TemplateKind, TemplateOptions][] = [
  ...TEMPLATE_KINDS.map((k): [TemplateKind, TemplateOptions] => [k, {}]),
  ["self-assessment", { example: true }],
  ["self-assessment", { example: true, lang: "en-US" }],
  ["declaration", { example: true }],
  ["survey", { example: true }],
  ["notice", { example: true }],
];

// The simulated host evaluates formulas with its own small engine: the inserted sheet must show the values the
// core computed for the .xlsx cache (so the demo page and the exported file agree).
describe.each(cases)("simulated host shows the core's values: %s %j", (kind, options) => {
  it("every formula cell", async () => {
    const wb = new SimWorkbook();
    wb.addSheet("Sheet1");
    host = installSimHost(globalThis, { workbook: wb });
    const { sheetName } = await insertTemplate(kind, options);
    const sheet = host.workbook.sheet(sheetName);
    for (const w of writtenCells(buildTemplate(kind, options)).filter((x) => x.formula)) {
      const v = sheet.cell(w.a1).value;
      const expected = isEvalError(w.value) ? w.value.code : w.value;
      if (typeof expected === "number") expect([w.a1, v]).toEqual([w.a1, expect.closeTo(expected, 9)]);
      else expect([w.a1, v ?? ""]).toEqual([w.a1, expected ?? ""]);
    }
  });
});
