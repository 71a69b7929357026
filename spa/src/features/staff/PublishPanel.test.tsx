import type { EventPlan, PublicationReport } from '@trygghet/client';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { bodyText, urlOf } from '../../shared/testing';
import { PublishPanel } from './PublishPanel';

const plan = { id: 'ev-1', kind: 'dialogue', status: 'draft', title: 'Trygghetsdialog', version: 3 } as EventPlan;

const failing: PublicationReport = {
  ready: false,
  checks: [
    { name: 'publicNotice', passed: false, blocking: true, message: 'Evenemanget börjar om 5 dagar; minst 14 krävs.' },
    { name: 'remoteLink', passed: true, blocking: true, message: 'Länken finns.' },
    { name: 'actorNotice', passed: false, blocking: false, message: 'Inga aktörer är inbjudna.' },
  ],
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function serve(report: PublicationReport) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(urlOf(input), 'http://localhost');
    if (url.pathname.endsWith('/publication-check')) return json(report);
    if (url.pathname.endsWith('/publish') && init?.method === 'POST') return json({ ...plan, status: 'published', version: 4 });
    return json({}, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const publishCalls = (fetch: ReturnType<typeof serve>) => fetch.mock.calls.filter(([input]) => urlOf(input).endsWith('/publish'));

describe('the publish panel', () => {
  it('shows each check passed or failed with its message', async () => {
    serve(failing);
    render(<PublishPanel plan={plan} onPublished={() => {}} />);
    expect(await screen.findByText(/Framförhållning till allmänheten: Inte uppfylld/)).toBeInTheDocument();
    expect(screen.getByText('Evenemanget börjar om 5 dagar; minst 14 krävs.')).toBeInTheDocument();
    expect(screen.getByText(/Länk till det digitala mötet: Uppfylld/)).toBeInTheDocument();
    expect(screen.getByText(/Framförhållning till aktörerna: Inte uppfylld \(bara varning\)/)).toBeInTheDocument();
  });

  it('requires a reason to publish when a blocking check fails, and sends it', async () => {
    const fetch = serve(failing);
    const published = vi.fn();
    render(<PublishPanel plan={plan} onPublished={published} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Publicera' }));
    const reason = screen.getByLabelText('Skäl att publicera ändå');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Skriv ett skäl för att publicera trots att kontroller inte är uppfyllda.');
    expect(publishCalls(fetch)).toHaveLength(0);

    await user.type(reason, 'Polisen bekräftade per telefon.');
    await user.click(screen.getByRole('button', { name: 'Publicera' }));
    await vi.waitFor(() => expect(published).toHaveBeenCalledWith(expect.objectContaining({ status: 'published' })));
    const [, init] = publishCalls(fetch)[0]!;
    expect(JSON.parse(bodyText(init!.body))).toEqual({ overrideReason: 'Polisen bekräftade per telefon.' });
  });

  it('publishes without a reason when every blocking check passes', async () => {
    const fetch = serve({ ready: true, checks: [{ name: 'publicNotice', passed: true, blocking: true, message: 'OK' }, failing.checks[2]!] });
    render(<PublishPanel plan={plan} onPublished={() => {}} />);
    expect(await screen.findByText('Alla kontroller är uppfyllda. Evenemanget kan publiceras.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Skäl att publicera ändå')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Publicera' }));
    await vi.waitFor(() => expect(publishCalls(fetch)).toHaveLength(1));
    expect(JSON.parse(bodyText(publishCalls(fetch)[0]![1]!.body))).toEqual({ overrideReason: null });
  });
});
