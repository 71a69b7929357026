import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './support';

/**
 * Takes the README's screenshots of the main pages (docs/screenshots/*.png) from the running app with
 * its demo data, and checks on the way that each page shows real content.
 */
const folder = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(folder, { recursive: true });

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${folder}${name}.png`, fullPage: false });
}

interface Listed { slug: string; kind: string; format: string; id: string }

async function upcomingDialogue(page: Page): Promise<Listed> {
  const response = await page.request.get(`/api/v1/dialogues?from=${encodeURIComponent(new Date().toISOString())}`);
  const { items } = (await response.json()) as { items: Listed[] };
  expect(items.length).toBeGreaterThan(0);
  return items.find((e) => e.format === 'hybrid') ?? items[0]!;
}

test.use({ viewport: { width: 1280, height: 860 } });

test('screenshots of the residents\' pages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  await shoot(page, 'start');

  const dialogue = await upcomingDialogue(page);
  await page.goto(`/dialoger/${dialogue.slug}`);
  await shoot(page, 'event');

  await page.goto(`/dialoger/${dialogue.slug}/fragor`);
  await shoot(page, 'questions');

  await page.goto('/omraden/fruangen/statistik');
  await expect(page.locator('canvas').first()).toBeVisible();
  await shoot(page, 'statistics');
});

test('screenshots of the staff pages', async ({ page }) => {
  await signedIn(page, 'staff');
  await page.goto('/personal/evenemang');
  await shoot(page, 'staff-events');

  const dialogue = await upcomingDialogue(page);
  await page.goto(`/personal/evenemang/${dialogue.id}/fragor`);
  await shoot(page, 'moderation');
});
