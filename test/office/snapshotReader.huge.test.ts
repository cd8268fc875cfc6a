import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";
import { readWorkbookSnapshot } from "../../src/office/snapshotReader";

let host: SimHost;
afterEach(() => host?.uninstall());

test("a sheet over 5 MB per request is read completely under the default limit, in row blocks", async () => {
  const wb = new SimWorkbook();
  const rows = Array.from({ length: 20000 }, (_, i) => [
    `三级指标名称${i}`,
    i,
    i * 0.5,
    `≥${i}人`,
    "偏差原因分析及改进措施",
    i % 7,
    "说明",
  ]);
  wb.addSheet("大表", rows);
  wb.addSheet("小表", [["a"]]);
  host = installSimHost(globalThis, { workbook: wb });
  host.resetSyncCount();
  const snap = await readWorkbookSnapshot();
  // Sync 2 was refused (payload), then extents + at least two blocks.
  expect(host.syncCount).toBeGreaterThanOrEqual(5);
  expect(snap.sheets.map((s) => s.name)).toEqual(["大表", "小表"]);
  expect(snap.sheets[0].values).toEqual(rows);
  expect(snap.sheets[1].values).toEqual([["a"]]);
});
