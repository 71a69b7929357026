import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { expect, test, type Page, type Response } from '@playwright/test';
import { expectAccessible } from './support';

// The widget exactly as the README tells a city's web editor to embed it, on a page of another origin: only the
// example origin is replaced by the API's. The host page's server listens on 127.0.0.1 at its own port, so the
// page and the API are different origins and every read of the widget is a cross-origin request.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const snippet = /## Embed the listing on a city page[\s\S]*?```html\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const exampleOrigin = 'https://trygghet.example.se';
const hostPort = Number(process.env.E2E_HOST_PORT ?? 18473);
const hostOrigin = `http://127.0.0.1:${hostPort}`;

let host: Server;
const pages = new Map<string, string>();

test.beforeAll(async ({ baseURL }) => {
  expect(snippet, 'README.md: the html block under "Embed the listing on a city page"').toContain(`${exampleOrigin}/widget/trygghet-events.js`);
  expect(snippet).toMatch(/<trygghet-events area="fruangen" lang="sv"[^>]*><\/trygghet-events>/);
  expect(new URL(baseURL!).origin).not.toBe(hostOrigin);
  const embedded = snippet.replaceAll(exampleOrigin, new URL(baseURL!).origin);
  // A host page as plain as many are: no charset declared (and no favicon to fetch, whose 404 would be an error).
  const page = (body: string) => `<!doctype html><html lang="sv"><head><title>Stadsdelens sida</title><link rel="icon" href="data:,"></head><body><main><h1>Trygghet i stadsdelen</h1>
${body}</main></body></html>`;
  pages.set('/', page(embedded));
  pages.set('/en', page(embedded.replace('lang="sv"', 'lang="en"')));
  pages.set('/typo', page(embedded.replace('area="fruangen"', 'area="fruangn"')));
  host = createServer((request, response) => {
    const html = pages.get(request.url ?? '');
    response.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html' });
    response.end(html ?? 'Not found');
  });
  await new Promise<void>((resolve, reject) => {
    host.once('error', reject);
    host.listen(hostPort, '127.0.0.1', resolve);
  });
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
});

/** Console errors and page errors, collected from the moment the page starts loading. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

const corsErrors = (errors: string[]) => errors.filter((e) => /CORS|Access-Control|cross-origin|blocked/i.test(e));

type Listed = { title: string; kind: 'dialogue' | 'walk'; format: 'onSite' | 'remote' | 'hybrid'; startsAt: string; slug: string };

/**
 * The events the widget should show, from the very answers it read: both listings merged by start, then by title, up to
 * the snippet's limit. Other specs add events to the same area, so the test takes the API's word for what is upcoming.
 */
async function expectedEvents(dialogues: Response, walks: Response, limit = 5): Promise<Listed[]> {
  const items = [...((await dialogues.json()) as { items: Listed[] }).items, ...((await walks.json()) as { items: Listed[] }).items];
  return items.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title, 'sv')).slice(0, limit);
}

const listings = (page: Page, baseURL: string | undefined) => Promise.all([
  page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/v1/dialogues?`)),
  page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/v1/walks?`)),
]);

test('the README snippet on a page of another origin lists the area\'s upcoming events in Swedish', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const listed = listings(page, baseURL);
  await page.goto(`${hostOrigin}/`);
  const [response, walks] = await listed;
  expect(response.status()).toBe(200);
  expect(response.headers()['access-control-allow-origin']).toBe('*');
  expect(await response.request().headerValue('origin')).toBe(hostOrigin);

  const widget = page.locator('trygghet-events');
  await expect(widget.getByRole('heading', { level: 2, name: 'Kommande trygghetsdialoger och vandringar i Fruängen' })).toBeVisible();
  // The area's upcoming dialogues and walks, soonest first, each with its kind, format and link in Swedish.
  const expected = await expectedEvents(response, walks);
  expect(expected.length).toBeGreaterThan(0);
  const items = widget.getByRole('listitem');
  await expect(items.getByRole('heading', { level: 3 })).toHaveText(expected.map((e) => e.title));
  const kinds = { dialogue: 'Trygghetsdialog', walk: 'Trygghetsvandring' };
  const formats = { onSite: 'På plats', remote: 'Digitalt', hybrid: 'På plats och digitalt' };
  for (const [i, event] of expected.entries()) {
    await expect(items.nth(i).locator('.meta').first()).toHaveText(new RegExp(`^${kinds[event.kind]}( · .+)? · ${formats[event.format]}$`));
    await expect(items.nth(i).getByRole('link')).toHaveAttribute('href', `${baseURL}/${event.kind === 'walk' ? 'vandringar' : 'dialoger'}/${event.slug}`);
  }
  await expect(items.first().locator('time')).toHaveText(/^\S+dag \d{1,2} \S+ \d{4}, kl\. \d\d:\d\d–\d\d:\d\d$/);
  await expect(widget.getByRole('link', { name: 'Alla dialoger och vandringar i Fruängen' })).toHaveAttribute('href', `${baseURL}/omraden/fruangen`);
  await expect(widget.getByRole('alert')).toHaveCount(0);

  expect(corsErrors(errors)).toEqual([]);
  expect(errors).toEqual([]);
  await expectAccessible(page);
});

test('with lang="en" the same snippet speaks English', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const listed = listings(page, baseURL);
  await page.goto(`${hostOrigin}/en`);
  const [dialogues, walks] = await listed;
  const widget = page.locator('trygghet-events');
  await expect(widget.getByRole('heading', { level: 2, name: 'Upcoming safety dialogues and walks in Fruängen' })).toBeVisible();
  const expected = await expectedEvents(dialogues, walks);
  const items = widget.getByRole('listitem');
  await expect(items.getByRole('heading', { level: 3 })).toHaveText(expected.map((e) => e.title));
  const kinds = { dialogue: 'Safety dialogue', walk: 'Safety walk' };
  const formats = { onSite: 'On site', remote: 'Online', hybrid: 'On site and online' };
  for (const [i, event] of expected.entries())
    await expect(items.nth(i).locator('.meta').first()).toHaveText(new RegExp(`^${kinds[event.kind]}( · .+)? · ${formats[event.format]}$`));
  await expect(items.first().locator('time')).toHaveText(/^\S+day,? \d{1,2} \S+ \d{4}, \d\d:\d\d–\d\d:\d\d$/);
  await expect(widget.getByRole('link', { name: 'All dialogues and walks in Fruängen' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('with an unknown area the widget says the area is unknown, from the API\'s 400 problem, instead of an empty list', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const listing = page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/v1/dialogues?area=fruangn`));
  await page.goto(`${hostOrigin}/typo`);
  const response = await listing;
  expect(response.status()).toBe(400);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  expect(response.headers()['access-control-allow-origin']).toBe('*');
  expect(((await response.json()) as { errors: Record<string, string[]> }).errors.area).toEqual(['Okänt område: fruangn']);

  const widget = page.locator('trygghet-events');
  await expect(widget.getByRole('alert')).toHaveText('Okänt område: fruangn');
  await expect(widget.getByRole('list')).toHaveCount(0);
  await expect(widget.getByText('Inga kommande dialoger eller vandringar just nu.')).toHaveCount(0);
  // The browser logs the failed requests (400, 404) themselves; none was blocked for want of CORS headers.
  expect(corsErrors(errors)).toEqual([]);
  expect(errors.every((e) => /status of 40[04]/.test(e)), errors.join('\n')).toBe(true);
});
