/**
 * What the 检查 tab shows once the user has acted: progress, messages, scores and findings. A chunk of its own
 * (MessageBar, ProgressBar and the findings views), so the tab's first screen is only its button and options.
 */
import { makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from "@fluentui/react-components";
import type { Locale } from "../core/locale";
import { t } from "../i18n/index";
import type { CheckExtras, CheckRecord } from "./checkStore";
import { FindingsList } from "./FindingsList";
import { ScoreSummaryView } from "./ScoreSummaryView";

const useStyles = makeStyles({
  progress: { marginTop: "6px" },
  status: { marginTop: "6px" },
  meta: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, marginTop: "6px" },
  section: { marginTop: "10px" },
  stage: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
});

const STAGE_KEYS = {
  reading: "stageReading",
  checking: "stageChecking",
  "results-sheet": "stageResultsSheet",
  highlighting: "stageHighlighting",
} as const;

function stageLabel(locale: Locale, stage: string | null): string {
  const key = stage && stage in STAGE_KEYS ? STAGE_KEYS[stage as keyof typeof STAGE_KEYS] : "checking";
  return t(locale, key);
}

/** What the optional extras did, as short notes under the run button. */
function extrasNotes(locale: Locale, result: CheckExtras | undefined): string[] {
  if (!result) return [];
  const notes: string[] = [];
  if (result.resultsSheetName) notes.push(t(locale, "resultsSheetWritten", { sheet: result.resultsSheetName }));
  if (typeof result.highlighted === "number") notes.push(t(locale, "cellsHighlighted", { count: result.highlighted }));
  if (result.skippedProtected?.length)
    notes.push(t(locale, "skippedProtected", { sheets: result.skippedProtected.join("、") }));
  return notes;
}

export interface CheckProgressViewProps {
  locale: Locale;
  progress: number | null;
  stage: string | null;
}

export function CheckProgressView({ locale, progress, stage }: CheckProgressViewProps) {
  const s = useStyles();
  return (
    <>
      <ProgressBar
        className={s.progress}
        value={progress ?? undefined}
        thickness="large"
        data-testid="check-progress"
      />
      <span className={s.stage}>{stageLabel(locale, stage)}</span>
    </>
  );
}

export interface CheckResultsProps {
  locale: Locale;
  record: CheckRecord | null;
  /** Already in the user's language. */
  error: string | null;
  notice: string | null;
  onSelect: (sheet: string, cell: string) => void;
}

export default function CheckResults({ locale, record, error, notice, onSelect }: CheckResultsProps) {
  const s = useStyles();
  const result = record?.result;
  return (
    <>
      {error && (
        <MessageBar intent="error" className={s.status} data-testid="check-error">
          <MessageBarBody>
            {t(locale, "errorPrefix")}
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" className={s.status}>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {record && (
        <>
          <div className={s.meta} data-testid="check-meta">
            {t(locale, "checkedAt", { time: record.at.toLocaleTimeString(locale) })}
            {record.source === "ribbon" ? ` · ${t(locale, "fromRibbon")}` : ""}
            {extrasNotes(locale, result).map((n) => (
              <div key={n}>{n}</div>
            ))}
          </div>
          {result && result.scores.length > 0 && (
            <section className={s.section}>
              <ScoreSummaryView
                locale={locale}
                scores={result.scores}
                onSelectSheet={(sheet) => onSelect(sheet, "A1")}
              />
            </section>
          )}
          {result && (
            <section className={s.section}>
              <FindingsList locale={locale} findings={result.findings} summary={result.summary} onSelect={onSelect} />
            </section>
          )}
        </>
      )}
    </>
  );
}
