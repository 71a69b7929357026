/** Dates and times as residents read them: always in Stockholm time, whatever the device's zone. */
export const timeZone = 'Europe/Stockholm';

const locales = { sv: 'sv-SE', en: 'en-GB' } as const;
type Lang = keyof typeof locales;

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  );
}

export function formatShortDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

export function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** The calendar day (YYYY-MM-DD) of an instant in Stockholm, for grouping. */
export function stockholmDay(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * Converts a wall-clock time in Stockholm (as typed into a datetime-local field, "2026-12-03T18:00")
 * to an ISO instant with the right offset for that date (+01:00 in winter, +02:00 in summer).
 */
export function stockholmLocalToIso(local: string): string {
  const [datePart, timePart = '00:00'] = local.split('T');
  const [y, m, d] = (datePart ?? '').split('-').map(Number);
  const [hh, mm] = timePart.split(':').map(Number);
  const guess = Date.UTC(y!, m! - 1, d, hh, mm);
  // Offset of Stockholm at the guessed instant, then corrected once (exact except inside the DST gap).
  const offset = offsetMinutes(guess);
  const instant = guess - offset * 60_000;
  const corrected = offsetMinutes(instant);
  return new Date(guess - corrected * 60_000).toISOString();
}

/** The inverse: an instant as a Stockholm wall-clock value for a datetime-local field. */
export function isoToStockholmLocal(iso: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

function offsetMinutes(utcMillis: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(utcMillis / 60_000) * 60_000) / 60_000);
}
