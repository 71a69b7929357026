import type { AreaSignal, PoliceFetchStatus } from '@trygghet/client';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDateTime, formatNumber } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { sortedByName } from '../../shared/collation';
import { Map } from '../../shared/map/Map';
import type { Shading } from '../../shared/map/baseMap';
import { useLoad } from '../../shared/useLoad';
import { suggestedEventPath } from './eventForm';
import './staff.css';

/** Where a dialogue or walk is needed now, with the reasons in words and a way to plan one. */
export function SignalsPage() {
  const { t } = useTranslation('staff');
  const signals = useLoad((signal) => api().getSignals(signal), []);
  const flagged = (signals.data ?? []).filter((s) => s.flagged);
  // Flagged areas in the order of how strong the signal is; the calm ones by name, in Swedish order.
  const calm = sortedByName((signals.data ?? []).filter((s) => !s.flagged), (s) => s.area.name);
  return (
    <Page title={t('signals.title')} lead={t('signals.lead')}>
      {signals.state === 'failed' && <ProblemAlert problem={signals.problem} focus={false} />}
      {signals.state === 'loading' && <Loading />}
      {signals.data && (
        <>
          <Map label={t('signals.mapLabel')} features={[]} shading={shadingOf(signals.data, t)} />
          <section aria-labelledby="flagged-heading">
            <h2 id="flagged-heading">{t('signals.flagged')}</h2>
            {flagged.length === 0 && <p>{t('signals.noneFlagged')}</p>}
            <ul className="cards">
              {flagged.map((s) => (
                <li key={s.area.slug}>
                  <SignalCard signal={s} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="calm-heading">
            <h2 id="calm-heading">{t('signals.calm')}</h2>
            <ul className="cards">
              {calm.map((s) => (
                <li key={s.area.slug}>
                  <SignalCard signal={s} />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      <PoliceFetchPanel />
    </Page>
  );
}

/** The neighbourhoods filled by whether they need attention, each named with the flags the list gives it. */
function shadingOf(signals: AreaSignal[], t: TFunction<'staff'>): Shading {
  const areas: Shading['areas'] = {};
  for (const s of signals) {
    const flags = [s.riseFlagged && t('signals.flag.rise'), s.pileUpFlagged && t('signals.flag.pileUp'), s.questionsFlagged && t('signals.flag.questions')].filter(Boolean);
    areas[s.area.slug] = s.flagged ? { group: 'attention', label: flags.join(', ') || t('signals.flagged') } : { group: 'calm', label: t('signals.calm') };
  }
  return { areas, key: { attention: t('signals.flagged'), calm: t('signals.calm') } };
}

/** Whether the police events keep coming: the scheduled fetch's last success, newest event and last error. */
function PoliceFetchPanel() {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  const status = useLoad((signal) => api().getPoliceFetchStatus(signal), []);
  const s: PoliceFetchStatus | undefined = status.data;
  if (!s) return null; // the signals above already show a failure to load
  const when = (iso?: string | null) => (iso ? formatDateTime(iso, lang) : t('policeFetch.never'));
  return (
    <section aria-labelledby="police-fetch-heading" className="card">
      <h2 id="police-fetch-heading">{t('policeFetch.title')}</h2>
      <p>{s.enabled ? t('policeFetch.on', { minutes: Math.round(s.intervalSeconds / 60) }) : t('policeFetch.off')}</p>
      <dl>
        <dt>{t('policeFetch.lastSuccess')}</dt>
        <dd>{when(s.lastSuccessAt)}</dd>
        <dt>{t('policeFetch.newest')}</dt>
        <dd>
          {when(s.newestEventAt)}
          {s.enabled && s.stale && <> <span className="badge">{t('policeFetch.stale')}</span></>}
        </dd>
        {s.lastErrorAt && (
          <>
            <dt>{t('policeFetch.lastError')}</dt>
            <dd>
              {when(s.lastErrorAt)}: {s.lastError}
            </dd>
          </>
        )}
      </dl>
      {s.fetches > 0 && <p className="hint">{t('policeFetch.counts', { fetches: s.fetches, failures: s.failures, imported: s.eventsImported })}</p>}
      {s.last && <p className="hint">{t('policeFetch.last', { ...s.last })}</p>}
    </section>
  );
}

function SignalCard({ signal: s }: { signal: AreaSignal }) {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  const month = (date: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const numbers = {
    window: s.windowEvents,
    expected: formatNumber(s.expected, lang, 1),
    from: month(s.windowFrom),
    to: month(s.windowTo),
    p: s.adjustedPValue < 0.001 ? '< 0,001'.replace(',', lang === 'en' ? '.' : ',') : formatNumber(s.adjustedPValue, lang, 3),
  };
  const headingId = `signal-${s.area.slug}`;
  return (
    <article className={`card signal${s.flagged ? ' flagged' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{s.area.name}</h3>
      {s.flagged && (
        <p>
          {s.riseFlagged && <span className="badge">{t('signals.flag.rise')}</span>}{' '}
          {s.pileUpFlagged && <span className="badge">{t('signals.flag.pileUp')}</span>}{' '}
          {s.questionsFlagged && <span className="badge">{t('signals.flag.questions')}</span>}
        </p>
      )}
      <h4>{t('signals.what')}</h4>
      <p>
        {!s.enoughData
          ? s.policeCoveredUntil
            ? t('signals.notEnoughData', { ...numbers, until: new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(new Date(s.policeCoveredUntil)) })
            : t('signals.noPoliceData')
          : s.riseFlagged ? t('signals.rise', numbers) : t('signals.steady', numbers)}
      </p>
      {s.topTypes.length > 0 && <p>{t('signals.topTypes', { types: s.topTypes.join(', ') })}</p>}
      {(s.pileUpFlagged || s.openObservations > 0) && (
        <p>{t('signals.pileUp', { open: s.openObservations, stale: s.staleObservations, overdue: s.overdueObservations })}</p>
      )}
      {s.unansweredQuestions > 0 && <p>{t('signals.questions', { count: s.unansweredQuestions })}</p>}
      {s.explanation && (
        <details>
          <summary>{t('signals.numbers')}</summary>
          <p className="hint">{s.explanation}</p>
        </details>
      )}
      {s.suggestion && (
        <>
          <h4>{t('signals.suggestion')}</h4>
          <p>
            {t(`common:kind.${s.suggestion.kind}`)}: {s.suggestion.title}
          </p>
          {s.suggestion.actorKinds.length > 0 && (
            <p>{t('signals.invite', { actors: s.suggestion.actorKinds.map((k) => t(`actorKind.${k}`, { defaultValue: k })).join(', ') })}</p>
          )}
          <p>
            <Link className="button" to={suggestedEventPath(s)}>
              {t('signals.create', { title: s.suggestion.title })}
            </Link>
          </p>
        </>
      )}
    </article>
  );
}
