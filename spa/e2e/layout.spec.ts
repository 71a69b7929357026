import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import ts from 'typescript';
import { devToken } from './support';

/**
 * No page scrolls sideways, from a small phone to a desktop: every route of the app (read from
 * src/app/routes.tsx, so a new route without a visit here fails the first test) is opened at each width
 * with the demo data, and once its content is shown the document is no wider than the window. Some
 * visits also open what widens a page: a form showing its validation errors, the statistics tables,
 * the staff event editor. A failure names the route, the width and the elements that stick out.
 */
const viewportWidths = [320, 375, 768, 1280] as const;

/** Every path in routes.tsx ('/dialoger/:slug', '/personal/evenemang/:id', '*' …), children joined to their parent. */
function routePaths(): string[] {
  const file = fileURLToPath(new URL('../src/app/routes.tsx', import.meta.url));
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const paths: string[] = [];
  const property = (object: ts.ObjectLiteralExpression, name: string) =>
    object.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === name)?.initializer;
  const walk = (routes: ts.ArrayLiteralExpression, parent: string) => {
    for (const element of routes.elements) {
      if (!ts.isObjectLiteralExpression(element)) throw new Error(`routes.tsx: a route that is not an object literal: ${element.getText(source)}`);
      const path = property(element, 'path');
      if (path && !ts.isStringLiteral(path)) throw new Error(`routes.tsx: a path that is not a string literal: ${path.getText(source)}`);
      const full = path === undefined ? parent : path.text === '*' ? '*' : `${parent}/${path.text}`;
      if (property(element, 'index')?.kind === ts.SyntaxKind.TrueKeyword || (path && !property(element, 'children'))) paths.push(full || '/');
      const children = property(element, 'children');
      if (children && ts.isArrayLiteralExpression(children)) walk(children, full);
      if (children && !ts.isArrayLiteralExpression(children)) throw new Error('routes.tsx: children that are not an array literal');
    }
  };
  ts.forEachChild(source, function find(node) {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === 'routes' && node.initializer && ts.isArrayLiteralExpression(node.initializer)) {
      walk(node.initializer, '');
    } else {
      ts.forEachChild(node, find);
    }
  });
  return paths;
}

/** What the visits fill the routes' parameters with: the demo data as the API lists it, and secret links made through the API. */
interface World {
  /** Dialogue slugs, one for each phase the demo has (upcoming, closed, cancelled …), the upcoming one first. */
  dialogues: { slug: string; id: string; phase: string }[];
  walk: string;
  area: string;
  district: string;
  measure: string;
  observation: string;
  manageToken: string;
  questionToken: string;
  rsvpToken: string;
  /** The upcoming dialogue's join code (the room screen's short link). */
  joinCode: string;
  /** A staff session, signed in once for every width. */
  staffToken: string;
}

interface Listed { id: string; slug: string; phase: string; status: string; format: string }

async function json<T>(page: Page, url: string, init?: { headers?: Record<string, string>; data?: unknown }): Promise<T> {
  const response = init?.data !== undefined ? await page.request.post(url, init) : await page.request.get(url, init);
  expect(response.ok(), `${url}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

let world: World | undefined;

async function makeWorld(page: Page): Promise<World> {
  const everything = `from=${encodeURIComponent('2000-01-01T00:00:00Z')}&limit=100`;
  const { items: dialogues } = await json<{ items: Listed[] }>(page, `/api/v1/dialogues?${everything}`);
  const { items: walks } = await json<{ items: Listed[] }>(page, `/api/v1/walks?${everything}`);
  // The upcoming one takes registrations and questions; one of every other phase shows that state's page.
  const upcoming = dialogues.find((d) => d.phase === 'upcoming' && d.status === 'published' && d.format !== 'remote') ?? dialogues.find((d) => d.phase === 'upcoming');
  expect(upcoming, 'an upcoming dialogue in the demo data').toBeTruthy();
  const byPhase = new Map<string, Listed>([[upcoming!.phase, upcoming!]]);
  for (const d of dialogues) if (!byPhase.has(d.phase)) byPhase.set(d.phase, d);
  const walk = walks.find((w) => w.phase === 'upcoming') ?? walks[0];
  expect(walk, 'a walk in the demo data').toBeTruthy();

  // The district has the most to show (its neighbourhoods, every statistic); a neighbourhood is its first.
  interface AreaNode { slug: string; kind: string; children?: AreaNode[] | null }
  const flat = (nodes: AreaNode[]): AreaNode[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);
  const areas = flat(await json<AreaNode[]>(page, '/api/v1/areas'));
  const district = areas.find((a) => a.kind === 'district');
  const area = areas.find((a) => a.kind === 'neighbourhood');
  expect(district && area, 'a district and a neighbourhood').toBeTruthy();
  const { items: measures } = await json<{ items: { id: string }[] }>(page, '/api/v1/measures?limit=1');
  const { items: observations } = await json<{ items: { id: string }[] }>(page, '/api/v1/observations?limit=1');
  expect(measures.length && observations.length, 'a measure and an observation in the demo data').toBeTruthy();

  const key = () => ({ 'Idempotency-Key': crypto.randomUUID() });
  const registration = await json<{ manageToken: string }>(page, `/api/v1/dialogues/${upcoming!.id}/registrations`, {
    headers: key(),
    data: { mode: upcoming!.format === 'remote' ? 'remote' : 'onSite', consentVersion: '2026-01', email: `layout.${Date.now()}@example.se`, name: 'Maja Lindqvist-Abdirahman' },
  });
  const question = await json<{ questionToken: string }>(page, `/api/v1/dialogues/${upcoming!.id}/questions`, {
    headers: key(),
    data: { text: 'Kan gångtunnelbelysningsupprustningen vid Fruängens tunnelbanestation tidigareläggas före vintermörkret?', displayName: 'Anna' },
  });
  const staffToken = await devToken(page, 'staff');
  const staff = { Authorization: `Bearer ${staffToken}` };
  // The RSVP secret comes only with a new invitation, and the demo has invited every actor: a new one, with a long name.
  const actor = await json<{ id: string }>(page, '/api/v1/actors', {
    headers: staff,
    data: { kind: 'propertyOwner', organisation: `Bostadsrättsföreningen Fruängsgårdsterrassen ${Date.now()}`, contact: { name: 'Fastighetsförvaltare', email: 'forvaltare@brf.example' } },
  });
  const invitations = await json<{ actorId: string; rsvpToken: string | null }[]>(page, `/api/v1/events/${upcoming!.id}/invitations`, { headers: staff, data: { actorIds: [actor.id] } });
  const invitation = invitations.find((i) => i.actorId === actor.id);
  expect(invitation?.rsvpToken, 'the new invitation\'s RSVP secret').toBeTruthy();

  const join = await json<{ code: string }>(page, `/api/v1/dialogues/${upcoming!.slug}/join-link`);

  return {
    joinCode: join.code,
    dialogues: [...byPhase.values()].map(({ slug, id, phase }) => ({ slug, id, phase })),
    walk: walk!.slug,
    area: area!.slug,
    district: district!.slug,
    measure: measures[0]!.id,
    observation: observations[0]!.id,
    manageToken: registration.manageToken,
    questionToken: question.questionToken,
    rsvpToken: invitation!.rsvpToken!,
    staffToken,
  };
}

interface Visit {
  /** The route's path as routes.tsx writes it. */
  route: string;
  url: (w: World) => string[];
  /** States that widen the page, opened one after the other once the page is shown; each is checked. */
  open?: ((page: Page) => Promise<void>)[];
  /** A page without the app's frame (the room's screen): no language switch to look for. */
  frameless?: boolean;
}

/** A secret link's token of the right shape that no e-mail carried: the page says the link does not work. */
const unknownToken = 'Zr5Tq1Wx8Km3Pv7Ny2Lb6Hd0Fg4Js9Ac-e_Oi1Uw5Qy';

/** Submits the page's form empty and waits for its errors. */
const submitEmpty = (button: RegExp) => async (page: Page) => {
  await page.getByRole('button', { name: button }).first().click();
  await expect(page.locator('.field-error, .problem').first()).toBeVisible();
};

const publicVisits: Visit[] = [
  { route: '/', url: () => ['/'] },
  // Every phase's page; the upcoming dialogue's registration form is sent empty to show its errors.
  { route: '/dialoger/:slug', url: (w) => w.dialogues.map((d) => `/dialoger/${d.slug}`) },
  {
    route: '/dialoger/:slug',
    url: (w) => [`/dialoger/${w.dialogues[0]!.slug}`],
    // Sent empty, then registered on site without an e-mail address: the receipt shows the whole manage link.
    open: [
      submitEmpty(/^(Anmäl mig|Register me)$/),
      async (page) => {
        const onSite = page.getByRole('radio', { name: /På plats|On site/ });
        if ((await onSite.count()) > 0) await onSite.check();
        await page.getByRole('checkbox', { name: /godkänner|agree/ }).check();
        await page.getByRole('button', { name: /^(Anmäl mig|Register me)$/ }).click();
        await expect(page.getByRole('heading', { name: /Du är anmäld!|Du står i kö|You are registered!|You are on the waiting list/ })).toBeFocused();
      },
    ],
  },
  { route: '/vandringar/:slug', url: (w) => [`/vandringar/${w.walk}`] },
  {
    route: '/dialoger/:slug/fragor',
    url: (w) => [`/dialoger/${w.dialogues[0]!.slug}/fragor`],
    // Sent empty, then asked: the receipt shows the private link.
    open: [
      submitEmpty(/^(Skicka frågan|Send the question)$/),
      async (page) => {
        await page.getByLabel(/^(Din fråga|Your question)/).fill('Varför är belysningen vid Fruängsgårdens lekplats släckt efter klockan tjugotvå?');
        await page.getByRole('button', { name: /^(Skicka frågan|Send the question)$/ }).click();
        await expect(page.getByRole('heading', { name: /Tack för din fråga!|Thank you for your question!/ })).toBeVisible();
      },
    ],
  },
  { route: '/anmalan', url: (w) => [`/anmalan#${w.manageToken}`] },
  { route: '/fraga', url: (w) => [`/fraga#${w.questionToken}`] },
  { route: '/svar', url: (w) => [`/svar#${w.rsvpToken}`] },
  { route: '/omraden', url: () => ['/omraden'] },
  { route: '/omraden/:slug', url: (w) => [`/omraden/${w.area}`, `/omraden/${w.district}`] },
  {
    route: '/omraden/:slug/statistik',
    url: (w) => [`/omraden/${w.district}/statistik`],
    // Every table under its chart, opened.
    open: [async (page) => {
      const closed = page.locator('details:not([open]) > summary');
      expect(await closed.count(), 'the statistics page offers its tables').toBeGreaterThan(0);
      while ((await closed.count()) > 0) await closed.first().click();
    }],
  },
  { route: '/atgarder/:id', url: (w) => [`/atgarder/${w.measure}`] },
  { route: '/iakttagelser/:id', url: (w) => [`/iakttagelser/${w.observation}`] },
  {
    route: '/iakttagelser/sluta-folja',
    // A link of the right shape that no e-mail carried: the button, then what the page says of a link that does not work.
    url: () => ['/iakttagelser/sluta-folja#Zr5Tq1Wx8Km3Pv7Ny2Lb6Hd0Fg4Js9Ac-e_Oi1Uw5Qy'],
    open: [async (page) => {
      await page.getByRole('button', { name: /^(Sluta följa och radera min e-postadress|Stop following and erase my e-mail address)$/ }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    }],
  },
  {
    route: '/rapportera',
    url: (w) => [`/rapportera?omrade=${w.area}`, `/rapportera?vandring=${w.walk}`],
    open: [submitEmpty(/^(Skicka iakttagelsen|Send the observation)$/)],
  },
  { route: '/dialoger/:slug/storskarm', url: (w) => [`/dialoger/${w.dialogues[0]!.slug}/storskarm`], frameless: true },
  { route: '/q/:code', url: (w) => [`/q/${w.joinCode}`] },
  { route: '/enkat', url: () => [`/enkat#${unknownToken}`] },
  { route: '/bevaka', url: (w) => [`/bevaka?omrade=${w.area}`, '/bevaka'], open: [submitEmpty(/^(Bevaka|Follow)$/)] },
  { route: '/bevaka/bekrafta', url: () => [`/bevaka/bekrafta#${unknownToken}`] },
  { route: '/bevaka/hantera', url: () => [`/bevaka/hantera#${unknownToken}`] },
  { route: '/personal/logga-in', url: () => ['/personal/logga-in'] },
  { route: '*', url: () => ['/den-har-sidan-finns-inte'] },
];

const staffVisits: Visit[] = [
  { route: '/personal', url: () => ['/personal'] },
  { route: '/personal/evenemang', url: () => ['/personal/evenemang'] },
  { route: '/personal/evenemang/ny', url: () => ['/personal/evenemang/ny'], open: [submitEmpty(/^(Skapa utkast|Create draft)$/)] },
  { route: '/personal/evenemang/:id', url: (w) => w.dialogues.map((d) => `/personal/evenemang/${d.id}`) },
  { route: '/personal/evenemang/:id/fragor', url: (w) => [`/personal/evenemang/${w.dialogues[0]!.id}/fragor`] },
  { route: '/personal/evenemang/:id/anmalningar', url: (w) => [`/personal/evenemang/${w.dialogues[0]!.id}/anmalningar`] },
  { route: '/personal/iakttagelser', url: () => ['/personal/iakttagelser'] },
  { route: '/personal/iakttagelser/ny', url: () => ['/personal/iakttagelser/ny'] },
  { route: '/personal/signaler', url: () => ['/personal/signaler'] },
  { route: '/personal/granska', url: () => ['/personal/granska'] },
  { route: '/personal/granska/enkatsvar', url: () => ['/personal/granska/enkatsvar'] },
];

/** Waits until the page shows its content: its heading, and nothing loading (live pages never go network-idle). */
async function shown(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(/Laddar…|Loading…/);
}

interface Width { document: number; body: number; inner: number; client: number; offenders: string[] }

/** The document's and body's widths against the window, and the outermost elements whose right edge passes it. */
function measure(): Width {
  const client = document.documentElement.clientWidth;
  const clipped = (el: Element) => {
    for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== 'visible' && parent.getBoundingClientRect().right <= client + 0.5) return true;
    }
    return false;
  };
  const sticksOut = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > client + 0.5 && !clipped(el);
  };
  const offenders = [...document.body.querySelectorAll('*')]
    .filter((el) => sticksOut(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)))
    .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
    .slice(0, 3)
    .map((el) => {
      const box = el.getBoundingClientRect();
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `<${el.tagName.toLowerCase()}${classes}> right edge ${Math.round(box.right)} px, ${Math.round(box.width)} px wide: "${text}"`;
    });
  return { document: document.documentElement.scrollWidth, body: document.body.scrollWidth, inner: window.innerWidth, client, offenders };
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const width = await page.evaluate(measure);
  const report = `${what}: the page is ${width.document} px wide (body ${width.body} px) in a ${width.client} px window; sticking out:\n  ${width.offenders.join('\n  ') || '(no single element found)'}`;
  expect.soft(width.document <= width.inner && width.body <= width.inner && width.document <= width.client, report).toBeTruthy();
}

test('every route in routes.tsx has a visit here', () => {
  const visited = new Set([...publicVisits, ...staffVisits].map((v) => v.route));
  const routes = routePaths();
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.filter((r) => !visited.has(r)), 'routes without a visit in layout.spec.ts').toEqual([]);
  expect([...visited].filter((r) => !routes.includes(r)), 'visits of routes that no longer exist').toEqual([]);
});

/** Opens every visit in one tab at `width` px: the public pages, then the staff pages signed in as the sign-in page leaves it. */
async function visitAll(page: Page, width: number, language: 'sv' | 'en') {
  world ??= await makeWorld(page);
  await page.setViewportSize({ width, height: 800 });
  if (language === 'en') await page.addInitScript(() => localStorage.setItem('trygghet.language', 'en'));
  const visit = async (v: Visit) => {
    for (const url of v.url(world!)) {
      const where = `${url} (${v.route}) at ${width} px${language === 'en' ? ' in English' : ''}`;
      await page.goto(url);
      await shown(page);
      if (language === 'en' && !v.frameless) await expect(page.getByRole('button', { name: 'På svenska' })).toBeVisible();
      await expectNoSidewaysScroll(page, where);
      for (const [i, open] of (v.open ?? []).entries()) {
        await open(page);
        await shown(page);
        await expectNoSidewaysScroll(page, `${where}, state ${i + 1}`);
      }
    }
  };
  for (const v of publicVisits) await visit(v);

  const session = { token: world.staffToken, role: 'staff', name: 'staff', expiresAt: Date.now() + 3600_000 };
  await page.evaluate((value) => sessionStorage.setItem('trygghet.session', value), JSON.stringify(session));
  for (const v of staffVisits) await visit(v);
}

for (const width of viewportWidths) {
  test(`no page scrolls sideways at ${width} px`, async ({ page }) => visitAll(page, width, 'sv'));
}

// English words are shorter, but some phrases are longer: the narrowest width once more in English.
test(`no page scrolls sideways at ${viewportWidths[0]} px in English`, async ({ page }) => visitAll(page, viewportWidths[0], 'en'));
