/**
 * The 评价口径 tab's logic without React: the draft the form edits, reading typed numbers, and the one
 * validation message (the same validator the check uses, so the pane cannot save what a check would refuse).
 */
import type { RuleId } from "../core/findings";
import type { Bilingual } from "../core/locale";
import {
  CATEGORY_NAMES,
  defaultProfile,
  isProfileError,
  NATIONAL_PROFILE,
  validateProfile,
  type Profile,
  type ProfileWeights,
  type RequiredCategory,
  type RuleSetting,
} from "../core/profile";
import { checkRuleOptions } from "../core/rules/index";
import { PROFILE_STRINGS } from "../i18n/profile";

/** A profile being edited: numbers the user typed stay as typed until they read as numbers. */
export type Draft = Profile;

export const WEIGHT_KEYS: readonly (keyof ProfileWeights)[] = [
  "budgetExecution",
  "output",
  "outcome",
  "satisfaction",
  "minOutputPlusOutcome",
];

/** "20" → 20, "２０" → 20; anything else stays text so validation names the field instead of guessing. */
function readNumber(text: string): number | string {
  const s = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : text;
}

export function setWeight(d: Draft, key: keyof ProfileWeights, text: string): Draft {
  return { ...d, weights: { ...d.weights, [key]: readNumber(text) as number } };
}

export function setBand(d: Draft, i: number, change: { grade?: string; min?: string }): Draft {
  const gradeBands = d.gradeBands.map((b, k) =>
    k !== i
      ? b
      : {
          grade: change.grade ?? b.grade,
          min: change.min !== undefined ? (readNumber(change.min) as number) : b.min,
        },
  );
  return { ...d, gradeBands };
}

export function addBand(d: Draft): Draft {
  return { ...d, gradeBands: [...d.gradeBands, { grade: "", min: 0 }] };
}

export function removeBand(d: Draft, i: number): Draft {
  return { ...d, gradeBands: d.gradeBands.filter((_, k) => k !== i) };
}

/** Toggles a required category, keeping the categories in their standard order. */
export function toggleCategory(d: Draft, c: RequiredCategory, on: boolean): Draft {
  const set = new Set(d.requiredCategories);
  if (on) set.add(c);
  else set.delete(c);
  return { ...d, requiredCategories: CATEGORY_NAMES.filter((x) => set.has(x)) };
}

/** "default" removes the override (the rule's own severity). */
export function setRuleSetting(d: Draft, id: RuleId, v: RuleSetting | "default"): Draft {
  const rules = { ...d.rules };
  if (v === "default") delete rules[id];
  else rules[id] = v;
  return { ...d, rules };
}

/** The name an edited national default gets, so a results sheet never calls a changed profile national. */
const CUSTOM_NAME = PROFILE_STRINGS.customName["zh-CN"];

/** After an edit: still named as the national default but no longer equal to it → renamed CUSTOM_NAME. */
export function renameIfChanged(d: Draft): Draft {
  if (d.name !== NATIONAL_PROFILE.name) return d;
  const same = JSON.stringify(d) === JSON.stringify(NATIONAL_PROFILE);
  return same ? d : { ...d, name: CUSTOM_NAME };
}

/** 恢复国家默认 */
export function nationalDraft(): Draft {
  return defaultProfile();
}

/** The validated profile, or the one message naming the first bad field. */
export function validateDraft(d: Draft): { profile: Profile } | { error: Bilingual; field: string } {
  try {
    const profile = validateProfile(d);
    checkRuleOptions(profile);
    return { profile };
  } catch (e) {
    if (isProfileError(e)) return { error: e.text, field: e.field };
    throw e;
  }
}
