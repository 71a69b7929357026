import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, signedIn, signInAs, widths } from './support';

/** A Stockholm wall-clock value for a datetime-local field, `days` from today at `time`. */
function localDate(days: number, time: string): string {
  const date = new Date(Date.now() + days * 86400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${time}`;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A draft dialogue in Aspudden, set up through the API. */
async function draftDialogue(request: APIRequestContext, token: string, title: string): Promise<string> {
  const startsAt = new Date(Date.now() + 40 * 86400_000);
  startsAt.setUTCHours(16, 0, 0, 0);
  const response = await request.post('/api/v1/events', {
    headers: bearer(token),
    data: {
      kind: 'dialogue', title, areaSlug: 'aspudden', format: 'onSite', participationLevel: 'dialogue',
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
      venue: { name: 'Aspuddens bibliotek', address: 'Hövdingagatan 1', accessibilityNotes: 'Entré utan trappsteg.' },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function rsvpToken(request: APIRequestContext, token: string, eventId: string): Promise<string> {
  const actors = (await (await request.get('/api/v1/actors?kind=police', { headers: bearer(token) })).json()) as { items: { id: string }[] };
  const response = await request.post(`/api/v1/events/${eventId}/invitations`, { headers: bearer(token), data: { actorIds: [actors.items[0]!.id] } });
  expect(response.ok()).toBeTruthy();
  const [invitation] = (await response.json()) as { rsvpToken: string }[];
  return invitation!.rsvpToken;
}

async function heading(page: Page, name: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('staff publish a new dialogue, and residents find it on the start page', async ({ page, browser }) => {
  const title = `Trygghetsdialog om Aspuddsparken ${Date.now()}`;
  await signInAs(page, 'staff');
  await heading(page, 'Översikt för personal');

  await page.getByRole('link', { name: 'Nytt evenemang' }).click();
  await heading(page, 'Nytt evenemang');
  await page.getByLabel('Område').selectOption('aspudden');
  await page.getByLabel('Rubrik').fill(title);
  await page.getByLabel('Börjar').fill(localDate(30, '18:00'));
  await page.getByLabel('Slutar').fill(localDate(30, '19:30'));
  await page.getByLabel('Beskrivning för invånarna').fill('Vi pratar om tryggheten i parken med polisen och förvaltningen.');
  await page.getByLabel('Lokalens namn').fill('Aspuddens bibliotek');
  await page.getByLabel('Adress').fill('Hövdingagatan 1');
  await page.getByLabel('Tillgänglighet').fill('Entré utan trappsteg och hörslinga.');
  await page.getByRole('button', { name: 'Lägg till programpunkt' }).click();
  await page.getByLabel('Punkt 1: vad händer').fill('Välkomna');
  await page.getByLabel('Punkt 1: minuter').fill('10');
  await page.getByRole('button', { name: 'Skapa utkast' }).click();

  await heading(page, `Redigera evenemang: ${title}`);
  await expect(page.getByText('Utkastet är skapat.', { exact: false })).toBeVisible();
  const publish = page.getByRole('region', { name: 'Publicera' });
  // No actors are invited yet, so the routine's actor checks fail and publishing needs a reason.
  await expect(publish.getByText(/Polisen och förvaltningen inbjudna: Inte uppfylld/)).toBeVisible();
  await publish.getByRole('button', { name: 'Publicera' }).click();
  await expect(publish.getByText('Skriv ett skäl för att publicera trots att kontroller inte är uppfyllda.')).toBeVisible();
  await publish.getByLabel('Skäl att publicera ändå').fill('Polisen och förvaltningen har bekräftat per telefon.');
  await publish.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByText('Evenemanget är publicerat och syns nu för invånarna.')).toBeVisible();
  await expect(page.getByText('Publicerad', { exact: true }).first()).toBeVisible();

  const resident = await (await browser.newContext()).newPage();
  await resident.goto('/?omrade=aspudden');
  await expect(resident.getByRole('article').filter({ hasText: title })).toBeVisible();
});

test('a visitor to the staff pages signs in first and comes back to where they were going', async ({ page }) => {
  await page.goto('/personal/evenemang?typ=walk');
  await expect(page).toHaveURL(/\/personal\/logga-in\?till=%2Fpersonal%2Fevenemang%3Ftyp%3Dwalk$/);
  await expect(page.getByText('Det här är utvecklingsinloggningen.', { exact: false })).toBeVisible();
  await page.getByLabel('Roll').selectOption('staff');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/personal\/evenemang\?typ=walk$/);
  await heading(page, 'Evenemang');
  await expect(page.getByText('Inloggad som', { exact: false })).toBeVisible();
});

test('staff move an observation on with a public note', async ({ page }) => {
  const token = await signedIn(page, 'staff');
  const created = await page.request.post('/api/v1/observations', {
    headers: bearer(token),
    data: { category: 'lighting', description: `Trasig lampa vid trappan ${Date.now()}`, severity: 2, lat: 59.3052, lon: 18.004 },
  });
  expect(created.status()).toBe(201);
  const observation = (await created.json()) as { id: string; number: number };

  await page.goto('/personal/iakttagelser?status=reported');
  await heading(page, 'Uppföljning av iakttagelser');
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(`^Nr ${observation.number}:`) }) });
  await expect(card).toBeVisible();
  await card.getByLabel('Ny status').selectOption('investigating');
  await card.getByLabel('Offentlig anteckning').fill('Trafikkontoret tittar på belysningen.');
  await card.getByRole('button', { name: 'Spara status' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Nr ${observation.number} har nu status ”Utreds”.` })).toBeVisible();
  await expect(card.getByText('Trafikkontoret tittar på belysningen.')).toBeVisible();

  const stored = (await (await page.request.get(`/api/v1/observations/${observation.id}`)).json()) as { status: string };
  expect(stored.status).toBe('investigating');
});

for (const size of widths) {
  test(`the staff pages and the RSVP page pass axe at ${size.name} width`, async ({ page }) => {
    // Nine pages, each analysed by axe: on a loaded machine this takes most of the default minute.
    test.setTimeout(150_000);
    await page.setViewportSize(size);
    await page.goto('/personal/logga-in');
    await expect(page.getByLabel('Roll')).toBeVisible();
    await expectAccessible(page);

    const token = await signedIn(page, 'staff');
    const eventId = await draftDialogue(page.request, token, `Axe-dialog ${size.name} ${Date.now()}`);
    const rsvp = await rsvpToken(page.request, token, eventId);

    await page.goto('/personal');
    await expect(page.getByRole('list').filter({ hasText: 'Utkast' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/personal/evenemang');
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/personal/evenemang/${eventId}`);
    await expect(page.getByRole('region', { name: 'Publicera' }).getByText(/Inte uppfylld|Uppfylld/).first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Inbjudna aktörer' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/personal/iakttagelser');
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectAccessible(page);

    await page.goto('/personal/signaler');
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectAccessible(page);

    await page.goto('/personal/evenemang/ny');
    await expect(page.getByLabel('Rubrik')).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/svar#${rsvp}`);
    await heading(page, 'Svar på inbjudan');
    await expect(page.getByText('Polisen', { exact: false }).first()).toBeVisible();
    await page.getByLabel('Vi kommer').check();
    await page.getByLabel('Meddelande till arrangören').fill('Kommissarie Berg kommer.');
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect(page.getByText('Tack! Ert svar är registrerat: Kommer.')).toBeVisible();
    await expectAccessible(page);
  });
}
