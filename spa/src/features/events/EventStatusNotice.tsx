import type { PublicEvent } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTime } from '../../shared/format';
import { eventPath } from './upcoming';

/**
 * The first thing on an event's page when it is not simply upcoming: a cancellation with its reason and the next event
 * in the area, the thanks after the event with the date the feedback is due, or that it is under way. The phase comes
 * from the API.
 */
export function EventStatusNotice({ event }: { event: PublicEvent }) {
  const { t } = useTranslation('events');
  const lang = currentLanguage();
  switch (event.phase) {
    case 'cancelled': {
      const next = event.nextEventInArea;
      return (
        <section className="notice warn event-status" aria-labelledby="status-heading">
          <h2 id="status-heading">{t('event.cancelledTitle')}</h2>
          {event.cancelReason && <p>{event.cancelReason}</p>}
          {next ? (
            <p>
              {t('event.nextInArea', { area: event.area.name })}{' '}
              <Link to={eventPath(next)}>{next.title}</Link>
              {', '}
              <time dateTime={next.startsAt}>{formatDateTime(next.startsAt, lang)}</time>
            </p>
          ) : (
            <p>
              {t('event.noNextInArea', { area: event.area.name })} <Link to={`/omraden/${event.area.slug}`}>{t('event.areaPage', { area: event.area.name })}</Link>
            </p>
          )}
        </section>
      );
    }
    case 'awaitingReport':
      return (
        <section className="notice event-status" aria-labelledby="status-heading">
          <h2 id="status-heading">{t('event.thanks')}</h2>
          <p>
            {event.feedbackExpectedBy
              ? t('event.feedbackExpected', { date: formatDate(event.feedbackExpectedBy, lang) })
              : t('event.feedbackLater')}
          </p>
        </section>
      );
    case 'ongoing':
      return <p className="notice event-status">{t('event.ongoing')}</p>;
    default:
      return event.status === 'rescheduled' ? <p className="notice warn">{t('event.rescheduled')}</p> : null;
  }
}
