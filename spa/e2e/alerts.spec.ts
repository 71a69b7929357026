import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support';

/** The raw .eml written to `to` whose body holds a link matching `pattern` (headers unfolded, quoted-printable undone). */
async function mailTo(to: string, pattern: RegExp): Promise<{ raw: string; token: string }> {
  const dir = process.env.MAIL_DIR;
  expect(dir, 'MAIL_DIR from spa/e2e/run').toBeTruthy();
  let found = { raw: '', token: '' };
  await expect
    .poll(
      async () => {
        for (const file of await readdir(dir!)) {
          if (!file.endsWith('.eml')) continue;
          const raw = (await readFile(join(dir!, file), 'utf8')).replace(/\r?\n[ \t]+/g, ' ');
          const text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
          if (!raw.includes(to)) continue;
          const match = pattern.exec(text);
          if (match) found = { raw, token: match[1]! };
        }
        return found.token;
      },
      { timeout: 30_000, message: `an e-mail to ${to} with a link like ${pattern}` },
    )
    .not.toBe('');
  return found;
}

const unique = (name: string) => `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.se`;

test('a resident follows an area from its page, confirms through the e-mail and unsubscribes in one click', async ({ page }) => {
  await page.goto('/omraden/fruangen');
  await page.getByRole('link', { name: 'Bevaka området' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevaka områden' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Fruängen' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Västberga' })).not.toBeChecked();
  await expectAccessible(page);

  const email = unique('bevakare');
  await page.getByLabel('Din e-postadress').fill(email);
  await page.getByRole('radio', { name: 'En sammanfattning i veckan' }).check();
  await page.getByRole('button', { name: 'Bevaka' }).click();
  await expect(page.getByText(`Vi har skickat ett meddelande till ${email}`)).toBeFocused();

  const { raw, token } = await mailTo(email, /\/bevaka\/bekrafta#([A-Za-z0-9_-]{43})/);
  // RFC 8058: mail apps offer one-click unsubscribing from these headers.
  const unsubscribe = /^List-Unsubscribe: <(https?:\/\/[^>]+\/api\/v1\/alerts\/unsubscribe\?token=[A-Za-z0-9_-]{43})>\r?$/m.exec(raw);
  expect(unsubscribe, 'the List-Unsubscribe header').not.toBeNull();
  expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);

  await page.goto(`/bevaka/bekrafta#${token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Bekräfta bevakningen' })).toBeVisible();
  await page.getByRole('button', { name: 'Bekräfta bevakningen' }).click();
  await expect(page.getByText('Klart! Bevakningen är bekräftad.')).toBeFocused();
  await expect(page.getByTestId('alert-status')).toHaveText('Bekräftad');
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Ändra eller avsluta bevakningen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Din bevakning' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Fruängen' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'En sammanfattning i veckan' })).toBeChecked();

  // The mail app's one-click POST, with nothing but the secret in the address.
  const oneClick = await page.request.post(new URL(unsubscribe![1]!).pathname + new URL(unsubscribe![1]!).search, {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(oneClick.status()).toBe(204);
  await page.reload();
  await expect(page.getByText('Länken fungerar inte.')).toBeVisible();
});
