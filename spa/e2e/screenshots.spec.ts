import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { devToken, signedIn } from './support';

/**
 * Takes screenshots of the main pages from the running app with its demo data, and checks on the way
 * that each page shows real content. With SCREENSHOTS=1 they replace those shown in docs/app.md (docs/screenshots/):
 *   SCREENSHOTS=1 spa/e2e/run e2e/screenshots.spec.ts
 * otherwise they go to test-results/, so a test run leaves the working tree as it was.
 */
const folder = process.env.SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
mkdirSync(folder, { recursive: true });

/** Waits until the page shows its heading and nothing says it is loading (live pages never go network-idle). */
async function shoot(page: Page, name: string) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.screenshot({ path: `${folder}${name}.png`, fullPage: false });
}

interface Listed { slug: string; kind: string; format: string; id: string }

async function upcomingDialogue(page: Page): Promise<Listed> {
  const response = await page.request.get(`/api/v1/dialogues?from=${encodeURIComponent(new Date().toISOString())}`);
  const { items } = (await response.json()) as { items: Listed[] };
  expect(items.length).toBeGreaterThan(0);
  return items.find((e) => e.format === 'hybrid') ?? items[0]!;
}

/** A few questions on the dialogue, as residents ask them: two published (one answered), two waiting (one flagged). */
async function askQuestions(page: Page, dialogueId: string) {
  const moderator = { Authorization: `Bearer ${await devToken(page, 'staff')}` };
  const ask = async (text: string, displayName?: string) => {
    const response = await page.request.post(`/api/v1/dialogues/${dialogueId}/questions`, {
      headers: { 'Idempotency-Key': crypto.randomUUID() }, data: { text, displayName },
    });
    expect(response.ok()).toBeTruthy();
    return ((await response.json()) as { id: string }).id;
  };
  const lighting = await ask('När kommer belysningen i gångtunneln vid tunnelbanan att lagas?', 'Anna');
  const youth = await ask('Vad gör polisen och fältassistenterna för ungdomarna vid centrumtorget på kvällarna?');
  await ask('Kan det bli fler nattvandrare på helgerna?', 'Kalle');
  await ask('Ring mig gärna på 070-123 45 67 om mopederna i parken.');
  for (const id of [lighting, youth]) {
    expect((await page.request.post(`/api/v1/questions/${id}/approve`, { headers: moderator, data: { acknowledgeFlags: false } })).ok()).toBeTruthy();
  }
  const answer = await page.request.post(`/api/v1/questions/${lighting}/answers`, {
    headers: moderator, data: { text: 'Trafikkontoret byter armaturerna i januari. Vi återkommer på nästa dialog.', live: false },
  });
  expect(answer.ok()).toBeTruthy();
}

test.use({ viewport: { width: 1280, height: 860 } });

test('screenshots of the residents\' pages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  await shoot(page, 'start');

  const dialogue = await upcomingDialogue(page);
  await page.goto(`/dialoger/${dialogue.slug}`);
  await shoot(page, 'event');

  await askQuestions(page, dialogue.id);
  await page.goto(`/dialoger/${dialogue.slug}/fragor`);
  await expect(page.getByText('Trafikkontoret byter armaturerna i januari.', { exact: false })).toBeVisible();
  await shoot(page, 'questions');

  await page.goto('/omraden/hagersten-alvsjo/statistik');
  await expect(page.locator('canvas').first()).toBeVisible();
  await shoot(page, 'statistics');

  // A past walk with its route, meeting point and observations on the map (the demo has no tile source: the base is
  // the neighbourhoods themselves).
  const walks = (await (await page.request.get('/api/v1/walks?area=aspudden')).json()) as { items: Listed[] };
  await page.goto(`/vandringar/${walks.items[0]!.slug}`);
  await expect(page.locator('path.map-route')).toHaveCount(1);
  await page.getByRole('heading', { level: 2, name: 'Karta', exact: true }).scrollIntoViewIfNeeded();
  await shoot(page, 'walk-map');
});

test('the start page on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  await shoot(page, 'start-phone');
});

test('screenshots of the staff pages', async ({ page }) => {
  await signedIn(page, 'staff');
  await page.goto('/personal/evenemang');
  await shoot(page, 'staff-events');

  const dialogue = await upcomingDialogue(page);
  await page.goto(`/personal/evenemang/${dialogue.id}/fragor`);
  await expect(page.locator('mark').first()).toBeVisible();
  await shoot(page, 'moderation');
});
