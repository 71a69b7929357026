import type { Availability, ModeAvailability, PublicEvent } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage, directionOf } from '../../i18n';
import { formatDateTime, formatDate, formatTime } from '../../shared/format';
import { calendarPath, venueLine } from './upcoming';

/** The number of points of a walk's route, a GeoJSON LineString (the contract leaves its type open). */
function pointsOf(route: unknown): number {
  return typeof route === 'object' && route !== null && 'coordinates' in route && Array.isArray(route.coordinates) ? route.coordinates.length : 0;
}

/**
 * The `lang` and `dir` of one of the event's own texts: the answer's language, or Swedish where its translation leaves
 * the text out (the API's `untranslated`). The page's own words around them keep the page's language.
 */
export function textLanguage(event: Pick<PublicEvent, 'language' | 'untranslated'>, field?: string): { lang: string; dir: 'ltr' | 'rtl' } {
  const lang = field && event.untranslated?.includes(field) ? 'sv' : event.language;
  return { lang, dir: directionOf(lang) };
}

/**
 * What, where, when and with whom: everything a resident needs before deciding to come. Where to go (the venue, or
 * the walk's meeting point) and the place the event is about are separate lines. Places, the deadline, the calendar
 * and the remote link's note only while the event can be attended (the API's `attendable`).
 */
export function EventDetails({ event, availability }: { event: PublicEvent; availability: Availability | null }) {
  const { t } = useTranslation('events');
  const lang = currentLanguage();
  const venue = event.venue;
  const walk = event.walk;
  const routePoints = pointsOf(walk?.route);
  const deadline = availability?.deadline ?? event.registrationDeadline ?? null;
  const where = venueLine(event);

  return (
    <>
      <section aria-labelledby="practical-heading">
        <h2 id="practical-heading">{t('event.practical')}</h2>
        <dl className="facts">
          <dt>{t('event.when')}</dt>
          <dd>
            <time dateTime={event.startsAt}>
              {t('common:timeRange', { date: formatDate(event.startsAt, lang), start: formatTime(event.startsAt, lang), end: formatTime(event.endsAt, lang) })}
            </time>
          </dd>
          {walk?.meetingPoint ? (
            <>
              <dt>{t('event.meetingPoint')}</dt>
              <dd>
                <span {...textLanguage(event, 'meetingPoint')}>{walk.meetingPoint}</span>
                {routePoints > 1 && <span className="hint block">{t('event.route', { count: routePoints })}</span>}
              </dd>
            </>
          ) : (
            where && (
              <>
                <dt>{t('event.where')}</dt>
                <dd {...textLanguage(event, 'venueName')}>{where}</dd>
              </>
            )
          )}
          {event.place && (
            <>
              <dt>{t('event.aboutPlace')}</dt>
              <dd {...textLanguage(event, 'place')}>{event.place}</dd>
            </>
          )}
          <dt>{t('event.area')}</dt>
          <dd>
            <Link to={`/omraden/${event.area.slug}`}>{event.area.name}</Link>
          </dd>
          {walk?.lightCondition && (
            <>
              <dt>{t('event.light')}</dt>
              <dd>{t(`event.lightCondition.${walk.lightCondition}`)}</dd>
            </>
          )}
          {venue?.accessibilityNotes && (
            <>
              <dt>{t('event.accessibility')}</dt>
              <dd {...textLanguage(event, 'accessibilityNotes')}>{venue.accessibilityNotes}</dd>
            </>
          )}
          <dt>{t('event.format')}</dt>
          <dd>
            {t(`common:format.${event.format}`)}
            {event.remoteParticipation && event.attendable && <span className="hint block">{t('event.remoteNote')}</span>}
          </dd>
          <dt>{t('event.level')}</dt>
          <dd>{t(`event.levels.${event.participationLevel}`)}</dd>
          {(availability?.onSite || availability?.remote) && (
            <>
              <dt>{t('event.places')}</dt>
              <dd>
                <ul className="plain">
                  {availability.onSite && <Places label={t('event.placesOnSite')} places={availability.onSite} />}
                  {availability.remote && <Places label={t('event.placesRemote')} places={availability.remote} />}
                </ul>
              </dd>
            </>
          )}
          {deadline && event.attendable && (
            <>
              <dt>{t('event.deadline')}</dt>
              <dd>
                <time dateTime={deadline}>{formatDateTime(deadline, lang)}</time>
              </dd>
            </>
          )}
        </dl>
        <ul className="plain event-links">
          {availability?.open && (
            <li>
              <a href="#register-heading">{t('event.toRegistration')}</a>
            </li>
          )}
          {event.attendable && (
            <li>
              <a href={calendarPath(event.kind, event.slug)} download={`${event.slug}.ics`}>
                {t('event.calendar')}
              </a>
            </li>
          )}
          {event.kind === 'dialogue' && event.phase !== 'cancelled' && (
            <li>
              <Link to={`/dialoger/${event.slug}/fragor`}>{event.attendable ? t('event.questions') : t('event.questionsArchive')}</Link>
              <span className="hint block">{event.attendable ? t('event.questionsHint') : t('event.questionsArchiveHint')}</span>
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t('event.about')}</h2>
        {event.description && (
          <div {...textLanguage(event, 'description')}>
            <Paragraphs text={event.description} />
          </div>
        )}
        {event.problem && (
          <>
            <h3>{t('event.problem')}</h3>
            <div {...textLanguage(event, 'problem')}>
              <Paragraphs text={event.problem} />
            </div>
          </>
        )}
        {event.method && (
          <>
            <h3>{t('event.method')}</h3>
            <div {...textLanguage(event, 'method')}>
              <Paragraphs text={event.method} />
            </div>
          </>
        )}
        {event.agenda.length > 0 && (
          <>
            <h3>{t('event.agenda')}</h3>
            <ol>
              {event.agenda.map((item, index) => (
                <li key={index}>
                  <span {...textLanguage(event, 'agenda')}>{item.title}</span>
                  {item.minutes ? ` (${t('event.minutes', { count: item.minutes })})` : ''}
                </li>
              ))}
            </ol>
          </>
        )}
        <h3>{t('event.participants')}</h3>
        {event.participants.length > 0 ? (
          <ul>
            {event.participants.map((p) => (
              <li key={p.organisation}>{p.organisation}</li>
            ))}
          </ul>
        ) : (
          <p>{t('event.noParticipants')}</p>
        )}
      </section>
    </>
  );
}

function Places({ label, places }: { label: string; places: ModeAvailability }) {
  const { t } = useTranslation('events');
  const text =
    places.capacity == null
      ? t('event.unlimited')
      : (places.available ?? 0) <= 0
        ? t('event.full', { waitlisted: places.waitlisted })
        : t('event.left', { available: places.available, capacity: places.capacity });
  return (
    <li>
      {label}: {text}
    </li>
  );
}

/** Plain text with blank lines as paragraphs (texts are never interpreted as markup). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i} className="pre-line">
            {p.trim()}
          </p>
        ))}
    </>
  );
}
