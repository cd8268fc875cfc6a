/**
 * A small pull scanner for the XML parts of an .xlsx: just enough for sheet data, shared strings, styles,
 * workbook and relationships. It checks that elements nest properly (a damaged part is refused, not half
 * read), decodes the five predefined entities and character references, and reports element names without
 * their namespace prefix (some writers emit `<x:c>`). DOCTYPE declarations are refused: a workbook part never
 * needs one, and refusing them rules out entity expansion.
 */

import { ReadLimitError } from "./limits";

/** The part is not XML this scanner accepts; the caller falls back to the full reader. */
class XmlScanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlScanError";
  }
}

const OPEN = 1;
const CLOSE = 2;
type TagKind = typeof OPEN | typeof CLOSE;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const COLON = 58;
const EQ = 61;
const DQUOTE = 34;
const SQUOTE = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes entity and character references; text without "&" is returned as is. */
function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}

export class XmlScanner {
  private pos = 0;
  private readonly stack: string[] = [];
  /** Start and end of the current tag's attribute text. */
  private attrStart = 0;
  private attrEnd = 0;
  /** The text region before the current tag: from the previous element tag's end to this tag's "<". */
  private textStart = 0;
  private textEnd = 0;
  /** Whether that region holds comments, processing instructions or CDATA (then text() decodes piecewise). */
  private markupInText = false;

  private kindValue: TagKind = OPEN;
  private nameValue = "";
  private selfClosingValue = false;

  /**
   * `maxTagChars`: a longer tag (a 50 MB attribute, say) is refused as past a read limit, before any of it is
   * copied; Infinity for none.
   */
  constructor(
    private readonly s: string,
    private readonly maxTagChars = Infinity,
  ) {
    // A byte order mark survives utf8 decoding as U+FEFF.
    if (s.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  // Methods rather than fields: TypeScript would keep a field narrowed across next() calls.

  /** Whether the current tag opens an element (`<x>` or `<x/>`). */
  isOpen(): boolean {
    return this.kindValue === OPEN;
  }

  /** Local name of the current element (prefix removed). */
  tag(): string {
    return this.nameValue;
  }

  /** True for `<x/>`: an open tag that is immediately closed (no close tag follows). */
  selfClosing(): boolean {
    return this.selfClosingValue;
  }

  /** Nesting depth after the current tag (an OPEN counts itself unless it is self-closing). */
  get depth(): number {
    return this.stack.length;
  }

  /** Advances to the next element tag; false at the end of the part. */
  next(): boolean {
    const s = this.s;
    let i = this.pos;
    this.textStart = i;
    this.markupInText = false;
    for (;;) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        if (this.stack.length) throw new XmlScanError(`unclosed element <${this.stack[this.stack.length - 1]}>`);
        this.pos = s.length;
        return false;
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === QUESTION) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) throw new XmlScanError("unterminated processing instruction");
        this.markupInText = true;
        i = end + 2;
        continue;
      }
      if (c1 === BANG) {
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) throw new XmlScanError("unterminated comment");
          i = end + 3;
        } else if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) throw new XmlScanError("unterminated CDATA section");
          i = end + 3;
        } else {
          throw new XmlScanError("DOCTYPE or unknown declaration");
        }
        this.markupInText = true;
        continue;
      }
      this.textEnd = lt;
      const closing = c1 === SLASH;
      let p = closing ? lt + 2 : lt + 1;
      const nameStart = p;
      let colon = -1;
      for (;;) {
        const c = s.charCodeAt(p);
        if (c === GT || c === SLASH || isSpace(c) || Number.isNaN(c)) break;
        if (c === COLON) colon = p;
        if (c === LT) throw new XmlScanError("'<' inside a tag");
        p++;
      }
      if (p === nameStart) throw new XmlScanError("element without a name");
      const name = s.slice(colon >= 0 ? colon + 1 : nameStart, p);
      const gt = this.findTagEnd(p);
      if (gt - lt > this.maxTagChars) throw new ReadLimitError("XML 标记长度", "XML tag length", this.maxTagChars);
      if (closing) {
        const open = this.stack.pop();
        if (open !== name) throw new XmlScanError(`</${name}> closes <${open ?? "nothing"}>`);
        this.kindValue = CLOSE;
        this.selfClosingValue = false;
        this.attrStart = this.attrEnd = p;
      } else {
        const self = s.charCodeAt(gt - 1) === SLASH;
        this.kindValue = OPEN;
        this.selfClosingValue = self;
        this.attrStart = p;
        this.attrEnd = self ? gt - 1 : gt;
        if (!self) this.stack.push(name);
      }
      this.nameValue = name;
      this.pos = gt + 1;
      return true;
    }
  }

  /** The `>` ending the tag that started before `from`, skipping quoted attribute values. */
  private findTagEnd(from: number): number {
    const s = this.s;
    let p = from;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === GT) return p;
      if (c === DQUOTE || c === SQUOTE) {
        const q = s.indexOf(c === DQUOTE ? '"' : "'", p + 1);
        if (q < 0) throw new XmlScanError("unterminated attribute value");
        p = q + 1;
        continue;
      }
      if (c === LT || Number.isNaN(c)) throw new XmlScanError("unterminated tag");
      p++;
    }
  }

  /** Decoded character data between the previous element tag and the current one. */
  text(): string {
    if (!this.markupInText) return decodeEntities(this.s.slice(this.textStart, this.textEnd));
    // Comments and processing instructions drop out; CDATA is taken literally, the rest decoded.
    const s = this.s;
    const end = this.textEnd;
    let out = "";
    let i = this.textStart;
    while (i < end) {
      const lt = s.indexOf("<", i);
      const stop = lt < 0 || lt >= end ? end : lt;
      out += decodeEntities(s.slice(i, stop));
      if (stop >= end) break;
      if (s.startsWith("<![CDATA[", stop)) {
        const e = s.indexOf("]]>", stop + 9);
        out += s.slice(stop + 9, e);
        i = e + 3;
      } else if (s.startsWith("<!--", stop)) {
        i = s.indexOf("-->", stop + 4) + 3;
      } else {
        i = s.indexOf("?>", stop + 2) + 2;
      }
    }
    return out;
  }

  /** The value of attribute `qname` (as written, prefix included) of the current tag, or null. */
  attr(qname: string): string | null {
    const s = this.s;
    let p = this.attrStart;
    const end = this.attrEnd;
    while (p < end) {
      while (p < end && isSpace(s.charCodeAt(p))) p++;
      if (p >= end) break;
      const nameStart = p;
      while (p < end) {
        const c = s.charCodeAt(p);
        if (c === EQ || isSpace(c)) break;
        p++;
      }
      const nameEnd = p;
      while (p < end && isSpace(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) !== EQ) throw new XmlScanError("attribute without a value");
      p++;
      while (p < end && isSpace(s.charCodeAt(p))) p++;
      const q = s.charCodeAt(p);
      if (q !== DQUOTE && q !== SQUOTE) throw new XmlScanError("unquoted attribute value");
      const close = s.indexOf(q === DQUOTE ? '"' : "'", p + 1);
      if (close < 0 || close > end) throw new XmlScanError("unterminated attribute value");
      if (nameEnd - nameStart === qname.length && s.startsWith(qname, nameStart)) {
        return decodeEntities(s.slice(p + 1, close));
      }
      p = close + 1;
    }
    return null;
  }

  /** The value of the first attribute whose local name is `local` and that has a prefix (`r:id`, `x:id`...). */
  prefixedAttr(local: string): string | null {
    const s = this.s.slice(this.attrStart, this.attrEnd);
    const re = new RegExp(`(?:^|\\s)[A-Za-z_][\\w.-]*:${local}\\s*=\\s*("[^"]*"|'[^']*')`);
    const m = re.exec(s);
    return m ? decodeEntities(m[1].slice(1, -1)) : null;
  }

  /** Skips the current element's content (after an OPEN that is not self-closing). */
  skipElement(): void {
    if (!this.isOpen() || this.selfClosingValue) return;
    const depth = this.stack.length;
    while (this.next()) {
      if (!this.isOpen() && this.stack.length === depth - 1) return;
    }
  }
}
