import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../questions/testing';
import { JoinPage } from './JoinPage';

function renderJoin(code: string) {
  const router = createMemoryRouter([
    { path: '/q/:code', element: <JoinPage /> },
    { path: '/dialoger/:slug/fragor', element: <p>frågesidan</p> },
  ], { initialEntries: [`/q/${code}`] });
  render(<Suspense fallback={<p>…</p>}><RouterProvider router={router} /></Suspense>);
  return router;
}

const target = (slug: string) => json({ code: 'K7M3PX', eventId: 'e', slug, title: 'T', startsAt: '2099-05-01T18:00:00+02:00', link: {} });

describe('the short link', () => {
  it('goes on to the questions page of the code’s dialogue', async () => {
    fakeApi({ 'GET /api/v1/join-codes/K7M3PX': () => target('trygghetsdialog-i-fruangen') });
    const router = renderJoin('K7M3PX');
    expect(await screen.findByText('frågesidan')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/dialoger/trygghetsdialog-i-fruangen/fragor');
  });

  it('says when a code leads nowhere and takes it typed again', async () => {
    fakeApi({
      'GET /api/v1/join-codes/K7M3PA': () => json({ title: 'Hittades inte', status: 404, detail: "Ingen dialog har koden 'K7M3PA'." }, 404),
      'GET /api/v1/join-codes/K7M3PX': () => target('dialogen'),
    });
    const router = renderJoin('K7M3PA');
    expect(await screen.findByText("Ingen dialog har koden 'K7M3PA'.")).toBeTruthy();
    const user = userEvent.setup();
    const field = screen.getByLabelText('Koden från skärmen');
    await user.clear(field);
    await user.type(field, 'k7m-3px');
    await user.click(screen.getByRole('button', { name: 'Gå till frågorna' }));
    expect(await screen.findByText('frågesidan')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/dialoger/dialogen/fragor');
  });
});
