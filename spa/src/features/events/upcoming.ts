import type { AreaNode, EventFormat, EventKind, PublicEvent, TrygghetClient } from '@trygghet/client';

export interface UpcomingFilter {
  area?: string;
  format?: EventFormat;
  kind?: EventKind;
}

/** Dialogues and walks that have not ended yet, soonest first, at most `limit` of each kind. */
export async function upcomingEvents(client: TrygghetClient, filter: UpcomingFilter, signal?: AbortSignal, limit = 50): Promise<PublicEvent[]> {
  const from = new Date().toISOString();
  const [dialogues, walks] = await Promise.all([
    filter.kind === 'walk' ? null : client.listDialogues(filter.area, from, undefined, filter.format, limit, undefined, signal),
    filter.kind === 'dialogue' ? null : client.listWalks(filter.area, from, undefined, filter.format, limit, undefined, signal),
  ]);
  return mergeByStart(dialogues?.items ?? [], walks?.items ?? []);
}

export function mergeByStart(...lists: PublicEvent[][]): PublicEvent[] {
  return lists.flat().sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title, 'sv'));
}

/** The area tree as a list, each district followed by its neighbourhoods. */
export function flattenAreas(nodes: AreaNode[]): AreaNode[] {
  return nodes.flatMap((node) => [node, ...flattenAreas(node.children)]);
}

/** The path of an event's page. */
export function eventPath(event: Pick<PublicEvent, 'kind' | 'slug'>): string {
  return `/${event.kind === 'walk' ? 'vandringar' : 'dialoger'}/${event.slug}`;
}

/** The path of an event's iCalendar file. */
export function calendarPath(kind: EventKind, slug: string): string {
  return `/api/v1/${kind === 'walk' ? 'walks' : 'dialogues'}/${encodeURIComponent(slug)}/calendar.ics`;
}
