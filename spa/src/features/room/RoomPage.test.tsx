import type { PublicEvent, PublicQuestion } from '@trygghet/client';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, FakeEventSource, json, renderAt } from '../questions/testing';
import { RoomPage } from './RoomPage';

const toCanvas = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('qrcode', () => ({ toCanvas }));

const dialogue = {
  id: '11111111-1111-1111-1111-111111111111', kind: 'dialogue', slug: 'trygghetsdialog-i-fruangen', status: 'published',
  title: 'Trygghetsdialog i Fruängen', description: '', problem: '', place: 'Fruängen', area: { slug: 'fruangen', name: 'Fruängen' },
  format: 'hybrid', remoteParticipation: true, startsAt: '2099-05-01T18:00:00+02:00', endsAt: '2099-05-01T20:00:00+02:00',
  participationLevel: 'dialogue', method: '', agenda: [], participants: [], sequence: 0, updatedAt: '2026-01-01T00:00:00+01:00', phase: 'ongoing', attendable: true,
} as unknown as PublicEvent;

const q = (id: string, text: string, votes = 0, over: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id, eventId: dialogue.id, text, votes, pinned: false, answeredLive: false, answered: false, answers: [],
  askedAt: '2099-05-01T18:10:00+02:00', publishedAt: '2099-05-01T18:10:00+02:00', ...over,
});

const base = `/api/v1/dialogues/${dialogue.id}`;
const join = { code: 'K7M3PX', shortUrl: 'https://trygghet.example.se/q/K7M3PX', questionsUrl: 'https://trygghet.example.se/dialoger/x/fragor' };

beforeEach(() => {
  vi.stubGlobal('EventSource', FakeEventSource);
  FakeEventSource.last = null;
  toCanvas.mockClear();
});
afterEach(() => vi.unstubAllGlobals());

function renderRoom(items: PublicQuestion[]) {
  fakeApi({
    [`GET /api/v1/dialogues/${dialogue.slug}`]: () => json(dialogue),
    [`GET /api/v1/dialogues/${dialogue.slug}/join-link`]: () => json(join),
    [`GET ${base}/questions`]: () => json({ items, streamPosition: 10 }),
  });
  return renderAt(`/dialoger/${dialogue.slug}/storskarm`, '/dialoger/:slug/storskarm', <RoomPage />);
}

const listed = () => [...document.querySelectorAll('.room-item-text')].map((p) => p.textContent);

describe('the room screen', () => {
  it('shows the pinned question large, then the others by votes with their answers, and how to join', async () => {
    renderRoom([
      q('a', 'Varför är det så mörkt vid tunnelbanan?', 2),
      q('p', 'Vad händer med centrumparkeringen?', 0, {
        pinned: true, answered: true,
        answers: [{ id: 'x', text: 'Den får ny belysning i vår.', live: false, author: 'Trafikkontoret', authorKind: 'actor', answeredAt: '2099-05-01T18:20:00+02:00' }],
      }),
      q('b', 'Kan fler poliser synas på kvällarna?', 9),
    ]);

    const featured = (await screen.findByText('Vad händer med centrumparkeringen?')).closest('.room-featured');
    expect(featured).not.toBeNull();
    expect(featured!.textContent).toContain('Nu besvaras');
    expect(featured!.textContent).toContain('Svar från Trafikkontoret: Den får ny belysning i vår.');
    expect(listed()).toEqual(['Kan fler poliser synas på kvällarna?', 'Varför är det så mörkt vid tunnelbanan?']);
    expect(screen.getByText('9 röster')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Trygghetsdialog i Fruängen' })).toBeTruthy();

    await waitFor(() => expect(document.querySelector('.room-join-url')?.textContent).toBe('trygghet.example.se/q/K7M3PX'));
    expect(screen.getByText('K7M 3PX')).toBeTruthy();
    await waitFor(() => expect(toCanvas).toHaveBeenCalledWith(expect.anything(), join.shortUrl, expect.objectContaining({ errorCorrectionLevel: 'M' })));
    expect(screen.getByRole('img', { name: 'QR-kod till frågorna: trygghet.example.se/q/K7M3PX' })).toBeTruthy();
  });

  it('follows the public stream: a published question appears, votes reorder, answers arrive, a hidden one goes', async () => {
    renderRoom([q('a', 'Varför är det så mörkt vid tunnelbanan?', 2)]);
    await screen.findByText('Varför är det så mörkt vid tunnelbanan?');
    await waitFor(() => expect(FakeEventSource.last?.url).toBe(`${base}/questions/stream?lastEventId=10`));
    const stream = FakeEventSource.last!;

    act(() => stream.emit('published', 11, q('b', 'Kan fler poliser synas på kvällarna?', 0)));
    expect(listed()).toEqual(['Varför är det så mörkt vid tunnelbanan?', 'Kan fler poliser synas på kvällarna?']);

    act(() => stream.emit('voted', 12, { questionId: 'b', votes: 5 }));
    expect(listed()).toEqual(['Kan fler poliser synas på kvällarna?', 'Varför är det så mörkt vid tunnelbanan?']);

    act(() => stream.emit('answered', 13, q('b', 'Kan fler poliser synas på kvällarna?', 5, {
      answered: true, answers: [{ id: 'y', live: true, author: 'Polisen', authorKind: 'actor', answeredAt: '2099-05-01T18:30:00+02:00' }],
    })));
    expect(screen.getByText('Svar från Polisen:').parentElement!.textContent).toContain('Besvarad på plats.');

    act(() => stream.emit('pinned', 14, q('a', 'Varför är det så mörkt vid tunnelbanan?', 2, { pinned: true })));
    expect(screen.getByText('Varför är det så mörkt vid tunnelbanan?').closest('.room-featured')).not.toBeNull();

    act(() => stream.emit('hidden', 15, { id: 'b' }));
    expect(screen.queryByText('Kan fler poliser synas på kvällarna?')).toBeNull();
  });

  it('says discreetly that it reconnects, and keeps showing the questions meanwhile', async () => {
    renderRoom([q('a', 'Varför är det så mörkt vid tunnelbanan?', 2)]);
    await screen.findByText('Varför är det så mörkt vid tunnelbanan?');
    await waitFor(() => expect(FakeEventSource.last).not.toBeNull());
    const status = screen.getByRole('status');

    act(() => FakeEventSource.last!.open());
    expect(status.textContent).toBe('');
    act(() => FakeEventSource.last!.fail(0));
    expect(status.textContent).toBe('Återansluter…');
    expect(screen.getByText('Varför är det så mörkt vid tunnelbanan?')).toBeTruthy();
    act(() => FakeEventSource.last!.open());
    expect(status.textContent).toBe('');
  });

  it('starts again on its own when the stream gives up', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderRoom([q('a', 'Varför är det så mörkt vid tunnelbanan?', 2)]);
      await screen.findByText('Varför är det så mörkt vid tunnelbanan?');
      await waitFor(() => expect(FakeEventSource.last).not.toBeNull());
      const first = FakeEventSource.last!;
      act(() => first.fail(2));
      expect(screen.getByRole('status').textContent).toBe('Återansluter…');
      await act(() => vi.advanceTimersByTimeAsync(5000));
      await waitFor(() => expect(FakeEventSource.last).not.toBe(first));
      expect(first.closed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
