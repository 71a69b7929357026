import type { AreaDetail, Granularity } from '@trygghet/client';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatNumber, formatShortDate } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { ChartSection } from './ChartSection';
import { AreaSurveyTrend } from '../surveys/SurveyResults';
import { braTypes, coverageIn, crimeChart, lastCompleteDay, policeTypes, engagementMeasures, engagementValues, noteIn, smallNumbers, summarise, surveyChart, type ChartModel, type DisplayUnit } from './series';
import './areas.css';

const police = { href: 'https://polisen.se/aktuellt/polisens-apier/', licenceHref: 'https://polisen.se/om-polisen/om-webbplatsen/oppna-data/' };
const bra = { href: 'https://statistik.bra.se/solwebb/action/index', licenceHref: 'https://bra.se/statistik/statistik-om-brottstyper.html' };

export function StatisticsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('areas');
  const area = useLoad((signal) => api().getArea(slug, signal), [slug]);
  const name = area.data?.name ?? slug;
  return (
    <Page title={t('stats.title', { name })} lead={t('stats.lead')}>
      <p>
        <Link to={`/omraden/${slug}`}>{t('stats.back', { name })}</Link>
      </p>
      {area.state === 'failed' && <ProblemAlert problem={area.problem} />}
      {area.state === 'loading' && <Loading />}
      {area.data && (
        <>
          <PoliceSection area={area.data} />
          <BraSection area={area.data} />
          <SurveySection area={area.data} />
          <AreaSurveyTrend slug={area.data.slug} />
          <EngagementSection area={area.data} />
        </>
      )}
    </Page>
  );
}

function Select<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: { value: T; label: string }[]; onChange: (value: T) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function useCrimeControls(granularities: Granularity[], categories: { value: string; label: string }[]) {
  const { t } = useTranslation('areas');
  const [granularity, setGranularity] = useState<Granularity>(granularities[0]!);
  const [unit, setUnit] = useState<DisplayUnit>('count');
  const [category, setCategory] = useState(categories[0]!.value);
  const controls = (
    <form className="filters" aria-label={t('stats.controls')} onSubmit={(e) => e.preventDefault()}>
      <Select label={t('stats.granularity')} value={granularity} onChange={setGranularity}
        options={granularities.map((g) => ({ value: g, label: t(`stats.granularityValue.${g}`) }))} />
      <Select label={t('stats.unit')} value={unit} onChange={setUnit}
        options={(['count', 'per1000'] as const).map((u) => ({ value: u, label: t(`stats.unitValue.${u}`) }))} />
      <Select label={t('stats.category')} value={category} onChange={setCategory} options={categories} />
    </form>
  );
  return { granularity, unit, category, controls };
}

/** Range texts and the summary numbers, shared by both crime sources. */
function describe(model: ChartModel, lang: 'sv' | 'en', digits: number) {
  const own = model.lines[0]?.values ?? [];
  const s = summarise(own);
  const fmt = (v: number | null) => (v === null ? '–' : formatNumber(v, lang, digits));
  return {
    s,
    params: {
      from: model.labels[0] ?? '',
      to: model.labels[model.labels.length - 1] ?? '',
      total: fmt(s.total),
      max: fmt(s.max),
      maxPeriod: model.labels[s.maxIndex] ?? '',
      latest: model.labels[s.latestIndex] ?? '',
      latestValue: fmt(s.latest),
    },
  };
}

function PoliceSection({ area }: { area: AreaDetail }) {
  const { t } = useTranslation('areas');
  const lang = currentLanguage();
  const { granularity, unit, category, controls } = useCrimeControls(
    ['month', 'quarter', 'year'],
    [{ value: '', label: t('stats.allPoliceTypes') }, ...policeTypes.map((p) => ({ value: p, label: p }))],
  );
  const series = useLoad(
    (signal) => api().getCrimeSeries(area.slug, 'police', granularity, 'count', category || undefined, from(granularity), lastCompleteDay(granularity), undefined, undefined, signal),
    [area.slug, granularity, category],
  );
  const model = useMemo(
    () => (series.data ? crimeChart(series.data, unit, { area: t('stats.police.series', { name: area.name }), city: t('stats.police.citySeries') }, lang) : null),
    [series.data, unit, area.name, lang, t],
  );
  const digits = unit === 'count' ? 0 : 2;
  const described = model ? describe(model, lang, digits) : null;
  const summary = described?.s.hasData
    ? t(described.s.allZero ? 'stats.police.summaryZero' : unit === 'count' ? 'stats.police.summary' : 'stats.police.summaryRate', { ...described.params, name: area.name })
    : undefined;
  // Counts are bars: a line between two separate months' counts suggests a trend between them.
  const type = unit === 'count' ? 'bar' : 'line';
  const caveats = [t('stats.notCrimes'), t('stats.completePeriods')];
  if (series.data) caveats.push(t('stats.coverage', { coverage: coverageIn(series.data, lang) }), noteIn(series.data.note, lang));
  if (series.data?.points.some((p) => p.value === null || p.value === undefined)) caveats.push(t('stats.gaps'));
  if (model && smallNumbers(model.lines[0]!.values.map((v, i) => (unit === 'count' ? v : (series.data?.points[i]?.value ?? null))))) caveats.push(t('stats.smallNumbers'));
  if (unit === 'per1000' && area.populationYear) caveats.push(t('stats.populationYear', { year: area.populationYear }));
  if (unit === 'per1000') caveats.push(t('stats.police.cityRateMissing'));
  return (
    <>
      {series.state === 'failed' && <ProblemAlert problem={series.problem} focus={false} />}
      <ChartSection
        id="police"
        heading={t('stats.police.heading')}
        lead={t('stats.police.lead')}
        controls={controls}
        summary={summary}
        model={model}
        type={type}
        busy={series.state === 'loading'}
        empty={series.state === 'failed' ? t('stats.noData') : !model ? t('common:loading') : unit === 'per1000' && !area.population ? t('stats.police.noPopulation') : undefined}
        ariaLabel={t('stats.police.aria', { ...described?.params, kind: t(`stats.kind.${type}`), name: area.name, granularity: t(`stats.granularityValue.${granularity}`).toLowerCase(), summary })}
        yTitle={t(`stats.unitValue.${unit}`)}
        digits={digits}
        lang={lang}
        source={{ name: series.data?.sourceName ?? 'Polismyndigheten, öppna händelser', href: police.href, licence: series.data?.licence ?? 'Polismyndighetens regler för öppna data', licenceHref: police.licenceHref, updated: series.data?.importedAt }}
        caveats={caveats}
      />
    </>
  );
}

function BraSection({ area }: { area: AreaDetail }) {
  const { t } = useTranslation('areas');
  const lang = currentLanguage();
  // BRÅ counts districts, not neighbourhoods: a neighbourhood shows its district's figures, and says so.
  const target = area.kind === 'neighbourhood' && area.parent ? area.parent : area;
  const { granularity, unit, category, controls } = useCrimeControls(['month', 'year'], braTypes.map((b) => ({ value: b, label: b })));
  const series = useLoad(
    (signal) => api().getCrimeSeries(target.slug, 'bra', granularity, unit === 'count' ? 'count' : 'per100k', category, from(granularity), lastCompleteDay(granularity), undefined, undefined, signal),
    [target.slug, granularity, unit, category],
  );
  const model = useMemo(
    () => (series.data ? crimeChart(series.data, unit, { area: t('stats.bra.series', { name: target.name }), city: t('stats.bra.citySeries') }, lang) : null),
    [series.data, unit, target.name, lang, t],
  );
  const digits = unit === 'count' ? 0 : 1;
  const described = model ? describe(model, lang, digits) : null;
  const summary = described?.s.hasData ? t(described.s.allZero ? 'stats.bra.summaryZero' : 'stats.bra.summary', described.params) : undefined;
  const type = unit === 'count' ? 'bar' : 'line';
  const caveats: string[] = [];
  if (target !== area) caveats.push(t('stats.bra.districtOnly', { name: target.name }));
  if (series.data) caveats.push(t('stats.coverage', { coverage: coverageIn(series.data, lang) }), noteIn(series.data.note, lang));
  if (series.data?.points.some((p) => p.value === null || p.value === undefined)) caveats.push(t('stats.gaps'));
  if (model?.preliminary.some(Boolean)) caveats.push(t('stats.bra.preliminaryNote'));
  return (
    <>
      {series.state === 'failed' && <ProblemAlert problem={series.problem} focus={false} />}
      <ChartSection
        id="bra"
        heading={t('stats.bra.heading')}
        lead={t('stats.bra.lead')}
        controls={controls}
        summary={summary}
        model={model}
        type={type}
        busy={series.state === 'loading'}
        empty={series.state === 'failed' ? t('stats.noData') : !model || !series.data ? t('common:loading') : t('stats.bra.none', { name: target.name, coverage: coverageIn(series.data, lang) })}
        ariaLabel={t('stats.bra.aria', { ...described?.params, kind: t(`stats.kind.${type}`), name: target.name, category, granularity: t(`stats.granularityValue.${granularity}`).toLowerCase(), summary })}
        yTitle={t(`stats.unitValue.${unit}`)}
        digits={digits}
        lang={lang}
        source={{ name: series.data?.sourceName ?? 'Brottsförebyggande rådet (BRÅ)', href: bra.href, licence: series.data?.licence ?? 'BRÅ: publicerad statistik får återanvändas fritt', licenceHref: bra.licenceHref, updated: series.data?.importedAt }}
        caveats={caveats}
      />
    </>
  );
}

function SurveySection({ area }: { area: AreaDetail }) {
  const { t } = useTranslation('areas');
  const lang = currentLanguage();
  const surveys = useLoad((signal) => api().getSurveySeries(area.slug, undefined, undefined, signal), [area.slug]);
  if (surveys.state === 'failed') return <ProblemAlert problem={surveys.problem} focus={false} />;
  if (!surveys.data) return null;
  if (surveys.data.length === 0) {
    return (
      <section className="stat" aria-labelledby="survey-heading">
        <h2 id="survey-heading">{t('stats.survey.heading')}</h2>
        <p>{t('stats.survey.none')}</p>
      </section>
    );
  }
  return (
    <>
      {surveys.data.map((series, index) => {
        const model = surveyChart(series, { area: area.name, city: t('stats.city') });
        const s = summarise(model.lines[0]!.values);
        const city = model.lines[1]?.values[s.latestIndex];
        const fmt = (v: number) => `${formatNumber(v, lang, 1)} ${series.unit}`;
        const params = { indicator: series.indicator, latest: model.labels[s.latestIndex] ?? '', latestValue: s.latest === null ? '–' : fmt(s.latest), cityValue: city == null ? '' : fmt(city) };
        const summary = t(city == null ? 'stats.survey.summary' : 'stats.survey.summaryCity', params);
        return (
          <ChartSection
            key={series.indicator}
            id={`survey-${index}`}
            heading={`${t('stats.survey.heading')}: ${series.indicator}`}
            lead={t('stats.survey.lead')}
            summary={summary}
            model={model}
            ariaLabel={t('stats.survey.aria', { indicator: series.indicator, name: area.name, summary })}
            yTitle={series.unit}
            digits={1}
            lang={lang}
            firstColumn={t('stats.survey.year')}
            source={{ name: series.source, licence: series.licence, updated: series.importedAt }}
            caveats={[t('stats.survey.caveat')]}
          />
        );
      })}
    </>
  );
}

function EngagementSection({ area }: { area: AreaDetail }) {
  const { t } = useTranslation(['areas', 'surveys']);
  const lang = currentLanguage();
  const engagement = useLoad((signal) => api().getEngagement(area.slug, undefined, undefined, undefined, signal), [area.slug]);
  const model = useMemo<ChartModel | null>(() => {
    if (!engagement.data) return null;
    const labels = engagementMeasures.map((m) => t(`stats.engagement.${m}`));
    return { labels, lines: [{ label: t('stats.engagement.value'), values: engagementValues(engagement.data) }], extra: [], preliminary: labels.map(() => false), changePercent: labels.map(() => null) };
  }, [engagement.data, t]);
  if (engagement.state === 'failed') return <ProblemAlert problem={engagement.problem} focus={false} />;
  const e = engagement.data;
  if (!e || !model) return null;
  const summary = t('stats.engagement.summary', {
    dialogues: t('stats.engagement.dialogues', { count: e.dialoguesHeld }), walks: t('stats.engagement.walks', { count: e.walksHeld }),
    onSite: e.participantsOnSite, remote: e.participantsRemote, asked: t('stats.engagement.questions', { count: e.questionsAsked }), answered: e.questionsAnswered,
  });
  const caveats = e.medianDaysToFix != null ? [t('stats.engagement.medianDays', { days: formatNumber(e.medianDaysToFix, lang, 0) })] : [];
  if (e.surveyResponseRate != null)
    caveats.push(t('surveys:engagement.responseRate', { answered: e.surveysAnswered, sent: e.surveysSent, rate: formatNumber(e.surveyResponseRate * 100, lang, 0) }));
  return (
    <ChartSection
      id="engagement"
      heading={t('stats.engagement.heading')}
      lead={t('stats.engagement.lead', { from: formatShortDate(e.from, lang), to: formatShortDate(e.to, lang) })}
      summary={summary}
      model={model}
      type="bar"
      zero={t('stats.engagement.allZero')}
      ariaLabel={t('stats.engagement.aria', { name: area.name, summary })}
      yTitle={t('stats.engagement.value')}
      lang={lang}
      firstColumn={t('stats.engagement.measure')}
      source={{ name: e.source, licence: t('stats.engagement.licence') }}
      caveats={caveats}
    />
  );
}

/** How far back a series reaches: two years of months or quarters, five of years. */
function from(granularity: Granularity): string {
  const now = new Date();
  const years = granularity === 'year' ? 5 : 2;
  return `${now.getFullYear() - years}-01-01`;
}
