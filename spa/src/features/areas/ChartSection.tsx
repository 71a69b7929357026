import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/format';
import { Chart } from './Chart';
import type { ChartModel } from './series';

export interface Source {
  name: string;
  href?: string;
  licence: string;
  licenceHref?: string;
  /** When the newest figure was imported (ISO), where known. */
  updated?: string | null;
}

/**
 * One statistic: heading, controls, a text summary, the chart, the same numbers as a table, the
 * source with its terms, and what to keep in mind when reading it.
 */
export function ChartSection({ id, heading, lead, controls, summary, model, type = 'line', ariaLabel, yTitle, digits = 0, source, caveats, empty, zero, lang, firstColumn, busy = false }: {
  id: string;
  heading: string;
  lead?: ReactNode;
  controls?: ReactNode;
  summary?: string;
  model: ChartModel | null;
  type?: 'line' | 'bar';
  ariaLabel: string;
  yTitle: string;
  digits?: number;
  source: Source;
  caveats: string[];
  empty?: ReactNode;
  /** What to say when every figure is 0 (by default: per period). */
  zero?: string;
  lang: 'sv' | 'en';
  firstColumn?: string;
  /** New figures are on their way; the old ones stay until they come. */
  busy?: boolean;
}) {
  const { t } = useTranslation('areas');
  const hasData = !!model && model.lines.some((line) => line.values.some((v) => v !== null));
  // Nothing but zeros would be an empty box: say it in words instead, and keep the table.
  const allZero = hasData && !!model && model.lines.every((line) => line.values.every((v) => v === null || v === 0));
  const showChange = !!model && model.changePercent.some((c) => c !== null);
  const number = (value: number | null | undefined) => (value === null || value === undefined ? t('stats.noFigure') : formatNumber(value, lang, digits));
  return (
    <section className="stat" aria-labelledby={`${id}-heading`} aria-busy={busy}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {lead && <p>{lead}</p>}
      {controls}
      <div aria-live="polite" className="stat-body">
        {!hasData && <p className="notice warn">{empty ?? t('stats.noData')}</p>}
        {hasData && model && (
          <>
            {summary && <p className="stat-summary">{summary}</p>}
            {allZero
              ? <p className="notice stat-zero">{zero ?? t('stats.allZero')}</p>
              : <Chart type={type} labels={model.labels} lines={model.lines} label={ariaLabel} yTitle={yTitle} locale={lang === 'sv' ? 'sv-SE' : 'en-GB'} missing={t('stats.noFigure')} />}
            <details className="stat-table">
              <summary>{t('stats.table')}</summary>
              <div className="table-scroll" tabIndex={0} role="group" aria-label={heading}>
                <table>
                  <caption>{heading}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{firstColumn ?? t('stats.period')}</th>
                      {[...model.lines, ...model.extra].map((line) => (
                        <th scope="col" key={line.label}>{line.label}</th>
                      ))}
                      {showChange && <th scope="col">{t('stats.change')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {model.labels.map((label, index) => (
                      <tr key={label}>
                        <th scope="row">
                          {label}
                          {model.preliminary[index] && ` (${t('stats.preliminary')})`}
                        </th>
                        {[...model.lines, ...model.extra].map((line, column) => {
                          const reason = column === 0 ? model.reasons?.[index] : null;
                          // A missing figure says why; a figure of a period still under way says so beside it.
                          if (reason && (line.values[index] === null || line.values[index] === undefined)) return <td key={line.label}>{t(`stats.reason.${reason}`)}</td>;
                          return <td key={line.label}>{number(line.values[index])}{reason === 'unfinished' && ` (${t('stats.reason.unfinished')})`}</td>;
                        })}
                        {showChange && <td>{change(model.changePercent[index], lang)}</td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </div>
      <p className="stat-source">
        {t('stats.source')}: {source.href ? <a href={source.href}>{source.name}</a> : source.name}. {t('stats.licence')}:{' '}
        {source.licenceHref ? <a href={source.licenceHref}>{source.licence}</a> : source.licence}.
        {source.updated && (
          <>
            {' '}
            {t('stats.imported')}: <time dateTime={source.updated}>{new Date(source.updated).toLocaleDateString(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm' })}</time>.
          </>
        )}
      </p>
      {caveats.length > 0 && (
        <div className="stat-caveats">
          <h3>{t('stats.caveats')}</h3>
          <ul>
            {caveats.map((caveat) => (
              <li key={caveat}>{caveat}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function change(value: number | null | undefined, lang: 'sv' | 'en') {
  if (value === null || value === undefined) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(value), lang, 1)} %`;
}
