import type { PublicEvent } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatTime } from '../../shared/format';
import { eventPath, whereToGo } from './upcoming';

/** An event in a list: when, where to go (venue or meeting point), and on its own line the place it is about. */
export function EventCard({ event, lang }: { event: PublicEvent; lang: 'sv' | 'en' }) {
  const { t } = useTranslation('events');
  const where = whereToGo(event);
  return (
    <article className="card event-card" aria-labelledby={`event-${event.id}`}>
      <p className="card-kicker">
        {t(`common:kind.${event.kind}`)} · {event.area.name}
      </p>
      <h3 id={`event-${event.id}`}>
        <Link to={eventPath(event)}>{event.title}</Link>
      </h3>
      <p>
        <time dateTime={event.startsAt}>
          {t('common:timeRange', { date: formatDate(event.startsAt, lang), start: formatTime(event.startsAt, lang), end: formatTime(event.endsAt, lang) })}
        </time>
      </p>
      <p>
        {where && <>{where} · </>}
        <span className={`badge format-${event.format}`}>{t(`common:format.${event.format}`)}</span>
      </p>
      {event.place && <p className="hint">{t('aboutPlace', { place: event.place })}</p>}
      {event.phase === 'cancelled' && <p className="badge cancelled">{t('cancelled')}</p>}
    </article>
  );
}
