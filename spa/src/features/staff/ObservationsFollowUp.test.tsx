import type { Observation } from '@trygghet/client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../shared/session';
import { fakeApi, json, renderAt } from '../questions/testing';
import { ObservationsFollowUp } from './ObservationsFollowUp';

const observation: Observation = {
  id: 'o1', number: 17, category: 'lighting', categoryName: 'Belysning', description: 'Två trasiga lampor i gångtunneln.', descriptionHeld: false,
  severity: 2, lat: 59.28, lon: 17.97, area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }, responsible: 'Trafikkontoret',
  responsibleActorId: 'a1', overdue: false, status: 'planned', reportedAt: '2026-10-10T10:00:00Z', updatedAt: '2026-10-12T10:00:00Z', history: [], photoHeld: false,
};
const held: Observation = { ...observation, id: 'o2', number: 18, description: null, descriptionHeld: true };

afterEach(() => vi.unstubAllGlobals());

const renderPage = () => renderAt('/personal/iakttagelser', '/personal/iakttagelser', <ObservationsFollowUp />);

describe('the follow-up of observations', () => {
  it('shows a held description as being reviewed, with the way to the review for staff', async () => {
    session.signIn({ token: 'tok', role: 'staff', name: 'staff', expiresAt: Date.now() + 60_000 });
    fakeApi({
      'GET /api/v1/observations': () => json({ items: [observation, held], nextCursor: null }),
      'GET /api/v1/observation-categories': () => json([]),
      'GET /api/v1/areas': () => json([]),
      'GET /api/v1/actors': () => json({ items: [] }),
    });
    renderPage();
    const card = (await screen.findByRole('heading', { name: 'Nr 18: Belysning' })).closest('article') as HTMLElement;
    expect(within(card).getByText('Beskrivningen granskas innan den visas.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Granska beskrivningen' })).toHaveAttribute('href', '/personal/beskrivningar');
    expect(card.textContent).not.toContain('null');
    const other = screen.getByRole('heading', { name: 'Nr 17: Belysning' }).closest('article') as HTMLElement;
    expect(within(other).queryByRole('link', { name: 'Granska beskrivningen' })).not.toBeInTheDocument();
  });

  it('tells an actor what in their note looks like personal data, next to the note, and that it must be rephrased', async () => {
    session.signIn({ token: 'tok', role: 'actor', name: 'Trafikkontoret', expiresAt: Date.now() + 60_000 });
    const note = 'Ring Anna på 070-123 45 67 så fixar hon det';
    fakeApi({
      'GET /api/v1/observations/assigned': () => json([observation]),
      'GET /api/v1/observation-categories': () => json([]),
      'POST /api/v1/observations/o1/status': () => json({
        title: 'Regeln tillåter det inte', status: 422,
        detail: 'Texten ser ut att innehålla personuppgifter (se findings). Skriv om den utan namn, personnummer, telefonnummer, e-post eller adress.',
        findings: [{ field: 'note', kind: 'phoneNumber', start: 13, length: 13 }],
      }, 422),
    });
    const user = userEvent.setup();
    renderPage();
    const card = (await screen.findByRole('heading', { name: 'Nr 17: Belysning' })).closest('article') as HTMLElement;
    await user.selectOptions(within(card).getByLabelText('Ny status'), 'inProgress');
    const field = within(card).getByRole('textbox', { name: /Offentlig anteckning/ });
    await user.type(field, `  ${note}`);
    await user.click(within(card).getByRole('button', { name: 'Spara status' }));

    const message = 'Texten ser ut att innehålla telefonnummer (”070-123 45 67”). Skriv om den utan namn, personnummer, telefonnummer, e-post eller adress – den visas för alla.';
    expect(await within(card).findByText(message, { selector: '.field-error' })).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(within(card).queryByText(/se findings/)).not.toBeInTheDocument();
    expect(field).toHaveValue(`  ${note}`);
  });
});
