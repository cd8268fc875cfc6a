import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { RULES } from "../core/rules/index";
import type { Locale } from "../core/locale";
import { ruleTitle, SEVERITY_LABELS } from "../i18n/index";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: "0 12px 8px" },
  item: {
    padding: "6px 0",
    borderTop: `1px dotted ${tokens.colorNeutralStroke3}`,
    ":first-child": { borderTop: "none" },
  },
  head: { display: "flex", flexWrap: "wrap", gap: "2px 6px", alignItems: "center", fontSize: tokens.fontSizeBase300 },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  id: {
    marginLeft: "auto",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  docs: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    lineHeight: tokens.lineHeightBase200,
    margin: "2px 0 0",
  },
});

const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

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
            <Badge appearance="tint" color={COLOR[r.severity]}>
              {SEVERITY_LABELS[r.severity][locale]}
            </Badge>
            <h3 className={s.title}>{ruleTitle(r.id, locale, r.meta as { title?: unknown })}</h3>
            <span className={s.id}>{r.id}</span>
          </div>
          <p className={s.docs}>{r.meta.docs[locale]}</p>
        </li>
      ))}
    </ul>
  );
}
