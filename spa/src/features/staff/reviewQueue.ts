import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';

const changed = 'trygghet:review-changed';

/** Tells the menu's count that a report left the review queue (or changed in it). */
export function reviewChanged() {
  window.dispatchEvent(new Event(changed));
}

/** How many reports wait for review: up to 100, and whether there are more. */
export interface WaitingCount {
  count: number;
  more: boolean;
}

/** The reports waiting for review, counted again on every page change and after every review action. */
export function useWaitingReports(enabled: boolean): WaitingCount | null {
  const { pathname } = useLocation();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    window.addEventListener(changed, bump);
    return () => window.removeEventListener(changed, bump);
  }, []);
  const waiting = useLoad(
    (signal) =>
      enabled ? api().listHeldObservations(100, undefined, signal).then((page) => ({ count: page.items.length, more: !!page.nextCursor })) : Promise.resolve(null),
    [enabled, pathname, version],
  );
  return waiting.data ?? null;
}

/** A count as shown: "100+" when there are more than a page. */
export const shownCount = (waiting: WaitingCount) => (waiting.more ? `${waiting.count}+` : String(waiting.count));
