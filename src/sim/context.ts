/**
 * Request context and proxy base classes with Office.js semantics: properties are readable only after
 * load + sync, writes are queued and applied at sync, every sync is counted and size-checked.
 */
import type { SimWorkbook } from "./model";
import type { SimWorkbookProxy } from "./objects";

/** Shaped like OfficeExtension.Error: `code`, `message`, `debugInfo`. */
export class SimOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

export interface HostState {
  workbook: SimWorkbook;
  syncCount: number;
  payloadLimitBytes: number;
  apiMinor: number;
  pendingFailure: { afterOps: number; error?: unknown; skip: number } | null;
  listeners: Set<() => void>;
}

interface LoadOutcome {
  data: unknown;
  deliver(): void;
}

interface Op {
  /** Writes count towards failNextSync's afterOps; reads don't. */
  write: boolean;
  /** What the request carries (for the payload limit). */
  payload?: unknown;
  run(): LoadOutcome | void;
}

/**
 * UTF-8 byte size of JSON.stringify(v), computed by walking the value instead of building the string (a read of
 * a big block is sized on every sync; the string was most of the garbage the simulated host made). Anything a
 * walk cannot size exactly (toJSON, a value JSON.stringify refuses) falls back to the string.
 */
export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  const n = sizeOf(v);
  return n >= 0 ? n : utf8Bytes(JSON.stringify(v) ?? "");
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a JSON string literal: quotes, escapes (as JSON.stringify writes them), UTF-8 for the rest. */
function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6; // a lone surrogate is written as \udXXX
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** Bytes of v as JSON, -1 when only JSON.stringify can tell; undefined/function/symbol: 0 (left out). */
function sizeOf(v: unknown): number {
  if (v === null) return 4;
  switch (typeof v) {
    case "string":
      return stringBytes(v);
    case "number":
      return Number.isFinite(v) ? String(v).length : 4;
    case "boolean":
      return v ? 4 : 5;
    case "undefined":
    case "function":
    case "symbol":
      return 0;
    case "bigint":
      return -1;
  }
  if (Array.isArray(v)) {
    let n = 2 + Math.max(0, v.length - 1);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      // In an array, what JSON leaves out of an object is written as null.
      const k = x === undefined || typeof x === "function" || typeof x === "symbol" ? 4 : sizeOf(x);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === "function")
    return -1;
  let n = 2;
  let members = 0;
  for (const key of Object.keys(v as object)) {
    const x = (v as Record<string, unknown>)[key];
    if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
    const k = sizeOf(x);
    if (k < 0) return -1;
    n += stringBytes(key) + 1 + k;
    members++;
  }
  return n + Math.max(0, members - 1);
}

/**
 * Resolves in a later task (not a microtask). Excel carries out a batch outside the page's task that called
 * sync() and answers in a message of its own; so does the simulated host: the batch runs in one task, the answer
 * (loaded values, then the caller's continuation) arrives in the next. In a page a MessageChannel (a timer would be
 * clamped to 4 ms after a few nested ones); in node setImmediate.
 */
function nextTask(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  return new Promise((resolve) => {
    if (typeof g.setImmediate === "function") g.setImmediate(resolve);
    else if (typeof g.MessageChannel === "function") {
      const ch = new g.MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(0);
    } else setTimeout(resolve, 0);
  });
}

export class SimRequestContext {
  /** Set by the host module (avoids a circular import). */
  static makeWorkbook: (ctx: SimRequestContext) => SimWorkbookProxy;
  readonly workbook: SimWorkbookProxy;
  readonly application: SimWorkbookProxy["application"];
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  private ops: Op[] = [];

  constructor(readonly host: HostState) {
    this.workbook = SimRequestContext.makeWorkbook(this);
    this.application = this.workbook.application;
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  get pendingOps(): number {
    return this.ops.length;
  }

  async sync<T>(passThrough?: T): Promise<T> {
    const host = this.host;
    host.syncCount++;
    const ops = this.ops;
    this.ops = [];
    let failure = host.pendingFailure;
    if (failure && failure.skip > 0) {
      failure.skip--;
      failure = null;
    } else host.pendingFailure = null;
    await nextTask();

    const wb = host.workbook;
    let requestBytes = 0;
    for (const op of ops) requestBytes += jsonBytes(op.payload);
    if (requestBytes > host.payloadLimitBytes) throw payloadError(requestBytes, host.payloadLimitBytes);

    wb.beginJournal();
    wb.changed = false;
    const outcomes: LoadOutcome[] = [];
    let responseBytes = 0;
    let writes = 0;
    let error: unknown = null;
    for (const op of ops) {
      if (failure && op.write && writes >= failure.afterOps) {
        error =
          failure.error ??
          new SimOfficeError("GeneralException", "An internal error has occurred (simulated failing sync).");
        break;
      }
      try {
        const out = op.run();
        if (out) {
          outcomes.push(out);
          responseBytes += jsonBytes(out.data);
        }
      } catch (e) {
        error = e;
        break;
      }
      if (op.write) writes++;
    }
    if (!error && failure) {
      error =
        failure.error ??
        new SimOfficeError("GeneralException", "An internal error has occurred (simulated failing sync).");
    }
    if (!error && responseBytes > host.payloadLimitBytes) {
      wb.endJournal(true);
      wb.changed = false;
      throw payloadError(responseBytes, host.payloadLimitBytes);
    }
    // A failed batch keeps what it applied before the failure, as Excel does.
    wb.endJournal(false);
    if (wb.changed) {
      wb.changed = false;
      for (const l of [...host.listeners]) l();
    }
    // The answer arrives as a message of its own.
    await nextTask();
    if (error) throw error;
    for (const o of outcomes) o.deliver();
    return passThrough as T;
  }
}

function payloadError(bytes: number, limit: number): SimOfficeError {
  return new SimOfficeError(
    "RequestPayloadSizeLimitExceeded",
    `The request payload size has exceeded the limit (${bytes} > ${limit} bytes).`,
  );
}

function notLoaded(prop: string, type: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

export function requireApi(host: HostState, minor: number, api: string): void {
  if (host.apiMinor < minor)
    throw new SimOfficeError(
      "ApiNotFound",
      `The API '${api}' (ExcelApi 1.${minor}) is not supported on this host.`,
      api,
    );
}

export interface PropDef<T> {
  get(target: T): unknown;
  set?(target: T, value: unknown): void;
  /** Setting it changes user cells (blocked on protected sheets). */
  guard?(target: T): void;
  /** ExcelApi minor version that introduced it; older hosts answer ApiNotFound. */
  minApi?: number;
}

/** Parse a load() argument into paths ("format/fill/color" → ["format","fill","color"]); [] = all scalars. */
function loadPaths(spec: unknown): string[][] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === "string") {
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split("/").map((p) => p.trim()));
  }
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) return [...loadPaths(o.select), ...loadPaths(o.expand)];
    const out: string[][] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith("$")) continue;
      if (v === true) out.push([k]);
      else if (v && typeof v === "object") {
        const sub = loadPaths(v);
        if (sub.length === 0) out.push([k]);
        else for (const p of sub) out.push([k, ...p]);
      }
    }
    return out;
  }
  return [];
}

/**
 * Base of every proxy. `resolve()` finds the model object at sync time (so a proxy made before its sheet
 * exists, or after a rename, behaves as in Excel); it returns null for a null object and throws ItemNotFound
 * for a missing item.
 */
export abstract class SimObject<T = unknown> {
  protected loaded = new Map<string, unknown>();
  /** Scalar property definitions of this proxy type. */
  protected abstract readonly props: Record<string, PropDef<T>>;
  /** Navigation properties (child proxies) this type can load through. */
  protected navs: readonly string[] = [];
  protected abstract readonly typeName: string;

  constructor(
    readonly context: SimRequestContext,
    readonly resolve: () => T | null,
    nullable = false,
  ) {
    if (nullable) {
      // Office.js fills isNullObject at the next sync without an explicit load.
      context.queue({
        write: false,
        run: () => {
          const t = this.resolve();
          return { data: t === null, deliver: () => this.loaded.set("isNullObject", t === null) };
        },
      });
    } else this.loaded.set("isNullObject", false);
  }

  get isNullObject(): boolean {
    if (!this.loaded.has("isNullObject")) throw notLoaded("isNullObject", this.typeName);
    return this.loaded.get("isNullObject") as boolean;
  }

  protected host(): HostState {
    return this.context.host;
  }

  /** The target, or an error when this is a null object being used. */
  protected target(): T {
    const t = this.resolve();
    if (t === null) throw new SimOfficeError("InvalidOperation", `The ${this.typeName} is a null object.`);
    return t;
  }

  protected readProp(name: string): unknown {
    if (!this.loaded.has(name)) throw notLoaded(name, this.typeName);
    return this.loaded.get(name);
  }

  protected writeProp(name: string, value: unknown): void {
    const def = this.props[name];
    if (!def?.set) throw new SimOfficeError("InvalidArgument", `The property '${name}' is read-only.`);
    if (def.minApi !== undefined) requireApi(this.context.host, def.minApi, `${this.typeName}.${name}`);
    this.context.queue({
      write: true,
      payload: value,
      run: () => {
        const t = this.target();
        def.guard?.(t);
        def.set!(t, value);
      },
    });
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this.context.queue({ write: false, run: () => this.executeLoad(paths) });
    return this;
  }

  /** Compute the values a load returns now (at sync time); deliver them only if the sync succeeds. */
  executeLoad(paths: string[][]): { data: unknown; deliver(): void } {
    const t = this.resolve();
    if (t === null) return { data: null, deliver: () => this.loaded.set("isNullObject", true) };
    const scalars = paths.length === 0 ? Object.keys(this.props) : [];
    const nav = new Map<string, string[][]>();
    for (const p of paths) {
      if (p.length === 1 && p[0] in this.props) scalars.push(p[0]);
      else if (this.navs.includes(p[0])) {
        const list = nav.get(p[0]) ?? [];
        if (p.length > 1) list.push(p.slice(1));
        nav.set(p[0], list);
      } else if (p[0] !== "isNullObject") {
        throw new SimOfficeError(
          "InvalidArgument",
          `Cannot load unknown property '${p.join("/")}' of ${this.typeName}.`,
        );
      }
    }
    for (const s of scalars) {
      const min = this.props[s].minApi;
      if (min !== undefined && paths.length > 0) requireApi(this.context.host, min, `${this.typeName}.${s}`);
    }
    const data: Record<string, unknown> = {};
    // An object value travels as JSON, as Excel's answer does: written now (the host's side, this task), read back
    // when delivered (the page's side, the task the answer arrives in). No later change can leak into it.
    const json: Record<string, string> = {};
    for (const s of scalars) {
      const min = this.props[s].minApi;
      // load() without names skips what the host doesn't have, as Office.js does.
      if (min !== undefined && this.context.host.apiMinor < min) continue;
      const value = this.props[s].get(t);
      data[s] = value;
      if (value !== null && typeof value === "object") json[s] = JSON.stringify(value);
    }
    const children: { data: unknown; deliver(): void }[] = [];
    for (const [name, sub] of nav) {
      const child = (
        this as unknown as Record<string, SimObject<unknown> | SimCollection<unknown, SimObject<unknown>>>
      )[name];
      const out = child.executeLoad(sub);
      data[name] = out.data;
      children.push(out);
    }
    return {
      data,
      deliver: () => {
        this.loaded.set("isNullObject", false);
        for (const s of scalars) if (s in data) this.loaded.set(s, s in json ? JSON.parse(json[s]) : data[s]);
        for (const c of children) c.deliver();
      },
    };
  }

  /** Office.js `set({...})`: assign several properties (nested objects go to navigation properties). */
  set(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) {
      if (this.navs.includes(k) && v && typeof v === "object")
        (this as unknown as Record<string, SimObject>)[k].set(v as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const [k, v] of this.loaded) if (k !== "isNullObject") o[k] = v;
    return o;
  }

  /** Queue a mutation. */
  protected act(payload: unknown, fn: (t: T) => void): void {
    this.context.queue({ write: true, payload, run: () => fn(this.target()) });
  }
}

/** Give a proxy class accessor properties that read loaded values and queue writes. */
export function defineProps(cls: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: SimObject) {
        return (this as unknown as { readProp(n: string): unknown }).readProp(name);
      },
      set(this: SimObject, v: unknown) {
        (this as unknown as { writeProp(n: string, v: unknown): void }).writeProp(name, v);
      },
    });
  }
}

/** A collection proxy: `items` after load; loads of item properties go through "items/…" or plain names. */
export class SimCollection<T, P extends SimObject<T>> {
  private loadedItems: P[] | null = null;
  private loadedCount: number | null = null;

  constructor(
    readonly context: SimRequestContext,
    readonly resolveItems: () => T[],
    readonly makeItem: (t: T) => P,
    private readonly typeName: string,
  ) {}

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded("items", this.typeName);
    return this.loadedItems;
  }

  get isNullObject(): boolean {
    return false;
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this.context.queue({ write: false, run: () => this.executeLoad(paths) });
    return this;
  }

  executeLoad(paths: string[][]): { data: unknown; deliver(): void } {
    const targets = this.resolveItems();
    // "count" alone loads only the number of items (no item properties).
    if (paths.length > 0 && paths.every((p) => p.length === 1 && p[0] === "count")) {
      return { data: targets.length, deliver: () => void (this.loadedCount = targets.length) };
    }
    const itemPaths = paths
      .filter((p) => !(p.length === 1 && p[0] === "count"))
      .map((p) => (p[0] === "items" ? p.slice(1) : p))
      .filter((p) => p.length > 0);
    const items = targets.map((t) => this.makeItem(t));
    const outs = items.map((it) => it.executeLoad(itemPaths));
    return {
      data: outs.map((o) => o.data),
      deliver: () => {
        this.loadedItems = items;
        this.loadedCount = items.length;
        for (const o of outs) o.deliver();
      },
    };
  }

  get count(): number {
    if (this.loadedCount === null) throw notLoaded("count", this.typeName);
    return this.loadedCount;
  }

  toJSON(): { items: unknown[] } {
    return { items: (this.loadedItems ?? []).map((i) => i.toJSON()) };
  }
}

/** ClientResult<T>: `value` after sync. */
export class SimClientResult<T> {
  private has = false;
  private v: T | undefined;
  constructor(context: SimRequestContext, compute: () => T) {
    context.queue({
      write: false,
      run: () => {
        const v = compute();
        return {
          data: v,
          deliver: () => {
            this.v = v;
            this.has = true;
          },
        };
      },
    });
  }
  get value(): T {
    if (!this.has)
      throw new SimOfficeError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    return this.v as T;
  }
}
