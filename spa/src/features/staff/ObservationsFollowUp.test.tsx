import type { Observation } from '@trygghet/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../shared/session';
import { fakeApi, json, renderAt } from '../questions/testing';
import { ObservationsFollowUp } from './ObservationsFollowUp';

// The map stands in as its points, each a link as a click on the map would follow (Leaflet draws nothing here).
vi.mock('../../shared/map/Map', async () => {
  const { Link } = await import('react-router');
  return {
    Map: ({ label, features }: { label: string; features: { id: string; label: string; href?: string; status?: string }[] }) => (
      <ul aria-label={label}>
        {features.map((f) => (
          <li key={f.id} data-status={f.status}>
            <Link to={f.href ?? ''}>{f.label}</Link>
          </li>
        ))}
      </ul>
    ),
  };
});

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
    expect(within(card).getByRole('link', { name: 'Granska beskrivningen' })).toHaveAttribute('href', '/personal/granska');
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

  it('maps the listed observations by status, a point leading to its card, shows a public photo, and finds new reports in one click', async () => {
    session.signIn({ token: 'tok', role: 'staff', name: 'staff', expiresAt: Date.now() + 60_000 });
    const reported: Observation = {
      ...observation, id: 'o3', number: 19, status: 'reported', responsible: null, responsibleActorId: null, category: 'graffiti', categoryName: 'Klotter och skadegörelse',
      photo: { url: '/api/v1/observations/o3/photo?v=k2', thumbnailUrl: '/api/v1/observations/o3/photo/thumbnail?v=k2', width: 900, height: 1200 },
    };
    const waiting: Observation = { ...observation, id: 'o4', number: 20, status: 'reported', photoHeld: true };
    const asked: string[] = [];
    fakeApi({
      'GET /api/v1/observations': (url) => {
        asked.push(url.searchParams.get('status') ?? '');
        return json({ items: url.searchParams.get('status') === 'reported' ? [waiting, reported] : [waiting, reported, observation], nextCursor: null });
      },
      'GET /api/v1/observation-categories': () => json([]),
      'GET /api/v1/areas': () => json([]),
      'GET /api/v1/actors': () => json({ items: [] }),
    });
    const user = userEvent.setup();
    renderPage();

    const map = await screen.findByRole('list', { name: 'Karta: iakttagelserna i listan (3)' });
    const points = within(map).getAllByRole('listitem');
    expect(points.map((p) => [p.textContent, p.dataset.status])).toEqual([
      ['Nr 20: Belysning, Rapporterad', 'reported'],
      ['Nr 19: Klotter och skadegörelse, Rapporterad', 'reported'],
      ['Nr 17: Belysning, Planerad', 'planned'],
    ]);

    // The public photo's thumbnail, from the API's public address, opens the photo.
    const card = screen.getByRole('heading', { name: 'Nr 19: Klotter och skadegörelse' }).closest('article') as HTMLElement;
    const thumbnail = within(card).getByRole('img', { name: 'Bilden till nr 19. Öppnas i full storlek i en ny flik.' });
    expect(thumbnail).toHaveAttribute('src', '/api/v1/observations/o3/photo/thumbnail?v=k2');
    expect(thumbnail).toHaveAttribute('width', '240');
    expect(thumbnail).toHaveAttribute('height', '320');
    expect(thumbnail.closest('a')).toHaveAttribute('href', '/api/v1/observations/o3/photo?v=k2');
    // A photo still held is said in words, with the way to its review.
    const held = screen.getByRole('heading', { name: 'Nr 20: Belysning' }).closest('article') as HTMLElement;
    expect(within(held).getByText('Rapporten har en bild som väntar på granskning.')).toBeInTheDocument();
    expect(within(held).getByRole('link', { name: 'Granska bilden' })).toHaveAttribute('href', '/personal/granska');
    expect(within(held).queryByRole('img')).not.toBeInTheDocument();

    // A point leads to its card: its heading gets focus and the card is marked.
    await user.click(within(map).getByRole('link', { name: 'Nr 17: Belysning, Planerad' }));
    const planned = screen.getByRole('heading', { name: 'Nr 17: Belysning' });
    await waitFor(() => expect(planned).toHaveFocus());
    expect(planned.closest('article')).toHaveClass('selected');

    await user.click(screen.getByRole('link', { name: 'Visa nya rapporter' }));
    expect(await screen.findByRole('heading', { level: 2, name: '2 nya rapporter' })).toBeInTheDocument();
    expect(asked).toEqual(['', 'reported']);
    expect(screen.getByLabelText('Status')).toHaveValue('reported');
    expect(screen.getByRole('link', { name: 'Visa alla statusar igen' })).toBeInTheDocument();
  });
});
