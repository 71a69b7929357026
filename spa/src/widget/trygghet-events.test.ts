import type { PublicEvent } from '@trygghet/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../shared/testing';
import './trygghet-events';
import type { TrygghetEvents } from './trygghet-events';

function event(overrides: Partial<PublicEvent>): PublicEvent {
  return {
    id: crypto.randomUUID(), kind: 'dialogue', slug: 'trygghetsdialog-i-fruangen', status: 'published', title: 'Trygghetsdialog i Fruängen',
    description: '', problem: '', place: 'Fruängens centrum', area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }, format: 'hybrid',
    remoteParticipation: true, startsAt: '2026-12-03T17:00:00Z', endsAt: '2026-12-03T19:00:00Z', participationLevel: 'dialogue',
    method: '', agenda: [], participants: [], sequence: 0, updatedAt: '2026-11-01T00:00:00Z', phase: 'upcoming', attendable: true, language: 'sv', availableLanguages: ['sv'], untranslated: [], ...overrides,
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status === 200 ? 'application/json' : 'application/problem+json' } });

function serve(dialogues: PublicEvent[], walks: PublicEvent[], areaStatus = 200) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(urlOf(input));
    if (url.pathname.startsWith('/api/v1/areas/')) {
      return areaStatus === 200
        ? json({ slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood', children: [], version: 1 })
        : json({ title: 'Området finns inte', status: areaStatus }, areaStatus);
    }
    return json({ items: url.pathname.endsWith('/walks') ? walks : dialogues });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The API as it answers an unknown area: 404 for the area, 400 naming `area` for the listings, in the language asked for. */
function rejectArea() {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(urlOf(input));
    const english = new Headers(init?.headers).get('Accept-Language') === 'en';
    const slug = url.pathname.startsWith('/api/v1/areas/') ? url.pathname.split('/').pop() : url.searchParams.get('area');
    if (url.pathname.startsWith('/api/v1/areas/')) return json({ title: english ? 'Not found' : 'Hittades inte', status: 404 }, 404);
    const message = `${english ? 'Unknown area' : 'Okänt område'}: ${slug} (API)`;
    return json({ title: english ? 'Bad request' : 'Felaktig begäran', status: 400, errors: { area: [message] } }, 400);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function mount(attributes: Record<string, string>) {
  const element = document.createElement('trygghet-events') as TrygghetEvents;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await element.load();
  return element.shadowRoot!;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('<trygghet-events>', () => {
  it('lists upcoming dialogues and walks, soonest first, in Stockholm time, linking to the event pages', async () => {
    const fetch = serve(
      [event({ startsAt: '2026-12-10T17:00:00Z', endsAt: '2026-12-10T19:00:00Z' })],
      [event({ kind: 'walk', slug: 'trygghetsvandring-i-fruangen', title: 'Trygghetsvandring i Fruängen', format: 'onSite' })],
    );
    const root = await mount({ area: 'fruangen', 'base-url': 'https://trygghet.example/' });
    expect(root.querySelector('h2')?.textContent).toBe('Kommande trygghetsdialoger och vandringar i Fruängen');
    const links = [...root.querySelectorAll('li h3 a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://trygghet.example/vandringar/trygghetsvandring-i-fruangen',
      'https://trygghet.example/dialoger/trygghetsdialog-i-fruangen',
    ]);
    // 17:00 UTC on 3 December is 18:00 in Stockholm.
    expect(root.querySelector('time')?.textContent).toBe('torsdag 3 december 2026, kl. 18:00–20:00');
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-03T17:00:00Z');
    const calls = fetch.mock.calls.map(([url]) => urlOf(url));
    expect(calls.some((url) => url.startsWith('https://trygghet.example/api/v1/dialogues?area=fruangen&from='))).toBe(true);
    expect(calls.every((url) => url.includes('limit=5') || url.includes('/areas/'))).toBe(true);
  });

  it('speaks English, honours the limit and marks cancelled events in words', async () => {
    serve([event({ status: 'cancelled', phase: 'cancelled', attendable: false }), event({ startsAt: '2026-12-20T17:00:00Z' })], [event({ startsAt: '2026-12-30T17:00:00Z' })]);
    const root = await mount({ area: 'fruangen', lang: 'en', limit: '2', 'base-url': 'https://t.example' });
    expect(root.querySelector('h2')?.textContent).toBe('Upcoming safety dialogues and walks in Fruängen');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelector('.cancelled')?.textContent).toBe('Cancelled');
    expect(root.querySelector('.meta')?.textContent).toContain('On site and online');
  });

  it('shows where to go (the venue, or the walk\'s meeting point) and the place the event is about as its own line', async () => {
    serve(
      [event({ startsAt: '2026-12-10T17:00:00Z', place: 'Hägerstensåsens tunnelbanestation', venue: { name: 'Hägerstensåsens medborgarhus', address: 'Sedelvägen 7' } })],
      [event({ kind: 'walk', format: 'onSite', place: 'Fruängens centrum', walk: { meetingPoint: 'Vid tunnelbaneentrén, Fruängsgången' } })],
    );
    const root = await mount({ area: 'fruangen', 'base-url': 'https://t.example' });
    const items = [...root.querySelectorAll('li')].map((li) => [...li.querySelectorAll('.meta')].map((p) => p.textContent));
    expect(items).toEqual([
      ['Trygghetsvandring · Vid tunnelbaneentrén, Fruängsgången · På plats', 'Handlar om: Fruängens centrum'],
      ['Trygghetsdialog · Hägerstensåsens medborgarhus, Sedelvägen 7 · På plats och digitalt', 'Handlar om: Hägerstensåsens tunnelbanestation'],
    ]);
  });

  it('says so when there is nothing upcoming', async () => {
    serve([], []);
    const empty = await mount({ area: 'fruangen', 'base-url': 'https://t.example' });
    expect(empty.querySelector('ul')).toBeNull();
    expect(empty.textContent).toContain('Inga kommande dialoger eller vandringar just nu.');
    expect(empty.querySelector('[role="alert"]')).toBeNull();
  });

  it('says the area is unknown, in the words of the 400 problem and in the language asked for', async () => {
    const fetch = rejectArea();
    const swedish = await mount({ area: 'fruangn', 'base-url': 'https://t.example' });
    expect(swedish.querySelector('[role="alert"]')?.textContent).toBe('Okänt område: fruangn (API)');
    expect(swedish.querySelector('ul, h2')).toBeNull();

    const english = await mount({ area: 'fruangn', lang: 'en', 'base-url': 'https://t.example' });
    expect(english.querySelector('[role="alert"]')?.textContent).toBe('Unknown area: fruangn (API)');
    const listings = fetch.mock.calls.filter(([url]) => urlOf(url).includes('/api/v1/dialogues'));
    expect(listings.length).toBeGreaterThan(0);
    expect(new Set(listings.map(([url]) => new URL(urlOf(url)).searchParams.get('area')))).toEqual(new Set(['fruangn']));
  });

  it('says the area is unknown in its own words when only the area answers 404, and escapes the name', async () => {
    serve([], [], 404);
    const root = await mount({ area: '<b>x</b>', lang: 'en', 'base-url': 'https://t.example' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Unknown area: <b>x</b>');
    expect(root.querySelector('b')).toBeNull();
  });

  it('keeps the general error for other failures', async () => {
    serve([], [], 500);
    const root = await mount({ area: 'fruangen', 'base-url': 'https://t.example' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Det gick inte att hämta dialoger och vandringar.');
  });

  it('escapes text from the API', async () => {
    serve([event({ title: '<img src=x onerror=alert(1)>' })], []);
    const root = await mount({ area: 'fruangen', 'base-url': 'https://t.example' });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('h3')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
