import type { LatLon } from './features';

/** What staff draw for a walk: the route's points in order and the meeting point, as [lat, lon]. */
export interface RouteDraft {
  route: LatLon[];
  meeting: LatLon | null;
}

/** A draft with the changes made to it, newest last, so each can be undone in turn. */
export interface RouteHistory {
  current: RouteDraft;
  past: RouteDraft[];
}

/** The most points a route may have; the API refuses more. */
export const maxRoutePoints = 500;

export const startHistory = (draft: RouteDraft): RouteHistory => ({ current: draft, past: [] });

function change(history: RouteHistory, next: RouteDraft): RouteHistory {
  return { current: next, past: [...history.past, history.current] };
}

export function addPoint(history: RouteHistory, point: LatLon): RouteHistory {
  if (history.current.route.length >= maxRoutePoints) return history;
  return change(history, { ...history.current, route: [...history.current.route, point] });
}

export function removePoint(history: RouteHistory, index: number): RouteHistory {
  if (index < 0 || index >= history.current.route.length) return history;
  return change(history, { ...history.current, route: history.current.route.filter((_, i) => i !== index) });
}

export function setMeeting(history: RouteHistory, point: LatLon | null): RouteHistory {
  return change(history, { ...history.current, meeting: point });
}

export function clearRoute(history: RouteHistory): RouteHistory {
  if (history.current.route.length === 0) return history;
  return change(history, { ...history.current, route: [] });
}

export function undo(history: RouteHistory): RouteHistory {
  const previous = history.past.at(-1);
  return previous ? { current: previous, past: history.past.slice(0, -1) } : history;
}

/**
 * A typed position, latitude first as maps and phones show it: "59.30640, 18.00140" (English), "59,3064 18,0014" or
 * "59,3064; 18,0014" (Swedish decimal commas). Null when it is not a position on Earth.
 */
export function parseLatLon(text: string): LatLon | null {
  const trimmed = text.trim();
  // With decimal points, a comma may separate the two numbers; with decimal commas, a space or semicolon must.
  const match =
    /^(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(trimmed) ??
    /^(-?\d{1,2}(?:,\d+)?)\s*[;\s]\s*(-?\d{1,3}(?:,\d+)?)$/.exec(trimmed);
  if (!match?.[1] || !match[2]) return null;
  const lat = Number(match[1].replace(',', '.'));
  const lon = Number(match[2].replace(',', '.'));
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lat, lon];
}

/** A position as shown under the map: latitude, longitude to five decimals (about a metre). */
export const formatLatLon = ([lat, lon]: LatLon) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`;

/** The route as the API takes it: a GeoJSON LineString, positions in lon/lat order; none when nothing is drawn. */
export function toLineString(route: LatLon[]): { type: 'LineString'; coordinates: [number, number][] } | null {
  if (route.length === 0) return null;
  return { type: 'LineString', coordinates: route.map(([lat, lon]) => [round(lon), round(lat)]) };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
