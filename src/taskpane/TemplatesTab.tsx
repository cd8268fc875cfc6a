import { useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "../core/locale";
import { TEMPLATE_INFO, TEMPLATE_KINDS, type TemplateKind } from "../core/templates/index";
import { t } from "../i18n/index";
import { toTemplateOptions, type FormState } from "./templateForm";
import type { PaneServices } from "./services";
import { errorText } from "./errorText";
import PortableCopyButton from "./PortableCopyButton";

type CardStatus = { kind: "idle" } | { kind: "busy" } | { kind: "ok"; sheet: string } | { kind: "error"; text: string };

const useStyles = makeStyles({
  intro: {
    margin: "0 0 8px",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
  },
  form: {
    marginBottom: "8px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    // Each field keeps its own height: a validation message under one does not move its neighbour.
    alignItems: "start",
    gap: "6px 8px",
    padding: "0 12px 10px",
    "& .fui-Input, & .fui-Select": { minWidth: 0, width: "100%" },
  },
  wide: { gridColumn: "1 / -1" },
  cards: { display: "flex", flexDirection: "column", gap: "6px" },
  card: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "start",
    gap: "2px 8px",
    padding: "6px 8px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0, lineHeight: "32px" },
  purpose: {
    gridColumn: "1 / -1",
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
  },
  example: { gridColumn: "1 / -1", marginLeft: "-6px" },
  status: { gridColumn: "1 / -1", marginTop: "2px" },
});

interface TemplatesTabProps {
  locale: Locale;
  services: PaneServices;
}

export default function TemplatesTab({ locale, services }: TemplatesTabProps) {
  const s = useStyles();
  const [form, setForm] = useState<FormState>({
    projectName: "",
    year: String(new Date().getFullYear() - 1),
    department: "",
    implementer: "",
    moneyUnit: "万元",
    lang: locale,
  });
  const [examples, setExamples] = useState<Partial<Record<TemplateKind, boolean>>>({});
  const [status, setStatus] = useState<Partial<Record<TemplateKind, CardStatus>>>({});
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const yearBad = "error" in toTemplateOptions(form, false);

  const insert = async (kind: TemplateKind) => {
    const opts = toTemplateOptions(form, !!examples[kind]);
    if ("error" in opts) {
      setStatus((st) => ({ ...st, [kind]: { kind: "error", text: t(locale, opts.error) } }));
      return;
    }
    setStatus((st) => ({ ...st, [kind]: { kind: "busy" } }));
    try {
      const { sheetName } = await services.insertTemplate(kind, opts);
      setStatus((st) => ({ ...st, [kind]: { kind: "ok", sheet: sheetName } }));
    } catch (err) {
      setStatus((st) => ({ ...st, [kind]: { kind: "error", text: errorText(err, locale) } }));
    }
  };

  return (
    <div data-testid="templates-tab">
      <p className={s.intro}>{t(locale, "templatesIntro")}</p>
      <Accordion collapsible defaultOpenItems={["options"]} className={s.form}>
        <AccordionItem value="options">
          <AccordionHeader as="h2">{t(locale, "options")}</AccordionHeader>
          <AccordionPanel collapseMotion={null}>
            <div className={s.grid}>
              <Field label={t(locale, "fieldProjectName")} className={s.wide}>
                <Input
                  value={form.projectName}
                  onChange={(_, d) => set({ projectName: d.value })}
                  data-testid="field-project"
                />
              </Field>
              <Field label={t(locale, "fieldDepartment")}>
                <Input value={form.department} onChange={(_, d) => set({ department: d.value })} />
              </Field>
              <Field label={t(locale, "fieldImplementer")}>
                <Input value={form.implementer} onChange={(_, d) => set({ implementer: d.value })} />
              </Field>
              <Field
                label={t(locale, "fieldYear")}

                validationState={yearBad ? "error" : "none"}
                validationMessage={yearBad ? t(locale, "yearInvalid") : undefined}
              >
                <Input
                  inputMode="numeric"
                  value={form.year}
                  onChange={(_, d) => set({ year: d.value })}
                  data-testid="field-year"
                />
              </Field>
              <Field label={t(locale, "fieldMoneyUnit")}>
                <Select
                  value={form.moneyUnit}
                  onChange={(_, d) => set({ moneyUnit: d.value === "元" ? "元" : "万元" })}
                >
                  <option value="万元">{t(locale, "unitWan")}</option>
                  <option value="元">{t(locale, "unitYuan")}</option>
                </Select>
              </Field>
              <Field label={t(locale, "fieldLanguage")}>
                <Select value={form.lang} onChange={(_, d) => set({ lang: d.value === "en-US" ? "en-US" : "zh-CN" })}>
                  <option value="zh-CN">{t(locale, "langZh")}</option>
                  <option value="en-US">{t(locale, "langEn")}</option>
                </Select>
              </Field>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div className={s.cards}>
        {TEMPLATE_KINDS.map((kind) => {
          const info = TEMPLATE_INFO[kind];
          const st = status[kind] ?? { kind: "idle" };
          return (
            <div key={kind} className={s.card} data-testid={`template-${kind}`}>
              <h3 className={s.name} title={kind}>
                {info.name[locale]}
              </h3>
              <Button
                appearance="primary"
                disabled={st.kind === "busy"}
                onClick={() => insert(kind)}
                aria-label={t(locale, "insertNamed", { name: info.name[locale] })}
                data-testid={`insert-${kind}`}
              >
                {st.kind === "busy" ? t(locale, "inserting") : t(locale, "insert")}
              </Button>
              <p className={s.purpose}>{info.purpose[locale]}</p>
              {info.hasExample && (
                <Checkbox
                  className={s.example}
                  label={t(locale, "fieldExample")}
                  checked={!!examples[kind]}
                  onChange={(_, d) => setExamples((e) => ({ ...e, [kind]: !!d.checked }))}
                  data-testid={`example-${kind}`}
                />
              )}
              {st.kind === "ok" && (
                <MessageBar intent="success" className={s.status} data-testid={`status-${kind}`}>
                  <MessageBarBody>{t(locale, "inserted", { sheet: st.sheet })}</MessageBarBody>
                </MessageBar>
              )}
              {st.kind === "error" && (
                <MessageBar intent="error" className={s.status} data-testid={`status-${kind}`}>
                  <MessageBarBody>
                    {t(locale, "errorPrefix")}
                    {st.text}
                  </MessageBarBody>
                </MessageBar>
              )}
            </div>
          );
        })}
      </div>
      <PortableCopyButton locale={locale} services={services} />
    </div>
  );
}
