import type { PublicEvent } from '@trygghet/client';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatDate, formatTime } from '../../shared/format';
import { eventPoint, type MapFeature } from '../../shared/map/features';
import { Map } from '../../shared/map/Map';
import { eventPath } from './upcoming';

/**
 * The upcoming events as points where people go, each named by title, day and time and opening its page. The list of
 * cards stays beside it; events without a place (remote ones) are said in words.
 */
export default function UpcomingMap({ events, area }: { events: PublicEvent[]; area?: string }) {
  const { t } = useTranslation('map');
  const lang = currentLanguage();
  const features = useMemo(
    () => events
      .map((e) => eventPoint(e, `${e.title}, ${formatDate(e.startsAt, lang)} ${formatTime(e.startsAt, lang)}`, eventPath(e)))
      .filter((f): f is MapFeature => f !== null),
    [events, lang],
  );
  const without = events.length - features.length;
  return (
    <div className="upcoming-map">
      <Map label={t('upcoming.label')} features={features} focus={area} />
      {without > 0 && <p className="hint">{t('upcoming.notOnMap', { count: without })}</p>}
    </div>
  );
}
