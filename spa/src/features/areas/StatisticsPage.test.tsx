import type { AreaSurveyResults, CrimeSeries, Engagement, SurveySeries } from '@trygghet/client';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../shared/testing';
import { StatisticsPage } from './StatisticsPage';

const aspudden = { slug: 'aspudden', name: 'Aspudden', kind: 'neighbourhood' as const };
const district = { slug: 'hagersten-alvsjo', name: 'Hägersten-Älvsjö', kind: 'district' as const };
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const noBra: CrimeSeries = {
  area: district, source: 'bra', category: 'Totalt antal brott', unit: 'count', granularity: 'month', sourceName: 'Brottsförebyggande rådet (BRÅ), anmälda brott',
  licence: 'BRÅ: publicerad statistik får återanvändas fritt', importedAt: null, note: 'Anmälda brott enligt BRÅ. / Reported crimes per BRÅ.',
  coverage: { spans: [], sv: 'BRÅ har inga siffror för Hägersten-Älvsjö i den här enheten.', en: 'BRÅ has no figures for Hägersten-Älvsjö in this unit.' },
  points: [
    { period: '2025-01', start: '2025-01-01', value: null, preliminary: false, reason: 'notCovered' },
    { period: '2025-02', start: '2025-02-01', value: null, preliminary: false, reason: 'notCovered' },
  ],
};

function crime(source: 'police' | 'bra', granularity: string): CrimeSeries {
  const yearly = granularity === 'year';
  return {
    coverage: { spans: [], sv: 'Polisens händelser 1 jan. 2023 t.o.m. 18 aug. 2026', en: 'Police events 1 Jan 2023 up to and including 18 Aug 2026' },
    area: source === 'bra' ? district : aspudden, source, category: source === 'bra' ? 'Totalt antal brott' : '', unit: 'count', granularity: yearly ? 'year' : 'month',
    sourceName: source === 'bra' ? 'Brottsförebyggande rådet (BRÅ), anmälda brott' : 'Polismyndigheten, öppna händelser (polisen.se/api/events)',
    licence: source === 'bra' ? 'BRÅ: publicerad statistik får återanvändas fritt' : 'Polismyndighetens regler för öppna data',
    importedAt: '2026-11-26T12:00:00+01:00', note: 'Händelser som polisen publicerat, inte anmälda brott. / Events the police published, not reported crimes.',
    points: yearly
      ? [{ period: '2025', start: '2025-01-01', value: 9, city: 700, preliminary: false }]
      : [
        { period: '2025-01', start: '2025-01-01', value: 2, city: 60, changePercent: 100, preliminary: false },
        { period: '2025-02', start: '2025-02-01', value: 5, city: 58, changePercent: null, preliminary: source === 'bra' },
      ],
  };
}

/** The same series with every figure 0: a quiet neighbourhood, or a rare event type. */
function zeros(series: CrimeSeries): CrimeSeries {
  return { ...series, points: series.points.map((p) => ({ ...p, value: 0, changePercent: null })) };
}

function serve(bra: 'figures' | 'none' = 'figures', police: 'figures' | 'zero' = 'figures') {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(urlOf(input), 'http://localhost');
    switch (url.pathname) {
      case '/api/v1/areas/aspudden':
        return json({ ...aspudden, parent: district, children: [], version: 1 });
      case '/api/v1/statistics/crime':
        if (bra === 'none' && url.searchParams.get('source') === 'bra') return json(noBra);
        if (police === 'zero' && url.searchParams.get('source') === 'police') return json(zeros(crime('police', url.searchParams.get('granularity') ?? 'month')));
        return json(crime(url.searchParams.get('source') as 'police' | 'bra', url.searchParams.get('granularity') ?? 'month'));
      case '/api/v1/statistics/survey':
        return json([{ area: aspudden, indicator: 'Andel otrygga', unit: '%', source: 'Trygghetsrapport', licence: 'Stockholms stad', importedAt: '2026-01-01T00:00:00Z', points: [{ year: 2024, value: 18, city: 20 }] }] satisfies SurveySeries[]);
      case '/api/v1/statistics/engagement':
        return json({
          area: aspudden, from: '2025-11-26', to: '2026-11-26', dialoguesHeld: 1, walksHeld: 1, cancelled: 0, participantsOnSite: 54, participantsRemote: 11, eventsWithFeedback: 2,
          actorsTakingPart: 4, registrations: 0, registrationsOnSite: 0, registrationsRemote: 0, questionsAsked: 3, questionsAnswered: 2, observationsOpen: 3, observationsFixed: 1,
          medianDaysToFix: 10, source: 'Trygghet: stadsdelsförvaltningens egna uppgifter', surveysSent: 20, surveysAnswered: 9, surveyResponseRate: 0.45,
        } satisfies Engagement);
      case '/api/v1/areas/aspudden/survey-results':
        return json({
          area: aspudden, answers: 9, minimumAnswers: 5, tooFewAnswers: false, period: 'halfYear', note: 'Inte en representativ undersökning.',
          trend: [
            { period: '2025 H2', from: '2025-07-01', to: '2025-12-31', answers: 3, tooFewAnswers: true, safetyMean: null, safety: [] },
            { period: '2026 H1', from: '2026-01-01', to: '2026-06-30', answers: 6, tooFewAnswers: false, safetyMean: 3.5, safety: [{ value: '1', count: 0 }, { value: '2', count: 1 }, { value: '3', count: 2 }, { value: '4', count: 2 }, { value: '5', count: 1 }] },
          ],
        } satisfies AreaSurveyResults);
      default:
        throw new Error(`unexpected ${url.pathname}`);
    }
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('the statistics page', () => {
  it('gives each chart a summary, a table of the same numbers, its source with terms, and caveats', async () => {
    const fetch = serve();
    render(<RouterProvider router={createMemoryRouter([{ path: '/omraden/:slug/statistik', element: <StatisticsPage /> }], { initialEntries: ['/omraden/aspudden/statistik'] })} />);

    const police = await screen.findByRole('region', { name: 'Polisens händelser' });
    expect(await within(police).findByText(/publicerade polisen 7 händelser som nämner Aspudden/)).toBeTruthy();
    expect(within(police).getByRole('img').getAttribute('aria-label')).toMatch(/^Stapeldiagram: polisens händelser i Aspudden per månad, jan\. 2025–feb\. 2025\./);
    const table = within(police).getByRole('table');
    const rows = within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Period', 'Händelser i Aspudden', 'Hela Stockholm', 'Förändring mot året innan'],
      ['jan. 2025', '2', '60', '+100,0 %'],
      ['feb. 2025', '5', '58', '–'],
    ]);
    expect(within(police).getByRole('link', { name: 'Polismyndigheten, öppna händelser (polisen.se/api/events)' }).getAttribute('href')).toMatch(/^https:\/\/polisen\.se\//);
    expect(within(police).getByRole('link', { name: 'Polismyndighetens regler för öppna data' })).toBeTruthy();
    expect(within(police).getByText('Händelser som polisen publicerat, inte anmälda brott.')).toBeTruthy();
    expect(within(police).getByText(/Små tal/)).toBeTruthy();

    // BRÅ counts the district: the neighbourhood's page asks for it, and says so.
    const bra = screen.getByRole('region', { name: 'Anmälda brott (BRÅ)' });
    expect(within(bra).getByText(/Siffrorna gäller hela Hägersten-Älvsjö/)).toBeTruthy();
    expect(await within(bra).findByRole('rowheader', { name: 'feb. 2025 (preliminär)' })).toBeTruthy();
    expect(fetch.mock.calls.some(([u]) => urlOf(u).includes('area=hagersten-alvsjo&source=bra'))).toBe(true);

    const survey = await screen.findByRole('region', { name: 'Trygghetsmätningar: Andel otrygga' });
    expect(within(survey).getByText('Andel otrygga: 18,0 % år 2024, i hela Stockholm 20,0 %.')).toBeTruthy();
    const engagement = await screen.findByRole('region', { name: 'Dialoger och engagemang' });
    expect(within(engagement).getByText('1 dialog och 1 vandring hölls, med 54 deltagare på plats och 11 digitalt. 3 frågor ställdes och 2 besvarades.')).toBeTruthy();
    expect(within(engagement).getByRole('rowheader', { name: 'Frågor som besvarats' }).nextElementSibling?.textContent).toBe('2');
    expect(within(engagement).getByText('Enkäten efter dialoger och vandringar: 9 av 20 svarade (45 %).')).toBeTruthy();

    // Beside the official indicators, and labelled as another measure: the participants' own answers, each period k-gated.
    const trend = await screen.findByRole('region', { name: 'Upplevd trygghet bland deltagare i dialoger och vandringar' });
    expect(within(trend).getByText(/inte representativt/)).toBeTruthy();
    expect(within(trend).getByRole('rowheader', { name: '2025 H2' }).nextElementSibling?.nextElementSibling?.textContent).toBe('för få svar');
    expect(within(trend).getByRole('rowheader', { name: '2026 H1' }).nextElementSibling?.nextElementSibling?.textContent).toBe('3,5');

    await userEvent.selectOptions(within(police).getByRole('combobox', { name: 'Period' }), 'year');
    expect(await within(police).findByRole('rowheader', { name: '2025' })).toBeTruthy();
    expect(fetch.mock.calls.some(([u]) => /source=police&granularity=year/.test(urlOf(u)))).toBe(true);
  });

  it('says plainly that BRÅ has no figures, with what it covers, instead of zeros or an endless "Laddar…"', async () => {
    serve('none');
    render(<RouterProvider router={createMemoryRouter([{ path: '/omraden/:slug/statistik', element: <StatisticsPage /> }], { initialEntries: ['/omraden/aspudden/statistik'] })} />);

    const police = await screen.findByRole('region', { name: 'Polisens händelser' });
    expect(await within(police).findByText('Täckning: Polisens händelser 1 jan. 2023 t.o.m. 18 aug. 2026.')).toBeTruthy();
    const bra = screen.getByRole('region', { name: 'Anmälda brott (BRÅ)' });
    expect(await within(bra).findByText('Inga uppgifter från BRÅ för Hägersten-Älvsjö: BRÅ har inga siffror för Hägersten-Älvsjö i den här enheten.')).toBeTruthy();
    expect(within(bra).queryByRole('table')).toBeNull();
    expect(within(bra).queryByText('Laddar…')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says in words when every figure is 0, instead of drawing an empty box, and keeps the table', async () => {
    serve('figures', 'zero');
    render(<RouterProvider router={createMemoryRouter([{ path: '/omraden/:slug/statistik', element: <StatisticsPage /> }], { initialEntries: ['/omraden/aspudden/statistik'] })} />);

    const police = await screen.findByRole('region', { name: 'Polisens händelser' });
    expect(await within(police).findByText('Under perioden jan. 2025–feb. 2025 publicerade polisen inga händelser som nämner Aspudden: 0 i varje period.')).toBeTruthy();
    expect(within(police).getByText('Siffran är 0 i varje period, så diagrammet har inget att visa. Siffrorna finns i tabellen.')).toBeTruthy();
    expect(within(police).queryByRole('img')).toBeNull();
    const rows = within(within(police).getByRole('table')).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['0', '0']);
    // Other charts with figures are drawn as before.
    const bra = screen.getByRole('region', { name: 'Anmälda brott (BRÅ)' });
    expect(await within(bra).findByRole('img')).toBeTruthy();
  });
});

