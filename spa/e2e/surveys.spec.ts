import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { devToken, expectAccessible } from './support';

/** Reads the survey link (`/enkat#<token>`) out of the e-mail the API wrote to `to`. */
async function surveyLinkFromMail(to: string): Promise<string> {
  const dir = process.env.MAIL_DIR;
  expect(dir, 'MAIL_DIR from spa/e2e/run').toBeTruthy();
  let link = '';
  await expect
    .poll(
      async () => {
        for (const file of await readdir(dir!)) {
          const raw = await readFile(join(dir!, file), 'utf8');
          const text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
          if (!text.includes(to)) continue;
          const match = /\/enkat#([A-Za-z0-9_-]{43})/.exec(text);
          if (match) link = `/enkat#${match[1]}`;
        }
        return link;
      },
      { timeout: 30_000, message: `an e-mail to ${to} with the survey link` },
    )
    .not.toBe('');
  return link;
}

test('a participant answers the survey from the e-mail after the dialogue is closed, once', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const token = await devToken(page, 'staff');
  const headers = { Authorization: `Bearer ${token}` };
  const stamp = Date.now();
  // An event can be closed only once it has ended: one that lasts a few seconds.
  const ends = new Date(stamp + 20_000);
  const created = await page.request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'dialogue', title: 'Dialog med enkät i Fruängen', areaSlug: 'fruangen', format: 'onSite', participationLevel: 'dialogue',
      startsAt: new Date(stamp + 15_000).toISOString(), endsAt: ends.toISOString(), slug: `dialog-med-enkat-${stamp}`,
      description: 'Öppen dialog om tryggheten kring Fruängens centrum.', problem: 'Otrygghet kvällstid.', place: 'Fruängens centrum',
      venue: { name: 'Fruängens bibliotek', address: 'Fruängsgången 4', accessibilityNotes: 'Entré utan trappsteg, hörslinga.' },
      capacityOnSite: 60,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const plan = (await created.json()) as { id: string; slug: string };
  const published = await page.request.post(`/api/v1/events/${plan.id}/publish`, { headers, data: { overrideReason: 'Planerat i webbläsartest.' } });
  expect(published.ok(), await published.text()).toBeTruthy();
  const email = `enkat.${stamp}@example.se`;
  const registered = await page.request.post(`/api/v1/dialogues/${plan.id}/registrations`, {
    headers: { 'Idempotency-Key': `e2e-survey-${stamp}` },
    data: { mode: 'onSite', consentVersion: '2026-01', email },
  });
  expect(registered.ok(), await registered.text()).toBeTruthy();

  await page.waitForTimeout(Math.max(0, ends.getTime() - Date.now() + 1_000));
  const closed = await page.request.post(`/api/v1/events/${plan.id}/close`, {
    headers,
    data: { minutes: 'Ett tjugotal deltog.', participantsOnSite: 18, participantsRemote: 0, raised: 'Mörk gångtunnel.', actions: 'Belysningen byts i maj.' },
  });
  expect(closed.ok(), await closed.text()).toBeTruthy();

  const link = await surveyLinkFromMail(email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Vad tyckte du?' })).toBeVisible();
  await expect(page.getByText(/Fyra korta frågor efter trygghetsdialogen Dialog med enkät i Fruängen/)).toBeVisible();
  // The same link open in a second tab, as when someone clicks the e-mail twice.
  const second = await (await browser.newContext()).newPage();
  await second.goto(new URL(link, page.url()).toString());
  await expect(second.getByRole('button', { name: 'Skicka svaret' })).toBeVisible();

  // Required questions first: sending without them says which one is missing.
  await page.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(page.getByRole('alert')).toContainText('Hur trygg känner du dig');
  await page.getByRole('group', { name: /Hur trygg känner du dig/ }).getByRole('radio', { name: /^4$/ }).check();
  await page.getByRole('group', { name: /givande/ }).getByRole('radio', { name: 'Delvis' }).check();
  await page.getByRole('group', { name: /komma på en trygghetsdialog/ }).getByRole('radio', { name: 'Ja' }).check();
  await page.getByLabel(/Vad borde stadsdelen göra först/).fill('Bättre belysning i gångtunneln.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(page.getByText(/Tack för ditt svar!/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Se vad deltagarna har svarat' })).toBeVisible();

  // The second tab's answer is refused with a clear message; the link took one answer.
  await second.getByRole('group', { name: /Hur trygg känner du dig/ }).getByRole('radio', { name: /^1/ }).check();
  await second.getByRole('group', { name: /givande/ }).getByRole('radio', { name: 'Nej' }).check();
  await second.getByRole('group', { name: /komma på en trygghetsdialog/ }).getByRole('radio', { name: 'Nej' }).check();
  await second.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(second.getByText(/redan besvarad via den här länken/)).toBeVisible();

  // Opening the link again says it is answered; the event's page says there are too few answers to show.
  await page.reload();
  await expect(page.getByText('Enkäten är redan besvarad via den här länken. Tack!')).toBeVisible();
  await page.goto(`/dialoger/${plan.slug}`);
  const results = page.getByRole('region', { name: 'Deltagarnas svar efteråt' });
  await expect(results).toContainText('1 av 1 tillfrågade har svarat.');
  await expect(results).toContainText(/För få svar/);
  await expect(results).not.toContainText('Bättre belysning');
});
