import { EvalError } from "./errors";

/**
 * The EVAL functions as pure code: one implementation shared by the Excel custom functions, `perf-eval fn`,
 * the .xlsx writer's cached results, the simulated host and the HyperFormula tests.
 * A range argument arrives as a 2-D array (rows of cells); a scalar as itself; an omitted optional as undefined.
 */
export type EvalScalar = number | string | boolean | null;
export type EvalArg = EvalScalar | EvalScalar[][] | undefined;
export type EvalResult = number | string | boolean | EvalError;

export const EVAL_FUNCTION_NAMES: readonly string[] = [];

/** Placeholder until the core lands: every call is #NAME?. */
export function callEval(name: string, _args: EvalArg[]): EvalResult {
  return new EvalError("#NAME?", `unknown function ${name}`);
}
