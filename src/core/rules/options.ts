/**
 * A rule's options, ESLint style: `defaultOptions` overlaid with the profile's `ruleOptions[id]`, each value
 * checked against the rule's `meta.schema`. A wrong option is a ProfileError naming the field, never ignored.
 */
import { ProfileError, type Profile } from "../profile";
import type { RuleModule, RuleOptions } from "./types";

function bad(field: string, zh: string, en: string): never {
  throw new ProfileError(field, { "zh-CN": `评价口径的 ${field} ${zh}`, "en-US": `profile field ${field} ${en}` });
}

/** The options a rule runs with under `profile`. */
export function ruleOptionsFor(rule: RuleModule, profile: Profile): RuleOptions {
  const given = profile.ruleOptions?.[rule.id];
  const out: RuleOptions = { ...((rule.defaultOptions as RuleOptions | undefined) ?? {}) };
  if (!given) return out;
  const props = rule.meta.schema?.properties ?? {};
  for (const [k, v] of Object.entries(given)) {
    const field = `ruleOptions.${rule.id}.${k}`;
    const p = props[k];
    if (!p) {
      const known = Object.keys(props);
      bad(
        field,
        `不是该规则的选项（可用：${known.join("、") || "无"}）`,
        `is not an option of this rule (known: ${known.join(", ") || "none"})`,
      );
    }
    const ok =
      p.type === "boolean"
        ? typeof v === "boolean"
        : p.type === "string"
          ? typeof v === "string" && (!p.enum || p.enum.includes(v))
          : typeof v === "number" && Number.isFinite(v) && (p.type !== "integer" || Number.isInteger(v));
    if (!ok)
      bad(
        field,
        `应为 ${p.enum ? p.enum.join(" | ") : p.type}`,
        `must be ${p.enum ? p.enum.join(" | ") : `a ${p.type}`}`,
      );
    if (typeof v === "number" && p.minimum !== undefined && v < p.minimum)
      bad(field, `不应小于 ${p.minimum}`, `must be at least ${p.minimum}`);
    if (typeof v === "number" && p.maximum !== undefined && v > p.maximum)
      bad(field, `不应大于 ${p.maximum}`, `must be at most ${p.maximum}`);
    out[k] = v;
  }
  return out;
}
