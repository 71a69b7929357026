import { sortedByName } from '../../shared/collation';
import { stockholmDay } from '../../shared/format';
import type { AreaNode, CrimeSeries, Engagement, PointReason, SurveySeries } from '@trygghet/client';

/** Frequent police event types in the district; the API folds spellings onto these. */
export const policeTypes = ['Brand', 'Misshandel', 'Stöld', 'Stöld/inbrott', 'Inbrott', 'Skadegörelse', 'Rån', 'Narkotikabrott', 'Olaga hot', 'Bråk', 'Rattfylleri', 'Trafikolycka'];
/** BRÅ crime types with figures for the district. */
export const braTypes = ['Totalt antal brott', '3-7 kap. Brott mot person', '8 kap. Stöld, rån m.m.', '12 kap. Skadegörelsebrott', 'Brott mot narkotikastrafflagen', '6 kap. Sexualbrott'];

/** What the statistics page offers: counts, or a rate per 1,000 residents (the unit the city's own reports use). */
export type DisplayUnit = 'count' | 'per1000';

/** One line (or set of bars) of a chart; `null` where the period has no figure. */
export interface ChartLine {
  label: string;
  values: (number | null)[];
}

/** What a chart and its table alternative both show: the same numbers, once. */
export interface ChartModel {
  labels: string[];
  lines: ChartLine[];
  /** Columns shown only in the table: figures on another scale, which would flatten the chart. */
  extra: ChartLine[];
  /** Per period: a preliminary figure (BRÅ), shown as such in the table. */
  preliminary: boolean[];
  /** Per period: change against a year earlier in percent, where known (counts only). */
  changePercent: (number | null)[];
  /** Per period: why the area's figure is missing (the API's reason), shown in the table instead of a number. */
  reasons?: (PointReason | null)[];
}

type Lang = 'sv' | 'en';
const locales = { sv: 'sv-SE', en: 'en-GB' } as const;

/** A period label from the API (`2025-03`, `2025-Q1`, `2025`) as a reader says it. */
export function periodLabel(period: string, lang: Lang): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15));
    return new Intl.DateTimeFormat(locales[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return lang === 'sv' ? `kv. ${quarter[2]} ${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  return period;
}

/** Rates arrive per 100,000 (BRÅ's unit, and the API's police rate); residents read them per 1,000. */
export function per1000(per100k: number | null | undefined): number | null {
  return per100k === null || per100k === undefined ? null : Math.round(per100k * 100) / 10_000;
}

/**
 * A crime series as chart lines. The city is drawn only as a rate beside the area's rate; its count
 * (thousands against a handful) goes to the table. For police rates the API gives only the city's
 * count, so there is no city figure to compare.
 */
export function crimeChart(series: CrimeSeries, unit: DisplayUnit, names: { area: string; city: string }, lang: Lang): ChartModel {
  const police = series.source === 'police';
  const own = series.points.map((p) => {
    if (unit === 'count') return p.value ?? null;
    return police ? per1000(p.ratePer100k) : per1000(p.value);
  });
  const lines: ChartLine[] = [{ label: names.area, values: own }];
  const extra: ChartLine[] = [];
  if (series.points.some((p) => p.city !== null && p.city !== undefined)) {
    if (unit === 'count') extra.push({ label: names.city, values: series.points.map((p) => p.city ?? null) });
    else if (!police) lines.push({ label: names.city, values: series.points.map((p) => per1000(p.city)) });
  }
  return {
    labels: series.points.map((p) => periodLabel(p.period, lang)),
    lines,
    extra,
    preliminary: series.points.map((p) => p.preliminary),
    changePercent: series.points.map((p) => (unit === 'count' ? (p.changePercent ?? null) : null)),
    reasons: series.points.map((p) => p.reason ?? null),
  };
}

/** The series' coverage in the reader's language. */
export function coverageIn(series: CrimeSeries, lang: Lang): string {
  return lang === 'en' ? series.coverage.en : series.coverage.sv;
}

export function surveyChart(series: SurveySeries, names: { area: string; city: string }): ChartModel {
  const lines: ChartLine[] = [{ label: names.area, values: series.points.map((p) => p.value) }];
  if (series.points.some((p) => p.city !== null && p.city !== undefined)) lines.push({ label: names.city, values: series.points.map((p) => p.city ?? null) });
  return {
    labels: series.points.map((p) => String(p.year)),
    lines,
    extra: [],
    preliminary: series.points.map(() => false),
    changePercent: series.points.map(() => null),
  };
}

/** The engagement figures shown as bars, in reading order. */
export const engagementMeasures = [
  'dialoguesHeld', 'walksHeld', 'participantsOnSite', 'participantsRemote', 'questionsAsked', 'questionsAnswered', 'observationsOpen', 'observationsFixed',
] as const satisfies readonly (keyof Engagement)[];

export function engagementValues(engagement: Engagement): number[] {
  return engagementMeasures.map((key) => engagement[key]);
}

export interface SeriesSummary {
  hasData: boolean;
  /** Every known figure is 0: there is something to say, but nothing to draw. */
  allZero: boolean;
  total: number;
  max: number;
  maxIndex: number;
  /** The last period with a figure. */
  latestIndex: number;
  latest: number | null;
}

/** The numbers a text summary of a line needs. */
export function summarise(values: (number | null)[]): SeriesSummary {
  let total = 0;
  let max = -Infinity;
  let maxIndex = -1;
  let latestIndex = -1;
  values.forEach((value, index) => {
    if (value === null) return;
    total += value;
    if (value > max) {
      max = value;
      maxIndex = index;
    }
    latestIndex = index;
  });
  return {
    hasData: latestIndex >= 0,
    allZero: latestIndex >= 0 && values.every((value) => value === null || value === 0),
    total,
    max: maxIndex >= 0 ? max : 0,
    maxIndex,
    latestIndex,
    latest: latestIndex >= 0 ? (values[latestIndex] ?? null) : null,
  };
}

/** Where a chart has no figure at all for a period: it says "inga uppgifter" there, so a gap is not read as 0. */
export function missingPeriods(lines: ChartLine[], count: number): number[] {
  const missing: number[] = [];
  for (let index = 0; index < count; index++) {
    if (lines.every((line) => line.values[index] === null || line.values[index] === undefined)) missing.push(index);
  }
  return missing;
}

/** Few events per period: differences between periods are mostly chance. */
export function smallNumbers(values: (number | null)[], threshold = 10): boolean {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 && known.some((v) => v > 0) && Math.max(...known) < threshold;
}

/**
 * The API's notes are written "Swedish. / English."; a reader gets their language's half.
 */
export function noteIn(note: string, lang: Lang): string {
  const [sv, en] = note.split(' / ');
  return (lang === 'en' ? en : sv)?.trim() || note;
}

/** The area tree as nested items for the areas page: districts with their neighbourhoods, the city level skipped. */
export function districts(nodes: AreaNode[]): AreaNode[] {
  return sortedByName(
    nodes.flatMap((node) => (node.kind === 'city' ? districts(node.children) : node.kind === 'district' ? [node] : [])),
    (node) => node.name,
  ).map((district) => ({ ...district, children: sortedByName(district.children, (child) => child.name) }));
}

/**
 * The last day (YYYY-MM-DD, Stockholm) of the newest period that is over: a period still under way
 * would be drawn as a fall, since its figures are not all in yet.
 */
export function lastCompleteDay(granularity: 'month' | 'quarter' | 'year', now: Date = new Date()): string {
  const [year, month] = stockholmDay(now.toISOString()).split('-').map(Number) as [number, number];
  const firstMonthOfPeriod = granularity === 'year' ? 1 : granularity === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  // The day before the period's first day: day 0 of its first month.
  const end = new Date(Date.UTC(year, firstMonthOfPeriod - 1, 0));
  return end.toISOString().slice(0, 10);
}
