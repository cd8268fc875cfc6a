import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { readWorkbookSnapshot } from "../../src/office/snapshotReader";

let host: SimHost;
afterEach(() => host?.uninstall());

test("a row block of ~200,000 rows is appended without overflowing the call stack", async () => {
  const n = 300000;
  const wb = new SimWorkbook();
  const rows = Array.from({ length: n }, (_, i) => [i % 10]);
  wb.addSheet("长表", rows);
  // Host refuses the single read (about 6 MB); a generous planning limit makes the first block ~210k rows.
  host = installSimHost(globalThis, { workbook: wb });
  const blocks: number[] = [];
  let last = 0;
  const snap = await readWorkbookSnapshot(undefined, {
    payloadLimitBytes: 16 * 1024 * 1024,
    onBlock: (done) => {
      blocks.push(done - last);
      last = done;
    },
  });
  expect(Math.max(...blocks)).toBeGreaterThanOrEqual(200000);
  expect(snap.sheets[0].values).toHaveLength(n);
  expect(snap.sheets[0].values[n - 1]).toEqual([(n - 1) % 10]);
  expect(snap.sheets[0].formulas).toHaveLength(n);
  expect(snap.sheets[0].numberFormats).toHaveLength(n);
});
