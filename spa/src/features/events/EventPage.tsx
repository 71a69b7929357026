import type { Availability, EventKind, PublicEvent } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../shared/api';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { EventDetails } from './EventDetails';
import { EventFeedbackSection } from './EventFeedbackSection';
import { EventSurveySection } from '../surveys/SurveyResults';
import { EventMap } from './EventMap';
import { EventStatusNotice } from './EventStatusNotice';
import { RegistrationSection } from '../registrations/RegistrationSection';
import './events.css';

interface Loaded {
  event: PublicEvent;
  availability: Availability | null;
}

/** A dialogue's or walk's page by its phase (from the API): what, where, when, who takes part, and the registration while one can still go. */
export function EventPage() {
  // The registration form's texts load with the page's own, so the form appears together with the details.
  const { t } = useTranslation(['events', 'registrations']);
  const { slug = '' } = useParams();
  const kind: EventKind = useLocation().pathname.startsWith('/vandringar') ? 'walk' : 'dialogue';
  const load = useLoad<Loaded>(async (signal) => {
    const client = api();
    const [event, availability] = await Promise.all([
      kind === 'walk' ? client.getWalk(slug, signal) : client.getDialogue(slug, signal),
      (kind === 'walk' ? client.getWalkAvailability(slug, signal) : client.getDialogueAvailability(slug, signal)).catch(() => null),
    ]);
    return { event, availability };
  }, [kind, slug]);

  if (!load.data) {
    if (load.state === 'failed') {
      return (
        <Page title={t(`common:kind.${kind}`)}>
          {load.problem.status === 404 ? <p>{t('event.notFound')}</p> : <ProblemAlert problem={load.problem} focus={false} />}
          <p>
            <Link to="/">{t('event.back')}</Link>
          </p>
        </Page>
      );
    }
    return <Loading />;
  }

  const { event, availability } = load.data;
  // What comes first is what the resident came for: the reason of a cancellation, the feedback of a closed event,
  // the thanks of one awaiting its report; else the details and the registration.
  return (
    <Page title={event.title} lead={`${t(`common:kind.${event.kind}`)} · ${event.area.name}`}>
      <EventStatusNotice event={event} />
      {event.phase === 'closed' && <EventFeedbackSection event={event} />}
      {event.phase === 'closed' && <EventSurveySection kind={event.kind} slug={event.slug} />}
      <EventDetails event={event} availability={event.attendable ? availability : null} />
      {event.attendable && <RegistrationSection event={event} availability={availability} onRegistered={load.reload} />}
      <EventMap event={event} />
    </Page>
  );
}
