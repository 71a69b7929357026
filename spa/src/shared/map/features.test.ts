import type { Observation, PublicEvent } from '@trygghet/client';
import { describe, expect, it } from 'vitest';
import { eventFeatures, lineOf, observationFeatures } from './features';

const names = { route: 'Sträcka', meeting: 'Samlingsplats', venue: 'Plats' };

describe('map features', () => {
  it('reads a GeoJSON LineString as [lat, lon] and anything else as no line', () => {
    expect(lineOf({ type: 'LineString', coordinates: [[18.0014, 59.3064], [18.0005, 59.3068]] })).toEqual([[59.3064, 18.0014], [59.3068, 18.0005]]);
    expect(lineOf({ type: 'Point', coordinates: [18, 59] })).toEqual([]);
    expect(lineOf({ type: 'LineString', coordinates: [[18, 'x'], [18.1, 59.3]] })).toEqual([[59.3, 18.1]]);
    expect(lineOf(null)).toEqual([]);
  });

  it('puts a walk on the map by its route and meeting point, and a dialogue by its venue', () => {
    const walk = {
      kind: 'walk', venue: null,
      walk: { meetingPoint: 'Samling vid Aspudden tunnelbana', meetingLat: 59.3064, meetingLon: 18.0014, route: { type: 'LineString', coordinates: [[18.0014, 59.3064], [18.0005, 59.3068]] } },
    } as unknown as PublicEvent;
    expect(eventFeatures(walk, names).map((f) => [f.kind, f.label])).toEqual([['route', 'Sträcka'], ['point', 'Samlingsplats: Samling vid Aspudden tunnelbana']]);

    const dialogue = { kind: 'dialogue', walk: null, venue: { name: 'Aspuddens bibliotek', address: 'Hövdingagatan 14', lat: 59.3062, lon: 18.001 } } as unknown as PublicEvent;
    expect(eventFeatures(dialogue, names)).toEqual([{ kind: 'point', id: 'venue', role: 'venue', label: 'Plats: Aspuddens bibliotek, Hövdingagatan 14', at: [59.3062, 18.001] }]);

    // No position known: nothing to draw, so no map is shown.
    expect(eventFeatures({ kind: 'dialogue', walk: null, venue: { name: 'Digitalt' } } as unknown as PublicEvent, names)).toEqual([]);
  });

  it('draws observations as points labelled in words, linking to their page', () => {
    const o = { id: 'a1', lat: 59.3075, lon: 17.9996, status: 'inProgress', number: 3 } as Observation;
    expect(observationFeatures([o], (x) => `Nr ${x.number}`)).toEqual([{ kind: 'point', id: 'a1', role: 'observation', status: 'inProgress', label: 'Nr 3', at: [59.3075, 17.9996], href: '/iakttagelser/a1' }]);
  });
});
