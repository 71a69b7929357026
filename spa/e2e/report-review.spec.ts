import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, jpeg, signedIn, widths } from './support';

interface Reported {
  id: string;
  number: number;
  description: string | null;
  descriptionHeld: boolean;
  photoHeld: boolean;
  photo?: { url: string; thumbnailUrl: string } | null;
}


/**
 * A resident's report in Fruängen with a photo, sent as the report form sends it (multipart, no account). A photo
 * always waits for staff; with `phone` the description holds a phone number and waits too.
 */
async function report(page: Page, { phone }: { phone: boolean }): Promise<Reported & { text: string }> {
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const text = phone
    ? `Lampan vid gångtunneln under Fruängsgången är trasig, ring mig på 070-123 45 67 (${stamp}).`
    : `Lampan vid gångtunneln under Fruängsgången är trasig och det är mörkt på kvällen (${stamp}).`;
  const response = await page.request.post('/api/v1/observations/reports', {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    multipart: {
      category: 'lighting',
      description: text,
      latitude: '59.2857',
      longitude: '17.97',
      photo: { name: 'lampan.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const reported = (await response.json()) as Reported;
  expect(reported.photoHeld).toBe(true);
  expect(reported.photo ?? null).toBeNull();
  expect(reported.descriptionHeld).toBe(phone);
  return { ...reported, text };
}

const heading = (number: number) => `Iakttagelse nr ${number}: Belysning`;

test('staff see a resident’s held report with its photo, approve the photo and the description, and the report is public', async ({ page }) => {
  const held = await report(page, { phone: true });

  // Until then the public sees neither the photo nor the description.
  expect((await page.request.get(`/api/v1/observations/${held.id}/photo`)).status()).toBe(404);

  await signedIn(page, 'staff');
  await page.goto('/personal');
  const menu = page.getByRole('navigation', { name: 'Personalmeny' });
  await expect(menu.getByRole('link', { name: /^Granska rapporter \(\d+\+? väntar\)$/ })).toBeVisible();
  await menu.getByRole('link', { name: /^Granska rapporter/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Granska rapporter' })).toBeFocused();

  const card = page.getByRole('article', { name: heading(held.number) });
  await expect(card).toBeVisible();
  await expect(card.getByText('En invånare')).toBeVisible();
  await expect(card.getByText(/^Bilden och beskrivningen väntar på granskning\./)).toBeVisible();
  // The held photo is shown to staff: fetched with their token, drawn from the image's bytes.
  const thumbnail = card.getByRole('img', { name: `Bilden till iakttagelse nr ${held.number}, förminskad` });
  await expect(thumbnail).toBeVisible();
  await expect(thumbnail).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
  await card.getByRole('button', { name: 'Visa bilden i full storlek' }).click();
  await expect(card.getByRole('img', { name: `Bilden till iakttagelse nr ${held.number} i full storlek` })).toBeVisible();

  await card.getByRole('button', { name: 'Godkänn bilden' }).click();
  await expect(page.getByRole('status').filter({
    hasText: `Bilden till iakttagelse nr ${held.number} är godkänd och visas nu för alla. Beskrivningen väntar fortfarande på granskning.`,
  })).toBeVisible();
  await expect(card.getByRole('heading', { level: 4, name: 'Bild (publicerad)' })).toBeVisible();

  await card.getByRole('checkbox', { name: 'Jag har läst de markerade delarna och de pekar inte ut någon' }).check();
  await card.getByRole('button', { name: 'Publicera som den är' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Beskrivningen av iakttagelse nr ${held.number} är publicerad.` })).toBeVisible();
  await expect(card).toHaveCount(0);

  // The API now serves the whole report to anyone: the photo public, the observation in its neighbourhood's list.
  const stored = (await (await page.request.get(`/api/v1/observations/${held.id}`)).json()) as Reported;
  expect(stored.photoHeld).toBe(false);
  expect(stored.descriptionHeld).toBe(false);
  expect(stored.description).toBe(held.text);
  expect(stored.photo?.url).toBeTruthy();
  const photo = await page.request.get(stored.photo!.url);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/jpeg');
  const listed = (await (await page.request.get('/api/v1/observations?area=fruangen&status=reported&limit=100')).json()) as { items: Reported[] };
  const inList = listed.items.find((o) => o.id === held.id);
  expect(inList, 'the report in Fruängen’s list').toBeTruthy();
  expect(inList!.photoHeld).toBe(false);
  expect(inList!.photo?.thumbnailUrl).toBe(stored.photo!.thumbnailUrl);

  // In the follow-up, among the new reports, its card shows the public thumbnail and its point is on the map.
  await page.goto('/personal/iakttagelser?omrade=fruangen');
  await page.getByRole('link', { name: 'Visa nya rapporter' }).click();
  await expect(page).toHaveURL(/status=reported/);
  const followUp = page.getByRole('article').filter({ has: page.getByRole('heading', { name: `Nr ${held.number}: Belysning` }) });
  await expect(followUp.getByRole('img', { name: `Bilden till nr ${held.number}. Öppnas i full storlek i en ny flik.` })).toBeVisible();
  const map = page.getByRole('region', { name: /^Karta: iakttagelserna i listan/ });
  await expect(map).toBeVisible();
  await expect(map.locator('path.map-observation, .map-cluster').first()).toBeVisible();
  // Every card is a point on the map, drawn on its own or counted in a cluster (from 20 on). Both are counted together
  // until they agree: the unfiltered list's cards may still be on the page for a moment after the filter is chosen.
  const drawnAndCards = async (): Promise<[number, number]> => [
    (await map.locator('path.map-observation').count()) +
      (await map.locator('.map-cluster span[aria-hidden]').allTextContents()).reduce((sum, n) => sum + Number(n), 0),
    await page.getByRole('article').count(),
  ];
  await expect.poll(async () => { const [drawn, cards] = await drawnAndCards(); return drawn === cards && cards > 0; }).toBe(true);
});

test('a photo removed on the review page is gone for good, and the report is public without it', async ({ page }) => {
  const held = await report(page, { phone: false });
  await signedIn(page, 'moderator');
  await page.goto('/personal/granska');
  const card = page.getByRole('article', { name: heading(held.number) });
  await expect(card.getByText('Beskrivningen är redan publicerad.')).toBeVisible();
  await card.getByRole('button', { name: 'Ta bort bilden' }).click();
  await expect(card.getByText(/^Vill du ta bort bilden till iakttagelse nr \d+\? Den raderas helt/)).toBeFocused();
  await card.getByRole('button', { name: 'Ja, ta bort bilden' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Bilden till iakttagelse nr ${held.number} är borttagen. Hela rapporten är nu offentlig.` })).toBeVisible();
  await expect(card).toHaveCount(0);

  const stored = (await (await page.request.get(`/api/v1/observations/${held.id}`)).json()) as Reported;
  expect(stored.photoHeld).toBe(false);
  expect(stored.photo ?? null).toBeNull();
  expect(stored.description).toBe(held.text);
});

for (const size of widths) {
  test(`the review page with a photo and the follow-up with its map pass axe at ${size.name} width`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    const held = await report(page, { phone: true });
    await signedIn(page, 'staff');
    await page.goto('/personal/granska');
    const card = page.getByRole('article', { name: heading(held.number) });
    await expect(card.getByRole('img', { name: /förminskad/ })).toBeVisible();
    await card.getByRole('button', { name: 'Visa bilden i full storlek' }).click();
    await expect(card.getByRole('img', { name: /i full storlek/ })).toBeVisible();
    await card.getByRole('button', { name: 'Ta bort bilden' }).click();
    await expect(card.getByRole('button', { name: 'Ja, ta bort bilden' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/personal/iakttagelser?status=reported');
    // Drawn one by one, or (with many in the list) some in numbered clusters.
    await expect(page.getByRole('region', { name: /^Karta: iakttagelserna i listan/ }).locator('path.map-observation, .map-cluster').first()).toBeVisible();
    await expect(page.getByText('Rapporten har en bild som väntar på granskning.').first()).toBeVisible();
    await expectAccessible(page);
  });
}
