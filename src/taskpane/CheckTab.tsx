import { lazy, memo, startTransition, Suspense, useCallback, useEffect, useReducer, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  makeStyles,
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
} from "./checkStore";
import type { PaneServices } from "./services";
import { canClear, initialPaneState, paneReducer } from "./paneState";

const useStyles = makeStyles({
  intro: {
    margin: "0 0 8px",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
  },
  controls: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  opts: { display: "flex", flexDirection: "column" },
  guide: {
    marginTop: "12px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
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
  /** Further core check options from other tabs (e.g. an evaluation profile). */
  checkOptions?: Record<string, unknown>;
}

/** Lets the page handle input and paint before the next step (a macrotask, not a microtask). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The check's options. Memoized, like the rule guide and the results: a progress report re-renders the tab, and
 * on a big sheet it comes dozens of times, so only what changed (the progress bar) is drawn again.
 */
const CheckOptionBoxes = memo(function CheckOptionBoxes({
  locale,
  opts,
  onChange,
}: {
  locale: Locale;
  opts: ReturnType<typeof getCheckOptions>;
  onChange: (patch: Partial<ReturnType<typeof getCheckOptions>>) => void;
}) {
  const s = useStyles();
  return (
    <div className={s.opts}>
      <Checkbox
        checked={opts.resultsSheet}
        onChange={(_, d) => onChange({ resultsSheet: !!d.checked })}
        label={t(locale, "optResultsSheet")}
        data-testid="opt-results-sheet"
      />
      <Checkbox
        checked={opts.highlight}
        onChange={(_, d) => onChange({ highlight: !!d.checked })}
        label={t(locale, "optHighlight")}
        data-testid="opt-highlight"
      />
    </div>
  );
});

const RuleGuideSection = memo(function RuleGuideSection({ locale }: { locale: Locale }) {
  const s = useStyles();
  const [guideOpen, setGuideOpen] = useState(false);
  return (
    <Accordion
      collapsible
      className={s.guide}
      onToggle={(_, d) => setGuideOpen(d.openItems.includes("guide"))}
      data-testid="rule-guide-toggle"
    >
      <AccordionItem value="guide">
        <AccordionHeader as="h2" size="small" data-testid="rule-guide-header">
          {t(locale, "ruleGuide", { count: RULE_COUNT })}
        </AccordionHeader>
        <AccordionPanel collapseMotion={null}>
          {guideOpen && (
            <Suspense fallback={t(locale, "loading")}>
              <RuleGuide locale={locale} />
            </Suspense>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
});

export default function CheckTab({ locale, services, checkOptions }: CheckTabProps) {
  const s = useStyles();
  const [opts, setOpts] = useState(getCheckOptions);
  const [state, dispatch] = useReducer(paneReducer, latestCheck(), initialPaneState);
  const mounted = useRef(true);
  /** Set from the click on: a second click before React has drawn the disabled button starts nothing. */
  const checking = useRef(false);

  const refreshMarks = async () => {
    if (!services.countHighlights) return;
    try {
      const count = await services.countHighlights();
      if (mounted.current) dispatch({ type: "marks", count });
    } catch {
      // Outside Excel there is nothing to count; 清除标记 stays off.
    }
  };

  useEffect(() => {
    mounted.current = true;
    // Checks from the ribbon (and the pane's own, published for the ribbon) arrive here.
    const off = subscribeCheck((record) => {
      // A transition: React renders the results in slices that yield, so thousands of findings never freeze it.
      startTransition(() => dispatch({ type: "check-finished", record }));
      void refreshMarks();
    });
    void refreshMarks();
    // Once the first screen is up and the page is idle, fetch what a check will need, so pressing 一键检查 does
    // not wait for (or block on) loading it.
    const idle = (cb: () => void) =>
      typeof requestIdleCallback === "function" ? requestIdleCallback(cb, { timeout: 3000 }) : setTimeout(cb, 1500);
    idle(() => void loadResults().catch(() => undefined));
    idle(() => void services.prepareCheck?.().catch(() => undefined));
    return () => {
      mounted.current = false;
      off();
    };
  }, []);

  const updateOpts = useCallback((patch: Partial<typeof opts>) => {
    const next = { ...getCheckOptions(), ...patch };
    setCheckOptions(next);
    setOpts(next);
  }, []);

  const run = async () => {
    if (checking.current) return;
    checking.current = true;
    // The click itself only starts things: the pane's re-render is a transition (drawn in slices that yield) and
    // the reading starts in a task of its own, so no part of a big check lands in the click's task.
    startTransition(() => dispatch({ type: "check-started" }));
    await nextTask();
    try {
      const result = await services.runCheck({
        ...opts,
        locale,
        ...(checkOptions ? { checkOptions } : {}),
        onProgress: (p) => {
          const action = { type: "progress", stage: p.stage, fraction: p.fraction } as const;
          if (mounted.current) startTransition(() => dispatch(action));
        },
      });
      publishCheck(result, "pane");
    } catch (err) {
      publishCheckError(err, "pane");
    } finally {
      checking.current = false;
    }
  };

  const clear = async () => {
    dispatch({ type: "clear-started" });
    try {
      const restored = await services.clearHighlights();
      dispatch({ type: "clear-finished", restored: typeof restored === "number" ? restored : (state.marks ?? 0) });
    } catch (err) {
      dispatch({ type: "action-failed", error: err });
    }
    void refreshMarks();
  };

  const draftNotice = async () => {
    try {
      const r = await services.draftNotice!();
      dispatch({ type: "notice-drafted", notice: r.noticeSheet, rectification: r.rectificationSheet });
    } catch (err) {
      dispatch({ type: "action-failed", error: err });
    }
  };

  // Stable, so the memoized results are not drawn again on every progress report.
  const select = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await services.selectCell(sheet, cell);
      } catch (err) {
        dispatch({ type: "action-failed", error: err });
      }
    },
    [services],
  );

  const running = state.busy === "checking";
  const clearable = canClear(state);
  const clearButton = (
    <Button onClick={clear} disabled={!clearable} data-testid="clear-highlights">
      {t(locale, "clearHighlights")}
    </Button>
  );
  return (
    <div data-testid="check-tab">
      <p className={s.intro}>{t(locale, "checkIntro")}</p>
      <div className={s.controls}>
        <div className={s.row}>
          <Button appearance="primary" onClick={run} disabled={state.busy !== "idle"} data-testid="run-check">
            {running ? t(locale, "checking") : t(locale, "runCheck")}
          </Button>
          {clearButton}
          {services.draftNotice && (
            <Button onClick={draftNotice} disabled={state.busy !== "idle"} data-testid="draft-notice">
              {t(locale, "draftNotice")}
            </Button>
          )}
        </div>
        <CheckOptionBoxes locale={locale} opts={opts} onChange={updateOpts} />
        {running && (
          <Suspense fallback={null}>
            <CheckProgressView
              locale={locale}
              progress={state.progress?.fraction ?? null}
              stage={state.progress?.stage ?? null}
            />
          </Suspense>
        )}
      </div>
      {(state.notice || state.record) && (
        <Suspense fallback={null}>
          <CheckResults
            locale={locale}
            record={state.record}
            notice={state.notice}
            marks={state.marks}
            onSelect={select}
          />
        </Suspense>
      )}
      <RuleGuideSection locale={locale} />
    </div>
  );
}
