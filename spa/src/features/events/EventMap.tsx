import type { Observation, PublicEvent } from '@trygghet/client';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { eventFeatures, observationFeatures } from '../../shared/map/features';
import { Map } from '../../shared/map/Map';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';

/** How an observation is named on a map and in the list beside it: category, number and status in words. */
export function useObservationLabel() {
  const { t } = useTranslation('areas');
  return (o: Observation) => t('observation.mapLabel', { category: t(`observation.category.${o.category}`), number: o.number, status: t(`common:observationStatus.${o.status}`) });
}

/**
 * Where the event is, on a map: the venue, or the walk's route and meeting point with the observations made along it.
 * The observations are listed under the map as well, so nothing is only on the map.
 */
export function EventMap({ event }: { event: PublicEvent }) {
  const { t } = useTranslation('map');
  const label = useObservationLabel();
  const walk = event.kind === 'walk';
  const observations = useLoad(
    (signal) => (walk ? api().listObservations(undefined, undefined, undefined, event.id, undefined, 100, undefined, signal) : Promise.resolve(null)),
    [event.id, walk],
  );
  const features = useMemo(() => {
    const place = eventFeatures(event, { route: t('route'), meeting: t('meeting'), venue: t('venue') });
    return [...place, ...observationFeatures(observations.data?.items ?? [], label)];
  }, [event, observations.data, label, t]);
  const seen = observations.data?.items ?? [];
  if (features.length === 0) return null;
  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">{t('heading')}</h2>
      <Map label={t('event.label', { title: event.title })} features={features} focus={event.area.slug} />
      {walk && (
        <p>
          <Link className="button" to={`/rapportera?vandring=${encodeURIComponent(event.slug)}`}>{t('event.report')}</Link>
        </p>
      )}
      {observations.state === 'failed' && <ProblemAlert problem={observations.problem} focus={false} />}
      {seen.length > 0 && (
        <>
          <h3>{t('event.observations', { count: seen.length })}</h3>
          <ul>
            {seen.map((o) => (
              <li key={o.id}>
                <Link to={`/iakttagelser/${o.id}`}>{label(o)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
