/**
 * UI strings of the task pane, ribbon commands and demo page. zh-CN is the primary language; en-US follows.
 * The table is in ./strings; this is the formatter and the labels. No React, so the commands bundle can use it too.
 */
import type { Bilingual, Locale } from "../core/locale";
import type { Severity } from "../core/findings";
import { RULE_TITLES } from "../core/rules/index";
import { STRINGS, type StringKey } from "./strings";

export type { Locale, Bilingual };

/** Looks a string up and fills `{name}` placeholders; unknown placeholders are left visible, not dropped. */
export function t(locale: Locale, key: StringKey, vars?: Record<string, string | number>): string {
  const text = STRINGS[key][locale];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * A clock time as the pane shows it: "14:05:09" in zh-CN, "2:05:09 PM" in en-US. Written out rather than by
 * Date#toLocaleTimeString: the first Intl date format in a page loads ICU's calendar data, one task of ~170 ms
 * at a 4× CPU slowdown, and it would land right in the render of the first check result.
 */
export function clockTime(d: Date, locale: Locale): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const h = d.getHours();
  const ms = `${two(d.getMinutes())}:${two(d.getSeconds())}`;
  if (locale === "zh-CN") return `${two(h)}:${ms}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${ms} ${h < 12 ? "AM" : "PM"}`;
}

export const SEVERITY_LABELS: Record<Severity, Bilingual> = {
  error: { "zh-CN": "错误", "en-US": "Errors" },
  warning: { "zh-CN": "警告", "en-US": "Warnings" },
  info: { "zh-CN": "提示", "en-US": "Notes" },
};

/**
 * The one place a finding kind's title is read, wherever a user reads it (findings list, rule guide, results
 * sheet): the rule's own meta.title (every rule module carries one, and the engine's internal-error), then a
 * title passed in, then the id itself, so nothing is ever shown without a name.
 */
export function ruleTitle(rule: string, locale: Locale, meta?: { title?: unknown }): string {
  const own = (RULE_TITLES as Record<string, Bilingual | undefined>)[rule];
  if (own) return own[locale];
  const t = meta?.title as Bilingual | undefined;
  if (t && typeof t === "object" && typeof t[locale] === "string") return t[locale];
  return rule;
}
