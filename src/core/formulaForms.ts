/**
 * The two forms of a formula's text. Excel shows (and Office.js reads and writes) the display form,
 * `=EVAL.EXECRATE(E6,D6)`; an .xlsx file stores an add-in's custom function as `_xldudf_EVAL_EXECRATE(E6,D6)`
 * (namespace dot → underscore) and a function newer than Excel 2007 with an `_xlfn.` prefix. A formula stored
 * in display form stays #NAME? in Excel even after the add-in loads, so writers of files store the stored form
 * and every reader turns what it finds back into the display form.
 */

/** Custom-function namespace of the add-in (manifest and functions.json). */
const EVAL_NAMESPACE = "EVAL";

const STORED_PREFIX = `_xldudf_${EVAL_NAMESPACE}_`;

/**
 * Apply `fn` to the parts of a formula outside string literals ("…") and quoted sheet names ('…'), so text
 * such as "EVAL.GRADE" inside quotes is never rewritten.
 */
function outsideQuotes(text: string, fn: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const q = text[i];
    if (q === '"' || q === "'") {
      // A doubled quote inside a literal is one quote character; the literal ends at a single one.
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === q) {
          if (text[j + 1] === q) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== '"' && text[j] !== "'") j++;
    out += fn(text.slice(i, j));
    i = j;
  }
  return out;
}

// A function name is preceded by start, an operator, "(" or ","; never by a letter, digit, "." or "!".
const BEFORE = "(^|[^A-Za-z0-9_.!$])";

/** Display form → stored form: `EVAL.X(` → `_xldudf_EVAL_X(`. */
export function toStoredFormula(text: string): string {
  const re = new RegExp(`${BEFORE}${EVAL_NAMESPACE}\\.([A-Za-z][A-Za-z0-9_]*)\\s*\\(`, "gi");
  return outsideQuotes(text, (code) =>
    code.replace(re, (_m, pre: string, fn: string) => `${pre}${STORED_PREFIX}${fn.toUpperCase()}(`),
  );
}

/**
 * Any form → display form: `_xldudf_EVAL_X(` → `EVAL.X(`, and Excel's `_xlfn.` / `_xlfn._xlws.` prefixes
 * dropped (`_xlfn.IFS(` → `IFS(`). Display-form text is returned unchanged.
 */
export function toDisplayFormula(text: string): string {
  if (!/_xl/i.test(text)) return text;
  const udf = new RegExp(`${BEFORE}_xldudf_${EVAL_NAMESPACE}_([A-Za-z][A-Za-z0-9_]*)\\s*\\(`, "gi");
  const xlfn = new RegExp(`${BEFORE}_xlfn\\.(?:_xlws\\.)?([A-Za-z][A-Za-z0-9_.]*)\\s*\\(`, "gi");
  return outsideQuotes(text, (code) =>
    code
      .replace(udf, (_m, pre: string, fn: string) => `${pre}${EVAL_NAMESPACE}.${fn.toUpperCase()}(`)
      .replace(xlfn, (_m, pre: string, fn: string) => `${pre}${fn}(`),
  );
}
