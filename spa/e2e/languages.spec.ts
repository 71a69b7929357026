import { expect, test } from '@playwright/test';
import { devToken, expectAccessible } from './support';

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

/** A published dialogue in Fruängen with an Arabic and an English translation, planned through the API as staff do. */
async function translatedDialogue(request: import('@playwright/test').APIRequestContext, token: string, startsAt = days(20)) {
  const headers = { Authorization: `Bearer ${token}` };
  const created = await request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'dialogue', title: 'Dialog på flera språk i Fruängen', areaSlug: 'fruangen', format: 'onSite', participationLevel: 'dialogue',
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      description: 'Öppen dialog om tryggheten kring Fruängens centrum.', place: 'Fruängens centrum',
      venue: { name: 'Fruängens bibliotek', address: 'Fruängsgången 4', accessibilityNotes: 'Entré utan trappsteg, hörslinga.' },
      capacityOnSite: 60, agenda: [{ title: 'Välkommen', minutes: 10 }],
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const plan = (await created.json()) as { id: string; slug: string };
  const published = await request.post(`/api/v1/events/${plan.id}/publish`, { headers, data: { overrideReason: 'Planerat i webbläsartest.' } });
  expect(published.ok(), await published.text()).toBeTruthy();
  for (const [language, data] of [
    ['ar', { title: 'حوار بلغات متعددة في فرووانغن', description: 'حوار مفتوح حول الأمان حول مركز فرووانغن.', venueName: 'مكتبة فرووانغن', agenda: ['أهلاً وسهلاً'] }],
    ['en', { title: 'Dialogue in several languages in Fruängen', description: 'An open dialogue about safety around Fruängen centre.' }],
  ] as const) {
    const put = await request.put(`/api/v1/events/${plan.id}/translations/${language}`, { headers, data });
    expect(put.ok(), await put.text()).toBeTruthy();
  }
  return plan;
}

test('an event switched to Arabic reads right to left, and axe stays clean', async ({ page }) => {
  const plan = await translatedDialogue(page.request, await devToken(page, 'staff'));

  await page.goto(`/dialoger/${plan.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dialog på flera språk i Fruängen' })).toBeVisible();
  const languages = page.getByRole('navigation', { name: 'Läs på fler språk' });
  await expect(languages.getByRole('button')).toHaveText(['Svenska', 'English', 'العربية']);

  await languages.getByRole('button', { name: 'العربية' }).click();
  const title = page.getByRole('heading', { level: 1, name: 'حوار بلغات متعددة في فرووانغن' });
  await expect(title).toBeVisible();
  await expect(title).toHaveAttribute('dir', 'rtl');
  await expect(title).toHaveAttribute('lang', 'ar');
  // Each of the event's own texts says its language: Arabic where translated, Swedish where the translation leaves it out.
  const description = page.getByText('حوار مفتوح حول الأمان حول مركز فرووانغن.');
  await expect(description.locator('xpath=ancestor-or-self::*[@lang][1]')).toHaveAttribute('lang', 'ar');
  await expect(description.locator('xpath=ancestor-or-self::*[@dir][1]')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText('مكتبة فرووانغن, Fruängsgången 4')).toHaveAttribute('lang', 'ar');
  const place = page.getByText('Fruängens centrum', { exact: true });
  await expect(place).toHaveAttribute('lang', 'sv');
  await expect(place).toHaveAttribute('dir', 'ltr');
  // The page's own words stay in the page's language.
  await expect(page.getByRole('heading', { level: 2, name: 'Tid och plats' }).locator('xpath=ancestor-or-self::*[@lang][1]')).toHaveAttribute('lang', 'sv');
  await expect(page).toHaveURL(/\?lang=ar$/);
  await expectAccessible(page);

  // The resident pages themselves in Arabic: the whole page right to left.
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expectAccessible(page);
});

test('the widget with lang="en" lists an event by its English title, marked as English', async ({ page, baseURL }) => {
  // The soonest event in the area, so that it is among the widget's five.
  await translatedDialogue(page.request, await devToken(page, 'staff'), new Date(Date.now() + 10 * 60_000));
  await page.goto('/');
  await page.setContent(`<!doctype html><html lang="en"><head><title>City page</title></head><body><main><h1>Safety</h1>
<script src="${baseURL}/widget/trygghet-events.js"></script>
<trygghet-events area="fruangen" lang="en" limit="5"></trygghet-events></main></body></html>`);

  const title = page.locator('trygghet-events').getByRole('heading', { level: 3, name: 'Dialogue in several languages in Fruängen' }).first();
  await expect(title).toBeVisible();
  await expect(title).toHaveAttribute('lang', 'en');
  await expect(page.locator('trygghet-events').getByRole('heading', { level: 2 })).toHaveText('Upcoming safety dialogues and walks in Fruängen');
});
