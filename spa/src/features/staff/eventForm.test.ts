import type { EventPlan } from '@trygghet/client';
import { describe, expect, it } from 'vitest';
import { emptyForm, etagOf, formToInput, missingFields, planToForm, suggestedEventPath } from './eventForm';

function plan(overrides: Partial<EventPlan> = {}): EventPlan {
  return {
    id: 'e1', kind: 'walk', slug: 'trygghetsvandring-i-fruangen', status: 'draft', title: 'Trygghetsvandring i Fruängen',
    description: 'Vi går tillsammans.', problem: '', place: 'Fruängstorget', areaSlug: 'fruangen', areaName: 'Fruängen', format: 'onSite',
    venue: { name: 'Fruängens bibliotek', address: 'Fruängsgången 2', lat: 59.285, lon: 17.965, accessibilityNotes: 'Ramp vid entrén.' },
    remoteUrl: null, startsAt: '2026-07-01T16:00:00Z', endsAt: '2026-07-01T18:00:00Z', capacityOnSite: 30, capacityRemote: null,
    registrationDeadline: null, participationLevel: 'consultation', method: 'Promenad', agenda: [{ title: 'Samling', minutes: 10 }],
    walk: { meetingPoint: 'Tunnelbanan', lightCondition: 'daylight', route: { type: 'LineString', coordinates: [[17.96, 59.28], [17.97, 59.29]] }, linkedDialogueId: 'd1' },
    sequence: 0, version: 7, updatedAt: '2026-05-01T00:00:00Z', ...overrides,
  };
}

describe('the editor form and the API', () => {
  it('turns Stockholm wall-clock times into instants with the offset of that date', () => {
    const form = { ...emptyForm(), title: 'Dialog', areaSlug: 'aspudden', startsAt: '2026-12-03T18:00', endsAt: '2026-12-03T19:30', registrationDeadline: '2026-06-30T23:59' };
    const input = formToInput(form);
    expect(input.startsAt).toBe('2026-12-03T17:00:00.000Z'); // winter: +01:00
    expect(input.endsAt).toBe('2026-12-03T18:30:00.000Z');
    expect(input.registrationDeadline).toBe('2026-06-30T21:59:00.000Z'); // summer: +02:00
  });

  it('maps the fields of a dialogue on site, leaving out what does not apply', () => {
    const form = {
      ...emptyForm({ areaSlug: 'fruangen' }),
      title: '  Trygghetsdialog  ', startsAt: '2026-12-03T18:00', endsAt: '2026-12-03T19:30', venueAddress: 'Fruängsgången 2',
      accessibilityNotes: 'Hörslinga', remoteUrl: 'https://meet.example/x', capacityOnSite: '40', capacityRemote: '100',
      agenda: [{ title: 'Välkomna', minutes: '5' }, { title: '', minutes: '' }, { title: 'Frågor', minutes: '' }],
    };
    const input = formToInput(form);
    expect(input).toMatchObject({
      kind: 'dialogue', title: 'Trygghetsdialog', areaSlug: 'fruangen', format: 'onSite', participationLevel: 'dialogue',
      venue: { name: null, address: 'Fruängsgången 2', accessibilityNotes: 'Hörslinga' },
      remoteUrl: null, capacityOnSite: 40, capacityRemote: null, description: null, walk: undefined,
      agenda: [{ title: 'Välkomna', minutes: 5 }, { title: 'Frågor', minutes: null }],
    });
  });

  it('sends no venue for a remote event, but its link and remote places', () => {
    const input = formToInput({ ...emptyForm(), format: 'remote', remoteUrl: ' https://meet.example/x ', capacityRemote: '', venueAddress: 'kvar' });
    expect(input.venue).toBeUndefined();
    expect(input.remoteUrl).toBe('https://meet.example/x');
    expect(input.capacityRemote).toBeNull();
  });

  it('keeps what the form does not show when an event is edited (PUT replaces it)', () => {
    const original = plan();
    const form = planToForm(original);
    expect(form.startsAt).toBe('2026-07-01T18:00');
    expect(form.capacityOnSite).toBe('30');
    const input = formToInput({ ...form, meetingPoint: 'Fruängstorget' }, original);
    expect(input.walk).toEqual({ ...original.walk, meetingPoint: 'Fruängstorget', lightCondition: 'daylight', meetingLat: null, meetingLon: null });
    expect(input.venue).toMatchObject({ lat: 59.285, lon: 17.965 });
    expect(input.slug).toBe(original.slug);
    expect(input.startsAt).toBe('2026-07-01T16:00:00.000Z');
  });

  it("shows the walk's route and meeting position for editing and sends them back as lon/lat GeoJSON", () => {
    const original = plan();
    const form = planToForm(original);
    const route = (original.walk!.route as { coordinates: [number, number][] }).coordinates;
    expect(form.walkPlace.route).toEqual(route.map(([lon, lat]) => [lat, lon]));

    const input = formToInput({ ...form, walkPlace: { route: [...form.walkPlace.route, [59.2861, 17.9702]], meeting: [59.2846, 17.9694] } }, original);
    expect(input.walk?.route).toEqual({ type: 'LineString', coordinates: [...route, [17.9702, 59.2861]] });
    expect([input.walk?.meetingLat, input.walk?.meetingLon]).toEqual([59.2846, 17.9694]);
    expect(formToInput({ ...form, walkPlace: { route: [], meeting: null } }, original).walk?.route).toBeNull();
  });

  it('sends the version as a quoted ETag', () => {
    expect(etagOf(plan())).toBe('"7"');
  });

  it('names the required fields that are empty', () => {
    expect(Object.keys(missingFields(emptyForm())!.errors)).toEqual(['title', 'areaSlug', 'startsAt', 'endsAt']);
    expect(missingFields({ ...emptyForm(), title: 'x', areaSlug: 'fruangen', startsAt: '2026-12-03T18:00', endsAt: '2026-12-03T19:00' })).toBeNull();
  });

  it('prefills a new event from a signal', () => {
    const path = suggestedEventPath({ area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }, suggestion: { kind: 'walk', title: 'Trygghetsvandring i Fruängen', actorKinds: [] } });
    const params = new URL(path, 'http://x').searchParams;
    expect(emptyForm({ kind: params.get('typ'), areaSlug: params.get('omrade'), title: params.get('titel') })).toMatchObject({
      kind: 'walk', areaSlug: 'fruangen', title: 'Trygghetsvandring i Fruängen',
    });
  });
});
