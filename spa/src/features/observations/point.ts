/** Where a chosen point came from: the device, the walk's meeting point, typed coordinates, a tap on the map, or a place found by name. */
export type PointSource = 'device' | 'meeting' | 'manual' | 'map' | 'place';

/** The point as the form holds it: the coordinates as typed (nothing typed is lost), and where they came from. */
export interface PointValue {
  lat: string;
  lon: string;
  source: PointSource | null;
  /** The device's accuracy in metres, when the position came from it. */
  accuracy?: number;
  /** The place's name, when it was found by name or address. */
  name?: string;
}

export const emptyPoint: PointValue = { lat: '', lon: '', source: null };

/** A walk's meeting point, offered as a place to choose. */
export interface MeetingPoint {
  lat: number;
  lon: number;
  name: string;
}

/** A coordinate as typed: decimal comma or point, spaces ignored; null when it is not a number in range. */
export function parseCoordinate(text: string, max: number): number | null {
  const cleaned = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && Math.abs(value) <= max ? value : null;
}

/** The point in numbers, or null while either coordinate is missing or not a number. */
export function parsePoint(point: PointValue): { lat: number; lon: number } | null {
  const lat = parseCoordinate(point.lat, 90);
  const lon = parseCoordinate(point.lon, 180);
  return lat === null || lon === null ? null : { lat, lon };
}

/** Six decimals: about ten centimetres, more than any phone knows. */
export const formatCoordinate = (value: number) => value.toFixed(6);

/** Participants may record observations from the walk's start until two weeks after its end (as the API holds). */
export const windowAfterEnd = 14 * 24 * 60 * 60 * 1000;

export type ObservationWindow = { state: 'before'; opensAt: string } | { state: 'open'; closesAt: string } | { state: 'after'; closedAt: string };

export function observationWindow(startsAt: string, endsAt: string, now: number): ObservationWindow {
  const closes = new Date(new Date(endsAt).getTime() + windowAfterEnd).toISOString();
  if (now < new Date(startsAt).getTime()) return { state: 'before', opensAt: startsAt };
  if (now > new Date(closes).getTime()) return { state: 'after', closedAt: closes };
  return { state: 'open', closesAt: closes };
}
