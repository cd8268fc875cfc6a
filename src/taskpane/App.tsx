import { lazy, Suspense, useEffect, useState, type ComponentType } from "react";
import {
  Button,
  FluentProvider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Locale } from "../core/locale";
import { t } from "../i18n/index";
import type { PaneServices } from "./services";
import { subscribeCheck } from "./checkStore";
import type { CheckTabProps } from "./CheckTab";
import { PROFILE_STRINGS } from "../i18n/profile";

// The tabs' bodies are chunks of their own. The 检查 tab's body is the first screen (its button and options), so
// mountTaskpane loads it before the first render (preloadCheckTab) and the header, tabs and body appear in one
// commit, with no lazy chunk racing the first screen; its results and the 模板 tab load when the user acts.
let loadedCheckTab: ComponentType<CheckTabProps> | null = null;
let checkTabPromise: Promise<{ default: ComponentType<CheckTabProps> }> | null = null;
export function preloadCheckTab(): Promise<{ default: ComponentType<CheckTabProps> }> {
  checkTabPromise ??= import(/* webpackChunkName: "tab-check" */ "./CheckTab").then(
    (m) => {
      loadedCheckTab = m.default;
      return m;
    },
    (err: unknown) => {
      checkTabPromise = null; // a failed fetch may be retried by the next render
      throw err;
    },
  );
  return checkTabPromise;
}
const LazyCheckTab = lazy(preloadCheckTab);
const TemplatesTab = lazy(() => import(/* webpackChunkName: "tab-templates" */ "./TemplatesTab"));
const ProfileTab = lazy(() => import(/* webpackChunkName: "tab-profile" */ "./ProfileTab"));

type TabId = "check" | "templates" | "profile";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: `"Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", ${tokens.fontFamilyBase}`,
    fontSize: tokens.fontSizeBase300,
  },
  // No title bar: Excel already shows the add-in's name above the pane. Tabs and the language switch share a row.
  bar: {
    display: "flex",
    alignItems: "center",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: "4px",
    paddingRight: "4px",
  },
  tabs: { flexGrow: 1, minWidth: 0 },
  lang: { whiteSpace: "nowrap", flexShrink: 0, minWidth: "auto" },
  body: { padding: "8px 12px 16px", flexGrow: 1 },
  hidden: { display: "none" },
  note: { marginBottom: "8px" },
});

interface AppProps {
  initialLocale: Locale;
  services: PaneServices;
  outsideOffice?: boolean;
}

export function App({ initialLocale, services, outsideOffice }: AppProps) {
  const s = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [tab, setTab] = useState<TabId>("check");
  // Keep a tab mounted once visited so its form and results survive switching tabs.
  const [visited, setVisited] = useState<Record<TabId, boolean>>({ check: true, templates: false, profile: false });

  // A check run from the ribbon brings the 检查 tab forward.
  useEffect(() => subscribeCheck(() => setTab("check")), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const select = (id: TabId) => {
    setTab(id);
    setVisited((v) => ({ ...v, [id]: true }));
  };
  const fallback = <Spinner size="tiny" label={t(locale, "loading")} />;
  const CheckTab = loadedCheckTab ?? LazyCheckTab;

  return (
    <FluentProvider theme={webLightTheme} className={s.root} data-testid="taskpane">
      <nav className={s.bar} aria-label={t(locale, "appTitle")}>
        <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => select(d.value as TabId)}>
          <Tab value="check" data-testid="tab-check">
            {t(locale, "tabCheck")}
          </Tab>
          <Tab value="templates" data-testid="tab-templates">
            {t(locale, "tabTemplates")}
          </Tab>
          <Tab value="profile" data-testid="tab-profile">
            {PROFILE_STRINGS.tab[locale]}
          </Tab>
        </TabList>
        <Button
          appearance="subtle"
          className={s.lang}
          lang={locale === "zh-CN" ? "en-US" : "zh-CN"}
          aria-label={t(locale, "switchLanguageName")}
          data-testid="lang-toggle"
          onClick={() => setLocale(locale === "zh-CN" ? "en-US" : "zh-CN")}
        >
          {t(locale, "switchLanguage")}
        </Button>
      </nav>
      <main className={s.body}>
        {outsideOffice && (
          <MessageBar intent="info" className={s.note} data-testid="outside-office">
            <MessageBarBody>
              {t(locale, "outsideOffice")} <Link href="demo.html">{t(locale, "openDemo")}</Link>
            </MessageBarBody>
          </MessageBar>
        )}
        <Suspense fallback={fallback}>
          {visited.check && (
            <div className={tab === "check" ? undefined : s.hidden}>
              <CheckTab locale={locale} services={services} />
            </div>
          )}
          {visited.templates && (
            <div className={tab === "templates" ? undefined : s.hidden}>
              <TemplatesTab locale={locale} services={services} />
            </div>
          )}
          {visited.profile && (
            <div className={tab === "profile" ? undefined : s.hidden}>
              <ProfileTab locale={locale} services={services} />
            </div>
          )}
        </Suspense>
      </main>
    </FluentProvider>
  );
}
