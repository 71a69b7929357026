import type { AreaDetail, ParticipantObservationInput, PublicEvent } from '@trygghet/client';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, newIdempotencyKey } from '../../shared/api';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { ObservationForm, type ReportExtras } from './ObservationForm';
import type { MeetingPoint } from './point';

type Context = { area: AreaDetail | null; walk: PublicEvent | null };

/**
 * Anyone reports what they saw, without an account, from an area's page (`?omrade=`) or a walk's (`?vandring=`): the
 * place by a tap on the map, the device's position, an address or coordinates; what it is; a photo and an address to
 * follow it, if they like. The report is public without their name once what needs a look has been looked at.
 */
export function ReportPage() {
  const { t } = useTranslation('observations');
  const [params] = useSearchParams();
  const areaSlug = params.get('omrade') ?? '';
  const walkSlug = params.get('vandring') ?? '';
  const context = useLoad<Context>(async (signal) => {
    const walk = walkSlug ? await api().getWalk(walkSlug, undefined, signal) : null;
    const slug = walk?.area.slug ?? areaSlug;
    const area = slug ? await api().getArea(slug, signal) : null;
    return { area, walk };
  }, [areaSlug, walkSlug]);
  // One key per report as sent: a retry of the same report after a lost answer reuses it, a changed report gets a new one.
  const attempt = useRef<{ key: string; signature: string } | null>(null);

  if (context.state === 'failed') {
    return (
      <Page title={t('report.title')}>
        <ProblemAlert problem={context.problem} />
        <p>
          <Link to="/omraden">{t('report.chooseArea')}</Link>
        </p>
      </Page>
    );
  }
  if (!context.data) return <Loading />;
  const { area, walk } = context.data;

  const record = (input: ParticipantObservationInput, extras: ReportExtras) => {
    const photo = extras.photo;
    const signature = JSON.stringify([input, extras.email, photo && [photo.name, photo.size, photo.lastModified]]);
    if (attempt.current?.signature !== signature) attempt.current = { key: newIdempotencyKey(), signature };
    return api().reportObservation(
      attempt.current.key,
      input.category,
      input.description,
      input.lat,
      input.lon,
      input.severity,
      walk ? undefined : area?.slug,
      walk?.id,
      extras.email || undefined,
      photo ? { data: photo, fileName: photo.name } : undefined,
    );
  };
  const details = walk?.walk;
  const meeting: MeetingPoint | null =
    details?.meetingLat != null && details.meetingLon != null ? { lat: details.meetingLat, lon: details.meetingLon, name: details.meetingPoint ?? walk?.place ?? '' } : null;
  const map = { area: area?.kind === 'neighbourhood' ? area.parent?.slug : area?.slug, focus: area?.kind === 'neighbourhood' ? area.slug : undefined };
  const back = walk ? `/vandringar/${walk.slug}` : area ? `/omraden/${area.slug}` : '/omraden';

  return (
    <Page title={t('report.title')} lead={walk ? t('report.leadWalk', { title: walk.title }) : area ? t('report.leadArea', { name: area.name }) : t('report.lead')}>
      <p className="notice">{t('report.emergency')}</p>
      <p>{t('report.public')}</p>
      <ObservationForm record={record} meeting={meeting} map={map} resident onRecorded={() => (attempt.current = null)} />
      <p>
        <Link to={back}>{walk ? t('report.backWalk', { title: walk.title }) : area ? t('report.backArea', { name: area.name }) : t('report.chooseArea')}</Link>
      </p>
    </Page>
  );
}
