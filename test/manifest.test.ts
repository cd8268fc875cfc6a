/**
 * Offline checks of manifest.xml: the things the Office validator would reject or that would break sideloading
 * silently (a dangling resid, an icon of the wrong size, a URL the build never emits). Each check is a function
 * over the XML text, exercised on the real manifest and on a broken copy, so every assertion can fail.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.join(__dirname, "..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  trimValues: true,
});
const parse = (xml: string): Node => parser.parse(xml) as Node;

/** Every element (with its tag name) in document order. */
function walk(node: unknown, tag = "", out: { tag: string; node: Node }[] = []): { tag: string; node: Node }[] {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, tag, out);
  } else if (node && typeof node === "object") {
    out.push({ tag, node: node as Node });
    for (const [k, v] of Object.entries(node as Node)) if (!k.startsWith("@_")) walk(v, k, out);
  }
  return out;
}
const elements = (xml: string, tag?: string) => walk(parse(xml)).filter((e) => !tag || e.tag === tag);
const attr = (n: Node, name: string) => n[`@_${name}`] as string | undefined;
const text = (v: unknown): string =>
  typeof v === "string" ? v : v && typeof v === "object" ? String((v as Node)["#text"] ?? "") : "";

/** Resources: id → DefaultValue and overrides, across bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings. */
function resources(xml: string): Map<string, { tag: string; value: string; overrides: Record<string, string> }> {
  const map = new Map<string, { tag: string; value: string; overrides: Record<string, string> }>();
  for (const tag of ["bt:Image", "bt:Url", "bt:String"]) {
    for (const { node } of elements(xml, tag)) {
      const id = attr(node, "id");
      if (!id) continue; // a bt:Image inside <Icon> references by resid
      const overrides: Record<string, string> = {};
      const ov = node["bt:Override"];
      for (const o of (Array.isArray(ov) ? ov : ov ? [ov] : []) as Node[])
        overrides[attr(o, "Locale") ?? ""] = attr(o, "Value") ?? "";
      map.set(id, { tag, value: attr(node, "DefaultValue") ?? "", overrides });
    }
  }
  return map;
}

function danglingResids(xml: string): string[] {
  const res = resources(xml);
  return elements(xml)
    .map((e) => attr(e.node, "resid"))
    .filter((r): r is string => !!r && !res.has(r));
}

function longIds(xml: string): string[] {
  return elements(xml)
    .map((e) => attr(e.node, "id"))
    .filter((id): id is string => !!id && id.length > 32);
}

/** Every URL in the manifest: DefaultValue/Value attributes that look like URLs, resources and top-level ones. */
function urls(xml: string): string[] {
  const out: string[] = [];
  for (const { node } of elements(xml)) {
    for (const key of ["@_DefaultValue", "@_Value"]) {
      const v = node[key];
      if (typeof v === "string" && /^[a-z]+:\/\//i.test(v)) out.push(v);
    }
  }
  return out;
}

/** The files the webpack config emits, read from the config itself (no build needed). */
function emittedFiles(): Set<string> {
  // Plain node, not jest's module system: the config patches module resolution for a hoisting problem.
  const script = `
    const fs = require("fs");
    const config = require("./webpack.config.js")({}, { mode: "production" });
    const files = Object.keys(config.entry).map((n) => n + ".js");
    for (const p of config.plugins) {
      const ctor = p.constructor && p.constructor.name;
      if (ctor === "HtmlWebpackPlugin") files.push(p.userOptions.filename);
      if (ctor === "CustomFunctionsMetadataPlugin") files.push(p.options.output);
      if (ctor === "LocalizeFunctionsPlugin") files.push("functions.zh-CN.json");
      if (ctor === "CopyPlugin") for (const pat of p.patterns) {
        if (pat.from === "manifest.xml") files.push("manifest.xml");
        if (pat.from === "assets/*.png") for (const f of fs.readdirSync("assets")) if (f.endsWith(".png")) files.push("assets/" + f);
      }
    }
    process.stdout.write(JSON.stringify(files));`;
  const out = execFileSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return new Set(JSON.parse(out) as string[]);
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47 || buf.toString("ascii", 12, 16) !== "IHDR")
    throw new Error(`${file} is not a PNG`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const ORIGIN = "https://localhost:3000";
const localFile = (url: string) => new URL(url).pathname.replace(/^\//, "");

describe("manifest.xml", () => {
  it("is well-formed XML, and the validator rejects a broken copy", () => {
    expect(XMLValidator.validate(MANIFEST)).toBe(true);
    expect(XMLValidator.validate(MANIFEST.replace("</Hosts>", ""))).not.toBe(true);
  });

  it("defines every resid it references", () => {
    expect(danglingResids(MANIFEST)).toEqual([]);
    const broken = MANIFEST.replace(/<bt:Url id="Functions.Metadata.Url"[\s\S]*?<\/bt:Url>/, "");
    expect(danglingResids(broken)).toEqual(["Functions.Metadata.Url"]);
  });

  it("keeps every id at most 32 characters", () => {
    expect(elements(MANIFEST).filter((e) => attr(e.node, "id")).length).toBeGreaterThan(10);
    expect(longIds(MANIFEST)).toEqual([]);
    expect(
      longIds(MANIFEST.replace('id="PerfEval.RunCheck"', 'id="PerfEval.RunCheck.WithAVeryLongSuffix"')),
    ).toHaveLength(1);
  });

  it("serves every URL from one origin, and each file is one the build emits", () => {
    const all = urls(MANIFEST);
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const u of all) expect(new URL(u).origin).toBe(ORIGIN);
    const emitted = emittedFiles();
    const missing = all.map(localFile).filter((f) => !emitted.has(f));
    expect(missing).toEqual([]);
    // A typo in a file name is caught.
    expect(
      urls(MANIFEST.replace("functions.json", "function.json"))
        .map(localFile)
        .filter((f) => !emitted.has(f)),
    ).toEqual(["function.json"]);
  });

  it("points each icon at an existing PNG of the declared pixel size", () => {
    const res = resources(MANIFEST);
    const images = [...res].filter(([, r]) => r.tag === "bt:Image");
    expect(images.map(([id]) => id).sort()).toEqual(["Icon.16x16", "Icon.32x32", "Icon.80x80"]);
    const expectSize = (url: string, size: number) => {
      const file = path.join(ROOT, localFile(url));
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    };
    for (const [id, r] of images) expectSize(r.value, Number(/(\d+)x\1/.exec(id)?.[1]));
    const root = parse(MANIFEST).OfficeApp as Node;
    expectSize(attr(root.IconUrl as Node, "DefaultValue")!, 32);
    expectSize(attr(root.HighResolutionIconUrl as Node, "DefaultValue")!, 64);
    // 64 px is shipped too (Office uses it for high-DPI add-in lists).
    expect(pngSize(path.join(ROOT, "assets/icon-64.png"))).toEqual({ width: 64, height: 64 });
    // Every <bt:Image size="N" resid=…> in a control's <Icon> references an image of that size.
    for (const { node } of elements(MANIFEST, "bt:Image")) {
      const rid = attr(node, "resid");
      if (!rid) continue;
      expect(pngSize(path.join(ROOT, localFile(res.get(rid)!.value))).width).toBe(Number(attr(node, "size")));
    }
    expect(() => pngSize(path.join(ROOT, "manifest.xml"))).toThrow(/not a PNG/);
  });

  it("declares the EVAL namespace and localized function metadata", () => {
    const res = resources(MANIFEST);
    const ns = elements(MANIFEST, "Namespace")[0].node;
    expect(res.get(attr(ns, "resid")!)?.value).toBe("EVAL");
    const meta = elements(MANIFEST, "Metadata")[0].node;
    const metaUrl = res.get(attr(meta.SourceLocation as Node, "resid")!)!;
    expect(localFile(metaUrl.value)).toBe("functions.json");
    expect(localFile(metaUrl.overrides["zh-CN"])).toBe("functions.zh-CN.json");
  });

  it("uses one long-lived shared runtime for the pane, the functions and the commands", () => {
    const runtimes = elements(MANIFEST, "Runtime");
    expect(runtimes).toHaveLength(1);
    const rt = runtimes[0].node;
    expect(attr(rt, "lifetime")).toBe("long");
    const rid = attr(rt, "resid");
    expect(rid).toBe("Taskpane.Url");
    const page = elements(MANIFEST, "Page")[0].node;
    expect(attr(page.SourceLocation as Node, "resid")).toBe(rid);
    expect(attr(elements(MANIFEST, "FunctionFile")[0].node, "resid")).toBe(rid);
    const showPane = elements(MANIFEST, "Action").find((a) => attr(a.node, "xsi:type") === "ShowTaskpane")!.node;
    expect(attr(showPane.SourceLocation as Node, "resid")).toBe(rid);
    expect(
      text((elements(MANIFEST, "Requirements")[0].node.Sets as Node).Set) ||
        attr((elements(MANIFEST, "Requirements")[0].node.Sets as Node).Set as Node, "Name"),
    ).toBe("SharedRuntime");
  });

  it("has a Home-tab group 绩效评价 with the pane button and 一键检查 calling runCheck", () => {
    const res = resources(MANIFEST);
    const tab = elements(MANIFEST, "OfficeTab")[0].node;
    expect(attr(tab, "id")).toBe("TabHome");
    const group = tab.Group as Node;
    expect(res.get(attr(group.Label as Node, "resid")!)?.overrides["zh-CN"]).toBe("绩效评价");
    const controls = group.Control as Node[];
    expect(controls).toHaveLength(2);
    const labels = controls.map((c) => res.get(attr(c.Label as Node, "resid")!)?.overrides["zh-CN"]);
    expect(labels).toContain("一键检查");
    const exec = controls.find((c) => attr(c.Action as Node, "xsi:type") === "ExecuteFunction")!;
    expect(text((exec.Action as Node).FunctionName)).toBe("runCheck");
    // The function name is the one the commands code registers.
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commands).toMatch(/associate\(\s*"runCheck"/);
  });

  it("has zh-CN and en-US text for every user-visible string", () => {
    const root = parse(MANIFEST).OfficeApp as Node;
    expect(text(root.DefaultLocale)).toMatch(/^(en-US|zh-CN)$/);
    for (const key of ["DisplayName", "Description"]) {
      const n = root[key] as Node;
      expect(attr(n, "DefaultValue")).toBeTruthy();
      expect(attr(n.Override as Node, "Locale")).toBe("zh-CN");
      expect(attr(n.Override as Node, "Value")).toMatch(/[\u4e00-\u9fff]/);
    }
    const strings = [...resources(MANIFEST)].filter(([id, r]) => r.tag === "bt:String" && id !== "Functions.Namespace");
    expect(strings.length).toBeGreaterThanOrEqual(6);
    for (const [, r] of strings) {
      expect(r.value).toMatch(/[A-Za-z]/);
      expect(r.overrides["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("asks for ReadWriteDocument only, targets Workbook, and lists no app domains", () => {
    const root = parse(MANIFEST).OfficeApp as Node;
    expect(text(root.Permissions)).toBe("ReadWriteDocument");
    expect(MANIFEST.match(/<Permissions>/g)).toHaveLength(1);
    expect(attr((root.Hosts as Node).Host as Node, "Name")).toBe("Workbook");
    expect(elements(MANIFEST, "AppDomain")).toHaveLength(0);
    expect(attr(root, "xsi:type")).toBe("TaskPaneApp");
  });
});
