import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { devToken, expectAccessible, upcomingHybridDialogue, widths } from './support';

/**
 * A remote dialogue starting in a few minutes, planned and published by staff through the API, so
 * that its meeting link (open from 30 minutes before the start) can already be fetched.
 */
async function remoteDialogueStartingSoon(page: Page): Promise<{ path: string; remoteUrl: string }> {
  const token = await devToken(page, 'staff');
  const headers = { Authorization: `Bearer ${token}` };
  const stamp = Date.now();
  const startsAt = new Date(stamp + 10 * 60_000);
  const remoteUrl = `https://meet.example/e2e-${stamp}`;
  const created = await page.request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'dialogue', title: 'Digital trygghetsdialog snart', areaSlug: 'fruangen', format: 'remote',
      startsAt: startsAt.toISOString(), endsAt: new Date(stamp + 70 * 60_000).toISOString(), participationLevel: 'dialogue',
      slug: `digital-trygghetsdialog-${stamp}`, description: 'Vi samtalar digitalt om tryggheten i Fruängen.', problem: 'Otrygghet kvällstid.',
      place: 'Digitalt', remoteUrl, capacityRemote: 100, method: 'Digitalt möte', agenda: [{ title: 'Välkommen', minutes: 5 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const plan = (await created.json()) as { id: string; slug: string };
  // It starts too soon for the routine's notice checks: staff publish with a reason, as the routine allows.
  const published = await page.request.post(`/api/v1/events/${plan.id}/publish`, { headers, data: { overrideReason: 'Test av digital anslutning' } });
  expect(published.ok(), await published.text()).toBeTruthy();
  return { path: `/dialoger/${plan.slug}`, remoteUrl };
}

/** Reads the manage link (`/anmalan#<token>`) out of the e-mail the API wrote to `to`. */
async function manageLinkFromMail(to: string): Promise<string> {
  const dir = process.env.MAIL_DIR;
  expect(dir, 'MAIL_DIR from spa/e2e/run').toBeTruthy();
  let link = '';
  await expect
    .poll(
      async () => {
        for (const file of await readdir(dir!)) {
          const text = decodeMail(await readFile(join(dir!, file), 'utf8'));
          if (!text.includes(to)) continue;
          const match = /\/anmalan#([A-Za-z0-9_-]{43})/.exec(text);
          if (match) link = `/anmalan#${match[1]}`;
        }
        return link;
      },
      { timeout: 30_000, message: `an e-mail to ${to} with the manage link` },
    )
    .not.toBe('');
  return link;
}

/** The message as text: quoted-printable soft breaks and escapes undone, base64 parts decoded. */
function decodeMail(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const base64 = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
    .map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'))
    .join('\n');
  return `${qp}\n${base64}`;
}

const unique = (name: string) => `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.se`;

test('a resident registers remotely, opens the manage link from the e-mail and sees the meeting link', async ({ page }) => {
  const { path, remoteUrl } = await remoteDialogueStartingSoon(page);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Digital trygghetsdialog snart' })).toBeVisible();
  await expect(page.getByText('Du deltar digitalt.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Lägg till i din kalender/ })).toHaveAttribute('href', /\/api\/v1\/dialogues\/.+\/calendar\.ics$/);

  const email = unique('ana');
  await page.getByLabel('Namn (frivilligt)').fill('Ana Andersson');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByRole('checkbox', { name: /godkänner/ }).check();
  await page.getByRole('button', { name: 'Anmäl mig' }).click();

  const heading = page.getByRole('heading', { name: 'Du är anmäld!' });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('link', { name: /Se, ändra eller avboka/ })).toHaveAttribute('href', /^\/anmalan#[A-Za-z0-9_-]{43}$/);

  // The e-mail's link (for an event this close, the reminder carries a second link; both work).
  const link = await manageLinkFromMail(email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Din anmälan' })).toBeVisible();
  await expect(page.getByText('Anmäld', { exact: true })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole('button', { name: 'Visa möteslänken' }).click();
  await expect(page.getByRole('link', { name: 'Gå med i mötet' })).toHaveAttribute('href', remoteUrl);
});

test('a remote registrant of a later event sees when the meeting link opens', async ({ page }) => {
  // Days ahead, so not a dialogue another spec made to start soon, whose meeting link is already open.
  await page.goto(await upcomingHybridDialogue(page, 3));
  await page.getByRole('radio', { name: /Digitalt/ }).check();
  await page.getByLabel('E-postadress').fill(unique('bo'));
  await page.getByRole('checkbox', { name: /godkänner/ }).check();
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByRole('heading', { name: 'Du är anmäld!' })).toBeFocused();
  await page.getByRole('link', { name: /Se, ändra eller avboka/ }).click();
  await expect(page.getByText(/Möteslänken visas här från/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Visa möteslänken' })).toHaveCount(0);
});

test('a resident registers with the keyboard alone, from the event page to the confirmation', async ({ page }) => {
  await page.goto(await upcomingHybridDialogue(page));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? `${el.tagName.toLowerCase()}:${el.name || el.textContent?.trim() || ''}` : '';
  });
  // Tab through the page's links until the mode choice, as a keyboard user would.
  for (let i = 0; i < 80 && (await focused()) !== 'input:mode'; i++) await page.keyboard.press('Tab');
  expect(await focused()).toBe('input:mode');
  await page.keyboard.press('ArrowDown'); // on site → online
  await expect(page.getByRole('radio', { name: /Digitalt/ })).toBeChecked();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('input:name');
  await page.keyboard.type('Cecilia');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('input:email');
  await page.keyboard.type(unique('cecilia'));
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('textarea:accessibilityNeeds');
  await page.keyboard.type('Textning');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('input:consent');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: /godkänner/ })).toBeChecked();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button:Anmäl mig');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Du är anmäld!' })).toBeFocused();
  // The manage link is next in the tab order, and opens with Enter.
  for (let i = 0; i < 10 && !(await focused()).includes('Se, ändra'); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Din anmälan' })).toBeVisible();
});

test('a bad e-mail address is shown next to the field and what was typed stays', async ({ page }) => {
  await page.goto(await upcomingHybridDialogue(page));
  await page.getByRole('radio', { name: /Digitalt/ }).check();
  await page.getByLabel('Namn (frivilligt)').fill('David');
  const email = page.getByLabel('E-postadress');
  await email.fill('david@');
  await page.getByLabel(/Behöver du något/).fill('Hörslinga');
  await page.getByRole('checkbox', { name: /godkänner/ }).check();
  await page.getByRole('button', { name: 'Anmäl mig' }).click();

  await expect(page.getByRole('alert')).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect(errorId).toBeTruthy();
  await expect(page.locator(`[id="${errorId}"]`)).toBeVisible();
  await expect(page.locator(`[id="${errorId}"]`)).not.toBeEmpty();
  await expect(email).toHaveValue('david@');
  await expect(page.getByLabel('Namn (frivilligt)')).toHaveValue('David');
  await expect(page.getByLabel(/Behöver du något/)).toHaveValue('Hörslinga');
  await expect(page.getByRole('radio', { name: /Digitalt/ })).toBeChecked();

  // Corrected, the same form goes through.
  await email.fill(unique('david'));
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await expect(page.getByRole('heading', { name: 'Du är anmäld!' })).toBeFocused();
});

for (const size of widths) {
  test(`the event page, the confirmation and the manage page pass axe at ${size.name} width`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto(await upcomingHybridDialogue(page));
    await expect(page.getByRole('heading', { name: 'Tid och plats' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Anmäl mig' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel(/E-postadress/).fill(unique(`axe-${size.name}`));
    await page.getByRole('checkbox', { name: /godkänner/ }).check();
    await page.getByRole('button', { name: 'Anmäl mig' }).click();
    await expect(page.getByRole('heading', { name: 'Du är anmäld!' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: /Se, ändra eller avboka/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Din anmälan' })).toBeVisible();
    await expect(page.getByText('Anmäld', { exact: true })).toBeVisible();
    await expectAccessible(page);
  });
}

/** The path of the demo seed's first event of a kind whose slug starts with `prefix`. */
async function demoEvent(page: Page, kind: 'dialogues' | 'walks', prefix: string): Promise<string> {
  const response = await page.request.get(`/api/v1/${kind}?limit=100`);
  const { items } = (await response.json()) as { items: { slug: string }[] };
  const event = items.find((e) => e.slug.startsWith(prefix));
  expect(event, `${prefix} in the demo seed`).toBeTruthy();
  return `/${kind === 'walks' ? 'vandringar' : 'dialoger'}/${event!.slug}`;
}

test('a closed dialogue shows its feedback, a cancelled one its reason, a walk its meeting point', async ({ page }) => {
  await page.goto(await demoEvent(page, 'dialogues', 'trygghetsdialog-i-aspudden'));
  await expect(page.getByRole('heading', { name: 'Återkoppling' })).toBeVisible();
  await expect(page.getByText(/sanerar klotter/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anmäl mig' })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(await demoEvent(page, 'dialogues', 'trygghetsdialog-pa-distans-liljeholmen'));
  await expect(page.getByRole('heading', { name: 'Tillfället är inställt' })).toBeVisible();
  await expect(page.getByText('Lokalen är inte tillgänglig. En ny tid meddelas här.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anmäl mig' })).toHaveCount(0);

  await page.goto(await demoEvent(page, 'walks', 'trygghetsvandring-i-fruangen'));
  await expect(page.getByRole('term').filter({ hasText: /^Samlingsplats$/ })).toBeVisible();
  await expect(page.getByText('Du deltar på plats.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Lägg till i din kalender/ })).toHaveAttribute('href', /\/api\/v1\/walks\/.+\/calendar\.ics$/);
  await expect(page.getByRole('link', { name: 'Frågor och svar' })).toHaveCount(0);
});

test('a registrant switches to on site, erases their data and cancels, each after a confirm step', async ({ page }) => {
  await page.goto(await upcomingHybridDialogue(page));
  await page.getByRole('radio', { name: /Digitalt/ }).check();
  await page.getByLabel('E-postadress').fill(unique('erik'));
  await page.getByRole('checkbox', { name: /godkänner/ }).check();
  await page.getByRole('button', { name: 'Anmäl mig' }).click();
  await page.getByRole('link', { name: /Se, ändra eller avboka/ }).click();

  await page.getByRole('button', { name: 'Byt till på plats' }).click();
  await expect(page.getByText('Klart! Du deltar nu på plats.').last()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Byt till digitalt' })).toBeVisible();

  await page.getByRole('button', { name: 'Radera mina personuppgifter' }).click();
  await page.getByRole('button', { name: 'Ja, radera' }).click();
  await expect(page.getByText(/Dina personuppgifter är raderade\. Vi har inte längre/).last()).toBeVisible();
  await expect(page.getByText('Dina personuppgifter är raderade.', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Avboka' }).click();
  await page.getByRole('button', { name: 'Ja, avboka' }).click();
  await expect(page.getByText('Avbokad', { exact: true })).toBeVisible();
});

test('a manage link that does not work gets a friendly message', async ({ page }) => {
  await page.goto(`/anmalan#${'x'.repeat(43)}`);
  await expect(page.getByText(/Länken fungerar inte/)).toBeVisible();
});
