import { useMemo, useState, type UIEvent } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { CheckSummary, Finding, Severity } from "../core/findings";
import { areaToA1, parseRef, qualify } from "../core/a1";
import type { Locale } from "../core/locale";
import { ruleTitle, SEVERITY_LABELS, t } from "../i18n/index";
import { useStaged } from "./useStaged";
import {
  FINDINGS_PER_RULE,
  groupFindings,
  ROW_HEIGHT,
  SEVERITIES,
  VIEWPORT_ROWS,
  visibleItems,
  windowRange,
} from "./findingsView";

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  summary: { display: "flex", gap: "6px", alignItems: "center", marginBottom: "6px", flexWrap: "wrap" },
  sevGroup: {
    marginBottom: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sevError: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  sevWarning: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  sevInfo: { borderLeft: `4px solid ${tokens.colorPaletteBlueBorderActive}` },
  sevPanel: { margin: 0 },
  ruleGroup: { borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  ruleHeadText: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", margin: 0, padding: "0 8px 4px 12px" },
  item: {
    padding: "4px 0",
    fontSize: tokens.fontSizeBase300,
    lineHeight: "20px",
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
  related: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: "18px" },
  more: { margin: "2px 8px 8px 12px" },
  // Virtualized rows: fixed height, the message clamped to two lines (the full text in its title).
  viewport: { position: "relative", overflowY: "auto", margin: "0 4px 6px 12px" },
  vrow: {
    position: "absolute",
    left: 0,
    right: 0,
    boxSizing: "border-box",
    padding: "3px 4px 3px 0",
    overflow: "hidden",
    fontSize: tokens.fontSizeBase300,
    lineHeight: "20px",
    borderTop: `1px dotted ${tokens.colorNeutralStroke3}`,
  },
  clamp: {
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  relatedOne: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
});

interface FindingsListProps {
  locale: Locale;
  findings: readonly Finding[];
  summary: CheckSummary;
  onSelect: (sheet: string, cell: string) => void;
}

interface ItemProps {
  f: Finding;
  locale: Locale;
  onSelect: FindingsListProps["onSelect"];
  clamp?: boolean;
}

function FindingBody({ f, locale, onSelect, clamp }: ItemProps) {
  const s = useStyles();
  const ref = qualify(f.sheet, f.cell);
  const message = f.message[locale];
  return (
    <>
      <div className={clamp ? s.clamp : undefined} title={clamp ? message : undefined}>
        <button
          type="button"
          className={s.cellLink}
          title={t(locale, "selectCellTitle", { cell: ref })}
          aria-label={t(locale, "selectCellTitle", { cell: ref })}
          onClick={() => onSelect(f.sheet, f.cell)}
          data-testid="finding-cell"
        >
          {ref}
        </button>
        <span className={s.message}>{message}</span>
      </div>
      {f.related.length > 0 && (
        <div className={clamp ? mergeClasses(s.related, s.relatedOne) : s.related}>
          {t(locale, "relatedCells")}{" "}
          {f.related.map((r) => {
            const ref = parseRef(r);
            const parsed = ref?.sheet != null ? { sheet: ref.sheet, cell: areaToA1(ref.area) } : null;
            return parsed ? (
              <button
                key={r}
                type="button"
                className={s.cellLink}
                title={t(locale, "selectCellTitle", { cell: r })}
                aria-label={t(locale, "selectCellTitle", { cell: r })}
                onClick={() => onSelect(parsed.sheet, parsed.cell)}
                data-testid="related-cell"
              >
                {r}
              </button>
            ) : (
              <span key={r}>{r} </span>
            );
          })}
        </div>
      )}
    </>
  );
}

/** Every finding of one rule in a fixed-height scrolling viewport that draws only the rows in view. */
function VirtualFindings({ items, locale, onSelect }: { items: readonly Finding[] } & Omit<ItemProps, "f">) {
  const s = useStyles();
  const [top, setTop] = useState(0);
  const { first, last } = windowRange(items.length, top);
  const rows = [];
  for (let i = first; i < last; i++) {
    const f = items[i];
    rows.push(
      <li key={i} className={s.vrow} style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }} data-testid="finding">
        <FindingBody f={f} locale={locale} onSelect={onSelect} clamp />
      </li>,
    );
  }
  return (
    <div
      className={s.viewport}
      style={{ height: Math.min(items.length, VIEWPORT_ROWS) * ROW_HEIGHT }}
      onScroll={(e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop)}
      tabIndex={0}
      role="region"
      aria-label={t(locale, "showAllFindings", { count: items.length })}
      data-testid="virtual-findings"
    >
      <ul className={s.list} style={{ position: "relative", height: items.length * ROW_HEIGHT, padding: 0 }}>
        {rows}
      </ul>
    </div>
  );
}

export function FindingsList({ locale, findings, summary, onSelect }: FindingsListProps) {
  const s = useStyles();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const groups = useMemo(() => groupFindings(findings), [findings]);
  // One severity group per commit (the first with the list itself): no single long task however many rules fired.
  const shownGroups = 1 + useStaged(findings, Math.max(0, groups.length - 1));
  const sevClass = { error: s.sevError, warning: s.sevWarning, info: s.sevInfo };
  const counts: Record<Severity, number> = { error: summary.errors, warning: summary.warnings, info: summary.infos };
  return (
    <div data-testid="findings" data-complete={shownGroups >= groups.length}>
      <div
        className={s.summary}
        role="status"
        aria-label={t(locale, "summaryLine", {
          errors: summary.errors,
          warnings: summary.warnings,
          infos: summary.infos,
        })}
      >
        {SEVERITIES.map((sev) => (
          <Badge
            key={sev}
            appearance={counts[sev] ? "filled" : "outline"}
            color={counts[sev] ? BADGE[sev] : "informative"}
            size="large"
            data-testid={`count-${sev}`}
          >
            {SEVERITY_LABELS[sev][locale]} {counts[sev]}
          </Badge>
        ))}
      </div>
      <Accordion multiple collapsible defaultOpenItems={SEVERITIES}>
        {groups.slice(0, shownGroups).map((g) => (
          <AccordionItem
            key={g.severity}
            value={g.severity}
            className={mergeClasses(s.sevGroup, sevClass[g.severity])}
            data-testid={`severity-${g.severity}`}
          >
            <AccordionHeader as="h3" size="medium">
              {SEVERITY_LABELS[g.severity][locale]} ({g.rules.reduce((n, r) => n + r.items.length, 0)})
            </AccordionHeader>
            <AccordionPanel collapseMotion={null} className={s.sevPanel}>
              <Accordion multiple collapsible defaultOpenItems={g.rules.map((r) => r.rule)}>
                {g.rules.map((r) => (
                  <AccordionItem
                    key={r.rule}
                    value={r.rule}
                    className={s.ruleGroup}
                    data-testid={`rule-${r.rule}`}
                    data-count={r.items.length}
                  >
                    <AccordionHeader as="h4" size="small">
                      <span className={s.ruleHeadText} title={r.rule}>
                        {ruleTitle(r.rule, locale)} ({r.items.length})
                      </span>
                    </AccordionHeader>
                    <AccordionPanel collapseMotion={null} className={s.sevPanel}>
                      {expanded[r.rule] && r.items.length > FINDINGS_PER_RULE ? (
                        <VirtualFindings items={r.items} locale={locale} onSelect={onSelect} />
                      ) : (
                        <ul className={s.list}>
                          {visibleItems(r.items, false).map((f, i) => (
                            <li key={`${f.sheet}!${f.cell}#${i}`} className={s.item} data-testid="finding">
                              <FindingBody f={f} locale={locale} onSelect={onSelect} />
                            </li>
                          ))}
                        </ul>
                      )}
                      {r.items.length > FINDINGS_PER_RULE && !expanded[r.rule] && (
                        <Button
                          appearance="subtle"
                          className={s.more}
                          onClick={() => setExpanded((e) => ({ ...e, [r.rule]: true }))}
                          data-testid="show-all"
                        >
                          {t(locale, "showAllFindings", { count: r.items.length })}
                        </Button>
                      )}
                    </AccordionPanel>
                  </AccordionItem>
                ))}
              </Accordion>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
