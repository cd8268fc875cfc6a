/**
 * The template form's fields (project, year, department …) turned into the core's TemplateOptions: plain logic,
 * apart from the TemplatesTab component that draws the form.
 */
import type { Locale } from "../core/locale";
import type { TemplateOptions } from "../core/templates/index";

export interface FormState {
  projectName: string;
  year: string;
  department: string;
  implementer: string;
  moneyUnit: "万元" | "元";
  lang: Locale;
}

/** Turns the form into TemplateOptions, or a message when the year is not a plausible year. */
export function toTemplateOptions(form: FormState, example: boolean): TemplateOptions | { error: "yearInvalid" } {
  const opts: TemplateOptions = { moneyUnit: form.moneyUnit, lang: form.lang };
  const trim = (v: string) => v.trim() || undefined;
  if (trim(form.projectName)) opts.projectName = form.projectName.trim();
  if (trim(form.department)) opts.department = form.department.trim();
  if (trim(form.implementer)) opts.implementer = form.implementer.trim();
  const y = form.year.trim();
  if (y) {
    const n = Number(y);
    if (!/^\d{4}$/.test(y) || n < 1990 || n > 2100) return { error: "yearInvalid" };
    opts.year = n;
  }
  if (example) opts.example = true;
  return opts;
}
