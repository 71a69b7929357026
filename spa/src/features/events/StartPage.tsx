import type { AreaNode, EventFormat, EventKind, PublicEvent } from '@trygghet/client';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { currentLanguage, uiLanguage } from '../../i18n';
import { EventCard } from './EventCard';
import { flattenAreas, splitAttendable, upcomingEvents } from './upcoming';

// The map and Leaflet load only when asked for: the start page is in every resident's first download.
const UpcomingMap = lazy(() => import('./UpcomingMap'));

const formats: EventFormat[] = ['onSite', 'remote', 'hybrid'];
const kinds: EventKind[] = ['dialogue', 'walk'];

/** Upcoming dialogues and walks, filtered by neighbourhood, format and kind; the filters live in the URL. */
export function StartPage() {
  const { t } = useTranslation('events');
  const [params, setParams] = useSearchParams();
  const area = params.get('omrade') ?? '';
  const format = (params.get('format') ?? '') as EventFormat | '';
  const kind = (params.get('typ') ?? '') as EventKind | '';
  const onMap = params.get('visa') === 'karta';
  const areas = useLoad((signal) => api().listAreas(signal), []);
  const events = useLoad(
    (signal) => upcomingEvents(api(), { area: area || undefined, format: format || undefined, kind: kind || undefined, lang: uiLanguage() }, signal),
    [area, format, kind],
  );
  const ids = { area: useId(), format: useId(), kind: useId() };

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const options: AreaNode[] = areas.data ? flattenAreas(areas.data) : [];
  const lang = currentLanguage();
  // Feed readers and calendar apps rarely send Accept-Language: the page's language goes in the address.
  const feedLanguage = uiLanguage() === 'sv' ? '' : `?lang=${encodeURIComponent(uiLanguage())}`;
  // Only what one can still go to counts as upcoming (the API's `attendable`); cancellations are listed apart.
  const split = events.data ? splitAttendable(events.data) : null;
  return (
    <Page title={t('start.title')} lead={t('start.lead')}>
      <form className="filters" aria-label={t('start.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.area}>{t('start.area')}</label>
          <select id={ids.area} value={area} onChange={(e) => update('omrade', e.target.value)}>
            <option value="">{t('start.allAreas')}</option>
            {options.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.kind === 'district' ? a.name : `\u2003${a.name}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.format}>{t('start.format')}</label>
          <select id={ids.format} value={format} onChange={(e) => update('format', e.target.value)}>
            <option value="">{t('start.allFormats')}</option>
            {formats.map((f) => (
              <option key={f} value={f}>
                {t(`common:format.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>{t('start.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => update('typ', e.target.value)}>
            <option value="">{t('start.allKinds')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`common:kindPlural.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <section aria-labelledby="upcoming-heading" aria-busy={events.state === 'loading'}>
        <h2 id="upcoming-heading">{t('start.upcoming')}</h2>
        {events.state === 'failed' && <ProblemAlert problem={events.problem} fieldLabels={{ area: t('start.area'), format: t('start.format') }} focus={false} />}
        {events.state === 'loading' && !events.data && <Loading />}
        {split && split.attendable.length === 0 && <p>{t('start.none')}</p>}
        {split && split.attendable.length > 0 && (
          <>
            <p className="count" role="status">
              {t('start.count', { count: split.attendable.length })}
            </p>
            <p>
              <button type="button" className="secondary" aria-pressed={onMap} onClick={() => update('visa', onMap ? '' : 'karta')}>
                {t('start.showMap')}
              </button>
            </p>
            {onMap && (
              <Suspense fallback={<Loading />}>
                <UpcomingMap events={split.attendable} area={area || undefined} />
              </Suspense>
            )}
            <ul className="cards">
              {split.attendable.map((event: PublicEvent) => (
                <li key={event.id}>
                  <EventCard event={event} lang={lang} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {split && split.cancelled.length > 0 && (
        <section aria-labelledby="cancelled-heading">
          <h2 id="cancelled-heading">{t('start.cancelledHeading')}</h2>
          <p>{t('start.cancelledLead')}</p>
          <ul className="cards">
            {split.cancelled.map((event: PublicEvent) => (
              <li key={event.id}>
                <EventCard event={event} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul className="plain">
        <li>
          <a href={`/api/v1/calendar.ics${feedLanguage}`} type="text/calendar">{t('start.subscribe')}</a>
        </li>
        <li>
          <a href={`/api/v1/feed.atom${feedLanguage}`} type="application/atom+xml">{t('start.feed')}</a>
        </li>
      </ul>
    </Page>
  );
}
