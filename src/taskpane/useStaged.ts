import { startTransition, useEffect, useState } from "react";

/**
 * How many of `stages` parts of a view to draw: 0 when `key` changes, then one more per task, each as a
 * transition. A big result (score cards, groups of findings) then mounts in several short commits instead of one
 * long one: React's transitions slice rendering, but a commit (DOM insertion, the styles Fluent inserts, the
 * focus manager's scan of new elements) is one task however large.
 */
export function useStaged(key: unknown, stages: number): number {
  const [state, setState] = useState<{ key: unknown; shown: number }>({ key, shown: 0 });
  const shown = state.key === key ? state.shown : 0;
  useEffect(() => {
    if (shown >= stages) return;
    const id = setTimeout(() => startTransition(() => setState({ key, shown: shown + 1 })), 0);
    return () => clearTimeout(id);
  }, [key, shown, stages]);
  return Math.min(shown, stages);
}
