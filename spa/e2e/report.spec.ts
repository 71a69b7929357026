import { expect, test, type Page } from '@playwright/test';
import { devToken, expectAccessible, jpeg, widths } from './support';

interface Observation { id: string; number: number; photoHeld: boolean; photo?: { url: string } | null; area: { slug: string } }

async function areaObservations(page: Page, area: string): Promise<Observation[]> {
  const response = await page.request.get(`/api/v1/observations?area=${area}&limit=12`);
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { items: Observation[] }).items;
}

test('a resident reports from an area page with a tapped place and a photo; held until staff clear the photo, then on the area map', async ({ page }) => {
  await page.goto('/omraden/vastertorp');
  await page.getByRole('link', { name: 'Rapportera något du sett i Västertorp' }).click();
  await expect(page).toHaveURL(/\/rapportera\?omrade=vastertorp$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportera något du sett' })).toBeVisible();

  // The map starts on Västertorp; a tap in its middle picks the place, which the form names.
  const map = page.getByRole('region', { name: 'Karta: tryck där du såg det' });
  await expect(map.locator('path.map-area')).toHaveCount(17);
  await map.click();
  await expect(map.locator('path.map-picked')).toHaveCount(1);
  await expect(page.getByText('Vald plats: där du tryckte på kartan. Platsen ligger i Västertorp.')).toBeVisible();

  await page.getByLabel('Vad gäller det?').selectOption({ label: 'Belysning' });
  await page.getByLabel('Beskrivning').fill('Lampan vid lekplatsen är trasig, det är helt mörkt på kvällen.');
  await page.getByLabel('Bild (valfritt)').setInputFiles({ name: 'lampa.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) });
  await expect(page.getByRole('img', { name: 'Bilden du valt' })).toBeVisible();
  await page.getByRole('button', { name: 'Skicka iakttagelsen' }).click();

  const notice = page.getByRole('status').filter({ hasText: /Iakttagelse nr \d+ är registrerad/ });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Rapporten syns när personalen har tittat på bilden.');
  const link = notice.getByRole('link', { name: /Se iakttagelse nr \d+/ });
  const id = (await link.getAttribute('href'))!.split('/').pop()!;

  // Held: not on the public list, not on the map.
  const direct = await page.request.get(`/api/v1/observations/${id}`);
  const held = (await direct.json()) as Observation;
  expect(held.photoHeld).toBe(true);
  expect(held.area.slug).toBe('vastertorp');
  expect((await areaObservations(page, 'vastertorp')).map((o) => o.id)).not.toContain(id);

  // Staff look at the photo and clear it.
  const token = await devToken(page, 'staff');
  const cleared = await page.request.post(`/api/v1/observations/${id}/photo/clear`, { headers: { Authorization: `Bearer ${token}` } });
  expect(cleared.ok()).toBeTruthy();
  const listed = await areaObservations(page, 'vastertorp');
  const mine = listed.find((o) => o.id === id);
  expect(mine?.photoHeld).toBe(false);
  expect(mine?.photo?.url).toBeTruthy();

  // On the area's map and in its list.
  await page.goto('/omraden/vastertorp');
  const areaMap = page.getByRole('region', { name: 'Karta: Västertorp' });
  await expect(areaMap.locator('path.map-observation')).toHaveCount(listed.length);
  await expect(page.getByRole('link', { name: new RegExp(`nr ${held.number}\\b`) }).first()).toBeVisible();
});

test('a resident reports with the keyboard only: category, description and typed coordinates', async ({ page }) => {
  await page.goto('/rapportera?omrade=fruangen');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportera något du sett' })).toBeVisible();
  await expect(page.getByLabel('Vad gäller det?').locator('option')).toHaveCount(11);

  const tabTo = async (name: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const here = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const id = el.id;
        const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : null;
        return (label ?? el.textContent ?? '').trim();
      });
      if (here === name) return;
    }
    throw new Error(`${name} cannot be reached with Tab`);
  };

  await tabTo('Vad gäller det?');
  // A closed select takes typed letters: "G" for Gångvägar.
  await page.keyboard.type('Gång');
  await expect(page.getByLabel('Vad gäller det?')).toHaveValue('walkingPaths');
  await tabTo('Beskrivning');
  await page.keyboard.type('Gångvägen mot tunnelbanan saknar belysning på en lång sträcka.');
  await tabTo('Ange koordinater');
  await page.keyboard.press('Enter');
  await tabTo('Latitud (nord)');
  await page.keyboard.type('59,2855');
  await tabTo('Longitud (öst)');
  await page.keyboard.type('17,9705');
  await expect(page.getByText('Platsen ligger i Fruängen.')).toBeVisible();
  await tabTo('Skicka iakttagelsen');
  await page.keyboard.press('Enter');
  const notice = page.getByRole('status').filter({ hasText: /Iakttagelse nr \d+ är registrerad/ });
  await expect(notice).toBeVisible();
  await expect(notice).toBeFocused();
  await expect(notice).toContainText('Den ligger i Fruängen.');
});

test('a resident finds the place by a typed name, without accents, and the map marks it', async ({ page }) => {
  await page.goto('/rapportera?omrade=fruangen');
  const search = page.getByLabel('Sök en adress eller plats');
  await search.fill('fruangstorget');
  await search.press('Enter');
  // Enter searched; it did not send the report.
  await expect(page.getByText('Välj vad iakttagelsen gäller.')).toHaveCount(0);
  const result = page.getByRole('button', { name: 'Fruängstorget', exact: true });
  await result.click();
  await expect(page.getByText('Vald plats: Fruängstorget. Platsen ligger i Fruängen.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Karta: tryck där du såg det' }).locator('path.map-picked')).toHaveCount(1);

  await search.fill('ingenstans-alls');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByText(/Ingen plats i Hägersten-Älvsjö hittades för ”ingenstans-alls”/)).toBeVisible();
});

test('a report from a walk page offers the meeting point and files the report under the walk', async ({ page }) => {
  const response = await page.request.get('/api/v1/walks?area=aspudden');
  const walk = ((await response.json()) as { items: { id: string; slug: string }[] }).items[0]!;
  await page.goto(`/vandringar/${walk.slug}`);
  await page.getByRole('link', { name: 'Rapportera något du sett längs vandringen' }).click();
  await expect(page).toHaveURL(new RegExp(`/rapportera\\?vandring=${walk.slug}$`));
  await page.getByRole('button', { name: 'Vid samlingsplatsen' }).click();
  await expect(page.getByText(/Platsen ligger i Aspudden/)).toBeVisible();
  await page.getByLabel('Vad gäller det?').selectOption('vegetation');
  await page.getByLabel('Beskrivning').fill('Buskarna vid samlingsplatsen skymmer gatlampan.');
  await page.getByRole('button', { name: 'Skicka iakttagelsen' }).click();
  const link = page.getByRole('status').getByRole('link', { name: /Se iakttagelse nr \d+/ });
  await expect(link).toBeVisible();
  const id = (await link.getAttribute('href'))!.split('/').pop()!;
  const created = (await (await page.request.get(`/api/v1/observations/${id}`)).json()) as { walkId?: string };
  expect(created.walkId).toBe(walk.id);
});

test('a photo the API cannot take is refused next to the photo field, and nothing else typed is lost', async ({ page }) => {
  await page.goto('/rapportera?omrade=hagersten');
  await page.getByRole('button', { name: 'Ange koordinater' }).or(page.getByText('Ange koordinater')).first().click();
  await page.getByLabel('Latitud (nord)').fill('59,2960');
  await page.getByLabel('Longitud (öst)').fill('17,9770');
  await page.getByLabel('Vad gäller det?').selectOption('graffiti');
  await page.getByLabel('Beskrivning').fill('Klotter på hela väggen vid busshållplatsen.');
  // Text named .jpg: the API reads the content, not the name.
  await page.getByLabel('Bild (valfritt)').setInputFiles({ name: 'inte-en-bild.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('det här är ingen bild') });
  await page.getByRole('button', { name: 'Skicka iakttagelsen' }).click();
  const photo = page.getByLabel('Bild (valfritt)');
  await expect(photo).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.photo-field .field-error')).toBeVisible();
  await expect(page.getByLabel('Beskrivning')).toHaveValue('Klotter på hela väggen vid busshållplatsen.');
  await page.getByRole('button', { name: 'Ta bort bilden' }).click();
  await page.getByRole('button', { name: 'Skicka iakttagelsen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Iakttagelse nr \d+ är registrerad/ })).toBeVisible();
});

for (const size of widths) {
  test(`the report page passes axe at ${size.name} width, with the map and with errors shown`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/rapportera?omrade=aspudden');
    await expect(page.locator('path.map-area')).toHaveCount(17);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Skicka iakttagelsen' }).click();
    await expect(page.getByText('Välj vad iakttagelsen gäller.')).toBeVisible();
    await expectAccessible(page);
  });
}
