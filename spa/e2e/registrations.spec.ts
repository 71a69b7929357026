import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { devToken, expectAccessible, signedIn, widths } from './support';

interface Receipt {
  id: string;
  checkInCode: string;
  status: string;
}

/** A hybrid dialogue a week ahead, planned and published by staff through the API (with a reason: it is soon). */
async function publishedDialogue(page: Page, stamp: number): Promise<{ id: string; title: string }> {
  const headers = { Authorization: `Bearer ${await devToken(page, 'staff')}` };
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const title = `Trygghetsdialog med incheckning ${stamp}`;
  const created = await page.request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'dialogue', title, areaSlug: 'fruangen', format: 'hybrid', slug: `incheckning-${stamp}`,
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(), participationLevel: 'dialogue',
      description: 'Vi samtalar om tryggheten kring Fruängens centrum.', problem: 'Otrygghet kvällstid.', place: 'Fruängens bibliotek',
      venue: { name: 'Fruängens bibliotek', address: 'Fruängsgången 6', accessibilityNotes: 'Entré utan trappsteg, hörslinga.' },
      remoteUrl: `https://meet.example/incheckning-${stamp}`, capacityOnSite: 30, capacityRemote: 50, method: 'Samtal i grupper',
      agenda: [{ title: 'Välkommen', minutes: 5 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const plan = (await created.json()) as { id: string };
  const published = await page.request.post(`/api/v1/events/${plan.id}/publish`, { headers, data: { overrideReason: 'Test av incheckning' } });
  expect(published.ok(), await published.text()).toBeTruthy();
  return { id: plan.id, title };
}

async function register(request: APIRequestContext, eventId: string, data: Record<string, unknown>): Promise<Receipt> {
  const response = await request.post(`/api/v1/dialogues/${eventId}/registrations`, {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    data: { consentVersion: '2026-01', ...data },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Receipt;
}

/** The attended count of a mode in the summary table. */
const attended = (page: Page, mode: 'På plats' | 'Digitalt') =>
  page.getByRole('table', { name: 'Anmälningar', exact: true }).getByRole('row', { name: new RegExp(`^${mode}`) }).getByRole('cell').nth(4);

test('staff check a participant in at the door with the keyboard, see the count change, and download the CSV', async ({ page }) => {
  const stamp = Date.now();
  const event = await publishedDialogue(page, stamp);
  const annaEmail = `anna.${stamp}@example.se`;
  const anna = await register(page.request, event.id, { mode: 'onSite', email: annaEmail, name: 'Anna Lindqvist', accessibilityNeeds: 'Hörslinga' });
  await register(page.request, event.id, { mode: 'remote', email: `bo.${stamp}@example.se` });

  // From the event editor, where the summary is, to the registrations page.
  await signedIn(page, 'staff');
  await page.goto(`/personal/evenemang/${event.id}`);
  await page.getByRole('link', { name: 'Anmälningar och incheckning', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Anmälningar: ${event.title}` })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Anna Lindqvist' })).toBeVisible();
  await expect(page.getByRole('cell', { name: `bo.${stamp}@example.se`, exact: true })).toBeVisible();
  await expect(page.getByText(/skrivs det i granskningsloggen/)).toBeVisible();
  await expect(page.getByText(/raderas automatiskt [a-zåäö]+dag \d+ [a-zåäö]+ \d{4}\./)).toBeVisible();
  await expect(attended(page, 'På plats')).toHaveText('0');

  // At the door: the code typed (in lower case, with a space), Enter.
  const field = page.getByLabel('Incheckningskod');
  await field.focus();
  await page.keyboard.type(`${anna.checkInCode.slice(0, 4).toLowerCase()} ${anna.checkInCode.slice(4)}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Incheckad: Anna Lindqvist, på plats' })).toBeVisible();
  await expect(page.getByText('Behov: Hörslinga')).toBeVisible();
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await expect(attended(page, 'På plats')).toHaveText('1');
  await expect(page.getByRole('row', { name: /Anna Lindqvist/ })).toContainText(/Incheckad \d\d:\d\d/);

  // A wrong code: the problem is said, the code stays for correcting.
  await page.keyboard.type('WXYZ7777');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Inte incheckad');
  await expect(page.getByRole('alert')).toContainText('Ingen anmälan till evenemanget har den koden.');
  await expect(field).toHaveValue('WXYZ7777');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();

  // The same person again: told it is a repeat, and nothing is counted twice.
  await page.keyboard.type(anna.checkInCode);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Redan incheckad kl\. \d\d:\d\d: Anna Lindqvist/ })).toBeVisible();
  await expect(attended(page, 'På plats')).toHaveText('1');

  // The CSV, as a file.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ned alla som CSV' }).focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^anmalningar-incheckning-\d+-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain(annaEmail);
  expect(csv).toContain(anna.checkInCode);
  await expect(page.getByText(/är nedladdad\.$/)).toBeVisible();
});

for (const size of widths) {
  test(`the registrations page passes axe at ${size.name} width with a check-in and a problem shown`, async ({ page }) => {
    await page.setViewportSize(size);
    const stamp = Date.now();
    const event = await publishedDialogue(page, stamp);
    const first = await register(page.request, event.id, { mode: 'onSite', email: `c.${stamp}@example.se`, name: 'Cecilia Berg' });
    await register(page.request, event.id, { mode: 'remote', email: `d.${stamp}@example.se`, name: 'David Ek', accessibilityNeeds: 'Textning' });

    await signedIn(page, 'staff');
    await page.goto(`/personal/evenemang/${event.id}/anmalningar`);
    await expect(page.getByRole('rowheader', { name: 'David Ek' })).toBeVisible();
    const field = page.getByLabel('Incheckningskod');
    await field.fill(first.checkInCode);
    await field.press('Enter');
    await expect(page.getByText('Incheckad: Cecilia Berg, på plats')).toBeVisible();
    await expectAccessible(page);

    await field.fill('ACDE');
    await field.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Inte incheckad');
    await expectAccessible(page);
  });
}
