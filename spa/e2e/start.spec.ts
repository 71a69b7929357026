import { expect, test } from '@playwright/test';
import { expectAccessible, widths } from './support';

test('the start page lists upcoming events and filters them by neighbourhood and format', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Trygghetsdialoger och trygghetsvandringar' })).toBeVisible();
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  const all = await cards.count();
  expect(all).toBeGreaterThan(1);

  const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/walks') && r.url().includes('format=remote'));
  await page.getByLabel('Form').selectOption('remote');
  await expect(page).toHaveURL(/format=remote/);
  await filtered;
  await expect(page.locator('section[aria-busy="false"]')).toBeVisible();
  for (const text of await cards.allInnerTexts()) expect(text).toMatch(/Digitalt|På plats och digitalt/);

  await page.getByLabel('Form').selectOption('');
  await page.getByLabel('Område').selectOption('fruangen');
  await expect(page).toHaveURL(/omrade=fruangen/);
});

test('the app speaks English after the switch, and keeps the choice', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Safety dialogues and safety walks' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Safety dialogues and safety walks' })).toBeVisible();
});

test('an unknown page is a friendly 404 in the app, an unknown API path a problem', async ({ page }) => {
  await page.goto('/finns-inte');
  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
  const response = await page.request.get('/api/v1/finns-inte');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toContain('application/problem+json');
});

for (const size of widths) {
  test(`the start page passes axe at ${size.name} width`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectAccessible(page);
  });
}

test('after following a link, focus is on the new page\'s heading', async ({ page }) => {
  await page.goto('/');
  const first = page.getByRole('article').first().getByRole('link');
  const title = await first.innerText();
  await first.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(title);
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – `));
});

for (const size of widths) {
  test(`the not-found page passes axe at ${size.name} width`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/finns-inte');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  });
}
