import { expect, test, type Page } from '@playwright/test';
import { devToken, expectAccessible, signedIn, widths } from './support';

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

const stillOpen = ['reported', 'investigating', 'planned', 'inProgress'];

test('an area page draws its open observations and its measures on the district map, and lists what the map shows', async ({ page }) => {
  const listed = (await observations(page, 'area=aspudden')) as (Observation & { status: string })[];
  const open = listed.filter((o) => stillOpen.includes(o.status));
  const measures = ((await (await page.request.get('/api/v1/measures?area=aspudden&limit=12')).json()) as { items: { observations: { id: string }[] }[] }).items;
  const placed = measures.flatMap((m) => m.observations).filter((ref) => listed.some((o) => o.id === ref.id)).length;
  expect(open.length).toBeGreaterThan(0);
  await page.goto('/omraden/aspudden');
  const map = page.getByRole('region', { name: 'Karta: Aspudden' });
  await expect(map).toBeVisible();
  await expect(map.locator('path.map-observation')).toHaveCount(open.length);
  await expect(map.locator('path.map-measure')).toHaveCount(placed);
  await expect(map.locator('path.map-area')).toHaveCount(17);
  // The same as a list.
  const summary = page.getByText(new RegExp(`^Kartan visar ${open.length} öppna? iakttagelser?`));
  await summary.click();
  await expect(page.locator('details.map-list li')).toHaveCount(open.length);
});

test('many observations in one area are clustered on its map, and a cluster zooms in when chosen', async ({ page }) => {
  const token = await devToken(page, 'staff');
  // 24 lamps out along one street in Liseberg, a few metres apart.
  for (let i = 0; i < 24; i++) {
    const created = await page.request.post('/api/v1/observations', {
      headers: { Authorization: `Bearer ${token}` },
      data: { category: 'lighting', description: `Lampa nr ${i + 1} längs gångvägen är släckt.`, severity: 2, lat: 59.285 + i * 0.00005, lon: 18.023 + i * 0.00005 },
    });
    expect(created.status()).toBe(201);
  }
  const listed = (await observations(page, 'area=liseberg')) as (Observation & { status: string; area: { slug: string } })[];
  expect(listed.every((o) => o.area.slug === 'liseberg')).toBe(true);
  const open = listed.filter((o) => stillOpen.includes(o.status)).length;
  await page.goto('/omraden/liseberg');
  const map = page.getByRole('region', { name: 'Karta: Liseberg' });
  const clusters = map.locator('.map-cluster');
  await expect(clusters.first()).toBeVisible();
  // Every open observation is in a cluster or drawn on its own.
  const inClusters = async () => (await clusters.locator('span[aria-hidden]').allTextContents()).reduce((sum, n) => sum + Number(n), 0);
  expect((await inClusters()) + (await map.locator('path.map-observation').count())).toBe(open);
  await expect(clusters.first()).toHaveAccessibleName(/^\d+ iakttagelser här, zooma in$/);
  await expect(page.locator('.map-key').getByText('Flera iakttagelser nära varandra')).toBeVisible();
  const zoomBefore = await map.evaluate((el) => el.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '');
  await clusters.first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => map.evaluate((el) => el.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '')).not.toBe(zoomBefore);
  await expectAccessible(page);
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
    const dialogues = ((await (await page.request.get('/api/v1/dialogues?area=fruangen')).json()) as { items: (Listed & { venue?: { lat?: number | null } | null })[] }).items;
    await page.goto(`/dialoger/${dialogues.find((d) => d.venue?.lat != null)!.slug}`);
    await expect(page.locator('path.map-venue')).toHaveCount(1);
    await expectAccessible(page);
    await page.goto('/?visa=karta');
    await expect(page.locator('path.map-area')).toHaveCount(17);
    await expectAccessible(page);
  });
}

test('the start page shows the upcoming events on a map when asked, each opening its page', async ({ page }) => {
  await page.goto('/');
  const list = page.getByRole('region', { name: 'Kommande', exact: true });
  await expect(list.getByRole('article').first()).toBeVisible();
  await expect(page.locator('.leaflet-container')).toHaveCount(0); // no map, and no Leaflet, until asked for
  const cards = await list.getByRole('article').count();
  const toggle = page.getByRole('button', { name: 'Visa på karta' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/visa=karta/);
  const map = page.getByRole('region', { name: 'Karta: kommande dialoger och vandringar' });
  await expect(map.locator('path.map-area')).toHaveCount(17);
  const points = map.locator('path.map-venue, path.map-meeting');
  await expect(points).not.toHaveCount(0);
  // Every card is on the map, or counted among those only in the list (online events have no place).
  const onlyListed = list.getByText(/(är digitalt|är digitala) och finns bara i listan/);
  const note = (await onlyListed.count()) > 0 ? await onlyListed.textContent() : null;
  const online = note ? Number(/^(\d+)/.exec(note)![1]) : 0;
  expect((await points.count()) + online).toBe(cards);
  await points.first().click({ force: true });
  await expect(page).toHaveURL(/\/(dialoger|vandringar)\/[a-z0-9-]+$/);
});

test('the signals page fills the neighbourhoods that need attention, as its list does', async ({ page }) => {
  const token = await devToken(page, 'staff');
  const response = await page.request.get('/api/v1/statistics/signals', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.ok()).toBeTruthy();
  const signals = (await response.json()) as { flagged: boolean }[];
  await signedIn(page, 'staff');
  await page.goto('/personal/signaler');
  const map = page.getByRole('region', { name: 'Karta: stadsdelarna efter signalerna i listan nedan' });
  await expect(map.locator('path.map-area')).toHaveCount(17);
  await expect(map.locator('path.map-area-attention')).toHaveCount(signals.filter((s) => s.flagged).length);
  await expect(map.locator('path.map-area-calm')).toHaveCount(signals.filter((s) => !s.flagged).length);
  await expect(page.locator('.map-key').getByText('Områden som behöver uppmärksamhet')).toBeVisible();
  for (const size of widths) {
    await page.setViewportSize(size);
    await expectAccessible(page);
  }
});
