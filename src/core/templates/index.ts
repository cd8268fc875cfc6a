import type { Locale } from "../locale";

export const TEMPLATE_KINDS = ["declaration", "self-assessment", "indicator-system", "survey", "notice", "rectification"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** What the user types in the task pane's form or passes to `perf-eval template`. */
export interface TemplateOptions {
  projectName?: string;
  year?: number;
  department?: string;
  implementer?: string;
  moneyUnit?: "万元" | "元";
  lang?: Locale;
  /** Fill with the seed's Menghai 2021 numbers, marked 示例. */
  example?: boolean;
}
