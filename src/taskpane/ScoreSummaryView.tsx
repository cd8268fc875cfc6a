import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import type { ScoreSummary } from "../core/check";
import type { Locale } from "../core/locale";
import type { GradeKey } from "../core/scoring";
import { t } from "../i18n/index";
import { fmt, gradeText, statedTotalNote } from "./scoreText";

const useStyles = makeStyles({
  card: {
    marginBottom: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  headerText: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap", minWidth: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  kind: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  total: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold },
  body: { padding: "0 12px 8px" },
  bars: {
    display: "grid",
    gridTemplateColumns: "minmax(56px, max-content) minmax(60px, 1fr) max-content",
    gap: "4px 8px",
    alignItems: "center",
  },
  label: {
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    maxWidth: "110px",
  },
  // The track is the category's full 分值 (points possible); the fill what was earned; the rest, lost, is tinted.
  track: {
    position: "relative",
    display: "flex",
    height: "12px",
    borderRadius: "2px",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  earned: { backgroundColor: tokens.colorBrandBackground },
  lost: {
    backgroundImage: `repeating-linear-gradient(135deg, ${tokens.colorPaletteRedBackground2} 0 3px, ${tokens.colorPaletteRedBorder1} 3px 5px)`,
  },
  over: { backgroundColor: tokens.colorPaletteRedBackground3 },
  value: { fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  lostText: { color: tokens.colorPaletteRedForeground1, marginLeft: "4px" },
  note: { marginTop: "6px" },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: "0 0 4px" },
  jump: { fontSize: tokens.fontSizeBase200 },
});

/** Colour by grade, always beside the grade's word (never colour alone). */
const GRADE_COLOR: Record<GradeKey, "success" | "brand" | "warning" | "danger"> = {
  excellent: "success",
  good: "brand",
  fair: "warning",
  poor: "danger",
};

interface ScoreSummaryViewProps {
  locale: Locale;
  scores: readonly ScoreSummary[];
  /** With findings to read, each card starts as one line (sheet, total, grade); open it for the bars. */
  collapsed: boolean;
  onSelectSheet: (sheet: string, cell: string) => void;
}

/**
 * One card per recognized scored table: total and grade (or 未填写), a note when the sheet's own total is an
 * error or disagrees with Σ 得分, and a bar per first-level category of points earned against points possible.
 * Plain divs for the bars: no chart library in the bundle.
 */
export function ScoreSummaryView({ locale, scores, collapsed, onSelectSheet }: ScoreSummaryViewProps) {
  const s = useStyles();
  const all = scores.map((_, i) => `score-${i}`);
  return (
    <Accordion multiple collapsible defaultOpenItems={collapsed ? [] : all} data-testid="scores">
      {scores.map((sc, i) => {
        const note = statedTotalNote(sc, locale);
        const grade = gradeText(sc, locale);
        const kind = t(locale, sc.kind === "self-assessment" ? "scoreKindSelf" : "scoreKindEval");
        return (
          <AccordionItem key={`${sc.sheet}#${i}`} value={`score-${i}`} className={s.card} data-testid="score-card">
            <AccordionHeader as="h3" size="medium" expandIconPosition="end">
              <span className={s.headerText}>
                <span className={s.sheetName}>{sc.sheet}</span>
                <span className={s.kind}>{kind}</span>
                {sc.filled !== false && sc.total !== null && (
                  <span className={s.total} data-testid="score-total">
                    {fmt(sc.total)}
                  </span>
                )}
                <Badge
                  appearance={sc.filled === false ? "outline" : "filled"}
                  color={sc.gradeKey ? GRADE_COLOR[sc.gradeKey] : "informative"}
                  aria-label={t(locale, "gradeLabel", { grade })}
                  data-testid="score-grade"
                  data-grade={sc.filled === false ? "unfilled" : (sc.gradeKey ?? "none")}
                >
                  {grade}
                </Badge>
                {note && (
                  <Badge appearance="tint" color="danger" data-testid="score-total-warning">
                    !
                  </Badge>
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel collapseMotion={null} className={s.body}>
              {sc.filled === false && <p className={s.hint}>{t(locale, "scoreUnfilledHint")}</p>}
              {note && (
                <MessageBar intent="warning" className={s.note} data-testid="score-total-note">
                  <MessageBarBody>{note}</MessageBarBody>
                </MessageBar>
              )}
              {sc.filled !== false && sc.categories.length > 0 && (
                <div className={s.bars}>
                  {sc.categories.map((c, j) => {
                    const w = Math.max(0, c.weight);
                    const earned = w > 0 ? Math.min(1, Math.max(0, c.score / w)) : 0;
                    const over = c.score > c.weight || c.score < 0;
                    const lost = Math.max(0, c.weight - Math.max(0, c.score));
                    const label = t(locale, "scoreBar", { name: c.name, score: fmt(c.score), weight: fmt(c.weight) });
                    return (
                      <div key={`${c.name}#${j}`} style={{ display: "contents" }}>
                        <span className={s.label} title={c.name}>
                          {c.name}
                        </span>
                        <div className={s.track} role="img" aria-label={label} data-testid="score-bar">
                          <div className={over ? s.over : s.earned} style={{ width: `${earned * 100}%` }} />
                          <div
                            className={s.lost}
                            style={{ width: `${(1 - earned) * 100}%` }}
                            data-testid="score-bar-lost"
                          />
                        </div>
                        <span className={s.value}>
                          {fmt(c.score)}/{fmt(c.weight)}
                          {lost > 0.0049 && !over && (
                            <span className={s.lostText} data-testid="score-lost">
                              {t(locale, "scoreBarLost", { lost: fmt(lost) })}
                            </span>
                          )}
                        </span>
                      </div>
                    );
                  })}
                </div>
              )}
              <Link
                as="button"
                className={s.jump}
                onClick={() => onSelectSheet(sc.sheet, sc.statedTotal?.cell ?? "A1")}
                data-testid="score-goto"
              >
                {t(locale, "selectCellTitle", { cell: `${sc.sheet}!${sc.statedTotal?.cell ?? "A1"}` })}
              </Link>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
