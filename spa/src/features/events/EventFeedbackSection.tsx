import type { PublicEvent } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';
import { Paragraphs } from './EventDetails';

/**
 * The feedback (återkoppling) of a closed event, first on its page: what was raised, the observations and the measures
 * that answer them with their status, what happens now; then the questions and answers, read-only.
 */
export function EventFeedbackSection({ event }: { event: PublicEvent }) {
  const { t } = useTranslation(['events', 'areas']);
  const feedback = useLoad(
    (signal) => (event.kind === 'walk' ? api().getWalkFeedback(event.slug, signal) : api().getDialogueFeedback(event.slug, signal)),
    [event.kind, event.slug],
  );
  // The event itself carries the closing; the feedback adds observations, measures and answered questions.
  const closing = feedback.data ?? event.closing;
  if (!closing) return feedback.state === 'failed' ? <p>{t('event.feedbackMissing')}</p> : null;
  const data = feedback.data;

  return (
    <>
      <section aria-labelledby="feedback-heading" className="feedback">
        <h2 id="feedback-heading">{t('event.feedback')}</h2>
        <p>{t('event.feedbackLead')}</p>
        <p>{t('event.attendance', { onSite: closing.participantsOnSite, remote: closing.participantsRemote })}</p>
        <h3>{t('event.raised')}</h3>
        <Paragraphs text={closing.raised} />
        {data && data.observations.length > 0 && (
          <>
            <h3>{t('event.observations')}</h3>
            <ul>
              {data.observations.map((o) => (
                <li key={o.id}>
                  <Link to={`/iakttagelser/${o.id}`}>{t('areas:observation.title', { number: o.number, category: t(`areas:observation.category.${o.category}`) })}</Link>
                  {' – '}
                  {t(`common:observationStatus.${o.status}`).toLocaleLowerCase()}
                </li>
              ))}
            </ul>
          </>
        )}
        {data && data.measures.length > 0 && (
          <>
            <h3>{t('event.measures')}</h3>
            <ul>
              {data.measures.map((m) => (
                <li key={m.id}>
                  <Link to={`/atgarder/${m.id}`}>{m.title}</Link> ({t(`event.measureStatus.${m.status}`)})
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('event.actions')}</h3>
        <Paragraphs text={closing.actions} />
        {closing.minutes && (
          <details>
            <summary>{t('event.minutesTitle')}</summary>
            <Paragraphs text={closing.minutes} />
          </details>
        )}
      </section>
      {data && data.questions.length > 0 && (
        <section aria-labelledby="archive-heading">
          <h2 id="archive-heading">{t('event.questionsRaised')}</h2>
          <p className="hint">{t('event.archiveHint')}</p>
          <ul>
            {data.questions.map((q) => (
              <li key={q.id}>
                <p>{q.text}</p>
                {q.answers.map((a) => (
                  <p key={a.id} className="hint">
                    {a.author}: {a.text ?? t('event.answeredLive')}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
