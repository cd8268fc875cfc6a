/**
 * Properties of the simulated host's request handling, over random batches of writes:
 * - a sync refused for its payload applies nothing (full deep state identical);
 * - failNextSync({ afterOps: k }) leaves exactly the state of applying the batch's first k writes.
 */
import fc from "fast-check";
import { installSimHost, SimWorkbook, type SimHost } from "../../src/sim";

type Op =
  | { k: "value"; a1: string; v: string | number }
  | { k: "format"; a1: string; f: string }
  | { k: "fill"; a1: string; color: string }
  | { k: "clearFill"; a1: string }
  | { k: "merge"; a1: string }
  | { k: "addSheet"; name: string }
  | { k: "rename"; name: string }
  | { k: "setting"; key: string; v: number };

const cell = fc.tuple(fc.constantFrom("A", "B", "C", "D"), fc.integer({ min: 1, max: 6 })).map(([c, r]) => `${c}${r}`);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    k: fc.constant("value" as const),
    a1: cell,
    v: fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constantFrom("=1+1", "-x", "95%")),
  }),
  fc.record({ k: fc.constant("format" as const), a1: cell, f: fc.constantFrom("@", "0.00", "0.00%", "General") }),
  fc.record({ k: fc.constant("fill" as const), a1: cell, color: fc.constantFrom("#FF0000", "#FFFFFF", "#00FF00") }),
  fc.record({ k: fc.constant("clearFill" as const), a1: cell }),
  fc.record({ k: fc.constant("merge" as const), a1: fc.constantFrom("A1:B1", "C2:C4", "B5:D5") }),
  fc.record({ k: fc.constant("addSheet" as const), name: fc.constantFrom("新表", "Other", "表2") }),
  fc.record({ k: fc.constant("rename" as const), name: fc.constantFrom("改名", "自评表", "X") }),
  fc.record({ k: fc.constant("setting" as const), key: fc.constantFrom("a", "b"), v: fc.integer() }),
);

function book(): SimWorkbook {
  const wb = new SimWorkbook();
  wb.addSheet(
    "自评表",
    [
      ["指标", "分值", "得分"],
      ["数量", 10, "=B2*0.9"],
    ],
    { fills: { A1: "#FFFF00" } },
  );
  wb.addSheet("申报表", [["x"]]);
  wb.changed = false;
  return wb;
}

/** Queue one op; ops that Excel would refuse (duplicate names) are skipped by the generator's filter below. */
function queue(ctx: Excel.RequestContext, o: Op, renamed: Excel.Worksheet): void {
  const ws = ctx.workbook.worksheets.getItem("申报表");
  switch (o.k) {
    case "value":
      ws.getRange(o.a1).values = [[o.v]];
      break;
    case "format":
      ws.getRange(o.a1).numberFormat = [[o.f]];
      break;
    case "fill":
      ws.getRange(o.a1).format.fill.color = o.color;
      break;
    case "clearFill":
      ws.getRange(o.a1).format.fill.clear();
      break;
    case "merge":
      ws.getRange(o.a1).merge();
      break;
    case "addSheet":
      ctx.workbook.worksheets.add(o.name);
      break;
    case "rename":
      renamed.name = o.name;
      break;
    case "setting":
      ctx.workbook.settings.add(o.key, o.v);
      break;
  }
}

/** Batches without ops Excel would reject on their own (a sheet name used twice). */
const batch = fc.array(op, { minLength: 1, maxLength: 12 }).filter((ops) => {
  const names = new Set(["自评表", "申报表"].map((n) => n.toLowerCase()));
  let current = "自评表";
  for (const o of ops) {
    if (o.k === "addSheet") {
      if (names.has(o.name.toLowerCase())) return false;
      names.add(o.name.toLowerCase());
    }
    if (o.k === "rename") {
      if (o.name.toLowerCase() !== current.toLowerCase() && names.has(o.name.toLowerCase())) return false;
      names.delete(current.toLowerCase());
      names.add(o.name.toLowerCase());
      current = o.name;
    }
  }
  return true;
});

let host: SimHost | null = null;
afterEach(() => {
  host?.uninstall();
  host = null;
});

async function run(
  wb: SimWorkbook,
  ops: Op[],
  opts: { limit?: number; fail?: number; bigRead?: boolean } = {},
): Promise<unknown> {
  host?.uninstall();
  host = installSimHost(globalThis, { workbook: wb, payloadLimitBytes: opts.limit });
  if (opts.fail !== undefined) host.failNextSync({ afterOps: opts.fail });
  return Excel.run(async (ctx) => {
    // One proxy for the renamed sheet: bound to the sheet itself, it follows its renames.
    const renamed = ctx.workbook.worksheets.getItem("自评表");
    for (const o of ops) queue(ctx, o, renamed);
    if (opts.bigRead)
      ctx.workbook.worksheets.getItem("申报表").getRange("A1:C6").load("values,formulas,numberFormat,text");
    await ctx.sync();
  }).then(
    () => null,
    (e) => e,
  );
}

test("a sync refused for its payload applies nothing", async () => {
  await fc.assert(
    fc.asyncProperty(batch, async (ops) => {
      const wb = book();
      const before = wb.snapshotState();
      // The reads alone are small; the limit is set just below what this batch returns.
      const err = await run(wb, ops, { limit: 150, bigRead: true });
      expect(err).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      expect(wb.snapshotState()).toEqual(before);
    }),
    { numRuns: 60 },
  );
});

test("a failing sync leaves exactly its first k writes applied", async () => {
  await fc.assert(
    fc.asyncProperty(batch, fc.nat(12), async (ops, k) => {
      const failing = book();
      const err = await run(failing, ops, { fail: k });
      expect(err).toMatchObject({ code: "GeneralException" });
      const reference = book();
      expect(await run(reference, ops.slice(0, k))).toBeNull();
      expect(failing.snapshotState()).toEqual(reference.snapshotState());
    }),
    { numRuns: 60 },
  );
});
