import type { ObservationReview } from '@trygghet/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewPhoto } from '@trygghet/client';
import { session } from '../../shared/session';
import { fakeApi, json, renderAt } from '../questions/testing';
import { ReportReviewPage } from './ReportReviewPage';

const phone = 'Ring 070-123 45 67 om lampan i tunneln, den är trasig.';
const review = (over: Partial<ObservationReview>): ObservationReview => ({
  id: 'o1', number: 41, category: 'lighting', categoryName: 'Belysning', area: { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' },
  walkId: 'w1', description: phone, descriptionStatus: 'held', findings: [{ field: 'description', kind: 'phoneNumber', start: 5, length: 13 }],
  reporterKind: 'participant', reportedAt: '2026-05-01T18:30:00+02:00', reviewedAt: null, lat: 59.2857, lon: 17.97, ...over,
});
const first = review({});
const mail = 'Skriv till anna@example.se om klottret.';
const second = review({
  id: 'o2', number: 42, category: 'graffiti', categoryName: 'Klotter och skadegörelse', walkId: null, description: mail,
  findings: [{ field: 'description', kind: 'email', start: 11, length: 15 }], reporterKind: 'open311', reportedAt: '2026-05-02T09:00:00+02:00',
});
const third = review({ id: 'o3', number: 43, description: 'Lampan vid Fruängsgången 12 blinkar.', findings: [{ field: 'description', kind: 'streetAddress', start: 11, length: 16 }] });
const categories = [
  { code: 'lighting', name: 'Belysning', nameEn: 'Lighting', description: '', safetipinParameter: 'lighting' },
  { code: 'graffiti', name: 'Klotter och skadegörelse', nameEn: 'Graffiti and vandalism', description: '', safetipinParameter: 'security' },
];
const path = '/api/v1/observations/review';
const photo: ReviewPhoto = {
  status: 'held', url: '/api/v1/observations/o1/photo?v=abc', thumbnailUrl: '/api/v1/observations/o1/photo/thumbnail?v=abc', width: 1600, height: 1200, reviewedAt: null,
};
const jpeg = () => new Response(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }), { headers: { 'Content-Type': 'image/jpeg' } });
const resident = review({ id: 'o1', number: 51, walkId: null, reporterKind: 'resident', photo, description: 'Lampan vid gångtunneln är trasig.', findings: [], descriptionStatus: 'cleared' });
const both = review({ id: 'o1', number: 52, walkId: null, reporterKind: 'resident', photo });

beforeEach(() => session.signIn({ token: 'tok', role: 'moderator', name: 'moderator', expiresAt: Date.now() + 60_000 }));
const objectUrls = { created: [] as string[], revoked: [] as string[] };
beforeEach(() => {
  objectUrls.created = [];
  objectUrls.revoked = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
    const url = `blob:photo-${objectUrls.created.length + 1}`;
    objectUrls.created.push(url);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => void objectUrls.revoked.push(url));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const renderPage = () => renderAt('/personal/granska', '/personal/granska', <ReportReviewPage />);
const card = async (heading: string) => (await screen.findByRole('heading', { level: 3, name: heading })).closest('article') as HTMLElement;

describe('the review of held descriptions', () => {
  it('lists them oldest first with the findings marked and named, who reported them and when, and reads the next page by cursor', async () => {
    fakeApi({
      [`GET ${path}`]: (url) => json(url.searchParams.get('cursor') === 'c2' ? { items: [third], nextCursor: null } : { items: [first, second], nextCursor: 'c2' }),
      'GET /api/v1/observation-categories': () => json(categories),
    });
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByRole('heading', { level: 1, name: 'Granska rapporter' })).toBeInTheDocument();
    const items = await screen.findAllByRole('article');
    expect(items.map((a) => within(a).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Iakttagelse nr 41: Belysning',
      'Iakttagelse nr 42: Klotter och skadegörelse',
    ]);
    const one = items[0]!;
    const mark = one.querySelector('mark')!;
    expect(mark.textContent).toBe('070-123 45 67 (telefonnummer)');
    expect(within(one).getByText('Ser ut som telefonnummer: ”070-123 45 67”')).toBeInTheDocument();
    expect(within(one).getByText('En deltagare på en vandring · från en trygghetsvandring')).toBeInTheDocument();
    expect(within(one).getByText('Fruängen', { selector: 'dd' })).toBeInTheDocument();
    expect(within(one).getByText(/1 maj 2026/, { selector: 'time' })).toBeInTheDocument();
    expect(within(items[1]!).getByText('En tjänst via Open311')).toBeInTheDocument();
    expect(items[1]!.querySelector('mark')?.textContent).toBe('anna@example.se (e-postadress)');

    await user.click(screen.getByRole('button', { name: 'Visa fler' }));
    expect(await card('Iakttagelse nr 43: Belysning')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Visa fler' })).not.toBeInTheDocument();
  });

  it('publishes a description as it is only once the findings are acknowledged, then takes it off the list', async () => {
    const calls = fakeApi({
      [`GET ${path}`]: () => json({ items: [first, second], nextCursor: null }),
      'GET /api/v1/observation-categories': () => json(categories),
      'POST /api/v1/observations/o1/description/clear': () => json({ ...first, descriptionStatus: 'cleared', reviewedAt: '2026-05-03T10:00:00+02:00' }),
    });
    const user = userEvent.setup();
    renderPage();
    const item = await card('Iakttagelse nr 41: Belysning');
    const publish = within(item).getByRole('button', { name: 'Publicera som den är' });
    expect(publish).toBeDisabled();
    await user.click(within(item).getByRole('checkbox', { name: 'Jag har läst de markerade delarna och de pekar inte ut någon' }));
    await user.click(publish);

    expect(await screen.findByText('Beskrivningen av iakttagelse nr 41 är publicerad.')).toBeInTheDocument();
    expect(item).not.toBeInTheDocument();
    const body = JSON.parse(calls.find((c) => c.path.endsWith('/clear'))!.init.body as string) as { acknowledgeFindings: boolean };
    expect(body.acknowledgeFindings).toBe(true);
    // Focus moves on to the next description to review.
    await waitFor(() => expect(screen.getByRole('heading', { level: 3, name: 'Iakttagelse nr 42: Klotter och skadegörelse' })).toHaveFocus());
  });

  it('publishes an edit; when the edit still has findings it says what, next to the text, and publishes once acknowledged', async () => {
    const bodies: { text: string; acknowledgeFindings: boolean }[] = [];
    fakeApi({
      [`GET ${path}`]: () => json({ items: [first], nextCursor: null }),
      'GET /api/v1/observation-categories': () => json(categories),
      'PUT /api/v1/observations/o1/description': (_url, init) => {
        const body = JSON.parse(init.body as string) as { text: string; acknowledgeFindings: boolean };
        bodies.push(body);
        if (!body.acknowledgeFindings) {
          return json({
            title: 'Regeln tillåter det inte', status: 422,
            detail: 'Beskrivningen ser ut att innehålla personuppgifter. Redigera den eller bekräfta med acknowledgeFindings.',
            findings: [{ field: 'description', kind: 'phoneNumber', start: 5, length: 9 }],
          }, 422);
        }
        return json({ ...first, description: body.text, descriptionStatus: 'cleared', findings: [{ field: 'description', kind: 'phoneNumber', start: 5, length: 9 }] });
      },
    });
    const user = userEvent.setup();
    renderPage();
    const item = await card('Iakttagelse nr 41: Belysning');
    await user.click(within(item).getByText('Redigera och publicera…'));
    const box = within(item).getByRole('textbox', { name: 'Beskrivning att publicera' });
    expect(box).toHaveValue(phone);
    await user.clear(box);
    await user.type(box, 'Ring 070-12 34 om lampan.');
    await user.click(within(item).getByRole('button', { name: 'Publicera den redigerade texten' }));

    const error = await within(item).findByText(/Den redigerade texten ser fortfarande ut att innehålla telefonnummer \(”070-12 34”\)\./, { selector: '.field-error' });
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box.getAttribute('aria-describedby')).toContain(error.id);
    expect(within(item).queryByText(/acknowledgeFindings/)).not.toBeInTheDocument();
    expect(box).toHaveValue('Ring 070-12 34 om lampan.');

    await user.click(within(item).getByRole('checkbox', { name: 'Publicera ändå: jag har läst texten och den pekar inte ut någon' }));
    await user.click(within(item).getByRole('button', { name: 'Publicera den redigerade texten' }));
    expect(await screen.findByText('Den redigerade beskrivningen av iakttagelse nr 41 är publicerad.')).toBeInTheDocument();
    expect(bodies).toEqual([
      { text: 'Ring 070-12 34 om lampan.', acknowledgeFindings: false },
      { text: 'Ring 070-12 34 om lampan.', acknowledgeFindings: true },
    ]);
    expect(screen.getByText('Inga rapporter väntar på granskning.')).toBeInTheDocument();
  });

  it('says so when nothing waits', async () => {
    fakeApi({
      [`GET ${path}`]: () => json({ items: [], nextCursor: null }),
      'GET /api/v1/observation-categories': () => json(categories),
    });
    renderPage();
    expect(await screen.findByText('Inga rapporter väntar på granskning.')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('shows a held photo fetched with the token, full size on request, and once approved keeps the report while its description waits', async () => {
    const calls = fakeApi({
      [`GET ${path}`]: () => json({ items: [both], nextCursor: null }),
      'GET /api/v1/observation-categories': () => json(categories),
      'GET /api/v1/observations/o1/photo/thumbnail': () => jpeg(),
      'GET /api/v1/observations/o1/photo': () => jpeg(),
      'POST /api/v1/observations/o1/photo/clear': () => json({ ...both, photo: { ...photo, status: 'cleared', reviewedAt: '2026-05-03T10:00:00+02:00' } }),
    });
    const user = userEvent.setup();
    renderPage();
    const item = await card('Iakttagelse nr 52: Belysning');
    expect(within(item).getByText('En invånare')).toBeInTheDocument();
    expect(within(item).getByText(/Bilden och beskrivningen väntar på granskning\./)).toBeInTheDocument();
    const thumbnail = await within(item).findByRole('img', { name: 'Bilden till iakttagelse nr 52, förminskad' });
    expect(thumbnail).toHaveAttribute('src', 'blob:photo-1');
    expect(thumbnail).toHaveAttribute('width', '320');
    expect(thumbnail).toHaveAttribute('height', '240');
    const fetched = calls.find((c) => c.path === '/api/v1/observations/o1/photo/thumbnail')!;
    expect(new Headers(fetched.init.headers).get('Authorization')).toBe('Bearer tok');

    await user.click(within(item).getByRole('button', { name: 'Visa bilden i full storlek' }));
    expect(await within(item).findByRole('img', { name: 'Bilden till iakttagelse nr 52 i full storlek' })).toHaveAttribute('src', 'blob:photo-2');
    expect(within(item).getByRole('button', { name: 'Dölj den stora bilden' })).toHaveAttribute('aria-expanded', 'true');

    await user.click(within(item).getByRole('button', { name: 'Godkänn bilden' }));
    expect(await screen.findByText('Bilden till iakttagelse nr 52 är godkänd och visas nu för alla. Beskrivningen väntar fortfarande på granskning.')).toBeInTheDocument();
    // The report stays, its photo public now and its description still to review; focus is back on its heading.
    expect(item).toBeInTheDocument();
    expect(within(item).getByRole('heading', { level: 4, name: 'Bild (publicerad)' })).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Godkänn bilden' })).not.toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Publicera som den är' })).toBeInTheDocument();
    expect(within(item).getByText(/Beskrivningen väntar på granskning och visas för alla när du har publicerat den\. Bilden, platsen/)).toBeInTheDocument();
    await waitFor(() => expect(within(item).getByRole('heading', { level: 3 })).toHaveFocus());
  });

  it('removes a photo only after asking, and the report leaves the list when nothing of it waits any more', async () => {
    const calls = fakeApi({
      [`GET ${path}`]: () => json({ items: [resident], nextCursor: null }),
      'GET /api/v1/observation-categories': () => json(categories),
      'GET /api/v1/observations/o1/photo/thumbnail': () => jpeg(),
      'DELETE /api/v1/observations/o1/photo': () => json({ ...resident, photo: undefined }),
    });
    const user = userEvent.setup();
    const view = renderPage();
    const item = await card('Iakttagelse nr 51: Belysning');
    expect(within(item).getByText('Bilden väntar på granskning och visas för alla när du har godkänt den. Beskrivningen, platsen och kategorin syns redan.')).toBeInTheDocument();
    expect(within(item).getByText('Beskrivningen är redan publicerad.')).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Publicera som den är' })).not.toBeInTheDocument();
    await within(item).findByRole('img', { name: /förminskad/ });

    await user.click(within(item).getByRole('button', { name: 'Ta bort bilden' }));
    const question = within(item).getByText(/Vill du ta bort bilden till iakttagelse nr 51\? Den raderas helt/);
    await waitFor(() => expect(question).toHaveFocus());
    await user.click(within(item).getByRole('button', { name: 'Avbryt' }));
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);

    await user.click(within(item).getByRole('button', { name: 'Ta bort bilden' }));
    await user.click(within(item).getByRole('button', { name: 'Ja, ta bort bilden' }));
    expect(await screen.findByText('Bilden till iakttagelse nr 51 är borttagen. Hela rapporten är nu offentlig.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/observations/o1/photo']);
    expect(item).not.toBeInTheDocument();
    expect(screen.getByText('Inga rapporter väntar på granskning.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Väntar på granskning (äldst först)' })).toHaveFocus());
    // The photo's object URL is given back once the photo is gone.
    view.unmount();
    expect(objectUrls.revoked).toEqual(objectUrls.created);
    expect(objectUrls.created).toHaveLength(1);
  });

  it('says when a photo cannot be fetched, and a description published while the photo waits says that the photo still waits', async () => {
    fakeApi({
      [`GET ${path}`]: () => json({ items: [both], nextCursor: null }),
      'GET /api/v1/observation-categories': () => json(categories),
      'GET /api/v1/observations/o1/photo/thumbnail': () => json({ title: 'Hittades inte', status: 404 }, 404),
      'POST /api/v1/observations/o1/description/clear': () => json({ ...both, descriptionStatus: 'cleared' }),
    });
    const user = userEvent.setup();
    renderPage();
    const item = await card('Iakttagelse nr 52: Belysning');
    expect(await within(item).findByText('Bilden kunde inte hämtas. Ladda om sidan och försök igen.')).toBeInTheDocument();
    await user.click(within(item).getByRole('checkbox', { name: 'Jag har läst de markerade delarna och de pekar inte ut någon' }));
    await user.click(within(item).getByRole('button', { name: 'Publicera som den är' }));
    expect(await screen.findByText('Beskrivningen av iakttagelse nr 52 är publicerad. Bilden väntar fortfarande på granskning.')).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Godkänn bilden' })).toBeInTheDocument();
    expect(within(item).getByText('Beskrivningen är redan publicerad.')).toBeInTheDocument();
  });
});
