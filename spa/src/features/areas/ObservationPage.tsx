import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { DescriptionText } from '../../shared/DescriptionText';
import { formatDateTime, formatNumber, formatShortDate } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { day, StatusBadge } from './parts';
import './areas.css';

/** One observation as the public sees it: what, where, who is responsible, and its history. Never who reported it. */
export function ObservationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('areas');
  const lang = currentLanguage();
  const observation = useLoad((signal) => api().getObservation(id, signal), [id]);
  if (observation.state === 'failed') {
    return (
      <Page title={t('area.observations')}>
        <ProblemAlert problem={observation.problem} />
      </Page>
    );
  }
  if (!observation.data) return <Loading />;
  const o = observation.data;
  return (
    <Page title={t('observation.title', { number: o.number, category: t(`observation.category.${o.category}`) })}>
      <p>
        <StatusBadge kind="observation" status={o.status} />
        {o.overdue && <> <span className="badge overdue">{t('observation.overdue')}</span></>}
      </p>
      <p className="lead">
        <DescriptionText description={o.description} held={o.descriptionHeld} />
      </p>
      <dl className="facts">
        <dt>{t('observation.categoryLabel')}</dt>
        <dd>{t(`observation.category.${o.category}`)}</dd>
        <dt>{t('observation.severity')}</dt>
        <dd>{t(`observation.severityValue.${o.severity}`, { defaultValue: String(o.severity) })}</dd>
        <dt>{t('measure.area')}</dt>
        <dd>
          <Link to={`/omraden/${o.area.slug}`}>{o.area.name}</Link>
        </dd>
        <dt>{t('observation.place')}</dt>
        <dd>{t('observation.coordinates', { lat: formatNumber(o.lat, lang, 4), lon: formatNumber(o.lon, lang, 4) })}</dd>
        <dt>{t('observation.reported')}</dt>
        <dd>
          <time dateTime={o.reportedAt}>{formatShortDate(o.reportedAt, lang)}</time>
          {o.walkId && ` · ${t('observation.walk')}`}
        </dd>
        <dt>{t('observation.responsible')}</dt>
        <dd>{o.responsible ?? t('measure.notAssigned')}</dd>
        {o.deadline && (
          <>
            <dt>{t('observation.deadline')}</dt>
            <dd>{day(o.deadline, lang)}</dd>
          </>
        )}
        {o.statusNote && (
          <>
            <dt>{t('observation.note')}</dt>
            <dd>{o.statusNote}</dd>
          </>
        )}
        {o.duplicateOf && (
          <>
            <dt>{t('observation.duplicateOf')}</dt>
            <dd>
              <Link to={`/iakttagelser/${o.duplicateOf}`}>{t('observation.duplicateOf')}</Link>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('observation.history')}</h2>
        <div className="table-scroll" tabIndex={0} role="group" aria-label={t('observation.history')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('observation.historyDate')}</th>
                <th scope="col">{t('observation.historyStatus')}</th>
                <th scope="col">{t('observation.historyNote')}</th>
                <th scope="col">{t('observation.responsible')}</th>
              </tr>
            </thead>
            <tbody>
              {o.history.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                  </td>
                  <td>
                    <StatusBadge kind="observation" status={entry.status} />
                  </td>
                  <td>{entry.note ?? ''}</td>
                  <td>
                    {entry.responsible ?? ''}
                    {entry.deadline && ` (${t('observation.deadline').toLowerCase()} ${day(entry.deadline, lang)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Page>
  );
}
