import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyQuestionPage } from './MyQuestionPage';
import { fakeApi, json, renderAt } from './testing';

afterEach(() => vi.unstubAllGlobals());

describe("the asker's question page", () => {
  it('shows the status, the reason of a rejection, and sends the token in a header', async () => {
    const calls = fakeApi({
      'GET /api/v1/question': () =>
        json({ id: 'q', eventId: 'e', eventTitle: 'Trygghetsdialog i Aspudden', status: 'rejected', text: 'Min fråga', rejectReason: 'Frågan innehöll ett namn.', votes: 0, answers: [], askedAt: '2026-05-01T18:00:00+02:00' }),
      'GET /api/v1/dialogues/e': () => json({ slug: 'trygghetsdialog-i-aspudden' }),
    });
    renderAt('/fraga#secret-token', '/fraga', <MyQuestionPage />);
    expect(await screen.findByText('Frågan innehöll ett namn.')).toBeTruthy();
    expect(screen.getByText('Avvisad')).toBeTruthy();
    expect(screen.getByText('Till dialogen: Trygghetsdialog i Aspudden')).toBeTruthy();
    expect(new Headers(calls[0]!.init.headers).get('X-Question-Token')).toBe('secret-token');
    expect((await screen.findByRole('link', { name: 'Se alla frågor till dialogen' })).getAttribute('href')).toBe('/dialoger/trygghetsdialog-i-aspudden/fragor');
  });

  it('explains a link that does not work', async () => {
    fakeApi({ 'GET /api/v1/question': () => json({ title: 'Hittades inte', status: 404 }, 404) });
    renderAt('/fraga#nope', '/fraga', <MyQuestionPage />);
    expect(await screen.findByText(/Länken fungerar inte/)).toBeTruthy();
  });

  it('explains a link without its token', async () => {
    const calls = fakeApi({});
    renderAt('/fraga', '/fraga', <MyQuestionPage />);
    expect(await screen.findByText(/Länken fungerar inte/)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
