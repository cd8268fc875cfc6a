import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
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
  type CheckRecord,
} from "./checkStore";
import { progressFraction, progressStage, type PaneServices } from "./services";
import { errorText } from "./errorText";

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
// Progress, messages and findings appear only after the user acts (or the ribbon runs a check): not first screen.
const loadResults = () => import(/* webpackChunkName: "check-results" */ "./CheckResults");
const CheckResults = lazy(loadResults);
const CheckProgressView = lazy(() => loadResults().then((m) => ({ default: m.CheckProgressView })));

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

  const draftNotice = async () => {
    setError(null);
    setNotice(null);
    try {
      const r = await services.draftNotice!();
      setNotice(t(locale, "noticeDrafted", { notice: r.noticeSheet, rectification: r.rectificationSheet }));
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
          {services.draftNotice && (
            <Button size="small" onClick={draftNotice} disabled={running} data-testid="draft-notice">
              {t(locale, "draftNotice")}
            </Button>
          )}
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
          <Suspense fallback={null}>
            <CheckProgressView locale={locale} progress={progress} stage={stage} />
          </Suspense>
        )}
      </div>
      {(shownError || notice || record) && (
        <Suspense fallback={null}>
          <CheckResults locale={locale} record={record} error={shownError} notice={notice} onSelect={select} />
        </Suspense>
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
