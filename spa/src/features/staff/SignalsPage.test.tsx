import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../shared/session';
import { fakeApi, json, renderAt } from '../questions/testing';
import { SignalsPage } from './SignalsPage';

afterEach(() => vi.unstubAllGlobals());

const renderPage = () => renderAt('/personal/signaler', '/personal/signaler', <SignalsPage />);

describe('the police fetch panel on the signals page', () => {
  it('shows the last success, the newest event and the last error of the scheduled fetch', async () => {
    session.signIn({ token: 'tok', role: 'staff', name: 'staff', expiresAt: Date.now() + 60_000 });
    fakeApi({
      'GET /api/v1/statistics/signals': () => json([]),
      'GET /api/v1/statistics/police-fetch': () =>
        json({
          enabled: true, url: 'https://polisen.se/api/events', intervalSeconds: 600, lastStartedAt: '2026-11-30T05:10:00Z',
          lastSuccessAt: '2026-11-30T05:00:00Z', lastErrorAt: '2026-11-30T05:10:00Z', lastError: 'empty body', newestEventAt: '2026-11-30T04:55:00Z',
          stale: false, fetches: 12, failures: 1, eventsImported: 530, last: { received: 500, imported: 3, updated: 1, unchanged: 496, skipped: 0 },
        }),
    });
    renderPage();
    const panel = (await screen.findByRole('heading', { name: 'Hämtning av polisens händelser' })).closest('section') as HTMLElement;
    expect(panel).toHaveTextContent('Hämtas automatiskt från polisen.se var 10:e minut.');
    expect(panel).toHaveTextContent('Senaste felet');
    expect(panel).toHaveTextContent('empty body');
    expect(panel).toHaveTextContent('12 hämtningar, varav 1 misslyckade; 530 nya händelser totalt.');
    expect(panel).toHaveTextContent('3 nya, 1 ändrade, 496 oförändrade');
    expect(panel).not.toHaveTextContent('Äldre än väntat');
  });

  it('says when the fetch is off and nothing was ever fetched', async () => {
    session.signIn({ token: 'tok', role: 'staff', name: 'staff', expiresAt: Date.now() + 60_000 });
    fakeApi({
      'GET /api/v1/statistics/signals': () => json([]),
      'GET /api/v1/statistics/police-fetch': () =>
        json({ enabled: false, url: 'https://polisen.se/api/events', intervalSeconds: 600, stale: true, fetches: 0, failures: 0, eventsImported: 0 }),
    });
    renderPage();
    const panel = (await screen.findByRole('heading', { name: 'Hämtning av polisens händelser' })).closest('section') as HTMLElement;
    expect(panel).toHaveTextContent('Automatisk hämtning är avstängd');
    expect(panel).toHaveTextContent('Aldrig');
    expect(panel).not.toHaveTextContent('Senaste felet');
    expect(panel).not.toHaveTextContent('Äldre än väntat');
  });
});
