import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { DescriptionText } from '../../shared/DescriptionText';
import { formatDate, formatShortDate } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { eventPath } from '../events/upcoming';
import { day, StatusBadge } from './parts';
import './areas.css';

/** One safety measure: what is done, by whom, how far it has come, and what it answers. */
export function MeasurePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('areas');
  const lang = currentLanguage();
  const measure = useLoad((signal) => api().getMeasure(id, signal), [id]);
  if (measure.state === 'failed') {
    return (
      <Page title={t('area.measures')}>
        <ProblemAlert problem={measure.problem} />
      </Page>
    );
  }
  if (!measure.data) return <Loading />;
  const m = measure.data;
  return (
    <Page title={m.title}>
      <p>
        <StatusBadge kind="measure" status={m.status} />
      </p>
      <p className="lead">{m.description}</p>
      <dl className="facts">
        <dt>{t('measure.area')}</dt>
        <dd>
          <Link to={`/omraden/${m.area.slug}`}>{m.area.name}</Link>
        </dd>
        <dt>{t('measure.responsible')}</dt>
        <dd>{m.responsible ?? t('measure.notAssigned')}</dd>
        {m.startsOn && (
          <>
            <dt>{t('measure.started')}</dt>
            <dd>{day(m.startsOn, lang)}</dd>
          </>
        )}
        {m.completedOn && (
          <>
            <dt>{t('measure.completed')}</dt>
            <dd>{day(m.completedOn, lang)}</dd>
          </>
        )}
        <dt>{t('measure.updated')}</dt>
        <dd>
          <time dateTime={m.updatedAt}>{formatShortDate(m.updatedAt, lang)}</time>
        </dd>
      </dl>
      {m.observations.length > 0 && (
        <section aria-labelledby="measure-observations">
          <h2 id="measure-observations">{t('measure.observations')}</h2>
          <ul className="plain-list">
            {m.observations.map((o) => (
              <li key={o.id}>
                <Link to={`/iakttagelser/${o.id}`}>{t('observation.title', { number: o.number, category: t(`observation.category.${o.category}`) })}</Link>: <DescriptionText description={o.description} />{' '}
                <StatusBadge kind="observation" status={o.status} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.events.length > 0 && (
        <section aria-labelledby="measure-events">
          <h2 id="measure-events">{t('measure.events')}</h2>
          <ul className="plain-list">
            {m.events.map((e) => (
              <li key={e.id}>
                <Link to={eventPath(e)}>{e.title}</Link> – {t(`common:kind.${e.kind}`)}, <time dateTime={e.startsAt}>{formatDate(e.startsAt, lang)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
