import type { AreaSignal, EventFormat, EventInput, EventKind, EventPlan, LightCondition, ParticipationLevel } from '@trygghet/client';
import type { Problem } from '../../shared/api';
import { isoToStockholmLocal, stockholmLocalToIso } from '../../shared/format';
import { lineOf } from '../../shared/map/features';
import { toLineString, type RouteDraft } from '../../shared/map/routeEditing';

/**
 * What the editor's fields hold: strings as typed (times as Stockholm wall-clock values for
 * datetime-local fields), so nothing typed is lost on an error. `formToInput` makes the API's EventInput.
 */
export interface EventForm {
  kind: EventKind;
  title: string;
  areaSlug: string;
  format: EventFormat;
  participationLevel: ParticipationLevel;
  startsAt: string;
  endsAt: string;
  description: string;
  problem: string;
  place: string;
  method: string;
  venueName: string;
  venueAddress: string;
  accessibilityNotes: string;
  remoteUrl: string;
  capacityOnSite: string;
  capacityRemote: string;
  registrationDeadline: string;
  agenda: { title: string; minutes: string }[];
  meetingPoint: string;
  lightCondition: LightCondition;
  /** The walk's drawn route and meeting position, [lat, lon] as the map shows them. */
  walkPlace: RouteDraft;
}

export const formats: EventFormat[] = ['onSite', 'remote', 'hybrid'];
export const kinds: EventKind[] = ['dialogue', 'walk'];
export const participationLevels: ParticipationLevel[] = ['information', 'consultation', 'dialogue', 'influence', 'coDecision'];

export function emptyForm(prefill: { kind?: string | null; areaSlug?: string | null; title?: string | null } = {}): EventForm {
  return {
    kind: prefill.kind === 'walk' ? 'walk' : 'dialogue',
    title: prefill.title ?? '',
    areaSlug: prefill.areaSlug ?? '',
    format: 'onSite',
    participationLevel: 'dialogue',
    startsAt: '',
    endsAt: '',
    description: '',
    problem: '',
    place: '',
    method: '',
    venueName: '',
    venueAddress: '',
    accessibilityNotes: '',
    remoteUrl: '',
    capacityOnSite: '',
    capacityRemote: '',
    registrationDeadline: '',
    agenda: [],
    meetingPoint: '',
    lightCondition: 'darkness',
    walkPlace: { route: [], meeting: null },
  };
}

export function planToForm(plan: EventPlan): EventForm {
  return {
    kind: plan.kind,
    title: plan.title,
    areaSlug: plan.areaSlug,
    format: plan.format,
    participationLevel: plan.participationLevel,
    startsAt: isoToStockholmLocal(plan.startsAt),
    endsAt: isoToStockholmLocal(plan.endsAt),
    description: plan.description ?? '',
    problem: plan.problem ?? '',
    place: plan.place ?? '',
    method: plan.method ?? '',
    venueName: plan.venue?.name ?? '',
    venueAddress: plan.venue?.address ?? '',
    accessibilityNotes: plan.venue?.accessibilityNotes ?? '',
    remoteUrl: plan.remoteUrl ?? '',
    capacityOnSite: plan.capacityOnSite == null ? '' : String(plan.capacityOnSite),
    capacityRemote: plan.capacityRemote == null ? '' : String(plan.capacityRemote),
    registrationDeadline: plan.registrationDeadline ? isoToStockholmLocal(plan.registrationDeadline) : '',
    agenda: plan.agenda.map((item) => ({ title: item.title, minutes: item.minutes == null ? '' : String(item.minutes) })),
    meetingPoint: plan.walk?.meetingPoint ?? '',
    lightCondition: plan.walk?.lightCondition ?? 'darkness',
    walkPlace: {
      route: lineOf(plan.walk?.route),
      meeting: plan.walk?.meetingLat != null && plan.walk.meetingLon != null ? [plan.walk.meetingLat, plan.walk.meetingLon] : null,
    },
  };
}

const text = (value: string) => (value.trim() ? value.trim() : null);
const count = (value: string) => (value.trim() === '' ? null : Number(value));

/**
 * The API's EventInput from the form. `base` is the plan being edited: what the form does not show
 * (venue coordinates, the walk's links) is sent back unchanged, since PUT replaces the event.
 */
export function formToInput(form: EventForm, base?: EventPlan): EventInput {
  const onSite = form.format !== 'remote';
  const remote = form.format !== 'onSite';
  const input: EventInput = {
    kind: form.kind,
    title: form.title.trim(),
    areaSlug: form.areaSlug,
    format: form.format,
    startsAt: form.startsAt ? stockholmLocalToIso(form.startsAt) : '',
    endsAt: form.endsAt ? stockholmLocalToIso(form.endsAt) : '',
    participationLevel: form.participationLevel,
    slug: base?.slug ?? null,
    description: text(form.description),
    problem: text(form.problem),
    place: text(form.place),
    method: text(form.method),
    venue: onSite
      ? {
          name: text(form.venueName),
          address: text(form.venueAddress),
          accessibilityNotes: text(form.accessibilityNotes),
          lat: base?.venue?.lat ?? null,
          lon: base?.venue?.lon ?? null,
        }
      : undefined,
    remoteUrl: remote ? text(form.remoteUrl) : null,
    capacityOnSite: onSite ? count(form.capacityOnSite) : null,
    capacityRemote: remote ? count(form.capacityRemote) : null,
    registrationDeadline: form.registrationDeadline ? stockholmLocalToIso(form.registrationDeadline) : null,
    agenda: form.agenda
      .filter((item) => item.title.trim() || item.minutes.trim())
      .map((item) => ({ title: item.title.trim(), minutes: count(item.minutes) })),
    walk:
      form.kind === 'walk'
        ? {
            ...(base?.walk ?? {}),
            meetingPoint: text(form.meetingPoint),
            lightCondition: form.lightCondition,
            meetingLat: form.walkPlace.meeting?.[0] ?? null,
            meetingLon: form.walkPlace.meeting?.[1] ?? null,
            route: toLineString(form.walkPlace.route),
          }
        : undefined,
  };
  return input;
}

/** The If-Match value for a plan: the API's ETag is its version in quotes. */
export function etagOf(plan: Pick<EventPlan, 'version'>): string {
  return `"${plan.version}"`;
}

/** Checks the browser can do itself, so a half-filled form never leaves for the API. */
export function missingFields(form: EventForm): Problem | null {
  const errors: Record<string, string[]> = {};
  const required = ['title', 'areaSlug', 'startsAt', 'endsAt'] as const;
  for (const name of required) if (!form[name].trim()) errors[name] = ['—'];
  if (Object.keys(errors).length === 0) return null;
  return { status: 400, title: '', errors, extensions: {} };
}


/** The editor's address for planning the suggested event, prefilled with area, kind and title. */
export function suggestedEventPath(signal: Pick<AreaSignal, 'area' | 'suggestion'>): string {
  const params = new URLSearchParams({ omrade: signal.area.slug });
  if (signal.suggestion) {
    params.set('typ', signal.suggestion.kind);
    params.set('titel', signal.suggestion.title);
  }
  return `/personal/evenemang/ny?${params.toString()}`;
}

