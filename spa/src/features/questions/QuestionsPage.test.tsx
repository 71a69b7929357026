import type { PublicEvent, PublicQuestion } from '@trygghet/client';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuestionsPage } from './QuestionsPage';
import { fakeApi, FakeEventSource, json, renderAt } from './testing';

const dialogue = {
  id: '11111111-1111-1111-1111-111111111111', kind: 'dialogue', slug: 'trygghetsdialog-i-fruangen', status: 'published',
  title: 'Trygghetsdialog i Fruängen', description: '', problem: '', place: 'Fruängen', area: { slug: 'fruangen', name: 'Fruängen' },
  format: 'hybrid', remoteParticipation: true, startsAt: '2099-05-01T18:00:00+02:00', endsAt: '2099-05-01T20:00:00+02:00',
  participationLevel: 'dialogue', method: '', agenda: [], participants: [], sequence: 0, updatedAt: '2026-01-01T00:00:00+01:00', phase: 'upcoming', attendable: true,
} as unknown as PublicEvent;

const q = (id: string, text: string, votes = 0, over: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id, eventId: dialogue.id, text, votes, pinned: false, answeredLive: false, answered: false, answers: [],
  askedAt: '2099-04-01T10:00:00+02:00', publishedAt: '2099-04-01T10:00:00+02:00', ...over,
});

const base = `/api/v1/dialogues/${dialogue.id}`;

beforeEach(() => {
  vi.stubGlobal('EventSource', FakeEventSource);
  FakeEventSource.last = null;
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  return renderAt(`/dialoger/${dialogue.slug}/fragor`, '/dialoger/:slug/fragor', <QuestionsPage />);
}

describe('the live Q&A page', () => {
  it('lists the questions and follows the stream from the list position', async () => {
    fakeApi({
      [`GET /api/v1/dialogues/${dialogue.slug}`]: () => json(dialogue),
      [`GET ${base}/questions`]: () => json({ items: [q('a', 'Varför är det så mörkt vid tunnelbanan?', 3)], streamPosition: 41 }),
    });
    renderPage();
    expect(await screen.findByText('Varför är det så mörkt vid tunnelbanan?')).toBeTruthy();
    expect(screen.getByText('3 röster')).toBeTruthy();
    await waitFor(() => expect(FakeEventSource.last?.url).toBe(`${base}/questions/stream?lastEventId=41`));

    act(() => FakeEventSource.last!.emit('published', 42, q('b', 'Kan fler poliser synas på kvällarna?', 5)));
    const items = await screen.findAllByRole('article');
    expect(items[0]!.textContent).toContain('Kan fler poliser synas');
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toContain('Ny fråga: Kan fler poliser synas');

    act(() => FakeEventSource.last!.emit('hidden', 43, { id: 'b' }));
    await waitFor(() => expect(screen.queryByText('Kan fler poliser synas på kvällarna?')).toBeNull());
  });

  it('asks a question, shows the problem next to the field, and keeps the key and the text for the retry', async () => {
    let asks = 0;
    const calls = fakeApi({
      [`GET /api/v1/dialogues/${dialogue.slug}`]: () => json(dialogue),
      [`GET ${base}/questions`]: () => json({ items: [], streamPosition: 0 }),
      [`POST ${base}/questions`]: () =>
        ++asks === 1
          ? json({ title: 'Ogiltig begäran', status: 400, errors: { text: ['Frågan ska vara 3–1 000 tecken.'] } }, 400)
          : json({ id: 'n', eventId: dialogue.id, status: 'pending', heldFor: ['phoneNumber'], questionToken: 'tok123', questionUrl: 'http://x/fraga#tok123' }, 201),
    });
    const user = userEvent.setup();
    renderPage();
    const text = await screen.findByLabelText('Din fråga');
    await user.type(text, 'Ring 070-1234567');
    await user.click(screen.getByRole('button', { name: 'Skicka frågan' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect((text as HTMLTextAreaElement).value).toBe('Ring 070-1234567');

    await user.click(screen.getByRole('button', { name: 'Skicka frågan' }));
    const receipt = await screen.findByText('Tack för din fråga!');
    const box = receipt.closest('.receipt') as HTMLElement;
    expect(within(box).getByText(/väntar på granskning/)).toBeTruthy();
    expect(within(box).getByText(/telefonnummer/)).toBeTruthy();
    expect(within(box).getByRole('link', { name: 'Följ din fråga' }).getAttribute('href')).toBe('/fraga#tok123');

    const posts = calls.filter((c) => c.method === 'POST');
    const keys = posts.map((c) => new Headers(c.init.headers).get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('votes once with a voter token kept in the browser', async () => {
    const calls = fakeApi({
      [`GET /api/v1/dialogues/${dialogue.slug}`]: () => json(dialogue),
      [`GET ${base}/questions`]: () => json({ items: [q('a', 'Belysning i parken?', 0)], streamPosition: 0 }),
      'POST /api/v1/voter-tokens': () => json({ token: 'voter-1' }, 201),
      'POST /api/v1/questions/a/votes': () => json({ questionId: 'a', votes: 1, counted: true }),
    });
    const user = userEvent.setup();
    renderPage();
    const button = await screen.findByRole('button', { name: 'Rösta' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await user.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByText('1 röst')).toBeTruthy();
    expect(localStorage.getItem('trygghet.voterToken')).toBe('voter-1');
    await user.click(button);
    expect(calls.filter((c) => c.path.endsWith('/votes'))).toHaveLength(1);
    expect(new Headers(calls.find((c) => c.path.endsWith('/votes'))!.init.headers).get('X-Voter-Token')).toBe('voter-1');
  });

  it('replaces the form with a note once the dialogue has ended', async () => {
    fakeApi({
      [`GET /api/v1/dialogues/${dialogue.slug}`]: () =>
        json({ ...dialogue, status: 'closed', phase: 'closed', attendable: false, endsAt: '2020-01-01T20:00:00+01:00', closing: { minutes: 'M', raised: 'Belysningen', actions: 'Nya lampor', participantsOnSite: 1, participantsRemote: 1 } }),
      [`GET ${base}/questions`]: () => json({ items: [], streamPosition: 0 }),
    });
    renderPage();
    expect(await screen.findByText('Dialogen är avslutad och tar inte emot fler frågor.')).toBeTruthy();
    expect(screen.queryByLabelText('Din fråga')).toBeNull();
    expect(screen.getByText('Nya lampor')).toBeTruthy();
  });
});
