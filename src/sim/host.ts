/**
 * Installs the simulated Excel host: globals `Excel`, `Office` and `OfficeExtension` shaped like Office.js,
 * backed by a SimWorkbook, so add-in code written against @types/office-js runs unchanged in tests, in
 * the demo page and in headless Chromium.
 */
import { SimWorkbook } from "./model";
import { SimOfficeError, SimRequestContext, type HostState } from "./context";
import "./objects";

export interface SimHostOptions {
  workbook?: SimWorkbook;
  displayLanguage?: string;
  /** Per-sync limit on the JSON size of what a sync sends and what it returns (default 5 MB, as Excel on the web). */
  payloadLimitBytes?: number;
  /** Highest ExcelApi requirement set supported, e.g. "1.17" (default). */
  apiVersion?: string;
}

export interface SimHost {
  workbook: SimWorkbook;
  readonly syncCount: number;
  resetSyncCount(): void;
  /**
   * Make the next sync fail: it applies its first `afterOps` queued write operations (property sets and
   * mutating calls; reads don't count; default 0), keeps them applied, and rejects with `error`
   * (default a GeneralException) — a half-applied batch, as when Excel drops a request. With `skip`, that many
   * syncs succeed first (to fail the 3rd request of an operation: skip 2).
   */
  failNextSync(opts?: { afterOps?: number; error?: unknown; skip?: number }): void;
  /** Drop a failure set by failNextSync that has not happened yet; true when there was one. */
  clearFailure(): boolean;
  /** Called after every sync that changed the workbook. */
  onChange(cb: () => void): () => void;
  /** Ribbon actions registered through Office.actions.associate. */
  readonly actions: Map<string, (event?: unknown) => unknown>;
  /** How often Office.addin.showAsTaskpane was called. */
  readonly taskpaneShows: number;
  readonly displayLanguage: string;
  uninstall(): void;
}

function stringEnum(values: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const v of values) o[v.charAt(0).toLowerCase() + v.slice(1)] = v;
  return o;
}

const EXCEL_ERROR_CODES = [
  "AccessDenied",
  "ApiNotFound",
  "Conflict",
  "GeneralException",
  "InsertDeleteConflict",
  "InvalidArgument",
  "InvalidBinding",
  "InvalidOperation",
  "InvalidReference",
  "InvalidSelection",
  "ItemAlreadyExists",
  "ItemNotFound",
  "MergedRangeConflict",
  "NotImplemented",
  "RequestAborted",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "UnsupportedOperation",
  "UnsupportedFeature",
];

const GLOBALS = ["Excel", "Office", "OfficeExtension"] as const;

/** ExcelApi versions and other requirement sets the simulated host answers isSetSupported for. */
function supportsSet(apiMinor: number, name: string, version?: string): boolean {
  const minor = Number((version ?? "1.1").split(".")[1] ?? 0);
  switch (name.toLowerCase()) {
    case "excelapi":
      return minor <= apiMinor;
    case "sharedruntime":
    case "ribbonapi":
    case "addincommands":
      return minor <= 1;
    case "customfunctionsruntime":
      return minor <= 4;
    default:
      return false;
  }
}

export function installSimHost(target: object = globalThis, options: SimHostOptions = {}): SimHost {
  const g = target as Record<string, unknown>;
  const saved = GLOBALS.map((k) => [k, g[k], k in g] as const);
  const apiMinor = Number((options.apiVersion ?? "1.17").split(".")[1] ?? 17);
  const state: HostState = {
    workbook: options.workbook ?? new SimWorkbook(),
    syncCount: 0,
    payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    apiMinor,
    pendingFailure: null,
    listeners: new Set(),
  };
  const displayLanguage = options.displayLanguage ?? "zh-CN";
  const actions = new Map<string, (event?: unknown) => unknown>();
  let taskpaneShows = 0;

  async function run(...args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") throw new SimOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    const ctx = new SimRequestContext(state);
    const result = await (batch as (c: SimRequestContext) => Promise<unknown>)(ctx);
    // Like Office.js, whatever the batch left queued is sent when it ends.
    if (ctx.pendingOps > 0) await ctx.sync();
    return result;
  }

  const Excel = {
    run,
    RequestContext: function RequestContext() {
      return new SimRequestContext(state);
    },
    ErrorCodes: stringEnum(EXCEL_ERROR_CODES),
    SheetVisibility: stringEnum(["Visible", "Hidden", "VeryHidden"]),
    CalculationMode: stringEnum(["Automatic", "AutomaticExceptTables", "Manual"]),
    HorizontalAlignment: stringEnum([
      "General",
      "Left",
      "Center",
      "Right",
      "Fill",
      "Justify",
      "CenterAcrossSelection",
      "Distributed",
    ]),
    VerticalAlignment: stringEnum(["Top", "Center", "Bottom", "Justify", "Distributed"]),
    BorderIndex: stringEnum([
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideVertical",
      "InsideHorizontal",
      "DiagonalDown",
      "DiagonalUp",
    ]),
    BorderLineStyle: stringEnum([
      "None",
      "Continuous",
      "Dash",
      "DashDot",
      "DashDotDot",
      "Dot",
      "Double",
      "SlantDashDot",
    ]),
    BorderWeight: stringEnum(["Hairline", "Thin", "Medium", "Thick"]),
    ClearApplyTo: stringEnum(["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"]),
    RangeValueType: stringEnum(["Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue"]),
    PageOrientation: stringEnum(["Portrait", "Landscape"]),
    PaperType: stringEnum(["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"]),
    FillPattern: stringEnum(["None", "Solid", "Gray50", "Gray75", "Gray25"]),
  };

  const Office = {
    HostType: stringEnum(["Word", "Excel", "PowerPoint", "Outlook", "OneNote", "Project", "Access"]),
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    context: {
      displayLanguage,
      contentLanguage: displayLanguage,
      host: "Excel",
      platform: "OfficeOnline",
      requirements: { isSetSupported: (name: string, version?: string) => supportsSet(apiMinor, name, version) },
    },
    onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      const info = { host: "Excel", platform: "OfficeOnline" };
      return Promise.resolve().then(() => {
        cb?.(info);
        return info;
      });
    },
    initialize: undefined as unknown,
    actions: {
      associate(id: string, fn: (event?: unknown) => unknown): void {
        actions.set(id, fn);
      },
    },
    addin: {
      showAsTaskpane(): Promise<void> {
        taskpaneShows++;
        return Promise.resolve();
      },
      hide(): Promise<void> {
        return Promise.resolve();
      },
    },
  };

  const OfficeExtension = {
    Error: SimOfficeError,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      propertyNotLoaded: "PropertyNotLoaded",
      valueNotLoaded: "ValueNotLoaded",
      apiNotFound: "ApiNotFound",
      connectionFailure: "ConnectionFailure",
    },
  };

  g.Excel = Excel;
  g.Office = Office;
  g.OfficeExtension = OfficeExtension;

  return {
    workbook: state.workbook,
    get syncCount() {
      return state.syncCount;
    },
    resetSyncCount() {
      state.syncCount = 0;
    },
    failNextSync(opts = {}) {
      state.pendingFailure = { afterOps: opts.afterOps ?? 0, error: opts.error, skip: opts.skip ?? 0 };
    },
    clearFailure() {
      const had = state.pendingFailure !== null;
      state.pendingFailure = null;
      return had;
    },
    onChange(cb) {
      state.listeners.add(cb);
      return () => state.listeners.delete(cb);
    },
    actions,
    get taskpaneShows() {
      return taskpaneShows;
    },
    displayLanguage,
    uninstall() {
      for (const [k, v, had] of saved) {
        if (had) g[k] = v;
        else delete g[k];
      }
    },
  };
}
