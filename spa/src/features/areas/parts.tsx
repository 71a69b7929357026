import type { EventFeedback, Measure, MeasureStatus, Observation, ObservationStatus } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DescriptionText } from '../../shared/DescriptionText';
import { formatDate, formatShortDate } from '../../shared/format';
import { eventPath } from '../events/upcoming';

type Lang = 'sv' | 'en';

/** A status in words, with a symbol as well as a colour (never colour alone). */
export function StatusBadge({ kind, status }: { kind: 'measure' | 'observation'; status: MeasureStatus | ObservationStatus }) {
  const { t } = useTranslation('areas');
  return <span className={`badge status status-${status}`}>{t(kind === 'observation' ? `common:observationStatus.${status}` : `measure.status.${status}`)}</span>;
}

/** Dates without a time (`2026-11-30`) are calendar days: shown as such, not shifted by a time zone. */
export function day(date: string, lang: Lang): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatShortDate(`${date}T12:00:00Z`, lang) : formatShortDate(date, lang);
}

export function MeasureCard({ measure, lang, headingLevel = 3 }: { measure: Measure; lang: Lang; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation('areas');
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card" aria-labelledby={`measure-${measure.id}`}>
      <p className="card-kicker">{measure.area.name}</p>
      <Heading id={`measure-${measure.id}`}>
        <Link to={`/atgarder/${measure.id}`}>{measure.title}</Link>
      </Heading>
      <p>
        <StatusBadge kind="measure" status={measure.status} />
      </p>
      <p>{measure.description}</p>
      <dl className="facts">
        <dt>{t('measure.responsible')}</dt>
        <dd>{measure.responsible ?? t('measure.notAssigned')}</dd>
        {measure.startsOn && (
          <>
            <dt>{t('measure.started')}</dt>
            <dd>{day(measure.startsOn, lang)}</dd>
          </>
        )}
        {measure.completedOn && (
          <>
            <dt>{t('measure.completed')}</dt>
            <dd>{day(measure.completedOn, lang)}</dd>
          </>
        )}
      </dl>
    </article>
  );
}

export function ObservationCard({ observation, lang, headingLevel = 3 }: { observation: Observation; lang: Lang; headingLevel?: 3 | 4 | 5 }) {
  const { t } = useTranslation('areas');
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card" aria-labelledby={`observation-${observation.id}`}>
      <p className="card-kicker">
        {observation.area.name}
      </p>
      <Heading id={`observation-${observation.id}`}>
        <Link to={`/iakttagelser/${observation.id}`}>{t('observation.title', { number: observation.number, category: t(`observation.category.${observation.category}`) })}</Link>
      </Heading>
      <p>
        <StatusBadge kind="observation" status={observation.status} />
        {observation.overdue && <> <span className="badge overdue">{t('observation.overdue')}</span></>}
      </p>
      <p>
        <DescriptionText description={observation.description} held={observation.descriptionHeld} />
      </p>
      {observation.statusNote && (
        <p>
          <strong>{t('observation.note')}:</strong> {observation.statusNote}
        </p>
      )}
      <p className="hint">
        {t('observation.reported')} <time dateTime={observation.reportedAt}>{formatShortDate(observation.reportedAt, lang)}</time>
        {observation.responsible && ` · ${t('observation.responsible')}: ${observation.responsible}`}
      </p>
    </article>
  );
}

/** The feedback (återkoppling) of one closed dialogue or walk. */
export function FeedbackItem({ feedback, lang }: { feedback: EventFeedback; lang: Lang }) {
  const { t } = useTranslation('areas');
  const answered = feedback.questions.filter((q) => q.answered).length;
  return (
    <article className="feedback" aria-labelledby={`feedback-${feedback.eventId}`}>
      <p className="card-kicker">{t(`common:kind.${feedback.kind}`)}</p>
      <h3 id={`feedback-${feedback.eventId}`}>
        <Link to={eventPath(feedback)}>{feedback.title}</Link>
      </h3>
      <p>
        {t('feedback.held')} <time dateTime={feedback.startsAt}>{formatDate(feedback.startsAt, lang)}</time>.{' '}
        {t('feedback.participants', { onSite: feedback.participantsOnSite, remote: feedback.participantsRemote })}
        {feedback.questions.length > 0 && <> {t('feedback.questions', { count: feedback.questions.length, answered })}</>}
      </p>
      <h4>{t('feedback.raised')}</h4>
      <p>{feedback.raised}</p>
      <h4>{t('feedback.actions')}</h4>
      <p>{feedback.actions}</p>
      {feedback.measures.length > 0 && (
        <>
          <h4>{t('feedback.measures')}</h4>
          <ul className="plain-list">
            {feedback.measures.map((m) => (
              <li key={m.id}>
                <Link to={`/atgarder/${m.id}`}>{m.title}</Link> <StatusBadge kind="measure" status={m.status} />
              </li>
            ))}
          </ul>
        </>
      )}
      {feedback.observations.length > 0 && (
        <>
          <h4>{t('feedback.observations')}</h4>
          <ul className="plain-list">
            {feedback.observations.map((o) => (
              <li key={o.id}>
                <Link to={`/iakttagelser/${o.id}`}>{t('observation.title', { number: o.number, category: t(`observation.category.${o.category}`) })}</Link>: <DescriptionText description={o.description} held={o.descriptionHeld} />{' '}
                <StatusBadge kind="observation" status={o.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
