import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, widths } from './support';

interface Listed { id: string; slug: string }
interface Observation { id: string; walkId?: string | null }

async function aspuddenWalk(page: Page): Promise<Listed> {
  const response = await page.request.get('/api/v1/walks?area=aspudden');
  const { items } = (await response.json()) as { items: Listed[] };
  expect(items.length).toBeGreaterThan(0);
  return items[0]!;
}

async function observations(page: Page, query: string): Promise<Observation[]> {
  const response = await page.request.get(`/api/v1/observations?${query}&limit=100`);
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { items: Observation[] }).items;
}

test('a walk page draws the route, the meeting point and every observation along it, and lists them too', async ({ page }) => {
  const walk = await aspuddenWalk(page);
  const seen = await observations(page, `walkId=${walk.id}`);
  expect(seen.length).toBeGreaterThan(0);

  await page.goto(`/vandringar/${walk.slug}`);
  const map = page.getByRole('region', { name: /^Karta: Trygghetsvandring i Aspudden/ });
  await expect(map).toBeVisible();
  await expect(map.locator('path.map-route')).toHaveCount(1);
  await expect(map.locator('path.map-meeting')).toHaveCount(1);
  await expect(map.locator('path.map-observation')).toHaveCount(seen.length);
  // Without a tile source the neighbourhoods themselves are the base, named.
  await expect(map.locator('path.map-area')).toHaveCount(17);
  await expect(map.locator('.map-area-label', { hasText: 'Aspudden' })).toBeVisible();
  // Nothing only on the map: the same observations as links, and a key to the symbols.
  const section = page.getByRole('region', { name: 'Karta', exact: true });
  await expect(section.getByRole('heading', { level: 3, name: `${seen.length} iakttagelser längs vandringen` })).toBeVisible();
  await expect(section.getByRole('listitem').filter({ has: page.getByRole('link') })).toHaveCount(seen.length);
  await expect(section.getByText('Vandringens sträcka')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zooma in' })).toBeVisible();

  // A point on the map opens the observation.
  await map.locator('path.map-observation').first().click({ force: true });
  await expect(page).toHaveURL(/\/iakttagelser\/[0-9a-f-]{36}$/);
});

test('an area page draws its open and followed-up observations on the district map, its own boundary marked', async ({ page }) => {
  const listed = await observations(page, 'area=aspudden');
  await page.goto('/omraden/aspudden');
  const map = page.getByRole('region', { name: 'Karta: Aspudden' });
  await expect(map).toBeVisible();
  await expect(map.locator('path.map-observation')).toHaveCount(Math.min(listed.length, 12));
  await expect(map.locator('path.map-area')).toHaveCount(17);
});

test('a dialogue page shows its venue on the map', async ({ page }) => {
  const response = await page.request.get('/api/v1/dialogues?area=fruangen');
  const { items } = (await response.json()) as { items: (Listed & { venue?: { lat?: number | null } | null })[] };
  const dialogue = items.find((d) => d.venue?.lat != null);
  expect(dialogue).toBeTruthy();
  await page.goto(`/dialoger/${dialogue!.slug}`);
  const map = page.getByRole('region', { name: /^Karta: / });
  await expect(map.locator('path.map-venue')).toHaveCount(1);
  await expect(page.getByText('Plats för mötet')).toBeVisible();
});

for (const size of widths) {
  test(`the map pages pass axe at ${size.name} width`, async ({ page }) => {
    await page.setViewportSize(size);
    const walk = await aspuddenWalk(page);
    await page.goto(`/vandringar/${walk.slug}`);
    await expect(page.locator('path.map-route')).toHaveCount(1);
    await expectAccessible(page);
    await page.goto('/omraden/aspudden');
    await expect(page.locator('path.map-area')).toHaveCount(17);
    await expectAccessible(page);
  });
}
