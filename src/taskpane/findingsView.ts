/**
 * How the findings list lays its findings out: grouped by severity and rule, the first few of each rule before
 * "show all", and which rows of the virtualized list are drawn. Plain logic, apart from the FindingsList
 * component that draws them.
 */
import type { Finding, Severity } from "../core/findings";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Groups findings by severity, then by rule, keeping the engine's order inside each group. */
export function groupFindings(
  findings: readonly Finding[],
): { severity: Severity; rules: { rule: string; items: Finding[] }[] }[] {
  const bySeverity = new Map<Severity, Map<string, Finding[]>>(SEVERITIES.map((s) => [s, new Map()]));
  for (const f of findings) {
    const byRule = bySeverity.get(f.severity);
    if (!byRule) continue;
    let list = byRule.get(f.rule);
    if (!list) byRule.set(f.rule, (list = []));
    list.push(f);
  }
  return SEVERITIES.map((severity) => ({
    severity,
    rules: [...bySeverity.get(severity)!].map(([rule, items]) => ({ rule, items })),
  })).filter((g) => g.rules.length > 0);
}

/** How many findings of one rule are drawn before a "show all": a 5,000-row form can yield thousands. */
export const FINDINGS_PER_RULE = 10;

export function visibleItems<T>(items: readonly T[], showAll: boolean, limit = FINDINGS_PER_RULE): readonly T[] {
  return showAll || items.length <= limit ? items : items.slice(0, limit);
}

/** Row height and viewport of the virtualized list ("show all"): only the rows in view are in the page. */
export const ROW_HEIGHT = 68;
export const VIEWPORT_ROWS = 8;
const OVERSCAN = 4;

/** Rows [first, last) of `count` to draw for a viewport scrolled to `scrollTop`. */
export function windowRange(count: number, scrollTop: number, rowHeight = ROW_HEIGHT, rows = VIEWPORT_ROWS) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil(scrollTop / rowHeight) + rows + OVERSCAN);
  return { first, last };
}
