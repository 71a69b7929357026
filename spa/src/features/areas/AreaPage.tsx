import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage, uiLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatNumber } from '../../shared/format';
import { measureFeatures, observationFeatures, statusGroup } from '../../shared/map/features';
import { Map } from '../../shared/map/Map';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad, type Load } from '../../shared/useLoad';
import { WatchArea } from '../alerts/WatchArea';
import { EventCard } from '../events/EventCard';
import { useObservationLabel } from '../events/EventMap';
import { upcomingEvents } from '../events/upcoming';
import { closedFeedback } from './feedback';
import { FeedbackItem, MeasureCard, ObservationCard } from './parts';
import './areas.css';

const shown = 12;
const onMap = 100;

/** One area: upcoming meetings, what is being done, what became of what was raised, and links onward. */
export function AreaPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('areas');
  const lang = currentLanguage();
  const label = useObservationLabel();
  const area = useLoad((signal) => api().getArea(slug, signal), [slug]);
  const events = useLoad((signal) => upcomingEvents(api(), { area: slug, lang: uiLanguage() }, signal, 10), [slug]);
  const measures = useLoad((signal) => api().listMeasures(slug, undefined, shown, undefined, signal), [slug]);
  const feedback = useLoad((signal) => closedFeedback(api(), slug, signal), [slug]);
  const observations = useLoad((signal) => api().listObservations(slug, undefined, undefined, undefined, undefined, shown, undefined, signal), [slug]);
  // The map shows every open observation (up to a hundred, clustered when many) and where the measures are.
  const mapped = useLoad((signal) => api().listObservations(slug, undefined, undefined, undefined, undefined, onMap, undefined, signal), [slug]);

  const openOnes = (mapped.data?.items ?? []).filter((o) => statusGroup(o.status) === 'open' || statusGroup(o.status) === 'planned');

  if (area.state === 'failed') {
    return (
      <Page title={t('list.title')}>
        <ProblemAlert problem={area.problem} />
      </Page>
    );
  }
  if (!area.data) return <Loading />;
  const a = area.data;
  return (
    <Page title={a.name} lead={t('area.lead', { name: a.name })}>
      <dl className="facts">
        <dt>{t('area.population')}</dt>
        <dd>
          {a.population != null
            ? t('area.populationValue', { population: formatNumber(a.population, lang), year: a.populationYear ?? '' })
            : t('area.populationUnknown')}
        </dd>
        {a.parent && (
          <>
            <dt>{t('area.partOf')}</dt>
            <dd>
              <Link to={`/omraden/${a.parent.slug}`}>{a.parent.name}</Link>
            </dd>
          </>
        )}
      </dl>
      <WatchArea slug={a.slug} />
      <ul className="area-links">
        <li>
          <Link to={`/omraden/${a.slug}/statistik`}>{t('area.statistics', { name: a.name })}</Link>
        </li>
        <li>
          <a href={`/api/v1/areas/${encodeURIComponent(a.slug)}/feed.atom`} type="application/atom+xml">{t('area.feed')}</a>
        </li>
        <li>
          <a href={`/api/v1/calendar.ics?area=${encodeURIComponent(a.slug)}`} type="text/calendar">{t('area.calendar')}</a>
        </li>
      </ul>

      {a.children.length > 0 && (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t('area.neighbourhoods')}</h2>
          <ul className="area-links">
            {a.children.map((child) => (
              <li key={child.slug}>
                <Link to={`/omraden/${child.slug}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Section id="upcoming" heading={t('area.upcoming')} load={events} empty={t('area.noUpcoming')} isEmpty={(d) => d.length === 0}>
        {(list) => (
          <ul className="cards">
            {list.map((event) => (
              <li key={event.id}>
                <EventCard event={event} lang={lang} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="measures" heading={t('area.measures')} lead={t('area.measuresLead')} load={measures} empty={t('area.noMeasures')} isEmpty={(d) => d.items.length === 0}>
        {(page) => (
          <>
            <ul className="cards">
              {page.items.map((measure) => (
                <li key={measure.id}>
                  <MeasureCard measure={measure} lang={lang} />
                </li>
              ))}
            </ul>
            {page.nextCursor && <p className="hint">{t('area.more', { count: page.items.length })}</p>}
          </>
        )}
      </Section>

      <Section id="feedback" heading={t('area.feedback')} lead={t('area.feedbackLead')} load={feedback} empty={t('area.noFeedback')} isEmpty={(d) => d.length === 0}>
        {(list) => list.map((item) => <FeedbackItem key={item.eventId} feedback={item} lang={lang} />)}
      </Section>

      <Section
        id="observations"
        heading={t('area.observations')}
        lead={t('area.observationsLead')}
        action={<Link className="button" to={`/rapportera?omrade=${encodeURIComponent(a.slug)}`}>{t('area.report', { name: a.name })}</Link>}
        load={observations} empty={t('area.noObservations')} isEmpty={(d) => d.items.length === 0}>
        {(page) => (
          <>
            <Map
              label={t('area.mapLabel', { name: a.name })}
              area={a.kind === 'neighbourhood' ? a.parent?.slug : a.slug}
              focus={a.kind === 'neighbourhood' ? a.slug : undefined}
              features={[
                ...observationFeatures(openOnes, label),
                ...measureFeatures(measures.data?.items ?? [], mapped.data?.items ?? [], (m) => t('area.measureOnMap', { title: m.title })),
              ]}
            />
            {mapped.state === 'failed' && <ProblemAlert problem={mapped.problem} focus={false} />}
            {openOnes.length > 0 && (
              <details className="map-list">
                <summary>{t('area.openOnMap', { count: openOnes.length })}</summary>
                <ul>
                  {openOnes.map((o) => (
                    <li key={o.id}>
                      <Link to={`/iakttagelser/${o.id}`}>{label(o)}</Link>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <ul className="cards">
              {page.items.map((observation) => (
                <li key={observation.id}>
                  <ObservationCard observation={observation} lang={lang} />
                </li>
              ))}
            </ul>
            {page.nextCursor && <p className="hint">{t('area.more', { count: page.items.length })}</p>}
          </>
        )}
      </Section>
    </Page>
  );
}

/** A section that loads on its own, so one slow or failing part does not hold up the rest. */
function Section<T>({ id, heading, lead, action, load, empty, isEmpty, children }: {
  id: string;
  heading: string;
  lead?: string;
  /** What one can do here, shown whether the section has content or not. */
  action?: React.ReactNode;
  load: Load<T>;
  empty: string;
  isEmpty: (data: T) => boolean;
  children: (data: T) => React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} aria-busy={load.state === 'loading'}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {lead && <p>{lead}</p>}
      {action && <p>{action}</p>}
      {load.state === 'failed' && <ProblemAlert problem={load.problem} focus={false} />}
      {load.state === 'loading' && !load.data && <Loading />}
      {load.data !== undefined && (isEmpty(load.data) ? <p>{empty}</p> : children(load.data))}
    </section>
  );
}
