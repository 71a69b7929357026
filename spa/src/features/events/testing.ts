import type { PublicEvent } from '@trygghet/client';
import { vi } from 'vitest';
import { urlOf } from '../../shared/testing';

/** A JSON (or problem+json) response as the API sends it. */
export function json(status: number, body: unknown): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** Replaces global fetch with `answer`, recording every request. */
export function stubFetch(answer: (call: Call) => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: urlOf(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return answer(call);
  });
  return calls;
}

export function sampleEvent(overrides: Partial<PublicEvent> = {}): PublicEvent {
  return {
    id: '0d4b5a4e-0000-4000-8000-000000000001',
    kind: 'dialogue',
    slug: 'trygghetsdialog-i-fruangen-2027-03-10',
    status: 'published',
    title: 'Trygghetsdialog i Fruängen',
    description: 'Vi pratar om tryggheten i centrum.',
    problem: 'Otrygghet kvällstid kring tunnelbanan.',
    place: 'Fruängens centrum',
    area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' },
    format: 'hybrid',
    venue: { name: 'Fruängens bibliotek', address: 'Fruängsgången 4', accessibilityNotes: 'Entré utan trappsteg och hörslinga.' },
    remoteParticipation: true,
    startsAt: '2027-03-10T18:00:00+01:00',
    endsAt: '2027-03-10T20:00:00+01:00',
    capacityOnSite: 60,
    capacityRemote: 150,
    registrationDeadline: '2027-03-09T18:00:00+01:00',
    participationLevel: 'dialogue',
    method: 'Öppet möte med samtal i små grupper.',
    agenda: [{ title: 'Välkommen', minutes: 10 }],
    participants: [{ organisation: 'Polisen, lokalpolisområdet', kind: 'police' }],
    sequence: 0,
    updatedAt: '2027-01-01T10:00:00+01:00',
    phase: 'upcoming',
    attendable: true,
    language: 'sv',
    availableLanguages: ['sv'],
    untranslated: [],
    feedbackExpectedBy: '2027-04-07',
    ...overrides,
  };
}
