import { describe, expect, it } from 'vitest';
import { observationWindow, parseCoordinate, parsePoint } from './point';

describe('coordinates as typed', () => {
  it('take a decimal comma or point, and ignore spaces', () => {
    expect(parseCoordinate('59,2857', 90)).toBe(59.2857);
    expect(parseCoordinate(' 17.97 ', 180)).toBe(17.97);
    expect(parseCoordinate('-0,5', 90)).toBe(-0.5);
  });

  it('are not a number when out of range, empty or not a number', () => {
    expect(parseCoordinate('91', 90)).toBeNull();
    expect(parseCoordinate('', 90)).toBeNull();
    expect(parseCoordinate('59°17′', 90)).toBeNull();
    expect(parseCoordinate('1e2', 180)).toBeNull();
  });

  it('make a point only when both are numbers', () => {
    expect(parsePoint({ lat: '59,2857', lon: '17,97', source: 'manual' })).toEqual({ lat: 59.2857, lon: 17.97 });
    expect(parsePoint({ lat: '59,2857', lon: '', source: 'manual' })).toBeNull();
  });
});

describe("a participant's window for observations", () => {
  const startsAt = '2027-03-10T18:00:00+01:00';
  const endsAt = '2027-03-10T20:00:00+01:00';
  const at = (iso: string) => new Date(iso).getTime();

  it('opens at the start of the walk', () => {
    expect(observationWindow(startsAt, endsAt, at('2027-03-10T17:59:00+01:00'))).toEqual({ state: 'before', opensAt: startsAt });
    expect(observationWindow(startsAt, endsAt, at('2027-03-10T18:00:00+01:00')).state).toBe('open');
  });

  it('closes two weeks after the end', () => {
    const open = observationWindow(startsAt, endsAt, at('2027-03-24T19:59:00+01:00'));
    expect(open).toEqual({ state: 'open', closesAt: '2027-03-24T19:00:00.000Z' });
    expect(observationWindow(startsAt, endsAt, at('2027-03-24T20:01:00+01:00')).state).toBe('after');
  });
});
