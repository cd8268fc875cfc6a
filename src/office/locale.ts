/** The UI language of the running Office host (zh-CN unless Office reports a non-Chinese language). */
import { toLocale, type Locale } from "../core/locale";

export function currentLocale(): Locale {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return toLocale(office?.context?.displayLanguage);
}
