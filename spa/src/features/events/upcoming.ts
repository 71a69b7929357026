import type { AreaNode, EventFormat, EventKind, PublicEvent, TrygghetClient } from '@trygghet/client';
import { sortedByName, swedish } from '../../shared/collation';

export interface UpcomingFilter {
  area?: string;
  /** The language of the events' own texts (the API's `lang`), where an event has it; else the API's choice by Accept-Language. */
  lang?: string;
  format?: EventFormat;
  kind?: EventKind;
}

/** Dialogues and walks that have not ended yet, soonest first, at most `limit` of each kind. */
export async function upcomingEvents(client: TrygghetClient, filter: UpcomingFilter, signal?: AbortSignal, limit = 50): Promise<PublicEvent[]> {
  const from = new Date().toISOString();
  const [dialogues, walks] = await Promise.all([
    filter.kind === 'walk' ? null : client.listDialogues(filter.area, from, undefined, filter.format, limit, undefined, filter.lang, signal),
    filter.kind === 'dialogue' ? null : client.listWalks(filter.area, from, undefined, filter.format, limit, undefined, filter.lang, signal),
  ]);
  return mergeByStart(dialogues?.items ?? [], walks?.items ?? []);
}

export function mergeByStart(...lists: PublicEvent[][]): PublicEvent[] {
  return lists.flat().sort((a, b) => a.startsAt.localeCompare(b.startsAt) || swedish.compare(a.title, b.title));
}

/** The area tree as a list, each district followed by its neighbourhoods, in Swedish order of their names. */
export function flattenAreas(nodes: AreaNode[]): AreaNode[] {
  return sortedByName(nodes, (node) => node.name).flatMap((node) => [node, ...flattenAreas(node.children)]);
}

/** The path of an event's page. */
export function eventPath(event: Pick<PublicEvent, 'kind' | 'slug'>): string {
  return `/${event.kind === 'walk' ? 'vandringar' : 'dialoger'}/${event.slug}`;
}

/** The path of an event's iCalendar file. */
export function calendarPath(kind: EventKind, slug: string): string {
  return `/api/v1/${kind === 'walk' ? 'walks' : 'dialogues'}/${encodeURIComponent(slug)}/calendar.ics`;
}

/** The venue as one line (name, address), or null; for a walk, see its meeting point. */
export function venueLine(event: Pick<PublicEvent, 'venue'>): string | null {
  const parts = [event.venue?.name, event.venue?.address].map((p) => p?.trim()).filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * Where to go: a walk's meeting point, else the venue; null for a remote event or when not stated. Never the place the
 * problem is at (`place`), which is shown as its own line ("Handlar om: …").
 */
export function whereToGo(event: Pick<PublicEvent, 'format' | 'venue' | 'walk'>): string | null {
  if (event.format === 'remote') return null;
  return event.walk?.meetingPoint?.trim() || venueLine(event);
}

/** Attendable events first (they are what "upcoming" counts), then cancelled ones, each in start order. */
export function splitAttendable(events: PublicEvent[]): { attendable: PublicEvent[]; cancelled: PublicEvent[] } {
  return { attendable: events.filter((e) => e.attendable), cancelled: events.filter((e) => e.phase === 'cancelled') };
}
