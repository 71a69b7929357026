import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { toProblem, type Problem } from './api';

export type Load<T> =
  | { state: 'loading'; data?: T }
  | { state: 'ready'; data: T }
  | { state: 'failed'; problem: Problem; data?: T };

/**
 * Loads data for a screen and reloads when `deps` change; stale answers are dropped (AbortController).
 * `reload()` fetches again and keeps showing the old data meanwhile.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Load<T> & { reload: () => void; set: (data: T) => void } {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  // The latest `load` (it closes over the caller's values) without reloading each time it is a new function;
  // layout effects run before the effect below, so it always starts the current one.
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    // The request starts here, so this is where the screen learns it is loading again (keeping the old data).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setResult((previous) => ({ state: 'loading', data: previous.data }));
    loadRef.current(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setResult({ state: 'ready', data }); },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        try {
          setResult((previous) => ({ state: 'failed', problem: toProblem(error), data: previous.data }));
        } catch {
          // aborted
        }
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((data: T) => setResult({ state: 'ready', data }), []);
  return { ...result, reload, set };
}
