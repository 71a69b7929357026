import type { EventFeedback, PublicEvent, TrygghetClient } from '@trygghet/client';

/**
 * The feedback of an area's closed dialogues and walks, newest first. The listings have no status
 * filter, so this reads the events that have already started and keeps the closed ones.
 */
export async function closedFeedback(client: TrygghetClient, area: string, signal?: AbortSignal, limit = 5): Promise<EventFeedback[]> {
  const to = new Date().toISOString();
  const [dialogues, walks] = await Promise.all([
    client.listDialogues(area, undefined, to, undefined, 100, undefined, undefined, signal),
    client.listWalks(area, undefined, to, undefined, 100, undefined, undefined, signal),
  ]);
  const closed = latestClosed([...dialogues.items, ...walks.items], limit);
  return Promise.all(closed.map((e) => (e.kind === 'walk' ? client.getWalkFeedback(e.slug, signal) : client.getDialogueFeedback(e.slug, signal))));
}

export function latestClosed(events: PublicEvent[], limit: number): PublicEvent[] {
  return events
    .filter((e) => e.status === 'closed')
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .slice(0, limit);
}
