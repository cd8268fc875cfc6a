import { useState } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CheckSummary, Finding, FindingId, Severity } from "../core/findings";
import { qualify } from "../core/snapshot";
import type { Locale } from "../core/locale";
import { SEVERITY_LABELS, t } from "../i18n/index";
import { RULE_TITLES } from "../core/rules/index";
import { parseRef } from "./services";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  summary: { display: "flex", gap: "6px", alignItems: "center", marginBottom: "6px", flexWrap: "wrap" },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginRight: "4px" },
  pill: {
    fontSize: tokens.fontSizeBase100,
    padding: "0 6px",
    borderRadius: "8px",
    lineHeight: "18px",
    color: tokens.colorNeutralForegroundOnBrand,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  info: { backgroundColor: tokens.colorPaletteBlueBorderActive },
  zero: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground3 },
  sevGroup: {
    marginBottom: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sevHead: {
    cursor: "pointer",
    padding: "4px 8px",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    borderLeft: "4px solid transparent",
  },
  sevHeadError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  sevHeadWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  sevHeadInfo: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  ruleGroup: { borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  ruleHead: {
    cursor: "pointer",
    padding: "3px 8px 3px 14px",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyle: "none", margin: 0, padding: "0 8px 4px 14px" },
  item: {
    padding: "3px 0",
    fontSize: tokens.fontSizeBase200,
    lineHeight: "17px",
    borderTop: `1px dotted ${tokens.colorNeutralStroke3}`,
    ":first-child": { borderTop: "none" },
  },
  cellLink: {
    background: "none",
    border: "none",
    padding: 0,
    marginRight: "6px",
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    textDecoration: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
  },
  message: { color: tokens.colorNeutralForeground1, wordBreak: "break-word" },
  related: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, marginTop: "1px" },
  more: {
    background: "none",
    border: "none",
    cursor: "pointer",
    padding: "2px 8px 6px 14px",
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase200,
  },
  empty: {
    padding: "8px",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteGreenForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface FindingsListProps {
  locale: Locale;
  findings: readonly Finding[];
  summary: CheckSummary;
  onSelect: (sheet: string, cell: string) => void;
}

/** Groups findings by severity, then by rule, keeping the engine's order inside each group. */
export function groupFindings(
  findings: readonly Finding[],
): { severity: Severity; rules: { rule: FindingId; items: Finding[] }[] }[] {
  return SEVERITIES.map((severity) => {
    const byRule = new Map<FindingId, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const list = byRule.get(f.rule) ?? [];
      list.push(f);
      byRule.set(f.rule, list);
    }
    return { severity, rules: [...byRule].map(([rule, items]) => ({ rule, items })) };
  }).filter((g) => g.rules.length > 0);
}

/** How many findings of one rule are drawn before a "show all": a 5,000-row form can yield thousands. */
export const FINDINGS_PER_RULE = 50;

export function visibleItems<T>(items: readonly T[], showAll: boolean, limit = FINDINGS_PER_RULE): readonly T[] {
  return showAll || items.length <= limit ? items : items.slice(0, limit);
}

export function FindingsList({ locale, findings, summary, onSelect }: FindingsListProps) {
  const s = useStyles();
  const [expanded, setExpanded] = useState<Partial<Record<FindingId, boolean>>>({});
  const groups = groupFindings(findings);
  const pill = (n: number, cls: string) => mergeClasses(s.pill, n ? cls : s.zero);
  const sevHead = { error: s.sevHeadError, warning: s.sevHeadWarning, info: s.sevHeadInfo };
  return (
    <div data-testid="findings">
      <div
        className={s.summary}
        role="status"
        aria-label={t(locale, "summaryLine", {
          errors: summary.errors,
          warnings: summary.warnings,
          infos: summary.infos,
        })}
      >
        <span className={s.heading}>{t(locale, "findingsTitle")}</span>
        <span className={pill(summary.errors, s.error)} data-testid="count-error">
          {SEVERITY_LABELS.error[locale]} {summary.errors}
        </span>
        <span className={pill(summary.warnings, s.warning)} data-testid="count-warning">
          {SEVERITY_LABELS.warning[locale]} {summary.warnings}
        </span>
        <span className={pill(summary.infos, s.info)} data-testid="count-info">
          {SEVERITY_LABELS.info[locale]} {summary.infos}
        </span>
      </div>
      {groups.length === 0 && <div className={s.empty}>✓ {t(locale, "noFindings")}</div>}
      {groups.map((g) => (
        <details key={g.severity} open className={s.sevGroup} data-testid={`severity-${g.severity}`}>
          <summary className={mergeClasses(s.sevHead, sevHead[g.severity])}>
            {SEVERITY_LABELS[g.severity][locale]} ({g.rules.reduce((n, r) => n + r.items.length, 0)})
          </summary>
          {g.rules.map((r) => (
            <details key={r.rule} open className={s.ruleGroup} data-testid={`rule-${r.rule}`}>
              <summary className={s.ruleHead} title={r.rule}>
                {RULE_TITLES[r.rule]?.[locale] ?? r.rule} ({r.items.length})
              </summary>
              <ul className={s.list}>
                {visibleItems(r.items, !!expanded[r.rule]).map((f, i) => (
                  <li key={`${f.sheet}!${f.cell}#${i}`} className={s.item} data-testid="finding">
                    <button
                      type="button"
                      className={s.cellLink}
                      title={t(locale, "selectCellTitle", { cell: qualify(f.sheet, f.cell) })}
                      onClick={() => onSelect(f.sheet, f.cell)}
                      data-testid="finding-cell"
                    >
                      {qualify(f.sheet, f.cell)}
                    </button>
                    <span className={s.message}>{f.message[locale]}</span>
                    {f.related.length > 0 && (
                      <div className={s.related}>
                        {t(locale, "relatedCells")}{" "}
                        {f.related.map((ref) => {
                          const parsed = parseRef(ref);
                          return parsed ? (
                            <button
                              key={ref}
                              type="button"
                              className={s.cellLink}
                              title={t(locale, "selectCellTitle", { cell: ref })}
                              onClick={() => onSelect(parsed.sheet, parsed.cell)}
                              data-testid="related-cell"
                            >
                              {ref}
                            </button>
                          ) : (
                            <span key={ref}>{ref} </span>
                          );
                        })}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              {r.items.length > FINDINGS_PER_RULE && !expanded[r.rule] && (
                <button
                  type="button"
                  className={s.more}
                  onClick={() => setExpanded((e) => ({ ...e, [r.rule]: true }))}
                  data-testid="show-all"
                >
                  {t(locale, "showAllFindings", { count: r.items.length })}
                </button>
              )}
            </details>
          ))}
        </details>
      ))}
    </div>
  );
}
