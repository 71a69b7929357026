import type { AreaSignal } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatNumber } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { suggestedEventPath } from './eventForm';
import './staff.css';

/** Where a dialogue or walk is needed now, with the reasons in words and a way to plan one. */
export function SignalsPage() {
  const { t } = useTranslation('staff');
  const signals = useLoad((signal) => api().getSignals(signal), []);
  const flagged = (signals.data ?? []).filter((s) => s.flagged);
  const calm = (signals.data ?? []).filter((s) => !s.flagged);
  return (
    <Page title={t('signals.title')} lead={t('signals.lead')}>
      {signals.state === 'failed' && <ProblemAlert problem={signals.problem} focus={false} />}
      {signals.state === 'loading' && <Loading />}
      {signals.data && (
        <>
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
    </Page>
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
