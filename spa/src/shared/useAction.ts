import { useCallback, useState } from 'react';
import { toProblem, type Problem } from './api';

/**
 * One user action against the API (a form's submit, a button): `busy` while it is in flight, and the
 * API's problem kept for the form to show next to its fields. `run` resolves to whether it succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(toProblem(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, setProblem, run };
}
