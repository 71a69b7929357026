import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, isoToStockholmLocal, stockholmDay, stockholmLocalToIso } from './format';

describe('Stockholm time', () => {
  it('shows an instant in Stockholm time whatever the device zone', () => {
    // 17:00 UTC on a winter day is 18:00 in Stockholm; on a summer day 19:00.
    expect(formatTime('2026-12-03T17:00:00Z', 'sv')).toBe('18:00');
    expect(formatTime('2026-06-03T17:00:00Z', 'sv')).toBe('19:00');
    expect(formatDate('2026-12-03T17:00:00Z', 'sv')).toBe('torsdag 3 december 2026');
    expect(formatDate('2026-12-03T17:00:00Z', 'en')).toMatch(/^Thursday,? 3 December 2026$/);
  });

  it('puts a late-evening UTC instant on the next Stockholm day', () => {
    expect(stockholmDay('2026-12-31T23:30:00Z')).toBe('2027-01-01');
  });

  it('turns a typed wall-clock time into the right instant in winter and summer', () => {
    expect(stockholmLocalToIso('2026-12-03T18:00')).toBe('2026-12-03T17:00:00.000Z');
    expect(stockholmLocalToIso('2026-06-03T18:00')).toBe('2026-06-03T16:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 becomes 03:00; 25 October 2026: 03:00 becomes 02:00.
    expect(stockholmLocalToIso('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(stockholmLocalToIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(stockholmLocalToIso('2026-10-25T04:00')).toBe('2026-10-25T03:00:00.000Z');
  });

  it('round-trips between a field value and an instant', () => {
    for (const local of ['2026-01-15T09:05', '2026-07-01T23:59', '2026-10-24T18:00']) {
      expect(isoToStockholmLocal(stockholmLocalToIso(local))).toBe(local);
    }
  });
});
