import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { RULE_IDS, type RuleId } from "../core/findings";
import type { Locale } from "../core/locale";
import { CATEGORY_NAMES, type RuleSetting } from "../core/profile";
import { RULE_TITLES } from "../core/rules/index";
import { SEVERITY_LABELS } from "../i18n/index";
import { errorText } from "./errorText";
import {
  addBand,
  nationalDraft,
  removeBand,
  renameIfChanged,
  setBand,
  setRuleSetting,
  setWeight,
  toggleCategory,
  validateDraft,
  WEIGHT_KEYS,
  type Draft,
} from "./profileForm";
import { PROFILE_STRINGS as S } from "../i18n/profile";
import type { PaneServices } from "./services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  intro: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: "4px" },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 0" },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(110px, 1fr))", gap: "6px" },
  band: { display: "flex", gap: "6px", alignItems: "flex-end" },
  narrow: { width: "80px" },
  cats: { display: "flex", flexWrap: "wrap" },
  rule: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "6px" },
  ruleTitle: { fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

const SETTINGS: readonly (RuleSetting | "default")[] = ["default", "off", "info", "warning", "error"];

/**
 * 评价口径: weights, grade bands, required categories and rule severities of the workbook's profile, checked as
 * the user types (the check's own validator names the field), saved to the workbook's hidden 评价口径 sheet.
 */
export default function ProfileTab({ locale, services }: { locale: Locale; services: PaneServices }) {
  const s = useStyles();
  const L = (k: keyof typeof S) => S[k][locale];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [own, setOwn] = useState(false);
  const [status, setStatus] = useState<{ intent: "success" | "error" | "info"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    services.loadProfile().then(
      (p) => {
        if (!live) return;
        setOwn(!!p);
        setDraft(p ?? nationalDraft());
      },
      (err: unknown) => {
        if (!live) return;
        // The workbook's profile is bad: show why, and offer the default to start from (not saved until asked).
        setStatus({ intent: "error", text: errorText(err, locale) });
        setDraft(nationalDraft());
      },
    );
    return () => {
      live = false;
    };
    // Loaded once per pane: a language switch must not discard the draft.
  }, []);

  const checked = useMemo(() => (draft ? validateDraft(draft) : null), [draft]);
  if (!draft) return <Spinner size="tiny" label={L("loading")} />;
  const edit = (d: Draft, rename = true) => {
    setDraft(rename ? renameIfChanged(d) : d);
    setStatus(null);
  };
  const save = async () => {
    if (!checked || !("profile" in checked)) return;
    setSaving(true);
    try {
      await services.saveProfile(checked.profile);
      setOwn(true);
      setStatus({ intent: "success", text: L("saved").replace("{name}", checked.profile.name) });
    } catch (err) {
      setStatus({ intent: "error", text: errorText(err, locale) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={s.root} data-testid="profile-tab">
      <p className={s.intro}>{L("intro")}</p>
      <p className={s.intro} data-testid="profile-source">
        {own ? L("fromWorkbook") : L("fromDefault")}
      </p>
      <Field label={L("name")} size="small">
        <Input
          size="small"
          value={draft.name}
          data-testid="profile-name"
          onChange={(_, d) => edit({ ...draft, name: d.value }, false)}
        />
      </Field>

      <section className={s.section}>
        <h3 className={s.heading}>{L("weights")}</h3>
        <div className={s.grid}>
          {WEIGHT_KEYS.map((k) => (
            <Field key={k} label={L(k)} size="small">
              <Input
                size="small"
                inputMode="decimal"
                data-testid={`profile-weight-${k}`}
                value={String(draft.weights[k])}
                onChange={(_, d) => edit(setWeight(draft, k, d.value))}
              />
            </Field>
          ))}
        </div>
      </section>

      <section className={s.section}>
        <h3 className={s.heading}>{L("bands")}</h3>
        {draft.gradeBands.map((b, i) => (
          <div key={i} className={s.band}>
            <Field label={i === 0 ? L("grade") : undefined} size="small">
              <Input
                size="small"
                className={s.narrow}
                value={b.grade}
                data-testid={`profile-band-grade-${i}`}
                onChange={(_, d) => edit(setBand(draft, i, { grade: d.value }))}
              />
            </Field>
            <Field label={i === 0 ? L("min") : undefined} size="small">
              <Input
                size="small"
                className={s.narrow}
                inputMode="decimal"
                value={String(b.min)}
                data-testid={`profile-band-min-${i}`}
                onChange={(_, d) => edit(setBand(draft, i, { min: d.value }))}
              />
            </Field>
            <Button size="small" appearance="subtle" onClick={() => edit(removeBand(draft, i))}>
              {L("remove")}
            </Button>
          </div>
        ))}
        <div>
          <Button size="small" onClick={() => edit(addBand(draft))}>
            {L("addBand")}
          </Button>
        </div>
      </section>

      <section className={s.section}>
        <h3 className={s.heading}>{L("categories")}</h3>
        <div className={s.cats}>
          {CATEGORY_NAMES.map((c) => (
            <Checkbox
              key={c}
              label={c}
              checked={draft.requiredCategories.includes(c)}
              data-testid={`profile-category-${c}`}
              onChange={(_, d) => edit(toggleCategory(draft, c, d.checked === true))}
            />
          ))}
        </div>
      </section>

      <section className={s.section}>
        <h3 className={s.heading}>{L("severities")}</h3>
        {RULE_IDS.map((id: RuleId) => (
          <div key={id} className={s.rule}>
            <span className={s.ruleTitle}>{RULE_TITLES[id][locale]}</span>
            <Select
              size="small"
              aria-label={RULE_TITLES[id][locale]}
              data-testid={`profile-rule-${id}`}
              value={draft.rules[id] ?? "default"}
              onChange={(_, d) => edit(setRuleSetting(draft, id, d.value as RuleSetting | "default"))}
            >
              {SETTINGS.map((v) => (
                <option key={v} value={v}>
                  {v === "default" ? L("default") : v === "off" ? L("off") : SEVERITY_LABELS[v][locale]}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </section>

      {checked && "error" in checked && (
        <MessageBar intent="error" data-testid="profile-invalid">
          <MessageBarBody>
            {L("invalid")}
            {checked.error[locale]}
          </MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <MessageBar intent={status.intent} data-testid="profile-status">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.actions}>
        <Button
          appearance="primary"
          size="small"
          data-testid="profile-save"
          disabled={saving || !checked || "error" in checked}
          onClick={() => void save()}
        >
          {L("save")}
        </Button>
        <Button
          size="small"
          data-testid="profile-reset"
          onClick={() => {
            setDraft(nationalDraft());
            setStatus({ intent: "info", text: L("resetDone") });
          }}
        >
          {L("reset")}
        </Button>
      </div>
    </div>
  );
}
