import { describe, expect, it } from 'vitest';
import { addPoint, clearRoute, formatLatLon, maxRoutePoints, parseLatLon, removePoint, setMeeting, startHistory, toLineString, undo } from './routeEditing';

const empty = startHistory({ route: [], meeting: null });

describe('route editing', () => {
  it('adds points in order and undoes several steps back to the start', () => {
    let h = addPoint(empty, [59.3064, 18.0014]);
    h = addPoint(h, [59.3068, 18.0005]);
    h = setMeeting(h, [59.3064, 18.0014]);
    expect(h.current).toEqual({ route: [[59.3064, 18.0014], [59.3068, 18.0005]], meeting: [59.3064, 18.0014] });

    h = undo(h);
    expect(h.current.meeting).toBeNull();
    expect(h.current.route).toHaveLength(2);
    h = undo(undo(h));
    expect(h.current).toEqual({ route: [], meeting: null });
    expect(undo(h)).toBe(h);
  });

  it('clears the route but keeps the meeting point, and the clearing can be undone', () => {
    let h = setMeeting(addPoint(addPoint(empty, [59.28, 17.96]), [59.281, 17.961]), [59.28, 17.96]);
    h = clearRoute(h);
    expect(h.current).toEqual({ route: [], meeting: [59.28, 17.96] });
    expect(undo(h).current.route).toHaveLength(2);
    expect(clearRoute(h)).toBe(h);
  });

  it('removes one point by its place in the list', () => {
    const h = removePoint(addPoint(addPoint(addPoint(empty, [1, 1]), [2, 2]), [3, 3]), 1);
    expect(h.current.route).toEqual([[1, 1], [3, 3]]);
    expect(undo(h).current.route).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(removePoint(h, 5)).toBe(h);
  });

  it(`stops at ${maxRoutePoints} points`, () => {
    let h = empty;
    for (let i = 0; i < maxRoutePoints + 3; i++) h = addPoint(h, [59.28, 17.96 + i / 1e5]);
    expect(h.current.route).toHaveLength(maxRoutePoints);
  });
});

describe('typed coordinates', () => {
  it.each([
    ['59.3064, 18.0014', [59.3064, 18.0014]],
    ['59.30640,18.00140', [59.3064, 18.0014]],
    ['59.3064 18.0014', [59.3064, 18.0014]],
    ['59,3064 18,0014', [59.3064, 18.0014]],
    ['  59,3064; 18,0014 ', [59.3064, 18.0014]],
    ['59 18', [59, 18]],
  ])('reads %s', (text, expected) => {
    expect(parseLatLon(text)).toEqual(expected);
  });

  it.each(['', 'Fruängen', '59,3064,18,0014', '95.1, 18.0', '59.3, 181', '59.3064'])('refuses %s', (text) => {
    expect(parseLatLon(text)).toBeNull();
  });

  it('shows a position to five decimals, latitude first', () => {
    expect(formatLatLon([59.3064, 18.0014])).toBe('59.30640, 18.00140');
  });
});

describe('the route as GeoJSON', () => {
  it('puts longitude first, as RFC 7946 wants', () => {
    expect(toLineString([[59.3064, 18.0014], [59.3068, 18.0005]])).toEqual({ type: 'LineString', coordinates: [[18.0014, 59.3064], [18.0005, 59.3068]] });
  });

  it('sends nothing when nothing is drawn', () => {
    expect(toLineString([])).toBeNull();
  });
});
