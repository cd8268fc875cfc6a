import { createPortableCopy } from "../../src/office/portableCopy";
import { UserFacingError } from "../../src/office/errors";
import { templateToBuffer } from "../../src/xlsx/templateWriter";
import { readXlsxBytes } from "../support/xlsxBytes";

type Cb = (r: { status: string; value?: unknown; error?: unknown }) => void;

/** Office.js as the pane sees it: getFileAsync hands the workbook over in 1000-byte slices. */
function install(file: Buffer | null, api18 = true) {
  const closed = { count: 0 };
  const created: string[] = [];
  const g = globalThis as Record<string, unknown>;
  g.Office = {
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      requirements: { isSetSupported: (_n: string, v: string) => api18 || v !== "1.8" },
      document: {
        getFileAsync(_type: string, _opts: unknown, cb: Cb) {
          if (!file) return cb({ status: "failed", error: { code: "GeneralException", message: "no file" } });
          const slices: number[][] = [];
          for (let i = 0; i < file.length; i += 1000) slices.push([...file.subarray(i, i + 1000)]);
          cb({
            status: "succeeded",
            value: {
              sliceCount: slices.length,
              getSliceAsync: (i: number, c: Cb) => c({ status: "succeeded", value: { data: slices[i] } }),
              closeAsync: (c: () => void) => {
                closed.count++;
                c();
              },
            },
          });
        },
      },
    },
  };
  g.Excel = { createWorkbook: async (b64: string) => void created.push(b64) };
  return { closed, created };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe("Portable copy from the task pane", () => {
  it("reads the open workbook slice by slice, opens the copy as a new workbook, leaves the file alone", async () => {
    const original = await templateToBuffer("self-assessment", { example: true });
    const before = Buffer.from(original);
    const { closed, created } = install(original);
    const r = await createPortableCopy("zh-CN");
    expect(r).toEqual({ rewritten: 0, frozen: 12 });
    expect(closed.count).toBe(1);
    expect(created).toHaveLength(1);
    expect(Buffer.compare(original, before)).toBe(0);
    const snap = await readXlsxBytes(Buffer.from(created[0], "base64"), "copy.xlsx");
    const formulas = (snap.sheets[0].formulas ?? []).flat().filter(Boolean) as string[];
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of formulas) expect(f).not.toMatch(/EVAL/);
  });

  it("a file Excel cannot hand over: a clear message, no new workbook", async () => {
    const { created } = install(null);
    await expect(createPortableCopy("en-US")).rejects.toThrow(UserFacingError);
    await expect(createPortableCopy("en-US")).rejects.toMatchObject({
      bilingual: { "en-US": expect.stringMatching(/no copy was made/) },
    });
    expect(created).toHaveLength(0);
  });

  it("a host without ExcelApi 1.8 is told to use the command line", async () => {
    const { created } = install(Buffer.from("x"), false);
    await expect(createPortableCopy("zh-CN")).rejects.toMatchObject({
      bilingual: { "zh-CN": expect.stringMatching(/perf-eval portable/) },
    });
    expect(created).toHaveLength(0);
  });
});
