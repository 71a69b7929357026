import type { PublicEvent } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatTime } from '../../shared/format';
import { eventPath } from './upcoming';

export function EventCard({ event, lang }: { event: PublicEvent; lang: 'sv' | 'en' }) {
  const { t } = useTranslation('events');
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
        {event.place} · <span className={`badge format-${event.format}`}>{t(`common:format.${event.format}`)}</span>
      </p>
      {event.status === 'cancelled' && <p className="badge cancelled">{t('cancelled')}</p>}
    </article>
  );
}
