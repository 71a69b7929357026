import type { AreaNode, CrimeSeries, SurveySeries } from '@trygghet/client';
import { describe, expect, it } from 'vitest';
import { crimeChart, districts, lastCompleteDay, missingPeriods, noteIn, per1000, periodLabel, smallNumbers, summarise, surveyChart } from './series';
import { latestClosed } from './feedback';
import { flattenAreas } from '../events/upcoming';

const area = { slug: 'aspudden', name: 'Aspudden', kind: 'neighbourhood' as const };

function police(points: Partial<CrimeSeries['points'][number]>[]): CrimeSeries {
  return {
    area, source: 'police', category: '', unit: 'count', granularity: 'month', sourceName: 'Polismyndigheten', licence: 'Regler för öppna data',
    importedAt: null, note: 'Händelser som polisen publicerat. / Events the police published.',
    coverage: { spans: [], sv: 'Polisens händelser t.o.m. 18 aug. 2026', en: 'Police events up to and including 18 Aug 2026' },
    points: points.map((p, i) => ({ period: `2025-0${i + 1}`, start: `2025-0${i + 1}-01`, preliminary: false, ...p })),
  };
}

describe('crime series → chart and table', () => {
  it('draws counts for the area, puts the city’s counts in the table only, with the change against a year earlier', () => {
    const model = crimeChart(police([{ value: 3, city: 120, changePercent: 50 }, { value: 0, city: 98, changePercent: null }]), 'count', { area: 'Aspudden', city: 'Stockholm' }, 'sv');
    expect(model.labels).toEqual(['jan. 2025', 'feb. 2025']);
    expect(model.lines).toEqual([{ label: 'Aspudden', values: [3, 0] }]);
    expect(model.extra).toEqual([{ label: 'Stockholm', values: [120, 98] }]);
    expect(model.changePercent).toEqual([50, null]);
  });

  it('keeps a period without data as a gap with its reason, never as zero', () => {
    const model = crimeChart(police([{ value: 3, city: 120 }, { value: null, city: null, reason: 'notCovered' }, { value: null, reason: 'partial' }]), 'count', { area: 'A', city: 'S' }, 'sv');
    expect(model.lines[0]!.values).toEqual([3, null, null]);
    expect(model.reasons).toEqual([null, 'notCovered', 'partial']);
    expect(summarise(model.lines[0]!.values)).toMatchObject({ total: 3, latestIndex: 0, latest: 3 });
  });

  it('turns police rates per 100,000 into rates per 1,000 and drops the city count, which is not comparable', () => {
    const model = crimeChart(police([{ value: 3, ratePer100k: 25.4, city: 120 }, { value: 1, ratePer100k: null, city: 98 }]), 'per1000', { area: 'A', city: 'S' }, 'en');
    expect(model.lines).toEqual([{ label: 'A', values: [0.254, null] }]);
    expect(model.extra).toEqual([]);
    expect(model.changePercent).toEqual([null, null]);
  });

  it('turns BRÅ rates per 100,000 into per 1,000 for the area and the city, and keeps preliminary flags', () => {
    const series: CrimeSeries = {
      ...police([{ value: 14500, city: 12000, preliminary: true }]), source: 'bra', unit: 'per100k',
    };
    const model = crimeChart(series, 'per1000', { area: 'H-Ä', city: 'Stockholm' }, 'sv');
    expect(model.lines.map((l) => l.values)).toEqual([[145], [120]]);
    expect(model.preliminary).toEqual([true]);
  });

  it('labels months, quarters and years in the reader’s language', () => {
    expect(periodLabel('2025-03', 'en')).toBe('Mar 2025');
    expect(periodLabel('2025-Q2', 'sv')).toBe('kv. 2 2025');
    expect(periodLabel('2025-Q2', 'en')).toBe('Q2 2025');
    expect(periodLabel('2024', 'sv')).toBe('2024');
    expect(per1000(null)).toBeNull();
  });
});

describe('summaries and caveats', () => {
  it('finds the total, the highest period and the latest known figure', () => {
    expect(summarise([2, null, 7, 4, null])).toEqual({ hasData: true, allZero: false, total: 13, max: 7, maxIndex: 2, latestIndex: 3, latest: 4 });
    expect(summarise([null, null]).hasData).toBe(false);
    // Zeros are figures (all zero: nothing to draw, something to say); no figures are not zeros.
    expect(summarise([0, null, 0])).toMatchObject({ hasData: true, allZero: true, total: 0 });
    expect(summarise([null, null]).allZero).toBe(false);
    expect(summarise([0, 1]).allZero).toBe(false);
  });

  it('flags small numbers only when there are a few events', () => {
    expect(smallNumbers([0, 2, 1, null])).toBe(true);
    expect(smallNumbers([3, 12])).toBe(false);
    expect(smallNumbers([0, 0])).toBe(false);
  });

  it('picks the reader’s half of a bilingual note', () => {
    expect(noteIn('Svenska. / English.', 'sv')).toBe('Svenska.');
    expect(noteIn('Svenska. / English.', 'en')).toBe('English.');
    expect(noteIn('Bara svenska.', 'en')).toBe('Bara svenska.');
  });

  it('maps survey points with the city’s values', () => {
    const series: SurveySeries = {
      area, indicator: 'Otrygga', unit: '%', source: 'Rapport', licence: 'Stockholms stad', importedAt: '2026-01-01T00:00:00Z',
      points: [{ year: 2021, value: 21.5, city: 19 }, { year: 2024, value: 18, city: null }],
    };
    expect(surveyChart(series, { area: 'Aspudden', city: 'Stockholm' }).lines).toEqual([
      { label: 'Aspudden', values: [21.5, 18] },
      { label: 'Stockholm', values: [19, null] },
    ]);
  });
});

describe('area tree and feedback', () => {
  const node = (slug: string, kind: AreaNode['kind'], children: AreaNode[] = []): AreaNode => ({ slug, name: slug, kind, children });

  it('lists the districts below the city, each with its neighbourhoods', () => {
    const tree = [node('stockholm', 'city', [node('hagersten-alvsjo', 'district', [node('aspudden', 'neighbourhood'), node('fruangen', 'neighbourhood')])])];
    const result = districts(tree);
    expect(result.map((d) => d.slug)).toEqual(['hagersten-alvsjo']);
    expect(result[0]!.children.map((c) => c.slug)).toEqual(['aspudden', 'fruangen']);
  });

  it('keeps the closed events, newest first', () => {
    const event = (slug: string, status: string, startsAt: string) => ({ slug, status, startsAt }) as never;
    const closed = latestClosed([event('a', 'closed', '2026-01-01'), event('b', 'held', '2026-02-01'), event('c', 'closed', '2026-03-01'), event('d', 'cancelled', '2026-04-01')], 5);
    expect(closed.map((e: { slug: string }) => e.slug)).toEqual(['c', 'a']);
  });
});

describe('the newest complete period', () => {
  it('ends the day before the period under way, in Stockholm time', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(lastCompleteDay('month', now)).toBe('2026-10-31');
    expect(lastCompleteDay('quarter', now)).toBe('2026-09-30');
    expect(lastCompleteDay('year', now)).toBe('2025-12-31');
  });

  it('counts the first hours of a month in Stockholm as the new month', () => {
    // 23:30 UTC on 31 January is already 1 February in Stockholm.
    expect(lastCompleteDay('month', new Date('2027-01-31T23:30:00Z'))).toBe('2027-01-31');
    expect(lastCompleteDay('month', new Date('2027-03-01T10:00:00Z'))).toBe('2027-02-28');
  });
});

describe('the area tree in Swedish order', () => {
  const node = (name: string, kind: AreaNode['kind'], children: AreaNode[] = []): AreaNode =>
    ({ slug: name.toLowerCase(), name, kind, children });
  const tree = [
    node('Stockholm', 'city', [
      node('Hägersten-Älvsjö', 'district', [
        node('Örby slott', 'neighbourhood'), node('Älvsjö', 'neighbourhood'), node('Västberga', 'neighbourhood'), node('Aspudden', 'neighbourhood'),
      ]),
    ]),
  ];

  it('lists the neighbourhoods of a district with Å, Ä and Ö last', () => {
    expect(districts(tree)[0]!.children.map((n) => n.name)).toEqual(['Aspudden', 'Västberga', 'Älvsjö', 'Örby slott']);
  });

  it('flattens the tree in the same order for the pickers', () => {
    expect(flattenAreas(tree).map((n) => n.name)).toEqual(['Stockholm', 'Hägersten-Älvsjö', 'Aspudden', 'Västberga', 'Älvsjö', 'Örby slott']);
  });
});

describe('missing periods', () => {
  it('are the periods where no line has a figure; a zero is a figure', () => {
    const lines = [{ label: 'Aspudden', values: [0, null, 3, null] }, { label: 'Stockholm', values: [10, 12, null, null] }];
    expect(missingPeriods(lines, 4)).toEqual([3]);
    expect(missingPeriods([{ label: 'Aspudden', values: [null, 0] }], 2)).toEqual([0]);
    expect(missingPeriods([{ label: 'Aspudden', values: [1] }], 1)).toEqual([]);
  });
});
