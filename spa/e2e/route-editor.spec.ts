import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signedIn, widths } from './support';

interface Plan { id: string; walk?: { route?: { type: string; coordinates: number[][] } | null; meetingLat?: number | null; meetingLon?: number | null } | null }

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A draft walk in Fruängen with no route or meeting position yet, set up through the API. */
async function draftWalk(page: Page, token: string): Promise<string> {
  const startsAt = new Date(Date.now() + 45 * 86400_000);
  startsAt.setUTCHours(17, 0, 0, 0);
  const response = await page.request.post('/api/v1/events', {
    headers: bearer(token),
    data: {
      kind: 'walk', title: `Trygghetsvandring i Fruängen ${Date.now()}`, areaSlug: 'fruangen', format: 'onSite', participationLevel: 'dialogue',
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
      walk: { meetingPoint: 'Vid tunnelbaneentrén', lightCondition: 'darkness' },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function plan(page: Page, token: string, id: string): Promise<Plan> {
  const response = await page.request.get(`/api/v1/events/${id}`, { headers: bearer(token) });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as Plan;
}

async function openEditor(page: Page, id: string) {
  await page.goto(`/personal/evenemang/${id}`);
  const map = page.getByRole('region', { name: 'Karta för att rita vandringens sträcka och samlingsplats' });
  await expect(map).toBeVisible();
  // The base is drawn (and the map fitted to Fruängen) before anything is picked.
  await expect(map.locator('path.map-area')).toHaveCount(17);
  return map;
}

test('staff draw a route with clicks, set the meeting point, undo once, and the API returns that LineString', async ({ page }) => {
  const token = await signedIn(page, 'staff');
  const id = await draftWalk(page, token);
  const map = await openEditor(page, id);
  // A click at a pixel offset from the map's centre (Fruängen, which the map is fitted to), the map scrolled into view.
  const at = async (dx: number, dy: number) => {
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
  };

  await expect(page.getByRole('button', { name: 'Rita sträckan' })).toHaveAttribute('aria-pressed', 'true');
  await at(-30, -20);
  await at(-10, -10);
  await at(10, 0);
  await at(30, 10);
  await expect(map.locator('path.map-route')).toHaveCount(1);
  await expect(map.locator('path.map-route-point')).toHaveCount(4);

  await page.getByRole('button', { name: 'Sätt samlingsplats' }).click();
  await at(-30, -18);
  await expect(map.locator('path.map-meeting')).toHaveCount(1);
  await page.getByRole('button', { name: 'Rita sträckan' }).click();
  await at(40, 20);
  await expect(page.getByRole('list').filter({ hasText: 'Ta bort punkt 5' }).getByRole('listitem')).toHaveCount(5);

  await page.getByRole('button', { name: 'Ångra' }).click();
  const points = page.getByRole('list').filter({ hasText: 'Ta bort punkt 4' }).getByRole('listitem');
  await expect(points).toHaveCount(4);
  await expect(points.first()).toContainText(/^59\.\d{5}, 17\.\d{5}/);
  await expect(page.getByRole('heading', { name: 'Sträckans punkter (4)' })).toBeVisible();

  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();

  const saved = await plan(page, token, id);
  expect(saved.walk?.route?.type).toBe('LineString');
  const coordinates = saved.walk!.route!.coordinates;
  expect(coordinates).toHaveLength(4);
  // lon/lat order: Fruängen lies near 17.96 E, 59.28 N.
  for (const [lon, lat] of coordinates) {
    expect(lon).toBeGreaterThan(17.9);
    expect(lon).toBeLessThan(18.1);
    expect(lat).toBeGreaterThan(59.2);
    expect(lat).toBeLessThan(59.4);
  }
  // The list shows exactly what was saved, to five decimals.
  await expect(points.first()).toContainText(`${coordinates[0]![1]!.toFixed(5)}, ${coordinates[0]![0]!.toFixed(5)}`);
  expect(saved.walk?.meetingLat).toBeGreaterThan(59.2);
  expect(saved.walk?.meetingLon).toBeGreaterThan(17.9);

  // Loading the walk again shows the route for editing.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sträckans punkter (4)' })).toBeVisible();
  await expect(map.locator('path.map-route-point')).toHaveCount(4);
});

test('by keyboard alone staff type the route and meeting point as coordinates; a point outside the district is refused at the field', async ({ page }) => {
  const token = await signedIn(page, 'staff');
  const id = await draftWalk(page, token);
  await openEditor(page, id);
  const field = page.getByLabel('Koordinater (latitud, longitud)');

  await field.focus();
  await page.keyboard.type('59,2846 17,9694');
  await page.keyboard.press('Enter');
  await page.keyboard.type('59.2860, 17.9660');
  await page.keyboard.press('Enter');
  await page.keyboard.type('not a place');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Skriv latitud och longitud, till exempel 59,3064 18,0014.')).toBeVisible();
  await field.fill('');
  await page.keyboard.type('59.2846, 17.9694');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sätt som samlingsplats' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ta bort samlingsplatsens position' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sträckans punkter (2)' })).toBeVisible();

  await page.getByRole('button', { name: 'Spara ändringar' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
  const saved = await plan(page, token, id);
  expect(saved.walk?.route?.coordinates).toEqual([[17.9694, 59.2846], [17.966, 59.286]]);
  expect([saved.walk?.meetingLat, saved.walk?.meetingLon]).toEqual([59.2846, 17.9694]);

  // Gamla stan lies outside Hägersten-Älvsjö: the API names the route and the point, and nothing changes.
  await field.focus();
  await page.keyboard.type('59.3251, 18.0711');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Spara ändringar' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-field="walk.route"]')).toHaveText(/Punkt 3 på rutten ligger utanför Hägersten-Älvsjö/);
  expect((await plan(page, token, id)).walk?.route?.coordinates).toHaveLength(2);
});

for (const { name, width, height } of widths) {
  test(`the route editor passes axe on a ${name} screen`, async ({ page }) => {
    const token = await signedIn(page, 'staff');
    const id = await draftWalk(page, token);
    await page.setViewportSize({ width, height });
    const map = await openEditor(page, id);
    await page.getByLabel('Koordinater (latitud, longitud)').fill('59,2846 17,9694');
    await page.getByRole('button', { name: 'Lägg till punkt på sträckan' }).click();
    await page.getByLabel('Koordinater (latitud, longitud)').fill('59,2860 17,9660');
    await page.getByRole('button', { name: 'Lägg till punkt på sträckan' }).click();
    await expect(map.locator('path.map-route')).toHaveCount(1);
    for (const button of ['Rita sträckan', 'Sätt samlingsplats', 'Ångra', 'Rensa sträckan']) {
      const size = (await page.getByRole('button', { name: button }).boundingBox())!;
      expect(size.height).toBeGreaterThanOrEqual(44);
    }
    await expectAccessible(page);
  });
}
