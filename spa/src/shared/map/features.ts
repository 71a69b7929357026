import type { Measure, Observation, ObservationStatus, PublicEvent } from '@trygghet/client';

/** A [latitude, longitude] pair, as Leaflet takes it. */
export type LatLon = [number, number];

/** What a map draws over its base. Every map shows the same content as a list beside it. */
export type MapFeature =
  | { kind: 'route'; id: string; label: string; positions: LatLon[] }
  | { kind: 'point'; id: string; label: string; at: LatLon; role: 'meeting' | 'venue' | 'observation' | 'measure'; status?: ObservationStatus; href?: string }
  | { kind: 'area'; id: string; label: string; geometry: GeoJsonGeometry };

/** The GeoJSON geometries the API sends (RFC 7946, lon/lat). */
export interface GeoJsonGeometry {
  type: string;
  coordinates?: unknown;
}

const isPair = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number' && Number.isFinite(value[0]) && Number.isFinite(value[1]);

/** A GeoJSON LineString's positions as [lat, lon]; none when the value is not one (the contract leaves its type open). */
export function lineOf(route: unknown): LatLon[] {
  if (typeof route !== 'object' || route === null) return [];
  const { type, coordinates } = route as { type?: unknown; coordinates?: unknown };
  if (type !== 'LineString' || !Array.isArray(coordinates)) return [];
  return coordinates.filter(isPair).map(([lon, lat]) => [lat, lon]);
}

/** A geometry as GeoJSON, when it is one. */
export function geometryOf(value: unknown): GeoJsonGeometry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type } = value as { type?: unknown };
  return typeof type === 'string' ? (value as GeoJsonGeometry) : null;
}

/** Where an event takes place: the walk's route and meeting point, or the venue. */
export function eventFeatures(event: PublicEvent, names: { route: string; meeting: string; venue: string }): MapFeature[] {
  const features: MapFeature[] = [];
  const walk = event.walk;
  const route = lineOf(walk?.route);
  if (route.length > 1) features.push({ kind: 'route', id: 'route', label: names.route, positions: route });
  if (walk?.meetingLat != null && walk.meetingLon != null) {
    features.push({ kind: 'point', id: 'meeting', role: 'meeting', label: walk.meetingPoint ? `${names.meeting}: ${walk.meetingPoint}` : names.meeting, at: [walk.meetingLat, walk.meetingLon] });
  } else if (event.venue?.lat != null && event.venue.lon != null) {
    const where = [event.venue.name, event.venue.address].filter(Boolean).join(', ');
    features.push({ kind: 'point', id: 'venue', role: 'venue', label: where ? `${names.venue}: ${where}` : names.venue, at: [event.venue.lat, event.venue.lon] });
  }
  return features;
}

/** Observations as points, each labelled with its category, number and status in words. */
export function observationFeatures(observations: Observation[], label: (observation: Observation) => string): MapFeature[] {
  return observations.map((o) => ({ kind: 'point', id: o.id, role: 'observation', status: o.status, label: label(o), at: [o.lat, o.lon], href: `/iakttagelser/${o.id}` }));
}

/**
 * Measures at the places of the observations they answer (a measure has no place of its own): one point per measure and
 * observation whose position is known, linking to the measure.
 */
export function measureFeatures(measures: Measure[], observations: Observation[], label: (measure: Measure) => string): MapFeature[] {
  const at = new Map(observations.map((o) => [o.id, [o.lat, o.lon] as LatLon]));
  return measures.flatMap((m) =>
    m.observations.flatMap((ref) => {
      const position = at.get(ref.id);
      return position ? [{ kind: 'point' as const, id: `${m.id}-${ref.id}`, role: 'measure' as const, label: label(m), at: position, href: `/atgarder/${m.id}` }] : [];
    }));
}

/** An event as one point where people go (the walk's meeting point, else the venue), linking to its page; none for a remote event. */
export function eventPoint(event: PublicEvent, label: string, href: string): MapFeature | null {
  const walk = event.walk;
  if (walk?.meetingLat != null && walk.meetingLon != null) return { kind: 'point', id: event.id, role: 'meeting', label, at: [walk.meetingLat, walk.meetingLon], href };
  if (event.venue?.lat != null && event.venue.lon != null) return { kind: 'point', id: event.id, role: 'venue', label, at: [event.venue.lat, event.venue.lon], href };
  return null;
}

/** How far an observation's follow-up has come, as the maps colour it and the area map filters it. */
export function statusGroup(status: ObservationStatus | undefined): 'open' | 'planned' | 'done' | 'other' {
  switch (status) {
    case 'planned':
    case 'inProgress':
      return 'planned';
    case 'fixed':
    case 'closed':
      return 'done';
    case 'duplicate':
    case 'notResponsible':
      return 'other';
    default:
      return 'open';
  }
}
