/**
 * What the rules of one check share: the recognized model and the results several rules ask for (indicator
 * pairs, weighted items), each computed on first ask. It lives as long as the check: no module-level cache keyed
 * by the model outlives it.
 */
import type { WorkbookModel } from "../recognize/model";

export class CheckScope {
  private readonly results = new Map<(scope: CheckScope) => unknown, unknown>();

  constructor(readonly model: WorkbookModel) {}

  /** `compute(this)`, once per check: the function itself is the key. */
  once<T>(compute: (scope: CheckScope) => T): T {
    if (this.results.has(compute)) return this.results.get(compute) as T;
    const value = compute(this);
    this.results.set(compute, value);
    return value;
  }
}
