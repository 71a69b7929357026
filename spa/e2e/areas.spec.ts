import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { devToken, expectAccessible, widths } from './support';

// BRÅ's figures are not part of the demo seed: staff import them. The survey indicators are test
// values, named as such: the city publishes its surveys only as reports.
const bra = readFileSync(new URL('./fixtures/bra-monthly-2025.csv', import.meta.url), 'utf8');
const survey = 'area,year,indicator,value,unit,source\n'
  + 'aspudden,2021,Andel otrygga ute sent en kväll (testvärde),21.5,%,Testrapport för webbläsartester\n'
  + 'aspudden,2024,Andel otrygga ute sent en kväll (testvärde),18.0,%,Testrapport för webbläsartester\n';

async function importStatistics(page: Page) {
  const token = await devToken(page, 'staff');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' };
  const braResponse = await page.request.post('/api/v1/statistics/imports/bra', { headers, data: bra });
  expect(braResponse.ok(), await braResponse.text()).toBeTruthy();
  const surveyResponse = await page.request.post('/api/v1/statistics/imports/survey', { headers, data: survey });
  expect(surveyResponse.ok(), await surveyResponse.text()).toBeTruthy();
}

async function firstMeasureAndObservation(page: Page) {
  const measures = (await (await page.request.get('/api/v1/measures?area=aspudden')).json()) as { items: { id: string; title: string }[] };
  const observations = (await (await page.request.get('/api/v1/observations?area=aspudden')).json()) as { items: { id: string; number: number }[] };
  expect(measures.items.length).toBeGreaterThan(0);
  expect(observations.items.length).toBeGreaterThan(0);
  return { measure: measures.items[0]!, observation: observations.items[0]! };
}

test('the areas page lists the district and its neighbourhoods, each linking to its page', async ({ page }) => {
  await page.goto('/omraden');
  await expect(page.getByRole('heading', { level: 1, name: 'Områden' })).toBeVisible();
  const tree = page.getByRole('navigation', { name: 'Områden i stadsdelsområdet' });
  await expect(tree.getByRole('link', { name: 'Hägersten-Älvsjö' })).toBeVisible();
  expect(await tree.getByRole('listitem').count()).toBeGreaterThanOrEqual(18);
  await tree.getByRole('link', { name: 'Fruängen' }).click();
  await expect(page).toHaveURL(/\/omraden\/fruangen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fruängen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kommande dialoger och vandringar' }).getByRole('article').first()).toBeVisible();
});

test('an area page shows measures, the feedback of closed events and observations', async ({ page }) => {
  await page.goto('/omraden/aspudden');
  await expect(page.getByRole('heading', { level: 1, name: 'Aspudden' })).toBeVisible();
  const measures = page.getByRole('region', { name: 'Trygghetsskapande åtgärder' });
  await expect(measures.getByRole('article').first()).toBeVisible();
  await expect(measures.getByText(/Ansvarig/).first()).toBeVisible();

  const feedback = page.getByRole('region', { name: 'Återkoppling från dialoger och vandringar' });
  await expect(feedback.getByRole('heading', { level: 3, name: 'Trygghetsvandring i Aspudden' })).toBeVisible();
  await expect(feedback.getByText(/Buskarna längs gångvägen beskärs och de trasiga armaturerna byts./)).toBeVisible();
  await expect(feedback.getByRole('heading', { name: 'Det här togs upp' }).first()).toBeVisible();

  const listed = (await (await page.request.get('/api/v1/observations?area=aspudden&limit=12')).json()) as { items: unknown[] };
  expect(listed.items.length).toBeGreaterThanOrEqual(4); // the walk's four, and residents' reports
  const observations = page.getByRole('region', { name: 'Iakttagelser' });
  await expect(observations.getByRole('article')).toHaveCount(listed.items.length);
  await expect(page.getByRole('link', { name: /Nyhetsflöde/ })).toHaveAttribute('href', '/api/v1/areas/aspudden/feed.atom');
  const feed = await page.request.get('/api/v1/areas/aspudden/feed.atom');
  expect(feed.ok()).toBeTruthy();

  await page.getByRole('link', { name: 'Statistik för Aspudden' }).click();
  await expect(page).toHaveURL(/\/omraden\/aspudden\/statistik$/);
});

test('the statistics page shows charts with tables, sources, licences and caveats', async ({ page }) => {
  await importStatistics(page);
  await page.goto('/omraden/aspudden/statistik');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik för Aspudden' })).toBeVisible();

  const police = page.getByRole('region', { name: 'Polisens händelser' });
  await expect(police.getByRole('img', { name: /Stapeldiagram: polisens händelser i Aspudden/ })).toBeVisible();
  await expect(police.getByText(/publicerade polisen \d+ händelser som nämner Aspudden/)).toBeVisible();
  await police.getByText('Visa siffrorna som tabell').click();
  const policeTable = police.getByRole('table');
  await expect(policeTable).toBeVisible();
  expect(await policeTable.getByRole('row').count()).toBeGreaterThan(12);
  await expect(police.getByRole('link', { name: /^Polismyndigheten, öppna händelser/ })).toBeVisible();
  await expect(police.getByText(/Polismyndighetens regler för öppna data/)).toBeVisible();
  await expect(police.getByText(/inte anmälda brott/).first()).toBeVisible();

  await police.getByRole('combobox', { name: 'Period' }).selectOption('year');
  await expect(policeTable.getByRole('rowheader', { name: '2025', exact: true })).toBeVisible();
  await police.getByRole('combobox', { name: 'Kategori' }).selectOption('Brand');
  await expect(police.getByRole('img')).toHaveAttribute('aria-label', /per år/);

  const braSection = page.getByRole('region', { name: 'Anmälda brott (BRÅ)' });
  await expect(braSection.getByText(/Siffrorna gäller hela Hägersten-Älvsjö/)).toBeVisible();
  await expect(braSection.getByRole('img', { name: /anmälda brott \(Totalt antal brott\) i Hägersten-Älvsjö/ })).toBeVisible();
  await braSection.getByText('Visa siffrorna som tabell').click();
  await expect(braSection.getByRole('rowheader', { name: /2025/ }).first()).toBeVisible();
  await expect(braSection.getByRole('link', { name: /^Brottsförebyggande rådet/ })).toBeVisible();
  await expect(braSection.getByText(/får återanvändas fritt/)).toBeVisible();

  const surveySection = page.getByRole('region', { name: /Trygghetsmätningar: Andel otrygga/ });
  await expect(surveySection.getByText(/18,0 % år 2024/).first()).toBeVisible();
  await expect(surveySection.getByText(/Testrapport för webbläsartester/)).toBeVisible();

  const engagement = page.getByRole('region', { name: 'Dialoger och engagemang' });
  await expect(engagement.getByRole('img', { name: /Stapeldiagram/ })).toBeVisible();
  await expect(engagement.getByText(/\d+ (dialog|dialoger) och \d+ (vandring|vandringar) hölls/)).toBeVisible();
});

test('a statistics page without BRÅ figures shows the police chart with its gaps, says BRÅ has none, and no error', async ({ page }) => {
  // The demo's police events end on 18 August 2026; BRÅ's monthly counts (imported by other tests) name no figures
  // for Stockholm as a whole.
  await page.goto('/omraden/stockholm/statistik');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik för Stockholm' })).toBeVisible();

  const police = page.getByRole('region', { name: 'Polisens händelser' });
  await expect(police.getByRole('img', { name: /Stapeldiagram: polisens händelser i Stockholm/ })).toBeVisible();
  await expect(police.getByText(/^Täckning: Polisens händelser .* t\.o\.m\. 18 aug\. 2026\.$/)).toBeVisible();
  await police.getByText('Visa siffrorna som tabell').click();
  await expect(police.getByRole('row', { name: /^sep\. 2026 inga uppgifter/ })).toBeVisible();
  await expect(police.getByText(/Senaste perioden, (sep|okt)\. 2026/)).toHaveCount(0);

  const braSection = page.getByRole('region', { name: 'Anmälda brott (BRÅ)' });
  await expect(braSection.getByText('Inga uppgifter från BRÅ för Stockholm: BRÅ har inga siffror för Stockholm i den här enheten.')).toBeVisible();
  await expect(braSection.getByRole('img')).toHaveCount(0);
  await expect(braSection.getByText('Laddar…')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

for (const size of widths) {
  test(`the areas, area, statistics, measure and observation pages pass axe at ${size.name} width`, async ({ page }) => {
    await page.setViewportSize(size);
    await importStatistics(page);
    const { measure, observation } = await firstMeasureAndObservation(page);

    await page.goto('/omraden');
    await expect(page.getByRole('link', { name: 'Aspudden' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/omraden/aspudden');
    await expect(page.getByRole('region', { name: 'Iakttagelser' }).getByRole('article').first()).toBeVisible();
    await expect(page.getByRole('region', { name: /Återkoppling/ }).getByRole('article').first()).toBeVisible();
    await expectAccessible(page);

    await page.goto('/omraden/aspudden/statistik');
    await expect(page.getByRole('region', { name: 'Polisens händelser' }).getByRole('img')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Dialoger och engagemang' }).getByRole('img')).toBeVisible();
    for (const details of await page.locator('details').all()) await details.locator('summary').click();
    await expectAccessible(page);

    await page.goto(`/atgarder/${measure.id}`);
    await expect(page.getByRole('heading', { level: 1, name: measure.title })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/iakttagelser/${observation.id}`);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(` \\(nr ${observation.number}\\)$`) })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    await expectAccessible(page);
  });
}
