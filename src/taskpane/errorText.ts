import type { Locale } from "../core/locale";

function isBilingual(v: unknown): v is { "zh-CN": string; "en-US": string } {
  return (
    !!v &&
    typeof v === "object" &&
    typeof (v as Record<string, unknown>)["zh-CN"] === "string" &&
    typeof (v as Record<string, unknown>)["en-US"] === "string"
  );
}

/**
 * The text to show for a failure, in the user's language. The Office adapters throw errors carrying a bilingual
 * message (UserFacingError); anything else shows its own message, so nothing is swallowed.
 */
export function errorText(err: unknown, locale: Locale): string {
  if (isBilingual(err)) return err[locale];
  if (err && typeof err === "object") {
    for (const key of ["bilingual", "userMessage", "text", "messages", "message"]) {
      const v = (err as Record<string, unknown>)[key];
      if (isBilingual(v)) return v[locale];
    }
    const msg = (err as { message?: unknown }).message;
    if (typeof msg === "string" && msg) return msg;
  }
  return typeof err === "string" && err ? err : String(err);
}
