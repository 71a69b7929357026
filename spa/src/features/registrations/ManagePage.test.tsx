import type { ManagedRegistration } from '@trygghet/client';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManagePage } from './ManagePage';
import { json, stubFetch } from '../events/testing';

const token = 'Tq3n0hS8oX1cL2kP7yV5bR9wE4uJ6mA0zD3fG8hK1_s';

function registration(overrides: Partial<ManagedRegistration> = {}): ManagedRegistration {
  return {
    id: 'r1',
    event: {
      id: 'e1', kind: 'dialogue', slug: 'trygghetsdialog-i-fruangen', title: 'Trygghetsdialog i Fruängen', status: 'published', format: 'hybrid',
      startsAt: '2027-03-10T18:00:00+01:00', endsAt: '2027-03-10T20:00:00+01:00', areaName: 'Fruängen', venueName: 'Fruängens bibliotek', venueAddress: 'Fruängsgången 4',
    },
    mode: 'remote', status: 'confirmed', checkInCode: 'ACDE3467', email: 'ana@example.se', name: 'Ana', consentVersion: '2026-01',
    personalDataErased: false, registeredAt: '2027-02-01T10:00:00+01:00', canChange: true,
    meeting: { opensAt: '2027-03-10T17:30:00+01:00', closesAt: '2027-03-10T20:00:00+01:00', open: false },
    ...overrides,
  };
}

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <ManagePage />
    </MemoryRouter>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('manage page', () => {
  it('reads the token from the hash and sends it only as a header', async () => {
    const calls = stubFetch(() => json(200, registration()));
    renderAt(`/anmalan#${token}`);
    await screen.findByText('Anmäld');
    expect(calls[0]!.url).toMatch(/\/api\/v1\/registration$/);
    expect(calls[0]!.url).not.toContain(token);
    expect(calls[0]!.headers.get('X-Registration-Token')).toBe(token);
    expect(screen.getByText('ACDE3467')).toBeTruthy();
    // Before the window opens, the page says when (Stockholm time).
    expect(screen.getByText(/Möteslänken visas här från .*17:30/)).toBeTruthy();
  });

  it('fetches the meeting link once the window is open', async () => {
    const calls = stubFetch((call) =>
      call.url.endsWith('/join') ? json(200, { url: 'https://meet.example/fruangen', closesAt: '2027-03-10T20:00:00+01:00' }) : json(200, registration({ meeting: { opensAt: '2027-03-10T17:30:00+01:00', closesAt: '2027-03-10T20:00:00+01:00', open: true } })),
    );
    const user = userEvent.setup();
    renderAt(`/anmalan#${token}`);
    await user.click(await screen.findByRole('button', { name: 'Visa möteslänken' }));
    const link = await screen.findByRole('link', { name: 'Gå med i mötet' });
    expect(link.getAttribute('href')).toBe('https://meet.example/fruangen');
    expect(calls.at(-1)!.method).toBe('POST');
  });

  it('shows the opening time the API answers with when the link is not open yet', async () => {
    stubFetch((call) =>
      call.url.endsWith('/join')
        ? json(409, { title: 'Möteslänken är inte öppen än', status: 409, opensAt: '2027-03-10T17:30:00+01:00' })
        : json(200, registration({ meeting: { opensAt: '2027-03-10T17:30:00+01:00', closesAt: '2027-03-10T20:00:00+01:00', open: true } })),
    );
    const user = userEvent.setup();
    renderAt(`/anmalan#${token}`);
    await user.click(await screen.findByRole('button', { name: 'Visa möteslänken' }));
    await screen.findByText(/Möteslänken visas här från .*17:30/);
    expect(screen.queryByRole('link', { name: 'Gå med i mötet' })).toBeNull();
  });

  it('asks before cancelling, then shows the cancelled registration', async () => {
    const calls = stubFetch((call) => (call.url.endsWith('/cancel') ? json(200, registration({ status: 'cancelled', canChange: false, meeting: undefined })) : json(200, registration())));
    const user = userEvent.setup();
    renderAt(`/anmalan#${token}`);
    await user.click(await screen.findByRole('button', { name: 'Avboka' }));
    expect(calls.some((c) => c.url.endsWith('/cancel'))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ja, avboka' }));
    await screen.findByText('Avbokad');
    expect(calls.filter((c) => c.url.endsWith('/cancel'))).toHaveLength(1);
  });

  it('explains a link that does not work', async () => {
    stubFetch(() => json(404, { title: 'Anmälan finns inte', status: 404 }));
    renderAt(`/anmalan#${token}`);
    await screen.findByText(/Länken fungerar inte/);
  });

  it('explains a link without its token, without asking the API', () => {
    const calls = stubFetch(() => json(500, {}));
    renderAt('/anmalan');
    expect(screen.getByText(/Länken saknar sin kod/)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
