import type { RegistrationSummary, StaffRegistration } from '@trygghet/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../shared/session';
import { fakeApi, json, renderAt } from '../questions/testing';
import { csvFileName } from './staffRegistrations';
import { RegistrationsPage } from './RegistrationsPage';

const eventId = '33333333-3333-3333-3333-333333333333';
const base = `/api/v1/events/${eventId}`;
const plan = {
  id: eventId, kind: 'dialogue', status: 'published', slug: 'trygghetsdialog-i-fruangen', title: 'Trygghetsdialog i Fruängen', version: 2,
  startsAt: '2026-05-20T16:00:00Z', endsAt: '2026-05-20T18:00:00Z',
};
const registration = (over: Partial<StaffRegistration>): StaffRegistration => ({
  id: 'r1', mode: 'onSite', status: 'confirmed', checkInCode: 'ACDE3479', email: 'anna@example.se', name: 'Anna Svensson',
  accessibilityNeeds: 'Hörslinga', consentVersion: '2026-01', registeredAt: '2026-05-01T10:00:00Z', ...over,
});
const anna = registration({});
const bo = registration({ id: 'r2', mode: 'remote', checkInCode: 'HJKM4679', email: 'bo@example.se', name: null, accessibilityNeeds: null });
const cecilia = registration({ id: 'r3', status: 'waitlisted', waitlistPosition: 1, checkInCode: 'PQRT7934', email: 'cecilia@example.se', name: 'Cecilia' });
const summary = (attended: number): RegistrationSummary => ({
  eventId,
  onSite: { capacity: 40, confirmed: 1, waitlisted: 1, cancelled: 0, attended },
  remote: { capacity: null, confirmed: 1, waitlisted: 0, cancelled: 0, attended: 0 },
  personalDataErasedAfter: '2026-06-19T18:00:00Z',
});

beforeEach(() => session.signIn({ token: 'tok', role: 'staff', name: 'staff', expiresAt: Date.now() + 60_000 }));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The attended cell of the on-site row in the summary. */
const attendedOnSite = () => {
  const row = within(screen.getByRole('table', { name: 'Anmälningar' })).getByRole('row', { name: /På plats/ });
  return within(row).getAllByRole('cell')[4]!.textContent;
};

describe('the registrations page', () => {
  it('checks a participant in by code from the keyboard: announced, field cleared, focus kept, list and counts updated', async () => {
    let attended = 0;
    const calls = fakeApi({
      [`GET ${base}`]: () => json(plan),
      [`GET ${base}/registrations/summary`]: () => json(summary(attended)),
      [`GET ${base}/registrations`]: (url) =>
        json(url.searchParams.get('cursor') === 'c2' ? { items: [cecilia], nextCursor: null } : { items: [anna, bo], nextCursor: 'c2' }),
      [`POST ${base}/check-ins`]: () => {
        attended = 1;
        return json({ ...anna, checkedInAt: new Date().toISOString() });
      },
    });
    const user = userEvent.setup();
    renderAt(`/personal/evenemang/${eventId}/anmalningar`, '/personal/evenemang/:id/anmalningar', <RegistrationsPage />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Anmälningar: Trygghetsdialog i Fruängen' })).toBeInTheDocument();
    expect(await screen.findByText(/raderas automatiskt fredag 19 juni 2026\./)).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Anna Svensson' })).toBeInTheDocument();
    expect(screen.getByText('bo@example.se')).toBeInTheDocument();
    expect(screen.getByText(/skrivs det i granskningsloggen/)).toBeInTheDocument();
    await waitFor(() => expect(attendedOnSite()).toBe('0'));

    // More registrations on request.
    await user.click(screen.getByRole('button', { name: 'Visa fler' }));
    expect(await screen.findByRole('rowheader', { name: 'Cecilia' })).toBeInTheDocument();
    expect(screen.getByText('Visar 3 anmälningar.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();

    const field = screen.getByLabelText<HTMLInputElement>('Incheckningskod');
    await user.click(field);
    await user.keyboard('acde 3479{Enter}');

    const status = await screen.findByText('Incheckad: Anna Svensson, på plats');
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(screen.getByText('Behov: Hörslinga')).toBeInTheDocument();
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(sent.init.body as string)).toEqual({ code: 'acde 3479' });
    await waitFor(() => expect(attendedOnSite()).toBe('1'));
    const row = screen.getByRole('rowheader', { name: 'Anna Svensson' }).closest('tr')!;
    expect(within(row).getByText(/Incheckad \d\d:\d\d/)).toBeInTheDocument();
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('shows the problem next to the field, keeps the code and the focus; an empty code and a repeat are told apart', async () => {
    const earlier = new Date(Date.now() - 3600_000).toISOString();
    const posts: string[] = [];
    fakeApi({
      [`GET ${base}`]: () => json(plan),
      [`GET ${base}/registrations/summary`]: () => json(summary(1)),
      [`GET ${base}/registrations`]: () => json({ items: [bo], nextCursor: null }),
      [`POST ${base}/check-ins`]: (_url, init) => {
        const { code } = JSON.parse(init.body as string) as { code: string };
        posts.push(code);
        if (code === 'HJKM4679') return json({ ...bo, checkedInAt: earlier });
        return json({ title: 'Hittades inte', status: 404, detail: 'Ingen anmälan till evenemanget har den koden.' }, 404);
      },
    });
    const user = userEvent.setup();
    renderAt(`/personal/evenemang/${eventId}/anmalningar`, '/personal/evenemang/:id/anmalningar', <RegistrationsPage />);
    const field = await screen.findByLabelText<HTMLInputElement>('Incheckningskod');

    await user.click(field);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Skriv eller klistra in deltagarens kod.')).toBeInTheDocument();
    expect(posts).toEqual([]);

    await user.keyboard('WXYZ7777{Enter}');
    const alert = await screen.findByRole('alert');
    await within(alert).findByText('Ingen anmälan till evenemanget har den koden.');
    expect(within(alert).getByText('Inte incheckad')).toBeInTheDocument();
    expect(field.value).toBe('WXYZ7777');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(alert.querySelector('.checkin-result')!.id);
    expect(document.activeElement).toBe(field);

    // Typing replaces the selected code; the API keeps the first check-in time and answers again.
    await user.keyboard('HJKM4679{Enter}');
    expect(await screen.findByText(/^Redan incheckad kl\. \d\d:\d\d: namn saknas, digitalt$/)).toBeInTheDocument();
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(within(screen.getByRole('alert')).queryByText('Inte incheckad')).toBeNull();
  });

  it('downloads the CSV as a file from the generated client’s answer', async () => {
    const csv = 'mode,status,waitlist_position,check_in_code,name,email\r\nonSite,confirmed,,ACDE3479,Anna Svensson,anna@example.se\r\n';
    fakeApi({
      [`GET ${base}`]: () => json(plan),
      [`GET ${base}/registrations/summary`]: () => json(summary(0)),
      [`GET ${base}/registrations`]: () => json({ items: [anna], nextCursor: null }),
      [`GET ${base}/registrations/export`]: () => new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
    });
    let blob: Blob | undefined;
    const createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:registrations';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const user = userEvent.setup();
    renderAt(`/personal/evenemang/${eventId}/anmalningar`, '/personal/evenemang/:id/anmalningar', <RegistrationsPage />);

    expect(await screen.findByText(/Filen innehåller personuppgifter/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ladda ned alla som CSV' }));
    const name = csvFileName('trygghetsdialog-i-fruangen');
    expect(await screen.findByText(`Filen ${name} är nedladdad.`)).toBeInTheDocument();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe(name);
    expect(clicked[0]!.href).toBe('blob:registrations');
    expect(clicked[0]!.isConnected).toBe(false);
    const text = await blob!.text();
    expect(text).toContain('anna@example.se');
    expect(text.replace(/^\uFEFF/, '')).toBe(csv);
    expect(blob!.type).toMatch(/^text\/csv/);
  });
});

describe('registration helpers', () => {
  it('names the file by slug and Stockholm day', () => {
    expect(csvFileName('dialog', new Date('2026-03-31T22:30:00Z'))).toBe('anmalningar-dialog-2026-04-01.csv');
  });
});
