import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaveQuestionLink } from './SaveQuestionLink';
import { fakeApi, json, renderAt } from './testing';

const token = 'Hc8Kx2mP5vQ9tR3wY7zB1nL4dF6gJ0sA-k_Ue3Vo9Xi';
const url = `https://trygghet.example.se/fraga#${token}`;

afterEach(() => vi.unstubAllGlobals());

function renderLink() {
  return renderAt('/', '/', <SaveQuestionLink url={url} token={token} label="Spara länken – den visas bara nu:" />);
}

/** Sets the browser's clipboard after user-event has put in its own. */
function clipboard(value: unknown) {
  Object.defineProperty(window.navigator, 'clipboard', { value, configurable: true });
}

describe('saving the private question link', () => {
  it('copies the link with one tap and says so politely', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    clipboard({ writeText });
    renderLink();

    await user.click(await screen.findByRole('button', { name: 'Kopiera länken' }));

    expect(writeText).toHaveBeenCalledWith(url);
    const status = await screen.findByText('Länken är kopierad.');
    expect(status.closest('[aria-live="polite"]')).toBeTruthy();
  });

  it('selects the link and asks to copy it when the clipboard is refused', async () => {
    const user = userEvent.setup();
    clipboard({ writeText: vi.fn(() => Promise.reject(new DOMException('Denied', 'NotAllowedError'))) });
    renderLink();

    await user.click(await screen.findByRole('button', { name: 'Kopiera länken' }));

    expect(await screen.findByText('Markera och kopiera länken.')).toBeTruthy();
    expect(window.getSelection()?.toString()).toBe(url);
  });

  it('selects the link when there is no clipboard at all', async () => {
    const user = userEvent.setup();
    clipboard(undefined);
    renderLink();

    await user.click(await screen.findByRole('button', { name: 'Kopiera länken' }));

    expect(await screen.findByText('Markera och kopiera länken.')).toBeTruthy();
    expect(window.getSelection()?.toString()).toBe(url);
  });

  it('e-mails the link with the token in the body, shows a bad address at the field, and retries with the same key', async () => {
    let sends = 0;
    const calls = fakeApi({
      'POST /api/v1/questions/receipt-email': () =>
        ++sends === 1
          ? json({ title: 'Felaktig begäran', status: 400, errors: { email: ['Ange en e-postadress som namn@example.se.'] } }, 400)
          : new Response(null, { status: 202 }),
    });
    const user = userEvent.setup();
    renderLink();

    const email = await screen.findByLabelText('E-postadress');
    await user.type(email, 'granne@example');
    await user.click(screen.getByRole('button', { name: 'Skicka länken' }));
    expect(await screen.findByText('Ange en e-postadress som namn@example.se.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Skicka länken' }));
    expect(await screen.findByText(/Länken är på väg till granne@example\./)).toBeTruthy();
    await waitFor(() => expect((email as HTMLInputElement).value).toBe(''));

    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts.every((c) => !c.path.includes(token))).toBe(true);
    expect(JSON.parse(posts[1]!.init.body as string)).toEqual({ questionToken: token, email: 'granne@example' });
    const keys = posts.map((c) => new Headers(c.init.headers).get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('says what went wrong when the link is unknown', async () => {
    fakeApi({
      'POST /api/v1/questions/receipt-email': () =>
        json({ title: 'Hittades inte', status: 404, detail: 'Det finns ingen fråga med den här länken.' }, 404),
    });
    const user = userEvent.setup();
    renderLink();

    await user.type(await screen.findByLabelText('E-postadress'), 'granne@example.se');
    await user.click(screen.getByRole('button', { name: 'Skicka länken' }));

    expect(await screen.findByText('Det finns ingen fråga med den här länken.')).toBeTruthy();
    expect(screen.queryByText(/på väg till/)).toBeNull();
  });
});
