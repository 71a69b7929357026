import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The widths every page is checked at: a desktop and a small phone. */
export const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 375, height: 740 },
] as const;

/** Fails on any serious or critical WCAG 2.1 A/AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A staff token from the development sign-in, for setting up data through the API. */
export async function devToken(page: Page, role: 'admin' | 'staff' | 'moderator' | 'actor', actorId?: string): Promise<string> {
  const response = await page.request.post('/api/v1/dev/token', { data: { role, actorId } });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Signs the browser tab in as staff the way the sign-in page does (development token). */
export async function signInAs(page: Page, role: 'admin' | 'staff' | 'moderator') {
  await page.goto('/personal/logga-in');
  await page.getByLabel(/Roll|Role/).selectOption(role);
  await page.getByRole('button', { name: /Logga in|Sign in/ }).click();
}

/**
 * Starts the browser tab signed in (development token in sessionStorage, as the sign-in page
 * leaves it), for tests whose subject is not the sign-in itself. Call before page.goto.
 */
export async function signedIn(page: Page, role: 'admin' | 'staff' | 'moderator' | 'actor', actorId?: string) {
  const token = await devToken(page, role, actorId);
  const session = { token, role, name: role, expiresAt: Date.now() + 3600_000 };
  await page.addInitScript((value) => sessionStorage.setItem('trygghet.session', value), JSON.stringify(session));
  return token;
}

/** The demo seed's upcoming hybrid dialogue in Fruängen, ending at least `daysAhead` days from now: its page path. */
export async function upcomingHybridDialogue(page: Page, daysAhead = 0): Promise<string> {
  const from = new Date(Date.now() + daysAhead * 86_400_000).toISOString();
  const response = await page.request.get(`/api/v1/dialogues?area=fruangen&format=hybrid&from=${encodeURIComponent(from)}`);
  expect(response.ok()).toBeTruthy();
  const { items } = (await response.json()) as { items: { slug: string; status: string; phase: string }[] };
  // Not one that other specs started already: an ongoing event takes no registrations.
  const event = items.find((e) => e.status === 'published' && e.phase === 'upcoming');
  expect(event, 'a published hybrid dialogue in the demo seed').toBeTruthy();
  return `/dialoger/${event!.slug}`;
}

/** A small JPEG drawn by the browser (a lamp post against a dark sky), so the test needs no file of its own. */
export async function jpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#1b2a3a';
    context.fillRect(0, 0, 64, 48);
    context.fillStyle = '#6b7a89';
    context.fillRect(30, 10, 4, 38);
    context.fillStyle = '#ffe08a';
    context.fillRect(26, 6, 12, 6);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
  });
  return Buffer.from(base64, 'base64');
}
