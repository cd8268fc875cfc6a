/**
 * Output that a file cannot forge (issue 12): cell text, sheet names and part names reach a terminal, and a
 * raw ESC can move the cursor, erase the real summary and print a fake one, set the window title or make a
 * link; C1 controls do the same on some terminals, and bidi overrides reorder what is shown. Every such
 * character is written as a visible escape instead.
 */

/** C0 and C1 controls, DEL, bidi marks/embeddings/overrides/isolates, line/paragraph separators, lone surrogates. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (n: number, w: number) => n.toString(16).padStart(w, "0");

/** Text for a terminal: each unsafe character as `\x1b` (below U+0100) or `\u202e`. */
export function escapeText(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${hex(n, 2)}` : `\\u${hex(n, 4)}`;
  });
}

/** The characters JSON.stringify leaves raw that a terminal or a viewer would still act on. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify, also escaping C1 controls, DEL and bidi characters (as \u escapes, so the document still
 * parses to the same strings). JSON.stringify itself escapes C0 controls and lone surrogates, so the output
 * is valid UTF-8.
 */
export function safeJson(v: unknown): string {
  return JSON.stringify(v).replace(JSON_UNSAFE, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}
