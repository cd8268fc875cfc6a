/** Excel's sheet-name rules: ≤ 31 characters, none of \ / ? * [ ] :, not blank, no leading/trailing apostrophe. */
export const SHEET_NAME_MAX = 31;

export function sanitizeSheetName(name: string): string {
  let s = Array.from(name.replace(/[\\/?*[\]:]/g, "_"))
    .filter((ch) => ch.charCodeAt(0) >= 0x20) // control characters are not allowed in sheet names
    .join("")
    .trim();
  // Shorten first, then strip: a cut can expose an apostrophe at the end.
  s = Array.from(s)
    .slice(0, SHEET_NAME_MAX)
    .join("")
    .replace(/^'+|'+$/g, "")
    .trim();
  return s === "" ? "Sheet" : s;
}

/**
 * A name for a new sheet that no existing sheet has (case-insensitive, as Excel compares): the base itself,
 * else "base (2)", "base (3)" …, the base shortened so the whole stays within 31 characters.
 */
export function uniqueSheetName(base: string, existing: Iterable<string>): string {
  const taken = new Set(Array.from(existing, (n) => n.toLocaleLowerCase()));
  const clean = sanitizeSheetName(base);
  if (!taken.has(clean.toLocaleLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const head = Array.from(clean)
      .slice(0, SHEET_NAME_MAX - suffix.length)
      .join("")
      .trimEnd();
    const candidate = head + suffix;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
