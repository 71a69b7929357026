import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { devToken, expectAccessible, signedIn, widths } from './support';

interface Dialogue {
  id: string;
  slug: string;
  title: string;
  status: string;
  startsAt: string;
}

/** A published dialogue that has not started yet (the demo seed has several), so it takes questions. */
async function upcomingDialogue(request: APIRequestContext, skip = 0): Promise<Dialogue> {
  const response = await request.get('/api/v1/dialogues?limit=100');
  expect(response.ok()).toBeTruthy();
  const items = ((await response.json()) as { items: Dialogue[] }).items.filter(
    (d) => d.status === 'published' && Date.parse(d.startsAt) > Date.now() + 3600_000,
  );
  const dialogue = items[skip % items.length];
  expect(dialogue, 'an upcoming published dialogue in the demo seed').toBeTruthy();
  return dialogue!;
}

async function askByApi(request: APIRequestContext, dialogue: Dialogue, text: string) {
  const response = await request.post(`/api/v1/dialogues/${dialogue.id}/questions`, {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    data: { text },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; questionToken: string; status: string };
}

async function moderate(request: APIRequestContext, token: string, questionId: string, action: string, data: unknown = {}) {
  const response = await request.post(`/api/v1/questions/${questionId}/${action}`, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(response.ok(), `${action}: ${await response.text()}`).toBeTruthy();
}

/** A question's card, found by its own text (not by a merge menu elsewhere that quotes it). */
const questionCard = (page: Page, text: string) => page.getByRole('article').filter({ has: page.locator('p.question-text', { hasText: text }) });

test('a moderator approves a question live and a resident who keeps the page open sees it appear, then its answer', async ({ browser, page, baseURL }) => {
  const dialogue = await upcomingDialogue(page.request, 0);
  const text = `Kan belysningen vid gångtunneln lagas före vintern? (${Date.now()})`;

  // A resident follows the live Q&A and keeps the page open throughout.
  await page.goto(`/dialoger/${dialogue.slug}/fragor`);
  await expect(page.getByRole('heading', { level: 1, name: 'Frågor till dialogen' })).toBeVisible();
  await expect(page.getByText(dialogue.title).first()).toBeVisible();

  // The moderator opens the queue before the question comes in.
  const moderatorContext = await browser.newContext({ baseURL });
  const moderator = await moderatorContext.newPage();
  await signedIn(moderator, 'moderator');
  await moderator.goto(`/personal/evenemang/${dialogue.id}/fragor`);
  await expect(moderator.getByText('Direktuppdatering pågår: nya frågor visas av sig själva.')).toBeVisible();

  // Another resident asks through the form.
  const askerContext = await browser.newContext({ baseURL });
  const asker = await askerContext.newPage();
  await asker.goto(`/dialoger/${dialogue.slug}/fragor`);
  await asker.getByLabel('Din fråga').fill(text);
  await asker.getByLabel('Namn som visas (frivilligt)').fill('Granne i Fruängen');
  await asker.getByRole('button', { name: 'Skicka frågan' }).click();
  await expect(asker.getByText('Frågan väntar på granskning.', { exact: false })).toBeVisible();

  // It arrives in the queue without a reload, and the moderator approves it.
  const queued = questionCard(moderator, text);
  await expect(queued).toBeVisible();
  await queued.getByRole('button', { name: 'Publicera' }).click();
  await expect(queued).toBeHidden();

  // The first resident sees it appear, still without a reload.
  const published = questionCard(page, text);
  await expect(published).toBeVisible();
  await expect(published).toContainText('Från Granne i Fruängen');

  // Staff answer it; the answer appears live too.
  const href = await asker.getByRole('link', { name: 'Följ din fråga' }).getAttribute('href');
  const token = href!.split('#')[1]!;
  const mine = await page.request.get('/api/v1/question', { headers: { 'X-Question-Token': token } });
  const { id } = (await mine.json()) as { id: string };
  await moderate(page.request, await devToken(page, 'staff'), id, 'answers', { text: 'Ja, lamporna byts i oktober.', live: false });
  await expect(published).toContainText('Ja, lamporna byts i oktober.');
  await expect(published).toContainText('Svar från');

  await moderatorContext.close();
  await askerContext.close();
});

test('the asker follows the question through the private link', async ({ page }) => {
  const dialogue = await upcomingDialogue(page.request, 1);
  const text = `Varför är det så stökigt vid busshållplatsen på kvällarna? (${Date.now()})`;
  await page.goto(`/dialoger/${dialogue.slug}/fragor`);
  await page.getByLabel('Din fråga').fill(text);
  await page.getByRole('button', { name: 'Skicka frågan' }).click();
  await page.getByRole('link', { name: 'Följ din fråga' }).click();

  await expect(page).toHaveURL(/\/fraga#/);
  await expect(page.getByRole('heading', { level: 1, name: 'Din fråga' })).toBeVisible();
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByText('Väntar', { exact: true })).toBeVisible();

  const token = new URL(page.url()).hash.slice(1);
  const { id } = (await (await page.request.get('/api/v1/question', { headers: { 'X-Question-Token': token } })).json()) as { id: string };
  await moderate(page.request, await devToken(page, 'moderator'), id, 'reject', { reason: 'Frågan liknar en annan som redan är publicerad.' });
  await page.getByRole('button', { name: 'Uppdatera' }).click();
  await expect(page.getByText('Avvisad', { exact: true })).toBeVisible();
  await expect(page.getByText('Frågan liknar en annan som redan är publicerad.')).toBeVisible();

  await page.goto('/fraga#inte-en-riktig-lank');
  await expect(page.getByText(/Länken fungerar inte/)).toBeVisible();
});

/** The text of the e-mail the API wrote to `to` (quoted-printable soft breaks undone, base64 parts decoded), once it is there. */
async function mailTo(to: string): Promise<string> {
  const dir = process.env.MAIL_DIR;
  expect(dir, 'MAIL_DIR from spa/e2e/run').toBeTruthy();
  let found = '';
  await expect
    .poll(
      async () => {
        for (const file of (await readdir(dir!)).filter((f) => f.endsWith('.eml'))) {
          const raw = await readFile(join(dir!, file), 'utf8');
          const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
          const base64 = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
            .map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'));
          const text = [qp, ...base64].join('\n');
          if (text.includes(to)) found = text;
        }
        return found;
      },
      { timeout: 30_000, message: `an e-mail to ${to}` },
    )
    .not.toBe('');
  return found;
}

test('on a phone, the asker copies the private link with one tap and e-mails it to themselves', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  const dialogue = await upcomingDialogue(page.request, 5);
  const text = `Kan buskarna vid gångvägen klippas? (${Date.now()})`;
  await page.goto(`/dialoger/${dialogue.slug}/fragor`);
  await page.getByLabel('Din fråga').fill(text);
  await page.getByRole('button', { name: 'Skicka frågan' }).click();

  const receipt = page.getByRole('region', { name: 'Tack för din fråga!' });
  const copy = receipt.getByRole('button', { name: 'Kopiera länken' });
  expect((await copy.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await copy.click();
  await expect(receipt.getByText('Länken är kopierad.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/fraga#[A-Za-z0-9_-]{43}$/);
  await expect(receipt.locator('code.secret-link')).toHaveText(copied);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  const email = `fraga.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.se`;
  await receipt.getByLabel('E-postadress').fill(email);
  await receipt.getByRole('button', { name: 'Skicka länken' }).click();
  await expect(receipt.getByText(`Länken är på väg till ${email}.`, { exact: false })).toBeVisible();
  await expectAccessible(page);
  const mail = await mailTo(email);
  expect(mail).toContain(copied);
  expect(mail).toContain(`href="${copied}"`);
  expect(mail).toContain('Vi sparar inte din e-postadress');

  // The link from the e-mail opens the question.
  const link = new URL(copied);
  await page.goto(`${link.pathname}${link.hash}`);
  await expect(page.getByText(text)).toBeVisible();
  await context.close();
});

test('a vote counts once', async ({ page }) => {
  const dialogue = await upcomingDialogue(page.request, 2);
  const text = `Kan fler poliser synas i centrum? (${Date.now()})`;
  const asked = await askByApi(page.request, dialogue, text);
  await moderate(page.request, await devToken(page, 'moderator'), asked.id, 'approve', { acknowledgeFlags: false });

  await page.goto(`/dialoger/${dialogue.slug}/fragor`);
  const card = questionCard(page, text);
  const vote = card.getByRole('button', { name: 'Rösta' });
  await expect(vote).toHaveAttribute('aria-pressed', 'false');
  await vote.click();
  await expect(vote).toHaveAttribute('aria-pressed', 'true');
  await expect(card).toContainText('1 röst');

  await page.reload();
  await expect(card.getByRole('button', { name: 'Rösta' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card).toContainText('1 röst');

  // The same voter token again changes nothing on the server either.
  const voter = await page.evaluate(() => localStorage.getItem('trygghet.voterToken'));
  const again = await page.request.post(`/api/v1/questions/${asked.id}/votes`, { headers: { 'X-Voter-Token': voter! } });
  expect(await again.json()).toMatchObject({ votes: 1, counted: false });
});

for (const size of widths) {
  test(`the Q&A, my-question and moderation pages pass axe at ${size.name} width`, async ({ page }) => {
    await page.setViewportSize(size);
    const dialogue = await upcomingDialogue(page.request, 3);
    const moderatorToken = await devToken(page, 'moderator');
    const answered = await askByApi(page.request, dialogue, `Hur går det med den nya belysningen i parken? (${size.name})`);
    await moderate(page.request, moderatorToken, answered.id, 'approve', { acknowledgeFlags: false });
    await moderate(page.request, await devToken(page, 'staff'), answered.id, 'answers', { text: 'Arbetet börjar i vår.', live: false });
    const flagged = await askByApi(page.request, dialogue, `Ring mig på 070-123 45 67 om klottret (${size.name})`);

    await page.goto(`/dialoger/${dialogue.slug}/fragor`);
    await expect(page.getByText('Arbetet börjar i vår.').first()).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/fraga#${answered.questionToken}`);
    await expect(page.getByText('Arbetet börjar i vår.')).toBeVisible();
    await expectAccessible(page);

    await signedIn(page, 'moderator');
    await page.goto(`/personal/evenemang/${dialogue.id}/fragor`);
    await expect(page.locator('mark').first()).toBeVisible();
    await expect(questionCard(page, `om klottret (${size.name})`)).toContainText('telefonnummer');
    await expectAccessible(page);
    expect(flagged.status).toBe('pending');
  });
}

test('what one moderator does in the Published tab shows in another moderator’s open tab without a reload', async ({ browser, page, baseURL }) => {
  const dialogue = await upcomingDialogue(page.request, 4);
  const text = `Kan cykelbanan vid skolan få belysning? (${Date.now()})`;
  const asked = await askByApi(page.request, dialogue, text);
  await moderate(page.request, await devToken(page, 'moderator'), asked.id, 'approve', { acknowledgeFlags: false });

  // A moderator keeps the Published tab open.
  await signedIn(page, 'moderator');
  await page.goto(`/personal/evenemang/${dialogue.id}/fragor`);
  await page.getByRole('button', { name: /^Publicerad/ }).click();
  const watched = questionCard(page, text);
  await expect(watched).toBeVisible();
  await expect(watched.getByText('Fäst', { exact: true })).toHaveCount(0);

  // A staff member, in another browser, pins the question and answers it.
  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  await signedIn(staff, 'staff');
  await staff.goto(`/personal/evenemang/${dialogue.id}/fragor`);
  await staff.getByRole('button', { name: /^Publicerad/ }).click();
  const acting = questionCard(staff, text);
  await acting.getByRole('button', { name: 'Fäst överst' }).click();
  await expect(acting.getByRole('button', { name: 'Lossa' })).toBeVisible();
  await acting.getByText('Svara skriftligt…').click();
  await acting.getByLabel('Svar', { exact: true }).fill('Belysningen kommer upp i november.');
  await acting.getByRole('button', { name: 'Publicera svaret' }).click();
  await expect(acting).toContainText('Belysningen kommer upp i november.');

  // The first moderator sees both, still without a reload.
  await expect(watched.getByText('Fäst', { exact: true })).toBeVisible();
  await expect(watched.getByRole('button', { name: 'Lossa' })).toBeVisible();
  await expect(watched).toContainText('Belysningen kommer upp i november.');
  await staffContext.close();
});
