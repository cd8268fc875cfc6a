import type { ScoreSummary } from "../check";
import type { WorkbookModel } from "./model";

export function scoreSummaries(_model: WorkbookModel): ScoreSummary[] {
  return [];
}
