import type { AreaNode, PublicEvent, PublicEventPage } from '@trygghet/client';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../shared/testing';
import i18next from 'i18next';
import { setLanguage } from '../../i18n';
import { StartPage } from './StartPage';
import { mergeByStart } from './upcoming';

const areas: AreaNode[] = [
  {
    slug: 'hagersten-alvsjo', name: 'Hägersten-Älvsjö', kind: 'district', children: [
      { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood', children: [] },
      { slug: 'aspudden', name: 'Aspudden', kind: 'neighbourhood', children: [] },
    ],
  },
];

function event(overrides: Partial<PublicEvent>): PublicEvent {
  return {
    id: crypto.randomUUID(), kind: 'dialogue', slug: 'x', status: 'published', title: 'Trygghetsdialog', description: '', problem: '',
    place: 'Fruängens bibliotek', area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }, format: 'hybrid',
    remoteParticipation: true, startsAt: '2026-12-03T17:00:00Z', endsAt: '2026-12-03T18:30:00Z', participationLevel: 'consult',
    method: '', agenda: [], participants: [], sequence: 0, updatedAt: '2026-11-01T00:00:00Z', phase: 'upcoming', attendable: true, ...overrides,
  } as PublicEvent;
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function serve(dialogues: PublicEvent[], walks: PublicEvent[]) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(urlOf(input), 'http://localhost');
    if (url.pathname === '/api/v1/areas') return json(areas);
    const page: PublicEventPage = { items: url.pathname.endsWith('/walks') ? walks : dialogues };
    return json(page);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderAt(path: string) {
  const router = createMemoryRouter([{ path: '/', element: <StartPage /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

afterEach(() => vi.unstubAllGlobals());

describe('the start page', () => {
  it('lists dialogues and walks together, soonest first, in Stockholm time', async () => {
    serve(
      [event({ title: 'Dialog i Fruängen', startsAt: '2026-12-10T17:00:00Z', endsAt: '2026-12-10T18:30:00Z' })],
      [event({ kind: 'walk', title: 'Vandring i Aspudden', startsAt: '2026-12-03T16:00:00Z', endsAt: '2026-12-03T17:30:00Z', format: 'onSite' })],
    );
    renderAt('/');

    const cards = await screen.findAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual(['Vandring i Aspudden', 'Dialog i Fruängen']);
    expect(cards[0]).toHaveTextContent('torsdag 3 december 2026, kl. 17:00–18:30');
    expect(cards[0]).toHaveTextContent('Trygghetsvandring');
    expect(within(cards[0]!).getByRole('link')).toHaveAttribute('href', '/vandringar/x');
    expect(screen.getByRole('status')).toHaveTextContent('2 kommande tillfällen');
  });

  it('counts only what can be attended, lists cancellations apart, and shows where to go apart from what it is about', async () => {
    serve(
      [
        event({ title: 'Dialog i Fruängen', place: 'Fruängens centrum', venue: { name: 'Fruängens bibliotek', address: 'Fruängsgången 4' } }),
        event({ title: 'Inställd dialog', status: 'cancelled', phase: 'cancelled', attendable: false, startsAt: '2026-12-04T17:00:00Z' }),
      ],
      [event({ kind: 'walk', title: 'Vandring', place: 'Hägerstensåsens tunnelbanestation', format: 'onSite', walk: { meetingPoint: 'Vid Hägerstensåsens medborgarhus, Sedelvägen 7' } })],
    );
    renderAt('/');

    expect(await screen.findByText('2 kommande tillfällen')).toHaveRole('status');
    const upcoming = within(screen.getByRole('region', { name: 'Kommande' })).getAllByRole('article');
    expect(upcoming.map((card) => within(card).getByRole('heading').textContent)).toEqual(['Dialog i Fruängen', 'Vandring']);
    expect(upcoming[0]).toHaveTextContent('Fruängens bibliotek, Fruängsgången 4 · På plats och digitalt');
    expect(upcoming[0]).toHaveTextContent('Handlar om: Fruängens centrum');
    expect(upcoming[1]).toHaveTextContent('Vid Hägerstensåsens medborgarhus, Sedelvägen 7 · På plats');
    expect(upcoming[1]).toHaveTextContent('Handlar om: Hägerstensåsens tunnelbanestation');
    const cancelled = within(screen.getByRole('region', { name: 'Inställda' })).getAllByRole('article');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toHaveTextContent('Inställd dialog');
    expect(cancelled[0]).toHaveTextContent('Inställd');
  });

  it('asks the API again with the chosen neighbourhood and format, and keeps them in the address', async () => {
    const fetch = serve([event({})], []);
    const router = renderAt('/');
    await screen.findAllByRole('article');

    await userEvent.selectOptions(screen.getByLabelText('Område'), 'fruangen');
    await userEvent.selectOptions(screen.getByLabelText('Form'), 'remote');

    expect(router.state.location.search).toBe('?omrade=fruangen&format=remote');
    const last = new URL(urlOf(fetch.mock.calls.at(-1)![0]), 'http://localhost');
    expect(last.searchParams.get('area')).toBe('fruangen');
    expect(last.searchParams.get('format')).toBe('remote');
  });

  it('shows the 400 problem naming the area when the address holds an unknown one', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(urlOf(input), 'http://localhost');
      if (url.pathname === '/api/v1/areas') return json(areas);
      return new Response(JSON.stringify({ title: 'Felaktig begäran', status: 400, errors: { area: ['Okänt område: fruangn'] } }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    }));
    renderAt('/?omrade=fruangn');

    expect(await screen.findByRole('alert')).toHaveTextContent('Område: Okänt område: fruangn');
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('asks only for walks when walks are chosen', async () => {
    const fetch = serve([], [event({ kind: 'walk' })]);
    renderAt('/?typ=walk');
    await screen.findAllByRole('article');
    const paths = fetch.mock.calls.map((call) => new URL(urlOf(call[0]), 'http://localhost').pathname);
    expect(paths).not.toContain('/api/v1/dialogues');
    expect(paths).toContain('/api/v1/walks');
  });

  it('says so when nothing is coming up', async () => {
    serve([], []);
    renderAt('/');
    expect(await screen.findByText('Inga kommande dialoger eller vandringar matchar filtret.')).toBeInTheDocument();
  });
});

describe('merging dialogues and walks', () => {
  it('orders by start, then by title', () => {
    const a = event({ title: 'B', startsAt: '2026-12-01T10:00:00Z' });
    const b = event({ title: 'A', startsAt: '2026-12-01T10:00:00Z' });
    const c = event({ title: 'C', startsAt: '2026-11-30T10:00:00Z' });
    expect(mergeByStart([a], [b, c]).map((e) => e.title)).toEqual(['C', 'A', 'B']);
  });
});

describe('the feeds on the start page', () => {
  it('link the calendar and the Atom feed, in the page’s language when it is not Swedish', async () => {
    serve([], []);
    renderAt('/');
    expect(await screen.findByRole('link', { name: /Prenumerera på kalendern/ })).toHaveAttribute('href', '/api/v1/calendar.ics');
    expect(screen.getByRole('link', { name: /flödesläsare \(Atom\)/ })).toHaveAttribute('href', '/api/v1/feed.atom');
  });

  it('ask for the events in Finnish when the page is read in Finnish', async () => {
    setLanguage('fi');
    await i18next.loadNamespaces('events');
    serve([], []);
    renderAt('/');
    expect(await screen.findByRole('link', { name: /syötteenlukijalla/ })).toHaveAttribute('href', '/api/v1/feed.atom?lang=fi');
    expect(screen.getByRole('link', { name: /Tilaa kalenteri/ })).toHaveAttribute('href', '/api/v1/calendar.ics?lang=fi');
    setLanguage('sv');
  });
});
