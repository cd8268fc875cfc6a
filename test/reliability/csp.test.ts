/**
 * Safe output (issue 6): every page carries a Content Security Policy allowing only the add-in's own origin and
 * the Office script; the source never renders HTML from strings and never talks to the network.
 */
import * as fs from "fs";
import * as path from "path";
import { buildOnce, ROOT } from "../browser/build";

const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_JS = `${OFFICE_ORIGIN}/lib/1/hosted/office.js`;

/** Directive → sources, from a CSP string. */
export function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Problems with one HTML page's policy and scripts; empty when the page is safe. */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const metas = [...html.matchAll(/<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi)];
  if (metas.length !== 1) return [`expected one CSP meta, found ${metas.length}`];
  const content = /content=("([^"]*)"|'([^']*)')/i.exec(metas[0][0]);
  if (!content) return ["CSP meta has no content"];
  const csp = parseCsp(decodeEntities(content[2] ?? content[3]));
  const allowed = new Set(["'self'", OFFICE_ORIGIN]);
  const check = (directive: string, ok: Set<string>) => {
    const sources = csp.get(directive);
    if (!sources) return problems.push(`no ${directive}`);
    for (const s of sources) if (!ok.has(s)) problems.push(`${directive} allows ${s}`);
  };
  check("default-src", new Set(["'self'"]));
  check("script-src", allowed);
  check("connect-src", new Set(["'self'"]));
  check("object-src", new Set(["'none'"]));
  for (const d of ["img-src", "font-src", "style-src", "frame-src", "worker-src", "media-src"]) {
    // Optional directives may add only data: images/fonts and inline styles (Fluent UI injects <style> rules).
    if (csp.has(d)) check(d, new Set(["'self'", "data:", "'unsafe-inline'"]));
  }
  if ((csp.get("script-src") ?? []).some((s) => /unsafe|data:|\*/.test(s))) problems.push("script-src too broad");
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(m[1])?.[1];
    if (!src) {
      if (m[2].trim()) problems.push("inline script");
      continue;
    }
    if (/^[a-z]+:/i.test(src) || src.startsWith("//")) {
      if (src !== OFFICE_JS) problems.push(`script from ${src}`);
    }
  }
  return problems;
}

/** Source files under src/, with comments removed so prose about "fetch" does not count. */
function sourceFiles(): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(e.name)) {
        const raw = fs.readFileSync(full, "utf8");
        out.push({
          file: path.relative(ROOT, full),
          code: raw.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1"),
        });
      }
    }
  };
  walk(path.join(ROOT, "src"));
  return out;
}

const NETWORK = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bimportScripts\s*\(/;
const HTML_SINKS = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\s*\(/;
const EVAL = /(^|[^.\w])eval\s*\(|new\s+Function\s*\(/;

describe("content security policy of the built pages", () => {
  let dist: string;
  beforeAll(() => {
    dist = buildOnce();
  }, 240_000);

  it("gives every emitted page one CSP allowing only self and the Office script", () => {
    const pages = fs.readdirSync(dist).filter((f) => f.endsWith(".html"));
    expect(pages.sort()).toEqual(["commands.html", "demo.html", "taskpane.html"]);
    for (const p of pages) {
      expect({ page: p, problems: pageProblems(fs.readFileSync(path.join(dist, p), "utf8")) }).toEqual({
        page: p,
        problems: [],
      });
    }
  });

  it("loads Office.js in the Office pages and nothing from outside in the demo page", () => {
    const read = (p: string) => fs.readFileSync(path.join(dist, p), "utf8");
    expect(read("taskpane.html")).toContain(OFFICE_JS);
    expect(read("commands.html")).toContain(OFFICE_JS);
    expect(read("demo.html")).not.toMatch(/https?:\/\//);
  });

  it("flags policies and pages that would open a door", () => {
    const page = (csp: string, body = "") =>
      `<html><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head><body>${body}</body></html>`;
    const good =
      "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self'; object-src 'none'";
    expect(pageProblems(page(good))).toEqual([]);
    expect(pageProblems(page(good.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")))).toContain(
      "script-src allows 'unsafe-eval'",
    );
    expect(pageProblems(page(good.replace("connect-src 'self'", "connect-src *")))).toContain("connect-src allows *");
    expect(pageProblems(page(good, '<script src="https://cdn.example.com/x.js"></script>'))).toContain(
      "script from https://cdn.example.com/x.js",
    );
    expect(pageProblems(page(good, "<script>alert(1)</script>"))).toContain("inline script");
    expect(pageProblems("<html></html>")).toEqual(["expected one CSP meta, found 0"]);
  });
});

describe("source safety", () => {
  const files = sourceFiles();

  it("reads the whole source tree", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.file.includes(path.join("src", "taskpane")))).toBe(true);
  });

  it("never renders strings as HTML (no dangerouslySetInnerHTML, innerHTML, document.write)", () => {
    expect(files.filter((f) => HTML_SINKS.test(f.code)).map((f) => f.file)).toEqual([]);
    expect(HTML_SINKS.test("<div dangerouslySetInnerHTML={{ __html: x }} />")).toBe(true);
    expect(HTML_SINKS.test("el.innerHTML = text")).toBe(true);
  });

  it("makes no network calls and sends no telemetry", () => {
    expect(files.filter((f) => NETWORK.test(f.code)).map((f) => f.file)).toEqual([]);
    expect(NETWORK.test("await fetch(url)")).toBe(true);
    expect(NETWORK.test("navigator.sendBeacon('/t', d)")).toBe(true);
    expect(NETWORK.test("new WebSocket(u)")).toBe(true);
  });

  it("uses no eval, which the policy forbids", () => {
    expect(files.filter((f) => EVAL.test(f.code)).map((f) => f.file)).toEqual([]);
    expect(EVAL.test("const f = new Function('a', 'return a')")).toBe(true);
    expect(EVAL.test("x = eval(s)")).toBe(true);
    expect(EVAL.test("evaluate(s)")).toBe(false);
  });
});
