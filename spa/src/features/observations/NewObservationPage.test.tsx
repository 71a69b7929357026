import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bodyText } from '../../shared/testing';
import { sampleEvent } from '../events/testing';
import { fakeApi, json, renderAt } from '../questions/testing';
import { NewObservationPage } from './NewObservationPage';

const walk = sampleEvent({
  id: 'a7f3c2d1-0000-4000-8000-0000000000aa', kind: 'walk', title: 'Kvällsvandring i Fruängen', startsAt: '2027-03-03T18:00:00+01:00',
  walk: { meetingPoint: 'Fruängens tunnelbanestation', meetingLat: 59.2842, meetingLon: 17.9682, lightCondition: 'darkness' },
});

afterEach(() => vi.unstubAllGlobals());

describe('a new observation by staff', () => {
  it('may name the walk it came from, and offers that walk’s meeting point', async () => {
    const calls = fakeApi({
      'GET /api/v1/walks': () => json({ items: [walk, { ...walk, id: 'cancelled', title: 'Inställd vandring', status: 'cancelled' }], nextCursor: null }),
      'GET /api/v1/observation-categories': () => json([{ code: 'vegetation', name: 'Växtlighet', nameEn: 'Vegetation', description: 'Buskar som skymmer.', safetipinParameter: 'visibility' }]),
      'GET /api/v1/areas/locate': () => json({ slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }),
      'POST /api/v1/observations': () =>
        json({ id: 'o-7', number: 7, category: 'vegetation', categoryName: 'Växtlighet', description: 'Buskage', severity: 2, lat: 59.2842, lon: 17.9682,
          area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }, walkId: walk.id, overdue: false, status: 'reported',
          reportedAt: '2027-03-03T19:00:00+01:00', updatedAt: '2027-03-03T19:00:00+01:00', history: [] }, 201),
    });
    renderAt('/personal/iakttagelser/ny', '/personal/iakttagelser/ny', <NewObservationPage />);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Ny iakttagelse' })).toBeInTheDocument();
    await screen.findByRole('option', { name: /Kvällsvandring i Fruängen/ });
    expect(screen.queryByRole('option', { name: /Inställd vandring/ })).toBeNull();
    // No meeting point to offer until a walk is chosen.
    expect(screen.queryByRole('button', { name: 'Vid samlingsplatsen' })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Från trygghetsvandring (valfritt)'), walk.id);
    await screen.findByRole('option', { name: 'Växtlighet' });
    await user.selectOptions(screen.getByLabelText('Vad gäller det?'), 'vegetation');
    await user.type(screen.getByLabelText('Beskrivning'), 'Buskage skymmer gångvägen vid stationen.');
    await user.click(screen.getByRole('button', { name: 'Vid samlingsplatsen' }));
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));

    await screen.findByText('Iakttagelse nr 7 är registrerad. Status: Rapporterad.');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(bodyText(post.init.body))).toEqual({
      category: 'vegetation', description: 'Buskage skymmer gångvägen vid stationen.', severity: 2, lat: 59.2842, lon: 17.9682, walkId: walk.id,
    });
    // The walk stays chosen for the next observation from it.
    expect(screen.getByLabelText('Från trygghetsvandring (valfritt)')).toHaveValue(walk.id);
  });
});
