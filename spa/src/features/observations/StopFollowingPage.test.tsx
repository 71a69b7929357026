import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, renderAt } from '../questions/testing';
import { StopFollowingPage } from './StopFollowingPage';

const token = 'Zr5Tq1Wx8Km3Pv7Ny2Lb6Hd0Fg4Js9Ac-e_Oi1Uw5Qy';

afterEach(() => vi.unstubAllGlobals());

describe('stopping following a report', () => {
  it('does nothing on opening, and erases the address with the link’s token on the button', async () => {
    const calls = fakeApi({ 'POST /api/v1/observations/follow/stop': () => new Response(null, { status: 204 }) });
    renderAt(`/iakttagelser/sluta-folja#${token}`, '/iakttagelser/sluta-folja', <StopFollowingPage />);
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Sluta följa din rapport' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Sluta följa och radera min e-postadress' }));

    expect(await screen.findByText(/Din e-postadress är raderad/)).toHaveFocus();
    expect(calls).toHaveLength(1);
    expect(new Headers(calls[0]!.init.headers).get('X-Follow-Token')).toBe(token);
    expect(screen.queryByRole('button', { name: /Sluta följa/ })).toBeNull();
  });

  it('says the link does not work when the API does not know it, and without a token offers no button', async () => {
    fakeApi({ 'POST /api/v1/observations/follow/stop': () => json({ title: 'Hittades inte', status: 404, detail: 'Länken finns inte.' }, 404) });
    const { unmount } = renderAt(`/iakttagelser/sluta-folja#${token}`, '/iakttagelser/sluta-folja', <StopFollowingPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sluta följa och radera min e-postadress' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Länken fungerar inte.');
    unmount();

    renderAt('/iakttagelser/sluta-folja', '/iakttagelser/sluta-folja', <StopFollowingPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Länken fungerar inte.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
