import { expect, test, type APIRequestContext } from '@playwright/test';
import { devToken } from './support';

/** Plans and publishes a dialogue in Fruängen through the API, as staff do (the routine's notice checks overridden). */
async function publishDialogue(request: APIRequestContext, token: string, title: string, startsAt: Date, endsAt: Date) {
  const headers = { Authorization: `Bearer ${token}` };
  const created = await request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'dialogue', title, areaSlug: 'fruangen', format: 'hybrid', participationLevel: 'dialogue',
      startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(),
      description: 'Öppen dialog om tryggheten kring Fruängens centrum.', problem: 'Otrygghet kvällstid.', place: 'Fruängens centrum',
      venue: { name: 'Fruängens bibliotek', address: 'Fruängsgången 4', accessibilityNotes: 'Entré utan trappsteg, hörslinga.' },
      remoteUrl: 'https://meet.example.se/fruangen', capacityOnSite: 60, capacityRemote: 100,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const plan = (await created.json()) as { id: string; slug: string };
  const published = await request.post(`/api/v1/events/${plan.id}/publish`, { headers, data: { overrideReason: 'Planerat i webbläsartest.' } });
  expect(published.ok(), await published.text()).toBeTruthy();
  return plan;
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

test('a closed event shows its feedback first and offers no registration', async ({ page }) => {
  test.setTimeout(120_000);
  const token = await devToken(page, 'staff');
  // An event can be closed only once it has ended: one that lasts a few seconds.
  const ends = new Date(Date.now() + 20_000);
  const plan = await publishDialogue(page.request, token, 'Avslutad dialog i Fruängen', new Date(Date.now() + 15_000), ends);
  await page.waitForTimeout(Math.max(0, ends.getTime() - Date.now() + 1_000));
  const closed = await page.request.post(`/api/v1/events/${plan.id}/close`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { minutes: 'Ett tjugotal deltog.', participantsOnSite: 18, participantsRemote: 4, raised: 'Mörk gångtunnel vid Fruängsgången.', actions: 'Trafikkontoret byter belysning i maj.' },
  });
  expect(closed.ok(), await closed.text()).toBeTruthy();

  await page.goto(`/dialoger/${plan.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Avslutad dialog i Fruängen' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Återkoppling');
  await expect(page.getByRole('region', { name: 'Återkoppling' })).toContainText('Mörk gångtunnel vid Fruängsgången.');
  await expect(page.getByRole('heading', { name: 'Anmäl dig' })).toHaveCount(0);
  await expect(page.getByText(/platser kvar/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /kalender/ })).toHaveCount(0);
  await expect(page.getByText(/Möteslänken/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Frågor och svar från dialogen' })).toBeVisible();
});

test('a cancelled event shows its reason and the next event, and the start page counts only what can be attended', async ({ page }) => {
  const token = await devToken(page, 'staff');
  // The next one starts before anything else planned in Fruängen, so it is the next event in the area.
  const next = await publishDialogue(page.request, token, 'Nästa dialog i Fruängen', minutes(3), minutes(120));
  const cancelled = await publishDialogue(page.request, token, 'Inställd dialog i Fruängen', minutes(60 * 24 * 20), minutes(60 * 24 * 20 + 120));
  const cancel = await page.request.post(`/api/v1/events/${cancelled.id}/cancel`, {
    headers: { Authorization: `Bearer ${token}` }, data: { reason: 'Lokalen är vattenskadad.' },
  });
  expect(cancel.ok(), await cancel.text()).toBeTruthy();

  await page.goto(`/dialoger/${cancelled.slug}`);
  const notice = page.getByRole('region', { name: 'Tillfället är inställt' });
  await expect(notice).toContainText('Lokalen är vattenskadad.');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Tillfället är inställt');
  await expect(page.getByRole('link', { name: /Frågor och svar/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Anmäl dig' })).toHaveCount(0);
  await notice.getByRole('link', { name: 'Nästa dialog i Fruängen' }).click();
  await expect(page).toHaveURL(new RegExp(`/dialoger/${next.slug}$`));

  // What the API lists from now, and which of it can be attended: the start page counts only those.
  const from = encodeURIComponent(new Date().toISOString());
  const listed = await Promise.all(['dialogues', 'walks'].map(async (kind) =>
    ((await (await page.request.get(`/api/v1/${kind}?from=${from}&limit=50`)).json()) as { items: { attendable: boolean; slug: string }[] }).items));
  const attendable = listed.flat().filter((e) => e.attendable).length;
  await page.goto('/');
  await expect(page.getByText(/\d+ kommande tillfällen?/)).toHaveText(new RegExp(`^${attendable} kommande tillfällen?$`));
  const upcoming = page.getByRole('region', { name: 'Kommande' });
  await expect(upcoming.getByRole('article')).toHaveCount(attendable);
  await expect(upcoming.getByRole('link', { name: 'Inställd dialog i Fruängen' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Inställda' }).getByRole('link', { name: 'Inställd dialog i Fruängen' })).toBeVisible();
});
