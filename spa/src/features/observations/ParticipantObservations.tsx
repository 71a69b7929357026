import type { ManagedRegistration } from '@trygghet/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDate, formatDateTime } from '../../shared/format';
import { useLoad } from '../../shared/useLoad';
import { ObservationForm } from './ObservationForm';
import { observationWindow, type MeetingPoint } from './point';

/** The longest wait the page keeps a timer for, to open the form by itself when the walk starts. */
const maxWait = 24 * 60 * 60 * 1000;

/**
 * On a walk registration's manage page: report observations through the manage link, from the walk's
 * start until two weeks after it (the API's window). Before that, it says when the form opens.
 */
export function ParticipantObservations({ token, registration: r }: { token: string; registration: ManagedRegistration }) {
  const { t } = useTranslation('observations');
  const lang = currentLanguage();
  const event = r.event;
  const [now, setNow] = useState(() => Date.now());
  const period = observationWindow(event.startsAt, event.endsAt, now);
  const walk = useLoad((signal) => (period.state === 'open' ? api().getWalk(event.slug, undefined, signal) : Promise.resolve(null)), [event.slug, period.state]);
  const details = walk.data?.walk;
  const meeting: MeetingPoint | null =
    details?.meetingLat != null && details.meetingLon != null
      ? { lat: details.meetingLat, lon: details.meetingLon, name: details.meetingPoint ?? walk.data?.place ?? '' }
      : null;

  // Open the form by itself when the walk starts while the page is open.
  const opensAt = period.state === 'before' ? period.opensAt : null;
  useEffect(() => {
    if (opensAt === null) return;
    const wait = new Date(opensAt).getTime() - now;
    if (wait > maxWait) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(wait, 0) + 500);
    return () => clearTimeout(timer);
  }, [opensAt, now]);

  if (event.kind !== 'walk' || r.status === 'cancelled' || event.status === 'cancelled') return null;

  return (
    <section aria-labelledby="observe-heading" className="participant-observations">
      <h2 id="observe-heading">{t('participant.heading')}</h2>
      {period.state === 'before' && <p>{t('participant.before', { time: formatDateTime(period.opensAt, lang) })}</p>}
      {period.state === 'after' && <p>{t('participant.after', { date: formatDate(period.closedAt, lang) })}</p>}
      {period.state === 'open' && (
        <>
          <p>{t('participant.lead')}</p>
          <p className="hint">{t('participant.open', { date: formatDate(period.closesAt, lang) })}</p>
          <ObservationForm record={(input) => api().recordParticipantObservation(token, input)} meeting={meeting} headingLevel={3} />
        </>
      )}
    </section>
  );
}
