import type { ModeratedQuestion } from '@trygghet/client';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../shared/session';
import { ModerationPage } from './ModerationPage';
import { fakeApi, FakeEventSource, json, renderAt } from './testing';

const eventId = '22222222-2222-2222-2222-222222222222';
const base = `/api/v1/dialogues/${eventId}/questions`;
const text = 'Ring mig på 070-123 45 67 om lampan';
const flagged: ModeratedQuestion = {
  id: 'f', eventId, status: 'pending', text, flags: [{ field: 'text', kind: 'phoneNumber', start: 12, length: 13 }], votes: 0, pinned: false,
  answeredLive: false, answers: [], askedAt: '2026-05-01T18:00:00+02:00', redacted: false, version: 1,
};

afterEach(() => vi.unstubAllGlobals());

/** The moderators' stream: sends its chunks, then stays open like a live connection. */
function liveStream(chunks: string[]) {
  const encoder = new TextEncoder();
  return new Response(new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('the moderation queue', () => {
  it('marks flagged text, needs the flags acknowledged before approval, and takes new questions from the stream', async () => {
    session.signIn({ token: 'tok', role: 'moderator', name: 'moderator', expiresAt: Date.now() + 60_000 });
    const arriving = { ...flagged, id: 'n', text: 'Belysningen vid Fruängsgången är trasig', flags: [], askedAt: '2026-05-01T18:05:00+02:00' };
    const calls = fakeApi({
      [`GET /api/v1/dialogues/${eventId}`]: () => json({ id: eventId, title: 'Trygghetsdialog i Fruängen' }),
      [`GET ${base}/settings`]: () => json({ moderation: 'pre' }),
      [`GET ${base}/queue`]: (url) => json({ items: url.searchParams.get('status') === 'pending' ? [flagged] : [] }),
      [`GET ${base}/queue/stream`]: () => liveStream([`retry: 3000\n\nid: 5\nevent: queued\ndata: ${JSON.stringify(arriving)}\n\n`]),
      'POST /api/v1/questions/f/approve': () => json({ ...flagged, status: 'published', version: 2 }),
    });
    const user = userEvent.setup();
    renderAt(`/personal/evenemang/${eventId}/fragor`, '/personal/evenemang/:id/fragor', <ModerationPage />);

    const mark = await waitFor(() => {
      const found = document.querySelector('mark');
      if (!found) throw new Error('no mark yet');
      return found;
    });
    expect(mark.textContent).toContain('070-123 45 67');
    expect(mark.textContent).toContain('telefonnummer');
    expect(await screen.findByText('Belysningen vid Fruängsgången är trasig', { selector: 'p' })).toBeTruthy();
    const stream = calls.find((c) => c.path.endsWith('/queue/stream'))!;
    expect(new Headers(stream.init.headers).get('Authorization')).toBe('Bearer tok');

    const item = mark.closest<HTMLElement>('article')!;
    const approve = within(item).getByRole<HTMLButtonElement>('button', { name: 'Publicera' });
    expect(approve.disabled).toBe(true);
    await user.click(within(item).getByLabelText('Jag har kontrollerat de markerade uppgifterna'));
    await user.click(approve);
    await waitFor(() => expect(document.querySelector('mark')).toBeNull());
    const body = JSON.parse(calls.find((c) => c.path.endsWith('/approve'))!.init.body as string) as { acknowledgeFlags: boolean };
    expect(body.acknowledgeFlags).toBe(true);
    expect(screen.getByRole('button', { name: /Publicerad \(1\)/ })).toBeTruthy();
  });

  it('marks each finding in its own field, says which field, and removes a flagged display name with the redaction', async () => {
    session.signIn({ token: 'tok', role: 'moderator', name: 'moderator', expiresAt: Date.now() + 60_000 });
    const name = 'anna@example.se';
    const both: ModeratedQuestion = {
      ...flagged, id: 'd', displayName: name, version: 3,
      flags: [{ field: 'text', kind: 'phoneNumber', start: 12, length: 13 }, { field: 'displayName', kind: 'email', start: 0, length: name.length }],
    };
    const calls = fakeApi({
      [`GET /api/v1/dialogues/${eventId}`]: () => json({ id: eventId, title: 'Trygghetsdialog i Fruängen' }),
      [`GET ${base}/settings`]: () => json({ moderation: 'pre' }),
      [`GET ${base}/queue`]: (url) => json({ items: url.searchParams.get('status') === 'pending' ? [both] : [] }),
      [`GET ${base}/queue/stream`]: () => liveStream([]),
      'PUT /api/v1/questions/d/text': () => json({ ...both, displayName: null, flags: [both.flags[0]], version: 4, redacted: true }),
    });
    const user = userEvent.setup();
    renderAt(`/personal/evenemang/${eventId}/fragor`, '/personal/evenemang/:id/fragor', <ModerationPage />);

    const item = (await screen.findByText('I texten – ser ut som telefonnummer: ”070-123 45 67”')).closest('article') as HTMLElement;
    const marks = within(item).getAllByText((_, el) => el?.tagName === 'MARK');
    expect(marks.map((m) => m.textContent)).toEqual([`${name} (e-postadress)`, '070-123 45 67 (telefonnummer)']);
    expect(marks[0]!.closest('.question-meta')?.textContent).toContain(`Från ${name}`);
    expect(marks[1]!.closest('p')?.textContent).toContain('Ring mig på 070-123 45 67');
    expect(within(item).getByText(`I visningsnamnet – ser ut som e-postadress: ”${name}”`)).toBeTruthy();
    // Moderators may choose pre- or post-moderation too.
    expect(await screen.findByRole('radio', { name: /Efterhandsgranskning/ })).toBeTruthy();

    await user.click(within(item).getByText('Redigera texten eller ta bort namnet…'));
    await user.click(within(item).getByRole('checkbox', { name: 'Ta bort visningsnamnet' }));
    await user.click(within(item).getByRole('button', { name: 'Spara texten' }));
    await waitFor(() => expect(within(item).queryByText(/I visningsnamnet/)).toBeNull());
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.init.body as string)).toEqual({ text, removeDisplayName: true });
    expect(new Headers(put.init.headers).get('If-Match')).toBe('"3"');
    expect(within(item).getByText(/^Anonym/)).toBeTruthy();
  });

  it('shows a rejection problem next to the reason, and offers answers to staff only', async () => {
    session.signIn({ token: 'tok', role: 'staff', name: 'staff', expiresAt: Date.now() + 60_000 });
    const plain = { ...flagged, id: 'p', text: 'Varför släcks gatlamporna så tidigt?', flags: [] };
    const published = { ...flagged, id: 'u', status: 'published' as const, text: 'Kan parken städas oftare?', flags: [] };
    fakeApi({
      [`GET /api/v1/dialogues/${eventId}`]: () => json({ id: eventId, title: 'Trygghetsdialog i Fruängen' }),
      [`GET ${base}/settings`]: () => json({ moderation: 'post' }),
      [`GET ${base}/queue`]: (url) => json({ items: url.searchParams.get('status') === 'pending' ? [plain] : [published] }),
      [`GET ${base}/queue/stream`]: () => liveStream([]),
      'POST /api/v1/questions/p/reject': () => json({ title: 'Ogiltig begäran', status: 400, errors: { reason: ['Ange ett skäl.'] } }, 400),
    });
    const user = userEvent.setup();
    renderAt(`/personal/evenemang/${eventId}/fragor`, '/personal/evenemang/:id/fragor', <ModerationPage />);
    const item = (await screen.findByText('Varför släcks gatlamporna så tidigt?', { selector: 'p' })).closest('article') as HTMLElement;
    await user.click(within(item).getByText('Avvisa…'));
    await user.click(within(item).getByRole('button', { name: 'Avvisa frågan' }));
    expect(await within(item).findByText('Ange ett skäl.', { selector: '.field-error' })).toBeTruthy();
    expect(within(item).getByLabelText('Skäl (visas för den som frågade)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>(/Efterhandsgranskning/).checked).toBe(true);

    await user.click(screen.getByRole('button', { name: /Publicerad/ }));
    const answerable = (await screen.findByText('Kan parken städas oftare?', { selector: 'p' })).closest('article') as HTMLElement;
    expect(within(answerable).getByRole('button', { name: 'Markera som besvarad på plats' })).toBeTruthy();
  });

  it('keeps the Published tab current from the public stream while it is open', async () => {
    session.signIn({ token: 'tok', role: 'moderator', name: 'moderator', expiresAt: Date.now() + 60_000 });
    vi.stubGlobal('EventSource', FakeEventSource);
    FakeEventSource.last = null;
    const published = { ...flagged, id: 'u', status: 'published' as const, text: 'Kan parken städas oftare?', flags: [], version: 4 };
    fakeApi({
      [`GET /api/v1/dialogues/${eventId}`]: () => json({ id: eventId, title: 'Trygghetsdialog i Fruängen' }),
      [`GET ${base}/settings`]: () => json({ moderation: 'pre' }),
      [`GET ${base}/queue`]: (url) => json({ items: url.searchParams.get('status') === 'published' ? [published] : [] }),
      [`GET ${base}/queue/stream`]: () => liveStream([]),
      [`GET ${base}`]: () => json({ items: [], streamPosition: 17 }),
    });
    const user = userEvent.setup();
    renderAt(`/personal/evenemang/${eventId}/fragor`, '/personal/evenemang/:id/fragor', <ModerationPage />);
    await screen.findByRole('button', { name: /Publicerad \(1\)/ });
    expect(FakeEventSource.last).toBeNull();

    await user.click(screen.getByRole('button', { name: /Publicerad/ }));
    await waitFor(() => expect(FakeEventSource.last?.url).toBe(`${base}/stream?lastEventId=17`));
    const card = (await screen.findByText('Kan parken städas oftare?', { selector: 'p' })).closest('article') as HTMLElement;
    expect(within(card).queryByText('Fäst')).toBeNull();

    const source = FakeEventSource.last!;
    const answer = { id: 'x', text: 'Parken städas varje måndag.', live: false, author: 'Stadsdelsförvaltningen', authorKind: 'staff', answeredAt: '2026-05-01T18:10:00+02:00' };
    const asPublic = { id: 'u', eventId, text: published.text, votes: 0, pinned: true, answeredLive: false, answered: false, answers: [], askedAt: published.askedAt };
    act(() => source.emit('pinned', 18, asPublic));
    expect(await within(card).findByText('Fäst')).toBeTruthy();
    act(() => source.emit('answered', 19, { ...asPublic, answered: true, answers: [answer] }));
    expect(await within(card).findByText(/Parken städas varje måndag\./)).toBeTruthy();
    act(() => source.emit('voted', 20, { questionId: 'u', votes: 3, counted: true }));
    expect(await within(card).findByText(/3 röster/)).toBeTruthy();

    // Leaving the tab closes the public stream.
    await user.click(screen.getByRole('button', { name: /Väntar/ }));
    expect(source.closed).toBe(true);
  });
});
