import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../shared/session';
import { fakeApi, json, renderAt } from '../questions/testing';
import { StaffHome } from './StaffHome';

const held = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}` }));
const empty = () => json({ items: [], nextCursor: null });

afterEach(() => vi.unstubAllGlobals());

describe('the staff start page', () => {
  it('counts the reports waiting for review among what needs doing now, with the way to the review', async () => {
    session.signIn({ token: 'tok', role: 'staff', name: 'staff', expiresAt: Date.now() + 60_000 });
    fakeApi({
      'GET /api/v1/observations/review': () => json({ items: held(2), nextCursor: null }),
      'GET /api/v1/events': empty,
      'GET /api/v1/observations': empty,
      'GET /api/v1/statistics/signals': () => json([]),
    });
    renderAt('/personal', '/personal', <StaffHome />);
    const count = (await screen.findByText('Rapporter som väntar på granskning')).closest('li') as HTMLElement;
    expect(count.querySelector('.number')?.textContent).toBe('2');
    expect(count.querySelector('a')).toHaveAttribute('href', '/personal/granska');
    expect(count.querySelector('a')).toHaveTextContent('Granska rapporter');
  });

  it('tells a moderator how many reports wait', async () => {
    session.signIn({ token: 'tok', role: 'moderator', name: 'moderator', expiresAt: Date.now() + 60_000 });
    fakeApi({
      'GET /api/v1/observations/review': () => json({ items: held(3), nextCursor: null }),
      'GET /api/v1/dialogues': empty,
    });
    renderAt('/personal', '/personal', <StaffHome />);
    expect(await screen.findByText(/3 rapporter väntar på granskning \(bild eller beskrivning\)\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Granska rapporter' })).toHaveAttribute('href', '/personal/granska');
  });
});
