import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { devToken, expectAccessible, signedIn } from './support';

interface Dialogue {
  id: string;
  slug: string;
  title: string;
  status: string;
  startsAt: string;
}

interface JoinLink {
  code: string;
  shortUrl: string;
  questionsUrl: string;
}

/**
 * A dialogue of the test's own, published and not started yet, so it takes questions and holds no one else's: the room
 * shows only what fits, and another test's published questions must not push this one's off the screen.
 */
async function upcomingDialogue(page: Page, days: number): Promise<Dialogue> {
  const headers = { Authorization: `Bearer ${await devToken(page, 'staff')}` };
  const startsAt = new Date(Date.now() + days * 86_400_000);
  const created = await page.request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'dialogue', title: `Storskärmsdialog ${Date.now()}`, areaSlug: 'fruangen', format: 'onSite', participationLevel: 'dialogue',
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      venue: { name: 'Fruängens bibliotek', address: 'Fruängsgången 4' }, capacityOnSite: 60,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const plan = (await created.json()) as { id: string };
  const published = await page.request.post(`/api/v1/events/${plan.id}/publish`, { headers, data: { overrideReason: 'Planerat i webbläsartest.' } });
  expect(published.ok(), await published.text()).toBeTruthy();
  return (await published.json()) as Dialogue;
}

async function askByApi(request: APIRequestContext, dialogue: Dialogue, text: string): Promise<string> {
  const response = await request.post(`/api/v1/dialogues/${dialogue.id}/questions`, {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    data: { text },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function approveByApi(request: APIRequestContext, token: string, questionId: string) {
  const response = await request.post(`/api/v1/questions/${questionId}/approve`, { headers: { Authorization: `Bearer ${token}` }, data: {} });
  expect(response.ok(), await response.text()).toBeTruthy();
}

async function joinLink(request: APIRequestContext, dialogue: Dialogue): Promise<JoinLink> {
  const response = await request.get(`/api/v1/dialogues/${dialogue.slug}/join-link`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as JoinLink;
}

/**
 * Reads the QR code as it is shown: a screenshot of the canvas at its size on the screen, turned back into pixels in the
 * page, decoded with jsQR.
 */
async function decodeShownQr(page: Page): Promise<string | null> {
  const png = await page.locator('canvas.room-qr').screenshot();
  const pixels = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}

test('the room screen shows a question a moderator approves in another browser within a second, and nothing unpublished', async ({ browser, page, baseURL }) => {
  const dialogue = await upcomingDialogue(page, 3);
  const waiting = `Väntar på granskning i rummet ${Date.now()}: varför är tunneln så mörk?`;
  const approved = `Godkänd i rummet ${Date.now()}: kan busshållplatsen få bättre belysning?`;
  await askByApi(page.request, dialogue, waiting);

  // The screen, as a projector shows it.
  const roomContext = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
  const room = await roomContext.newPage();
  await room.goto(`/dialoger/${dialogue.slug}/storskarm`);
  await expect(room.getByRole('heading', { level: 1, name: dialogue.title })).toBeVisible();
  await expect(room.locator('canvas.room-qr')).toBeVisible();
  await expect(room.getByRole('status')).toHaveText('');

  // The moderator, in another browser, sees the new question come in and approves it.
  const moderatorContext = await browser.newContext({ baseURL });
  const moderator = await moderatorContext.newPage();
  await signedIn(moderator, 'moderator');
  await moderator.goto(`/personal/evenemang/${dialogue.id}/fragor`);
  await expect(moderator.getByText('Direktuppdatering pågår: nya frågor visas av sig själva.')).toBeVisible();
  const approvedId = await askByApi(page.request, dialogue, approved);
  const card = moderator.getByRole('article').filter({ has: moderator.locator('p.question-text', { hasText: approved }) });
  await expect(card).toBeVisible();

  const approval = moderator.waitForResponse((r) => r.url().includes('/approve') && r.request().method() === 'POST');
  await card.getByRole('button', { name: 'Publicera' }).click();
  expect((await approval).ok()).toBeTruthy();
  const answeredAt = Date.now();
  await expect(room.getByText(approved)).toBeVisible({ timeout: 1000 });
  expect(Date.now() - answeredAt).toBeLessThanOrEqual(1000);

  // The pending question was asked first and is still pending: it is nowhere on the screen.
  await expect(room.getByText(waiting)).toHaveCount(0);
  expect(await room.locator('main').textContent()).not.toContain('Väntar på granskning i rummet');

  // Pinned by the moderator: it becomes the large question, without a reload, and nothing on the screen moves in.
  const pinned = await page.request.post(`/api/v1/questions/${approvedId}/pin`, {
    headers: { Authorization: `Bearer ${await devToken(page, 'moderator')}` },
  });
  expect(pinned.ok(), await pinned.text()).toBeTruthy();
  const featured = room.locator('.room-featured');
  await expect(featured).toContainText(approved);
  const fontSize = await featured.locator('.room-featured-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(approved.length <= 90 ? 0.05 * 1920 - 1 : 0.036 * 1920 - 1);
  expect(await featured.evaluate((el) => getComputedStyle(el).animationName + ' ' + getComputedStyle(el).transitionDuration)).toBe('none 0s');

  await expectAccessible(room);
  await moderatorContext.close();
  await roomContext.close();
});

test('the QR code decodes to the short link, which opens the dialogue’s questions page', async ({ browser, page, baseURL }) => {
  const dialogue = await upcomingDialogue(page, 4);
  const link = await joinLink(page.request, dialogue);
  expect(link.shortUrl).toBe(`${baseURL}/q/${link.code}`);
  expect(link.code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{6}$/);

  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    const context = await browser.newContext({ baseURL, viewport });
    const room = await context.newPage();
    await room.goto(`/dialoger/${dialogue.slug}/storskarm`);
    await expect(room.locator('canvas.room-qr')).toBeVisible();
    await expect(room.getByText(link.shortUrl.replace(/^https?:\/\//, ''))).toBeVisible();
    await expect(room.getByText(`${link.code.slice(0, 3)} ${link.code.slice(3)}`)).toBeVisible();
    expect(await decodeShownQr(room), `the QR code at ${viewport.width}×${viewport.height}`).toBe(link.shortUrl);
    await context.close();
  }

  // Scanned or typed, the short link (in any case) goes on to the questions page.
  await page.goto(link.shortUrl);
  await expect(page).toHaveURL(`${baseURL}/dialoger/${dialogue.slug}/fragor`);
  await expect(page.getByRole('heading', { level: 1, name: 'Frågor till dialogen' })).toBeVisible();
  await page.goto(`/q/${link.code.toLowerCase()}`);
  await expect(page).toHaveURL(`${baseURL}/dialoger/${dialogue.slug}/fragor`);

  // A mistyped code says so and can be typed again.
  await page.goto('/q/AAAAAA');
  await expect(page.getByText("Ingen dialog har koden 'AAAAAA'.")).toBeVisible();
  await page.getByLabel('Koden från skärmen').fill(link.code);
  await page.getByRole('button', { name: 'Gå till frågorna' }).click();
  await expect(page).toHaveURL(`${baseURL}/dialoger/${dialogue.slug}/fragor`);
  await expectAccessible(page);
});

test('a full room screen shows the top questions whole, counts the rest, and has no scrollbars at 1920×1080 and 1280×720', async ({ browser, page, baseURL }) => {
  const dialogue = await upcomingDialogue(page, 5);
  const token = await devToken(page, 'moderator');
  const stamp = String(Date.now()).slice(-5);
  const ids: string[] = [];
  for (let i = 0; i < 14; i++) {
    const id = await askByApi(page.request, dialogue, `Fråga ${i + 1} (${stamp}): mer ljus vid skolan?`);
    await approveByApi(page.request, token, id);
    ids.push(id);
  }
  // One pinned, one answered: the large question and an answer take room from the list too.
  const headers = { Authorization: `Bearer ${token}` };
  expect((await page.request.post(`/api/v1/questions/${ids[0]}/pin`, { headers })).ok()).toBeTruthy();
  const answer = await page.request.post(`/api/v1/questions/${ids[2]}/answers`, {
    headers: { Authorization: `Bearer ${await devToken(page, 'staff')}` },
    data: { text: 'Trafikkontoret sätter upp belysning längs hela gångvägen under hösten.', live: false },
  });
  expect(answer.ok(), await answer.text()).toBeTruthy();

  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    const context = await browser.newContext({ baseURL, viewport });
    const room = await context.newPage();
    await room.goto(`/dialoger/${dialogue.slug}/storskarm`);
    await expect(room.locator('.room-item', { hasText: `(${stamp})` })).toHaveCount(13);
    await expect(room.locator('.room-featured')).toContainText(`Fråga 1 (${stamp})`);
    await expect(room.locator('.room-answer', { hasText: 'Trafikkontoret sätter upp belysning' })).toHaveCount(1);
    await expect(room.locator('.room-more')).toHaveText(/^\+ \d+ frågor? till$/);

    const layout = await room.evaluate(() => {
      const list = document.querySelector('.room-list')!.getBoundingClientRect();
      const shown = [...document.querySelectorAll<HTMLElement>('.room-item')].filter((li) => !li.hidden);
      return {
        listBottom: list.bottom,
        bottoms: shown.map((li) => li.getBoundingClientRect().bottom),
        hidden: document.querySelectorAll('.room-item[hidden]').length,
        scrolls: document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth,
        itemFont: parseFloat(getComputedStyle(document.querySelector('.room-item-text')!).fontSize),
      };
    });
    expect(layout.bottoms.length, 'some questions are shown').toBeGreaterThan(1);
    expect(layout.bottoms.length + layout.hidden).toBe(await room.locator('.room-item').count());
    for (const bottom of layout.bottoms) expect(bottom).toBeLessThanOrEqual(layout.listBottom + 1);
    expect(layout.hidden).toBeGreaterThan(0);
    await expect(room.locator('.room-more')).toHaveText(`+ ${layout.hidden} ${layout.hidden === 1 ? 'fråga' : 'frågor'} till`);
    expect(layout.scrolls).toBe(false);
    expect(layout.itemFont).toBeGreaterThanOrEqual(0.025 * viewport.width);
    await expectAccessible(room);
    if (process.env.SCREENSHOTS && viewport.width === 1920) await room.screenshot({ path: '../docs/screenshots/room.png' });
    await context.close();
  }
});

test('staff open the room screen from the moderation page in a new window', async ({ page, context }) => {
  const dialogue = await upcomingDialogue(page, 3);
  await signedIn(page, 'moderator');
  await page.goto(`/personal/evenemang/${dialogue.id}/fragor`);
  const link = page.getByRole('link', { name: 'Visa på storskärm (öppnas i nytt fönster)' });
  await expect(link).toHaveAttribute('target', '_blank');
  const [screen] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(screen).toHaveURL(new RegExp(`/dialoger/${dialogue.slug}/storskarm$`));
  await expect(screen.getByRole('heading', { level: 1, name: dialogue.title })).toBeVisible();
});
