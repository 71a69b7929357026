import { act, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../shared/session';
import { fakeApi, json } from '../questions/testing';
import { abilitiesFor, can, returnPath } from './access';
import { reviewChanged } from './reviewQueue';
import { StaffLayout } from './StaffLayout';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <Where /> },
      { path: '/personal/logga-in', element: <Where /> },
      {
        path: '/personal',
        element: <StaffLayout />,
        children: [
          { index: true, element: <h1>Översikt</h1> },
          { path: 'evenemang', element: <h1>Evenemangslistan</h1> },
          { path: 'evenemang/:id/fragor', element: <h1>Modereringskön</h1> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const signIn = (role: 'staff' | 'moderator' | 'actor') =>
  session.signIn({ token: 'a.b.c', role, name: 'Test Testsson', expiresAt: Date.now() + 60_000 });

const held = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}` }));

beforeEach(() => {
  fakeApi({ 'GET /api/v1/observations/review': () => json({ items: [], nextCursor: null }) });
});
afterEach(() => vi.unstubAllGlobals());

describe('the staff guard', () => {
  it('sends a visitor who is not signed in to the sign-in page, remembering where they were going', async () => {
    const router = renderAt('/personal/evenemang?typ=walk');
    await waitFor(() => expect(router.state.location.pathname).toBe('/personal/logga-in'));
    expect(new URLSearchParams(router.state.location.search).get('till')).toBe('/personal/evenemang?typ=walk');
    expect(screen.queryByText('Evenemangslistan')).not.toBeInTheDocument();
  });

  it('shows the page, the menu and who is signed in to staff', async () => {
    signIn('staff');
    renderAt('/personal/evenemang');
    expect(await screen.findByRole('heading', { name: 'Evenemangslistan' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Personalmeny' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Signaler' })).toBeInTheDocument();
    expect(screen.getByText('Inloggad som Test Testsson (personal)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Logga ut' })).toBeInTheDocument();
  });

  it('shows a moderator only what the role may do', async () => {
    signIn('moderator');
    renderAt('/personal/evenemang');
    expect(await screen.findByRole('heading', { name: 'Inte tillgängligt för din roll' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Evenemang' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Signaler' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Granska rapporter' })).toHaveAttribute('href', '/personal/granska');
  });

  it('says in the menu how many reports wait for review, and counts again when one is reviewed', async () => {
    let waiting = 3;
    const calls = fakeApi({ 'GET /api/v1/observations/review': () => json({ items: held(waiting), nextCursor: null }) });
    signIn('moderator');
    renderAt('/personal');
    const link = await screen.findByRole('link', { name: 'Granska rapporter (3 väntar)' });
    expect(link).toHaveAttribute('href', '/personal/granska');
    expect(link.querySelector('.nav-count')?.textContent).toBe('3');
    expect(new Headers(calls[0]!.init.headers).get('Authorization')).toBe('Bearer a.b.c');

    waiting = 2;
    act(() => reviewChanged());
    expect(await screen.findByRole('link', { name: 'Granska rapporter (2 väntar)' })).toBeInTheDocument();
  });

  it('shows no count when nothing waits', async () => {
    const calls = fakeApi({ 'GET /api/v1/observations/review': () => json({ items: [], nextCursor: null }) });
    signIn('staff');
    renderAt('/personal');
    const link = await screen.findByRole('link', { name: 'Granska rapporter' });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(link.querySelector('.nav-count')).toBeNull();
  });

  it('neither shows nor counts the review to an actor, who does not review', async () => {
    const calls = fakeApi({});
    signIn('actor');
    renderAt('/personal');
    expect(await screen.findByRole('link', { name: 'Iakttagelser' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Granska rapporter/ })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/v1/observations/review')).toEqual([]);
  });

  it('lets a moderator into a dialogue’s moderation queue', async () => {
    signIn('moderator');
    renderAt('/personal/evenemang/abc/fragor');
    expect(await screen.findByRole('heading', { name: 'Modereringskön' })).toBeInTheDocument();
  });

  it('sends the user back after signing out', async () => {
    signIn('staff');
    const router = renderAt('/personal');
    (await screen.findByRole('button', { name: 'Logga ut' })).click();
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(session.current()).toBeNull();
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('roles and return paths', () => {
  it('follows the contract’s roles', () => {
    expect(can('staff', 'events')).toBe(true);
    expect(can('actor', 'events')).toBe(false);
    expect(can('actor', 'assigned')).toBe(true);
    expect(can(undefined, 'moderation')).toBe(false);
    expect(abilitiesFor('/personal/iakttagelser')).toEqual(['followUp', 'assigned']);
    expect(abilitiesFor('/personal')).toEqual([]);
    // Held reports (photos and descriptions) are reviewed by those who moderate questions, not by actors.
    expect(abilitiesFor('/personal/granska')).toEqual(['moderation']);
    expect(can('moderator', 'moderation')).toBe(true);
    expect(can('actor', 'moderation')).toBe(false);
  });

  it('returns only to a path inside the app', () => {
    expect(returnPath('/personal/evenemang/1')).toBe('/personal/evenemang/1');
    expect(returnPath('https://evil.example')).toBe('/personal');
    expect(returnPath('//evil.example/x')).toBe('/personal');
    expect(returnPath(null)).toBe('/personal');
    expect(returnPath('/personal/logga-in?till=/x')).toBe('/personal');
  });
});
