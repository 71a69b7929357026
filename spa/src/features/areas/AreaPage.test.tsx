import type { EventFeedback, Measure, Observation, PublicEvent } from '@trygghet/client';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../shared/testing';
import { AreaPage } from './AreaPage';
import { AreasPage } from './AreasPage';
import { MeasurePage } from './MeasurePage';
import { ObservationPage } from './ObservationPage';

const aspudden = { slug: 'aspudden', name: 'Aspudden', kind: 'neighbourhood' as const };
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const measure: Measure = {
  id: 'm1', title: 'Beskärning i Aspuddsparken', description: 'Buskarna längs gångvägen beskärs.', area: aspudden, responsible: 'Trafikkontoret',
  status: 'inProgress', startsOn: '2026-11-01', completedOn: null, observations: [], events: [], version: 1, createdAt: '2026-10-01T00:00:00Z', updatedAt: '2026-10-01T00:00:00Z',
};
const observation: Observation = {
  id: 'o1', number: 17, category: 'lighting', categoryName: 'Belysning', description: 'Två trasiga lampor i gångtunneln.', descriptionHeld: false, severity: 3, lat: 59.3, lon: 18.0,
  area: aspudden, overdue: true, status: 'planned', reportedAt: '2026-10-10T10:00:00Z', updatedAt: '2026-10-12T10:00:00Z', history: [], photoHeld: false,
};
const closedWalk = { id: 'w1', kind: 'walk', slug: 'trygghetsvandring-i-aspudden', status: 'closed', title: 'Trygghetsvandring i Aspudden', startsAt: '2026-10-20T17:00:00Z' } as PublicEvent;
const feedback: EventFeedback = {
  eventId: 'w1', kind: 'walk', slug: 'trygghetsvandring-i-aspudden', title: 'Trygghetsvandring i Aspudden', startsAt: '2026-10-20T17:00:00Z', area: aspudden,
  closedAt: '2026-10-27T00:00:00Z', minutes: '', raised: 'Skymd sikt i parken.', actions: 'Buskar beskärs före vintern.', participantsOnSite: 27, participantsRemote: 0,
  observations: [observation], measures: [measure], questions: [],
};

function serve(observations: Observation[] = [observation]) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(urlOf(input), 'http://localhost');
    const path = url.pathname;
    const one = observations.find((o) => path === `/api/v1/observations/${o.id}`);
    if (one) return json(one);
    if (path === '/api/v1/measures/m2') {
      return json({ ...measure, id: 'm2', observations: observations.map((o) => ({ id: o.id, number: o.number, category: o.category, description: o.description, status: o.status })) });
    }
    if (path === '/api/v1/areas') {
      return json([{ slug: 'stockholm', name: 'Stockholm', kind: 'city', children: [
        { slug: 'hagersten-alvsjo', name: 'Hägersten-Älvsjö', kind: 'district', children: [{ ...aspudden, population: 9876, populationYear: 2024, children: [] }] },
      ] }]);
    }
    if (path === '/api/v1/areas/aspudden') return json({ ...aspudden, parent: { slug: 'hagersten-alvsjo', name: 'Hägersten-Älvsjö', kind: 'district' }, children: [], version: 1 });
    if (path === '/api/v1/measures') return json({ items: [measure] });
    if (path === '/api/v1/observations') return json({ items: observations });
    if (path === '/api/v1/walks/trygghetsvandring-i-aspudden/feedback') return json(feedback);
    // Upcoming listings (with `from`) are empty; past ones (with `to`) hold the closed walk.
    if (path === '/api/v1/walks') return json({ items: url.searchParams.has('to') ? [closedWalk] : [] });
    if (path === '/api/v1/dialogues') return json({ items: [] });
    throw new Error(`unexpected ${path}`);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderAt(path: string) {
  const router = createMemoryRouter([
    { path: '/omraden', element: <AreasPage /> },
    { path: '/omraden/:slug', element: <AreaPage /> },
    { path: '/iakttagelser/:id', element: <ObservationPage /> },
    { path: '/atgarder/:id', element: <MeasurePage /> },
  ], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
}

afterEach(() => vi.unstubAllGlobals());

describe('areas', () => {
  it('lists the district with its neighbourhoods as links, with the population where known', async () => {
    serve();
    renderAt('/omraden');
    const tree = await screen.findByRole('navigation', { name: 'Områden i stadsdelsområdet' });
    expect(within(tree).getByRole('link', { name: 'Hägersten-Älvsjö' }).getAttribute('href')).toBe('/omraden/hagersten-alvsjo');
    expect(within(tree).getByRole('link', { name: 'Aspudden' }).getAttribute('href')).toBe('/omraden/aspudden');
    expect(within(tree).getByText('9 876 invånare (2024)')).toBeTruthy();
  });

  it('shows an area’s measures, the feedback of its closed walk and its observations', async () => {
    serve();
    renderAt('/omraden/aspudden');
    expect(await screen.findByRole('heading', { level: 1, name: 'Aspudden' })).toBeTruthy();
    const measures = await screen.findByRole('region', { name: 'Trygghetsskapande åtgärder' });
    expect(await within(measures).findByRole('link', { name: 'Beskärning i Aspuddsparken' })).toBeTruthy();
    expect(within(measures).getByText('Pågår')).toBeTruthy();
    expect(within(measures).getByText('Trafikkontoret')).toBeTruthy();

    const feedbackRegion = screen.getByRole('region', { name: 'Återkoppling från dialoger och vandringar' });
    expect(await within(feedbackRegion).findByText('Buskar beskärs före vintern.')).toBeTruthy();
    expect(within(feedbackRegion).getByText(/27 deltog på plats/)).toBeTruthy();

    const observations = screen.getByRole('region', { name: 'Iakttagelser' });
    expect(await within(observations).findByRole('link', { name: 'Belysning (nr 17)' })).toBeTruthy();
    expect(within(observations).getByText('Försenad')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Nyhetsflöde/ }).getAttribute('href')).toBe('/api/v1/areas/aspudden/feed.atom');
    expect(screen.getByText('Inga kommande dialoger eller vandringar i området just nu.')).toBeTruthy();
  });

  describe('a description held for review', () => {
    const held: Observation = { ...observation, id: 'o2', number: 18, description: null, descriptionHeld: true, statusNote: null };
    const heldText = 'Beskrivningen granskas innan den visas.';

    it('shows a calm sentence in its place on the area page, never “null”', async () => {
      serve([observation, held]);
      renderAt('/omraden/aspudden');
      const observations = await screen.findByRole('region', { name: 'Iakttagelser' });
      const card = (await within(observations).findByRole('link', { name: 'Belysning (nr 18)' })).closest('article') as HTMLElement;
      expect(within(card).getByText(heldText)).toBeInTheDocument();
      expect(within(observations).getByText('Två trasiga lampor i gångtunneln.')).toBeInTheDocument();
      expect(observations.textContent).not.toContain('null');
    });

    it('shows it on the observation’s own page, with the rest of the observation', async () => {
      serve([held]);
      renderAt('/iakttagelser/o2');
      expect(await screen.findByRole('heading', { level: 1, name: 'Belysning (nr 18)' })).toBeInTheDocument();
      expect(screen.getByText(heldText)).toBeInTheDocument();
      expect(screen.getByText('Belysning')).toBeInTheDocument();
      expect(document.body.textContent).not.toContain('null');
    });

    it('shows it in a measure’s list of observations, where the API sends only a null description', async () => {
      serve([observation, held]);
      renderAt('/atgarder/m2');
      const list = await screen.findByRole('region', { name: 'Iakttagelser som åtgärden svarar på' });
      const item = within(list).getByRole('link', { name: 'Belysning (nr 18)' }).closest('li') as HTMLElement;
      expect(within(item).getByText(heldText)).toBeInTheDocument();
      expect(within(list).getByText(/Två trasiga lampor i gångtunneln\./)).toBeInTheDocument();
      expect(list.textContent).not.toContain('null');
    });
  });
});
