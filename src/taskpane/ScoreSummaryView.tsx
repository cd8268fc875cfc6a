import { makeStyles, tokens } from "@fluentui/react-components";
import type { ScoreSummary } from "../core/check";
import type { Locale } from "../core/locale";
import { t } from "../i18n/index";

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginBottom: "4px" },
  card: {
    padding: "6px 8px",
    marginBottom: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  top: { display: "flex", alignItems: "baseline", gap: "8px", flexWrap: "wrap" },
  sheet: {
    background: "none",
    border: "none",
    padding: 0,
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForegroundLink,
    textDecoration: "underline",
  },
  kind: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  total: { marginLeft: "auto", fontSize: tokens.fontSizeBase200 },
  totalNum: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, marginLeft: "2px" },
  grade: {
    marginLeft: "6px",
    padding: "0 6px",
    borderRadius: "4px",
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    fontWeight: tokens.fontWeightSemibold,
  },
  legend: { fontSize: "10px", color: tokens.colorNeutralForeground3, textAlign: "right", marginTop: "2px" },
  bars: {
    display: "grid",
    gridTemplateColumns: "minmax(48px, auto) 1fr auto",
    gap: "3px 6px",
    alignItems: "center",
    marginTop: "4px",
  },
  label: {
    fontSize: tokens.fontSizeBase100,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    maxWidth: "90px",
  },
  track: { position: "relative", height: "10px", backgroundColor: tokens.colorNeutralBackground4, borderRadius: "2px" },
  fill: {
    position: "absolute",
    left: 0,
    top: 0,
    bottom: 0,
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: "2px",
  },
  fillOver: { backgroundColor: tokens.colorPaletteRedBackground3 },
  value: { fontSize: tokens.fontSizeBase100, fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
});

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "").replace(/\.$/, ""));

export interface ScoreSummaryViewProps {
  locale: Locale;
  scores: readonly ScoreSummary[];
  onSelectSheet: (sheet: string) => void;
}

/**
 * Total, grade and a bar per first-level category: the track's length is the category's weight (relative to the
 * largest weight), the fill its score. Plain divs: no chart library in the bundle.
 */
export function ScoreSummaryView({ locale, scores, onSelectSheet }: ScoreSummaryViewProps) {
  const s = useStyles();
  return (
    <div data-testid="scores">
      <div className={s.heading}>{t(locale, "scoresTitle")}</div>
      {scores.map((sc, i) => {
        const maxWeight = Math.max(1, ...sc.categories.map((c) => c.weight));
        return (
          <div key={`${sc.sheet}#${i}`} className={s.card} data-testid="score-card">
            <div className={s.top}>
              <button type="button" className={s.sheet} onClick={() => onSelectSheet(sc.sheet)}>
                {sc.sheet}
              </button>
              <span className={s.kind}>
                {t(locale, sc.kind === "self-assessment" ? "scoreKindSelf" : "scoreKindEval")}
              </span>
              <span className={s.total}>
                {t(locale, "scoreTotal")}
                <span className={s.totalNum} data-testid="score-total">
                  {sc.total === null ? "—" : fmt(sc.total)}
                </span>
                {sc.grade && (
                  <span className={s.grade} title={t(locale, "scoreGrade")} data-testid="score-grade">
                    {sc.grade}
                  </span>
                )}
              </span>
            </div>
            {sc.categories.length > 0 && (
              <>
                <div className={s.bars}>
                  {sc.categories.map((c, j) => {
                    const over = c.score > c.weight || c.score < 0;
                    const trackPct = (Math.max(0, c.weight) / maxWeight) * 100;
                    const fillPct = c.weight > 0 ? Math.min(1, Math.max(0, c.score / c.weight)) * 100 : 0;
                    return (
                      <div key={`${c.name}#${j}`} style={{ display: "contents" }}>
                        <span className={s.label} title={c.name}>
                          {c.name}
                        </span>
                        <div
                          className={s.track}
                          style={{ width: `${trackPct}%` }}
                          role="img"
                          aria-label={`${c.name} ${fmt(c.score)}/${fmt(c.weight)}`}
                        >
                          <div className={over ? `${s.fill} ${s.fillOver}` : s.fill} style={{ width: `${fillPct}%` }} />
                        </div>
                        <span className={s.value}>
                          {fmt(c.score)}/{fmt(c.weight)}
                        </span>
                      </div>
                    );
                  })}
                </div>
                <div className={s.legend}>{t(locale, "scoreVsWeight")}</div>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
