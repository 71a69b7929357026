import type { ManagedRegistration, Observation } from '@trygghet/client';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManagePage } from '../registrations/ManagePage';
import { json, sampleEvent, stubFetch, type Call } from '../events/testing';

const token = 'Tq3n0hS8oX1cL2kP7yV5bR9wE4uJ6mA0zD3fG8hK1_s';
const minute = 60_000;

function walkRegistration(startsInMinutes: number): ManagedRegistration {
  const starts = Date.now() + startsInMinutes * minute;
  return {
    id: 'r1',
    event: {
      id: 'w1', kind: 'walk', slug: 'trygghetsvandring-i-fruangen', title: 'Trygghetsvandring i Fruängen', status: 'published', format: 'onSite',
      startsAt: new Date(starts).toISOString(), endsAt: new Date(starts + 90 * minute).toISOString(), areaName: 'Fruängen',
    },
    mode: 'onSite', status: 'confirmed', checkInCode: 'ACDE3467', consentVersion: '2026-01', personalDataErased: false,
    registeredAt: new Date(starts - 3 * 24 * 60 * minute).toISOString(), canChange: true,
  };
}

const categories = [
  { code: 'lighting', name: 'Belysning', nameEn: 'Lighting', description: 'Trasig eller svag belysning, mörka partier.', safetipinParameter: 'lighting' },
  { code: 'vegetation', name: 'Växtlighet', nameEn: 'Vegetation', description: 'Buskar och träd som skymmer.', safetipinParameter: 'visibility' },
];

function observation(overrides: Partial<Observation> = {}): Observation {
  return {
    id: '6f1c1a52-0000-4000-8000-000000000042', number: 42, category: 'lighting', categoryName: 'Belysning', description: 'Trasig lampa', descriptionHeld: false, photoHeld: false,
    severity: 3, lat: 59.2857, lon: 17.97, area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }, walkId: 'w1', overdue: false,
    status: 'reported', reportedAt: new Date().toISOString(), updatedAt: new Date().toISOString(), history: [],
    ...overrides,
  };
}

/** The API of a walk's manage page; `record` answers the observation. */
function serve(registration: ManagedRegistration, record: (call: Call) => Response) {
  return stubFetch((call) => {
    const path = new URL(call.url, 'http://localhost').pathname;
    if (path === '/api/v1/registration') return json(200, registration);
    if (path === '/api/v1/walks/trygghetsvandring-i-fruangen')
      return json(200, sampleEvent({ id: 'w1', kind: 'walk', walk: { meetingPoint: 'Fruängens tunnelbanestation', meetingLat: 59.2842, meetingLon: 17.9682, lightCondition: 'darkness' } }));
    if (path === '/api/v1/observation-categories') return json(200, categories);
    if (path === '/api/v1/areas/locate') return json(200, { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' });
    if (path === '/api/v1/registration/observations') return record(call);
    return json(404, { title: 'Hittades inte', status: 404 });
  });
}

function renderManage() {
  render(
    <MemoryRouter initialEntries={[`/anmalan#${token}`]}>
      <Suspense fallback={<p>…</p>}>
        <ManagePage />
      </Suspense>
    </MemoryRouter>,
  );
}

async function fillIn(user: ReturnType<typeof userEvent.setup>, description: string) {
  await screen.findByRole('option', { name: 'Belysning' });
  await user.selectOptions(screen.getByLabelText('Vad gäller det?'), 'lighting');
  await user.type(screen.getByLabelText('Beskrivning'), description);
  await user.click(screen.getByRole('radio', { name: /Mycket – det är farligt/ }));
  await user.click(screen.getByRole('button', { name: 'Vid samlingsplatsen' }));
  await screen.findByText(/Platsen ligger i Fruängen\./);
}

afterEach(() => vi.unstubAllGlobals());

describe("a walk participant's observations", () => {
  it('are not taken before the walk starts: the page says from when', async () => {
    serve(walkRegistration(120), () => json(500, {}));
    renderManage();
    const section = await screen.findByRole('region', { name: 'Rapportera en iakttagelse' });
    expect(within(section).getByText(/Du kan rapportera iakttagelser här när vandringen har börjat, från/)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Skicka iakttagelsen' })).toBeNull();
  });

  it('show a point outside the district next to the place, keeping what was typed', async () => {
    const calls = serve(walkRegistration(-10), () =>
      json(422, { title: 'Regeln tillåter det inte', status: 422, detail: 'Platsen ligger utanför Hägersten-Älvsjö.' }),
    );
    renderManage();
    const user = userEvent.setup();
    await fillIn(user, 'Tre lampor är trasiga i gångtunneln.');
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Platsen ligger utanför Hägersten-Älvsjö.');
    const place = screen.getByRole('group', { name: 'Plats' });
    expect(place).toHaveAccessibleDescription(/Platsen ligger utanför Hägersten-Älvsjö\./);
    expect(screen.getByLabelText('Beskrivning')).toHaveValue('Tre lampor är trasiga i gångtunneln.');
    expect(screen.getByLabelText('Vad gäller det?')).toHaveValue('lighting');

    const sent = calls.find((c) => c.url.endsWith('/registration/observations'))!;
    expect(sent.method).toBe('POST');
    expect(sent.headers.get('X-Registration-Token')).toBe(token);
    expect(sent.body).toEqual({ category: 'lighting', description: 'Tre lampor är trasiga i gångtunneln.', severity: 3, lat: 59.2842, lon: 17.9682 });
  });

  it('ask for a category and a place before sending anything, and lead to the first', async () => {
    const calls = serve(walkRegistration(-10), () => json(201, observation()));
    renderManage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Beskrivning'), 'Mörkt');
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));
    const category = screen.getByLabelText('Vad gäller det?');
    expect(category).toHaveFocus();
    expect(category).toHaveAccessibleDescription('Välj vad iakttagelsen gäller.');
    expect(screen.getByRole('group', { name: 'Plats' })).toHaveAccessibleDescription(/Välj en plats/);
    expect(calls.some((c) => c.url.endsWith('/registration/observations'))).toBe(false);

    await screen.findByRole('option', { name: 'Belysning' });
    await user.selectOptions(category, 'lighting');
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));
    expect(screen.getByRole('button', { name: 'Använd min position' })).toHaveFocus();
    expect(category).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Beskrivning')).toHaveValue('Mörkt');
    expect(calls.some((c) => c.url.endsWith('/registration/observations'))).toBe(false);
  });

  it('are recorded, with a link to the public page, and the form starts over for the next one', async () => {
    serve(walkRegistration(-10), () => json(201, observation()));
    renderManage();
    const user = userEvent.setup();
    await fillIn(user, 'Trasig lampa');
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));

    const done = await screen.findByText('Iakttagelse nr 42 är registrerad. Status: Rapporterad.');
    expect(done.closest('[role="status"]')).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Se iakttagelse nr 42' })).toHaveAttribute('href', '/iakttagelser/6f1c1a52-0000-4000-8000-000000000042');
    expect(screen.getByLabelText('Beskrivning')).toHaveValue('');
    expect(screen.getByLabelText('Vad gäller det?')).toHaveValue('');
    expect(screen.getByLabelText('Latitud (nord)')).toHaveValue('');
    expect(screen.getByRole('radio', { name: /Ganska/ })).toBeChecked();
    expect(screen.queryByText(/granskas|moderator/)).not.toBeInTheDocument();
  });

  it('say when a description is held for review, and list it so without showing it', async () => {
    let number = 42;
    serve(walkRegistration(-10), () => json(201, observation({ number: number++, id: `id-${number}`, description: null, descriptionHeld: true })));
    renderManage();
    const user = userEvent.setup();
    await fillIn(user, 'Ring mig på 070-123 45 67');
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));
    expect(await screen.findByText(/en moderator läser den innan den visas\. Resten av iakttagelsen syns redan\./)).toBeInTheDocument();
    await fillIn(user, 'Ring igen på 070-123 45 67');
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));
    const mine = await screen.findByRole('region', { name: 'Dina iakttagelser den här gången' });
    expect(within(mine).getAllByText('Beskrivningen granskas innan den visas.')).toHaveLength(2);
    expect(mine.textContent).not.toContain('null');
  });
});
