import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { RULES } from "../core/rules/index";
import type { Locale } from "../core/locale";
import { SEVERITY_LABELS } from "../i18n/index";
import { RULE_TITLES } from "../core/rules/index";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: "2px 0 0" },
  item: {
    padding: "3px 0",
    borderTop: `1px dotted ${tokens.colorNeutralStroke3}`,
    ":first-child": { borderTop: "none" },
  },
  head: { display: "flex", flexWrap: "wrap", gap: "0 6px", alignItems: "baseline", fontSize: tokens.fontSizeBase200 },
  title: { fontWeight: tokens.fontWeightSemibold },
  id: {
    marginLeft: "auto",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: "10px",
    color: tokens.colorNeutralForeground4,
  },
  sev: {
    fontSize: "10px",
    padding: "0 4px",
    borderRadius: "3px",
    whiteSpace: "nowrap",
    flexShrink: 0,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  info: { backgroundColor: tokens.colorPaletteBlueBorderActive },
  docs: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, lineHeight: "15px" },
});

/**
 * What the check looks for: every rule's title, default severity, id (as the command line prints it) and its
 * documentation paragraph, read from the rule modules themselves. Loaded only when the user opens it.
 */
export default function RuleGuide({ locale }: { locale: Locale }) {
  const s = useStyles();
  return (
    <ul className={s.list} data-testid="rule-guide">
      {RULES.map((r) => (
        <li key={r.id} className={s.item}>
          <div className={s.head}>
            <span className={mergeClasses(s.sev, s[r.severity])}>{SEVERITY_LABELS[r.severity][locale]}</span>
            <span className={s.title}>{RULE_TITLES[r.id][locale]}</span>
            <span className={s.id}>{r.id}</span>
          </div>
          <div className={s.docs}>{r.meta.docs[locale]}</div>
        </li>
      ))}
    </ul>
  );
}
