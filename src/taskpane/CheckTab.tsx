import { lazy, Suspense, useEffect, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "../core/locale";
import { RULE_IDS } from "../core/findings";
import { t } from "../i18n/index";
import {
  getCheckOptions,
  latestCheck,
  publishCheck,
  publishCheckError,
  setCheckOptions,
  subscribeCheck,
  type CheckExtras,
  type CheckRecord,
} from "./checkStore";
import { progressFraction, progressStage, type PaneServices } from "./services";
import { errorText } from "./errorText";
import { FindingsList } from "./FindingsList";
import { ScoreSummaryView } from "./ScoreSummaryView";

const useStyles = makeStyles({
  intro: { margin: "0 0 6px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  controls: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 8px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  opts: { display: "flex", flexDirection: "column" },
  progress: { marginTop: "6px" },
  status: { marginTop: "6px" },
  meta: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, marginTop: "6px" },
  section: { marginTop: "10px" },
  stage: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  guide: {
    marginTop: "10px",
    padding: "4px 8px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  guideHead: { cursor: "pointer", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
});

const RULE_COUNT = RULE_IDS.length;
const RuleGuide = lazy(() => import(/* webpackChunkName: "rule-guide" */ "./RuleGuide"));

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

export interface CheckTabProps {
  locale: Locale;
  services: PaneServices;
}

export default function CheckTab({ locale, services }: CheckTabProps) {
  const s = useStyles();
  const [opts, setOpts] = useState(getCheckOptions);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [record, setRecord] = useState<CheckRecord | null>(latestCheck);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [guideOpen, setGuideOpen] = useState(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    const off = subscribeCheck((r) => {
      setRecord(r);
      setError(null);
    });
    return () => {
      mounted.current = false;
      off();
    };
  }, []);

  const updateOpts = (patch: Partial<typeof opts>) => {
    const next = { ...opts, ...patch };
    setOpts(next);
    setCheckOptions(next);
  };

  const run = async () => {
    setRunning(true);
    setError(null);
    setNotice(null);
    setProgress(null);
    setStage(null);
    try {
      const result = await services.runCheck({
        ...opts,
        locale,
        onProgress: (p) => {
          if (!mounted.current) return;
          setProgress(progressFraction(p));
          setStage(progressStage(p));
        },
      });
      publishCheck(result, "pane");
    } catch (err) {
      publishCheckError(err, "pane");
    } finally {
      if (mounted.current) setRunning(false);
    }
  };

  const clear = async () => {
    setError(null);
    setNotice(null);
    try {
      await services.clearHighlights();
      setNotice(t(locale, "highlightsCleared"));
    } catch (err) {
      setError(errorText(err, locale));
    }
  };

  const select = async (sheet: string, cell: string) => {
    setError(null);
    try {
      await services.selectCell(sheet, cell);
    } catch (err) {
      setError(errorText(err, locale));
    }
  };

  const result = record?.result;
  const shownError = error ?? (record?.error !== undefined ? errorText(record.error, locale) : null);
  return (
    <div data-testid="check-tab">
      <p className={s.intro}>{t(locale, "checkIntro")}</p>
      <div className={s.controls}>
        <div className={s.row}>
          <Button appearance="primary" onClick={run} disabled={running} data-testid="run-check">
            {running ? t(locale, "checking") : t(locale, "runCheck")}
          </Button>
          <Button size="small" onClick={clear} disabled={running} data-testid="clear-highlights">
            {t(locale, "clearHighlights")}
          </Button>
        </div>
        <div className={s.opts}>
          <Checkbox
            checked={opts.resultsSheet}
            onChange={(_, d) => updateOpts({ resultsSheet: !!d.checked })}
            label={t(locale, "optResultsSheet")}
            data-testid="opt-results-sheet"
          />
          <Checkbox
            checked={opts.highlight}
            onChange={(_, d) => updateOpts({ highlight: !!d.checked })}
            label={t(locale, "optHighlight")}
            data-testid="opt-highlight"
          />
        </div>
        {running && (
          <>
            <ProgressBar
              className={s.progress}
              value={progress ?? undefined}
              thickness="large"
              data-testid="check-progress"
            />
            <span className={s.stage}>{stageLabel(locale, stage)}</span>
          </>
        )}
      </div>
      {shownError && (
        <MessageBar intent="error" className={s.status} data-testid="check-error">
          <MessageBarBody>
            {t(locale, "errorPrefix")}
            {shownError}
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
              <ScoreSummaryView locale={locale} scores={result.scores} onSelectSheet={(sheet) => select(sheet, "A1")} />
            </section>
          )}
          {result && (
            <section className={s.section}>
              <FindingsList locale={locale} findings={result.findings} summary={result.summary} onSelect={select} />
            </section>
          )}
        </>
      )}
      <details
        className={s.guide}
        onToggle={(e) => setGuideOpen((e.currentTarget as HTMLDetailsElement).open)}
        data-testid="rule-guide-toggle"
      >
        <summary className={s.guideHead}>{t(locale, "ruleGuide", { count: RULE_COUNT })}</summary>
        {guideOpen && (
          <Suspense fallback={t(locale, "loading")}>
            <RuleGuide locale={locale} />
          </Suspense>
        )}
      </details>
    </div>
  );
}
