import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, renderAt } from '../questions/testing';
import { ReportPage } from './ReportPage';

const fruangen = { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood', parent: { slug: 'hagersten-alvsjo', name: 'Hägersten-Älvsjö', kind: 'district' }, children: [] };
const created = {
  id: 'o-9', number: 9, category: 'lighting', categoryName: 'Belysning', description: 'Släckt lampa', descriptionHeld: false, severity: 2, lat: 59.2855, lon: 17.9705,
  area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }, overdue: false, status: 'reported', reportedAt: '2026-11-30T18:00:00+01:00',
  updatedAt: '2026-11-30T18:00:00+01:00', history: [], photoHeld: true,
};

afterEach(() => vi.unstubAllGlobals());

/** The leaflet map is not drawn in happy-dom; the form's other ways to place a report are what these tests use. */
vi.mock('../../shared/map/PickerMap', () => ({ default: () => <div>map</div> }));

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('option', { name: 'Belysning' });
  await user.selectOptions(screen.getByLabelText('Vad gäller det?'), 'lighting');
  await user.type(screen.getByLabelText('Beskrivning'), 'Lampan vid gångvägen är släckt.');
  await user.click(screen.getByText('Ange koordinater'));
  await user.type(screen.getByLabelText('Latitud (nord)'), '59,2855');
  await user.type(screen.getByLabelText('Longitud (öst)'), '17,9705');
}

describe('a resident’s report', () => {
  it('sends the photo and the address as a form, and a retry after a lost answer reuses its Idempotency-Key', async () => {
    let attempts = 0;
    const calls = fakeApi({
      'GET /api/v1/areas/fruangen': () => json(fruangen),
      'GET /api/v1/observation-categories': () => json([{ code: 'lighting', name: 'Belysning', nameEn: 'Lighting', description: 'Trasig belysning.', safetipinParameter: 'lighting' }]),
      'GET /api/v1/areas/locate': () => json({ slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }),
      'POST /api/v1/observations/reports': () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return json(created, 201);
      },
    });
    renderAt('/rapportera?omrade=fruangen', '/rapportera', <ReportPage />);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Rapportera något du sett' })).toBeInTheDocument();
    await fill(user);
    await user.upload(screen.getByLabelText('Bild (valfritt)'), new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'lampa.jpg', { type: 'image/jpeg' }));
    await user.type(screen.getByLabelText('E-postadress (valfritt)'), 'granne@example.se');

    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));
    await screen.findByRole('alert');
    // Nothing typed is lost when the network fails.
    expect(screen.getByLabelText('Beskrivning')).toHaveValue('Lampan vid gångvägen är släckt.');
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));
    await screen.findByText('Iakttagelse nr 9 är registrerad. Status: Rapporterad.');
    expect(screen.getByText(/Rapporten syns när personalen har tittat på bilden/)).toBeInTheDocument();

    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    const keys = posts.map((p) => new Headers(p.init.headers).get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    const form = posts[1]!.init.body as FormData;
    expect(form.get('category')).toBe('lighting');
    expect(form.get('latitude')).toBe('59.2855');
    expect(form.get('longitude')).toBe('17.9705');
    expect(form.get('areaSlug')).toBe('fruangen');
    expect(form.get('email')).toBe('granne@example.se');
    expect((form.get('photo') as File).name).toBe('lampa.jpg');
    // The form starts over for the next report, without the photo.
    expect(screen.getByLabelText('Beskrivning')).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Ta bort bilden' })).toBeNull();
  });

  it('refuses a photo over the limit before sending, next to the photo', async () => {
    const calls = fakeApi({
      'GET /api/v1/areas/fruangen': () => json(fruangen),
      'GET /api/v1/observation-categories': () => json([{ code: 'lighting', name: 'Belysning', nameEn: 'Lighting', description: 'Trasig belysning.', safetipinParameter: 'lighting' }]),
      'GET /api/v1/areas/locate': () => json({ slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' }),
    });
    renderAt('/rapportera?omrade=fruangen', '/rapportera', <ReportPage />);
    const user = userEvent.setup();
    await fill(user);
    const big = new File([new Uint8Array(11 * 1024 * 1024)], 'stor.jpg', { type: 'image/jpeg' });
    await user.upload(screen.getByLabelText('Bild (valfritt)'), big);
    await user.click(screen.getByRole('button', { name: 'Skicka iakttagelsen' }));
    expect(await screen.findByText(/Bilden är större än 10 MB/)).toBeInTheDocument();
    expect(screen.getByLabelText('Bild (valfritt)')).toHaveFocus();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
