import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { devToken, expectAccessible } from './support';

/** The message as text: quoted-printable soft breaks and escapes undone, base64 parts decoded. */
function decodeMail(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const base64 = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
    .map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'))
    .join('\n');
  return `${qp}\n${Buffer.from(qp, 'latin1').toString('utf8')}\n${base64}`;
}

/** The e-mails the API wrote to `address`, as text. */
async function mailsTo(address: string): Promise<string[]> {
  const dir = process.env.MAIL_DIR;
  expect(dir, 'MAIL_DIR from spa/e2e/run').toBeTruthy();
  const texts = await Promise.all((await readdir(dir!)).filter((f) => f.endsWith('.eml')).map(async (f) => decodeMail(await readFile(join(dir!, f), 'utf8'))));
  return texts.filter((t) => t.includes(address));
}

async function report(page: Page, email: string): Promise<{ id: string; number: number }> {
  const response = await page.request.post('/api/v1/observations/reports', {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    multipart: { category: 'lighting', description: 'Lampan vid gångtunneln under Fruängsgången är trasig.', latitude: '59.2846', longitude: '17.9694', email },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; number: number };
}

test('a resident who left an address gets the report’s number and page by e-mail, and the link in it stops the e-mails', async ({ page }) => {
  const address = `folj.${Date.now()}@example.se`;
  const reported = await report(page, address);
  let stopLink = '';
  await expect
    .poll(async () => {
      const match = /\/iakttagelser\/sluta-folja#([A-Za-z0-9_-]{43})/.exec((await mailsTo(address)).join('\n'));
      stopLink = match ? `/iakttagelser/sluta-folja#${match[1]}` : '';
      return stopLink;
    }, { timeout: 30_000, message: 'the acknowledgement with the stop link' })
    .not.toBe('');
  const [acknowledgement] = await mailsTo(address);
  expect(acknowledgement).toContain(`Nummer: ${reported.number}`);
  expect(acknowledgement).toContain(`/iakttagelser/${reported.id}`);

  await page.goto(stopLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Sluta följa din rapport' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sluta följa och radera min e-postadress' }).click();
  await expect(page.getByText('Klart. Din e-postadress är raderad')).toBeFocused();

  // Staff move the report on: the public sees it, the former follower is not e-mailed.
  const staff = { Authorization: `Bearer ${await devToken(page, 'staff')}` };
  const changed = await page.request.post(`/api/v1/observations/${reported.id}/status`, { headers: staff, data: { status: 'planned', note: 'Lampan byts nästa vecka.' } });
  expect(changed.ok(), await changed.text()).toBeTruthy();
  const otherAddress = `annan.${Date.now()}@example.se`;
  const other = await report(page, otherAddress);
  const otherChanged = await page.request.post(`/api/v1/observations/${other.id}/status`, { headers: staff, data: { status: 'planned', note: 'Lampan byts nästa vecka.' } });
  expect(otherChanged.ok()).toBeTruthy();
  // The other report's update arrives: by then the outbox has had its turn for the first report too.
  await expect.poll(async () => (await mailsTo(otherAddress)).length, { timeout: 30_000 }).toBe(2);
  expect(await mailsTo(address)).toHaveLength(1);
});
