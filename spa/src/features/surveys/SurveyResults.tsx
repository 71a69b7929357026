import type { AreaSurveyResults, EventSurveyResults, SurveyCount, SurveyFigures, SurveyPeriod } from '@trygghet/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import './surveys.css';

const decimal = (value: number) => value.toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Counts as bars with their numbers: the numbers are the content, the bars only help the eye. */
function Bars({ counts, label }: { counts: SurveyCount[]; label: (value: string) => string }) {
  const { t } = useTranslation('surveys');
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <ul className="survey-bars">
      {counts.map((c) => (
        <li key={c.value}>
          <span>{label(c.value)}</span>
          <span className="survey-bar" style={{ width: `${(100 * c.count) / max}%` }} aria-hidden="true" />
          <span>{t('results.count', { count: c.count })}</span>
        </li>
      ))}
    </ul>
  );
}

function Figures({ figures }: { figures: SurveyFigures }) {
  const { t } = useTranslation('surveys');
  const value = (v: string) => t(`results.value.${v}`);
  return (
    <>
      <h3>{t('results.safety')}</h3>
      <p>{t('results.safetyMean', { mean: decimal(figures.safetyMean) })}</p>
      <Bars counts={figures.safety} label={(v) => v} />
      <h3>{t('results.useful')}</h3>
      <Bars counts={figures.useful} label={value} />
      <h3>{t('results.comeAgain')}</h3>
      <Bars counts={figures.comeAgain} label={value} />
    </>
  );
}

/** What a closed event's participants answered afterwards; "för få svar" below the minimum. */
export function EventSurveySection({ kind, slug }: { kind: 'dialogue' | 'walk'; slug: string }) {
  const results = useLoad((signal) => (kind === 'walk' ? api().getWalkSurveyResults(slug, signal) : api().getDialogueSurveyResults(slug, signal)), [kind, slug]);
  if (results.state === 'failed') return <ProblemAlert problem={results.problem} focus={false} />;
  if (!results.data || results.data.invited === 0) return null;
  return <EventSurveyView results={results.data} />;
}

export function EventSurveyView({ results }: { results: EventSurveyResults }) {
  const { t } = useTranslation('surveys');
  return (
    <section aria-labelledby="survey-results-heading" className="survey-results">
      <h2 id="survey-results-heading">{t('results.heading')}</h2>
      <p>{t('results.answers', { answers: results.answers, invited: results.invited })}</p>
      {results.tooFewAnswers || !results.figures ? (
        <p className="notice">{t('results.tooFew', { answers: results.answers, minimum: results.minimumAnswers })}</p>
      ) : (
        <>
          <Figures figures={results.figures} />
          <h3>{t('results.priorities')}</h3>
          {results.priorities.length === 0 ? (
            <p>{t('results.prioritiesNone')}</p>
          ) : (
            <ul className="survey-texts">
              {results.priorities.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <p className="hint">{results.note}</p>
    </section>
  );
}

/**
 * The perceived-safety trend from the surveys after the area's dialogues and walks, shown beside the official survey
 * indicators and labelled as a different measure. Each period shows figures only from the minimum number of answers.
 */
export function AreaSurveyTrend({ slug }: { slug: string }) {
  const { t } = useTranslation('surveys');
  const [period, setPeriod] = useState<SurveyPeriod>('halfYear');
  const results = useLoad((signal) => api().getAreaSurveyResults(slug, period, signal), [slug, period]);
  const selectId = useId();
  if (results.state === 'failed') return <ProblemAlert problem={results.problem} focus={false} />;
  return (
    <section className="stat survey-trend" aria-labelledby="survey-trend-heading">
      <h2 id="survey-trend-heading">{t('trend.heading')}</h2>
      <p>{t('trend.lead')}</p>
      <div className="field">
        <label htmlFor={selectId}>{t('trend.grouping')}</label>
        <select id={selectId} value={period} onChange={(e) => setPeriod(e.target.value as SurveyPeriod)}>
          <option value="halfYear">{t('trend.halfYear')}</option>
          <option value="quarter">{t('trend.quarter')}</option>
        </select>
      </div>
      {results.data && <TrendTable results={results.data} />}
    </section>
  );
}

export function TrendTable({ results }: { results: AreaSurveyResults }) {
  const { t } = useTranslation('surveys');
  if (results.trend.length === 0) return <p>{t('trend.none')}</p>;
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="group" aria-label={t('trend.heading')}>
        <table>
          <caption className="visually-hidden">{t('trend.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trend.period')}</th>
              <th scope="col">{t('trend.answers')}</th>
              <th scope="col">{t('trend.mean')}</th>
              <th scope="col">{t('trend.distribution')}</th>
            </tr>
          </thead>
          <tbody>
            {results.trend.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.period}</th>
                <td>{p.answers}</td>
                <td>{p.tooFewAnswers || p.safetyMean == null ? t('trend.tooFew') : decimal(p.safetyMean)}</td>
                <td>{p.tooFewAnswers ? '–' : p.safety.map((c) => c.count).join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{results.note}</p>
    </>
  );
}
