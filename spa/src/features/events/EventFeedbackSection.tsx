import type { PublicEvent } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';
import { Paragraphs } from './EventDetails';

/** The feedback (återkoppling) of a closed event: what came up, what happens, and the measures that answer it. */
export function EventFeedbackSection({ event }: { event: PublicEvent }) {
  const { t } = useTranslation('events');
  const feedback = useLoad(
    (signal) => (event.kind === 'walk' ? api().getWalkFeedback(event.slug, signal) : api().getDialogueFeedback(event.slug, signal)),
    [event.kind, event.slug],
  );
  // The event itself carries the closing; the feedback adds measures and answered questions.
  const closing = feedback.data ?? event.closing;
  if (!closing) return feedback.state === 'failed' ? <p>{t('event.feedbackMissing')}</p> : null;

  return (
    <section aria-labelledby="feedback-heading" className="feedback">
      <h2 id="feedback-heading">{t('event.feedback')}</h2>
      <p>{t('event.feedbackLead')}</p>
      <p>{t('event.attendance', { onSite: closing.participantsOnSite, remote: closing.participantsRemote })}</p>
      <h3>{t('event.raised')}</h3>
      <Paragraphs text={closing.raised} />
      <h3>{t('event.actions')}</h3>
      <Paragraphs text={closing.actions} />
      {feedback.data && feedback.data.measures.length > 0 && (
        <>
          <h3>{t('event.measures')}</h3>
          <ul>
            {feedback.data.measures.map((m) => (
              <li key={m.id}>
                <Link to={`/atgarder/${m.id}`}>{m.title}</Link> ({t(`event.measureStatus.${m.status}`)})
              </li>
            ))}
          </ul>
        </>
      )}
      {feedback.data && feedback.data.questions.length > 0 && (
        <>
          <h3>{t('event.questionsRaised')}</h3>
          <ul>
            {feedback.data.questions.map((q) => (
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
        </>
      )}
      {closing.minutes && (
        <details>
          <summary>{t('event.minutesTitle')}</summary>
          <Paragraphs text={closing.minutes} />
        </details>
      )}
    </section>
  );
}
