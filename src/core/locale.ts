/** UI and message languages. zh-CN is the primary language of every form and message. */
export type Locale = "zh-CN" | "en-US";

/** A text in both languages; zh-CN first because the forms themselves are Chinese. */
export interface Bilingual {
  "zh-CN": string;
  "en-US": string;
}

/** Office reports display languages such as "zh-CN", "zh-TW", "en-GB": anything Chinese gets zh-CN. */
export function toLocale(displayLanguage: string | undefined | null): Locale {
  return /^zh/i.test(displayLanguage ?? "") ? "zh-CN" : displayLanguage ? "en-US" : "zh-CN";
}

export function pick(text: Bilingual, locale: Locale): string {
  return text[locale];
}
