/**
 * What the 检查 tab shows once the user has acted: progress, messages, what was recognized, scores and findings.
 * A chunk of its own (MessageBar, ProgressBar, Accordion and the findings views), so the tab's first screen is
 * only its button and options.
 */
import { memo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import type { RecognizedTable } from "../core/check";
import type { Locale } from "../core/locale";
import { RECOGNIZED_KIND_LABELS, type RecognizedKind } from "../core/recognize/coverage";
import { qualify } from "../core/a1";
import { clockTime, t } from "../i18n/index";
import type { CheckExtras, CheckRecord } from "./checkStore";
import { FindingsList } from "./FindingsList";
import { ScoreSummaryView } from "./ScoreSummaryView";
import { useStaged } from "./useStaged";
import { errorText } from "./errorText";
import type { Notice } from "./paneState";

const useStyles = makeStyles({
  progress: { marginTop: "8px" },
  status: { marginTop: "8px" },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, marginTop: "8px" },
  section: { marginTop: "12px" },
  heading: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
    margin: "0 0 6px",
  },
  recognized: {
    marginTop: "8px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  recList: { listStyle: "none", margin: 0, padding: "0 12px 8px", fontSize: tokens.fontSizeBase200 },
  recItem: { padding: "2px 0", wordBreak: "break-word" },
  clean: { marginTop: "6px" },
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

/** A recognized table's kind as the core names it (the CLI and the results sheet use the same words). */
function kindLabel(locale: Locale, kind: string): string {
  return RECOGNIZED_KIND_LABELS[kind as RecognizedKind]?.[locale] ?? kind;
}

/** What the optional extras did and what they could not do, each as its own line. */
function extrasNotes(
  locale: Locale,
  result: CheckExtras | undefined,
  marks: number | null,
): { ok: string[]; failed: string[] } {
  const ok: string[] = [];
  const failed: string[] = [];
  if (!result) return { ok, failed };
  if (result.resultsSheetName)
    ok.push(
      t(locale, result.replacedResultsSheet ? "resultsSheetReplaced" : "resultsSheetWritten", {
        sheet: result.resultsSheetName,
      }),
    );
  // The number of marks comes from the pane's state: after 清除标记 it is 0 and the line goes.
  if (typeof result.highlighted === "number" && (marks ?? 0) > 0)
    ok.push(t(locale, "cellsHighlighted", { count: marks ?? result.highlighted }));
  if (result.skippedProtected?.length)
    failed.push(
      t(locale, "skippedProtected", { sheets: result.skippedProtected.join(locale === "zh-CN" ? "、" : ", ") }),
    );
  for (const f of result.extrasFailed ?? [])
    failed.push(
      t(locale, f.extra === "results-sheet" ? "extraFailedResultsSheet" : "extraFailedHighlight", {
        reason: f.message[locale],
      }),
    );
  return { ok, failed };
}

interface CheckProgressViewProps {
  locale: Locale;
  progress: number | null;
  stage: string | null;
}

export function CheckProgressView({ locale, progress, stage }: CheckProgressViewProps) {
  const s = useStyles();
  const pct = progress === null ? null : Math.round(progress * 100);
  return (
    <Field
      className={s.progress}
      label={t(locale, "progressLabel")}
      validationMessage={pct === null ? stageLabel(locale, stage) : `${stageLabel(locale, stage)} ${pct}%`}
      validationState="none"
    >
      <ProgressBar
        value={progress ?? undefined}
        max={1}
        thickness="large"
        aria-valuetext={pct === null ? undefined : `${pct}%`}
        data-testid="check-progress"
        data-value={progress ?? ""}
      />
    </Field>
  );
}

function RecognizedLine({ locale, tables }: { locale: Locale; tables: readonly RecognizedTable[] }) {
  const s = useStyles();
  return (
    <Accordion collapsible className={s.recognized} data-testid="recognized">
      <AccordionItem value="recognized">
        <AccordionHeader as="h3" size="small">
          {t(locale, "recognizedTitle", { count: tables.length })}
        </AccordionHeader>
        <AccordionPanel collapseMotion={null}>
          <ul className={s.recList}>
            {tables.map((r, i) => (
              <li key={`${r.sheet}!${r.range}#${i}`} className={s.recItem} data-testid="recognized-table">
                {t(locale, "recognizedRow", {
                  kind: kindLabel(locale, r.kind),
                  ref: qualify(r.sheet, r.range),
                  rows: r.rows,
                })}
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function noticeView(
  locale: Locale,
  notice: Notice | null,
): { intent: "success" | "info" | "error"; text: string } | null {
  if (!notice) return null;
  if (notice.kind === "cleared")
    return { intent: "success", text: t(locale, "highlightsClearedCount", { count: notice.restored }) };
  if (notice.kind === "nothing-to-clear") return { intent: "info", text: t(locale, "nothingToClear") };
  if (notice.kind === "drafted")
    return {
      intent: "success",
      text: t(locale, "noticeDrafted", { notice: notice.notice, rectification: notice.rectification }),
    };
  return { intent: "error", text: t(locale, "errorPrefix") + errorText(notice.error, locale) };
}

interface CheckResultsProps {
  locale: Locale;
  record: CheckRecord | null;
  notice: Notice | null;
  marks: number | null;
  onSelect: (sheet: string, cell: string) => void;
}

function CheckResults({ locale, record, notice, marks, onSelect }: CheckResultsProps) {
  const s = useStyles();
  // Drawn in three commits, each in a task of its own: the status lines, then what was recognized and the score
  // cards, then the findings.
  const stage = useStaged(record, 2);
  const result = record?.result;
  const shownNotice = noticeView(locale, notice);
  // A failed check (no result) says why; a failed extra is listed with the extras below, not as a second bar.
  const checkError = record && !result && record.error !== undefined ? errorText(record.error, locale) : null;
  const notes = extrasNotes(locale, result, marks);
  const recognized = result?.recognized ?? [];
  const findingsCount = result ? result.findings.length : 0;
  return (
    <>
      {shownNotice && (
        <MessageBar intent={shownNotice.intent} className={s.status} data-testid="pane-notice">
          <MessageBarBody>{shownNotice.text}</MessageBarBody>
        </MessageBar>
      )}
      {checkError && (
        <MessageBar intent="error" className={s.status} data-testid="check-error">
          <MessageBarBody>
            {t(locale, "errorPrefix")}
            {checkError}
          </MessageBarBody>
        </MessageBar>
      )}
      {record && (
        <div className={s.meta} data-testid="check-meta" data-drawn={stage >= 2}>
          {t(locale, "checkedAt", { time: clockTime(record.at, locale) })}
          {record.source === "ribbon" ? ` · ${t(locale, "fromRibbon")}` : ""}
          {notes.ok.map((n) => (
            <div key={n}>{n}</div>
          ))}
        </div>
      )}
      {notes.failed.map((n) => (
        <MessageBar key={n} intent="warning" className={s.status} data-testid="extra-failed">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      {result && recognized.length === 0 && (
        <MessageBar intent="warning" className={s.status} data-testid="not-recognized">
          <MessageBarBody>
            <MessageBarTitle>{t(locale, "notRecognizedTitle")}</MessageBarTitle>
            {t(locale, "notRecognizedBody")}
          </MessageBarBody>
        </MessageBar>
      )}
      {stage >= 1 && result && recognized.length > 0 && <RecognizedLine locale={locale} tables={recognized} />}
      {stage >= 1 && result && recognized.length > 0 && result.scores.length > 0 && (
        <section className={s.section} aria-labelledby="scores-heading">
          <h2 id="scores-heading" className={s.heading}>
            {t(locale, "scoresTitle")}
          </h2>
          <ScoreSummaryView
            locale={locale}
            scores={result.scores}
            collapsed={findingsCount > 0}
            onSelectSheet={onSelect}
          />
        </section>
      )}
      {result && (recognized.length > 0 || findingsCount > 0) && (
        <section className={s.section} aria-labelledby="findings-heading">
          <h2 id="findings-heading" className={s.heading}>
            {t(locale, "findingsTitle")}
          </h2>
          {stage < 2 ? null : findingsCount === 0 ? (
            <MessageBar intent="success" className={s.clean} data-testid="no-findings">
              <MessageBarBody>{t(locale, "noFindingsRecognized")}</MessageBarBody>
            </MessageBar>
          ) : (
            <FindingsList locale={locale} findings={result.findings} summary={result.summary} onSelect={onSelect} />
          )}
        </section>
      )}
    </>
  );
}

/** Memoized: the tab re-renders on every progress report, the results only when their props change. */
export default memo(CheckResults);
