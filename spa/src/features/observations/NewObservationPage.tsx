import type { PublicEvent } from '@trygghet/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatShortDate } from '../../shared/format';
import { Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { ObservationForm } from './ObservationForm';
import type { MeetingPoint } from './point';

const day = 24 * 60 * 60 * 1000;

/** The walks an observation can come from: those of the last 90 days and today's, newest first, not cancelled. */
async function recentWalks(signal: AbortSignal): Promise<PublicEvent[]> {
  const now = Date.now();
  const page = await api().listWalks(undefined, new Date(now - 90 * day).toISOString(), new Date(now + day).toISOString(), undefined, 100, undefined, undefined, signal);
  return page.items.filter((w) => w.status !== 'cancelled').reverse();
}

/**
 * Staff and actors record an observation (`/personal/iakttagelser/ny`): the same fields as a walk's
 * participants, and optionally the walk it came from, whose meeting point can then be chosen.
 */
export function NewObservationPage() {
  const { t } = useTranslation('observations');
  const lang = currentLanguage();
  const walkFieldId = useId();
  const walks = useLoad(recentWalks, []);
  const [walkId, setWalkId] = useState('');
  const walk = walks.data?.find((w) => w.id === walkId);
  const meeting: MeetingPoint | null =
    walk?.walk?.meetingLat != null && walk.walk.meetingLon != null
      ? { lat: walk.walk.meetingLat, lon: walk.walk.meetingLon, name: walk.walk.meetingPoint ?? walk.place }
      : null;

  return (
    <Page title={t('staff.title')} lead={t('staff.lead')} actions={<Link to="/personal/iakttagelser">{t('staff.toList')}</Link>}>
      <ObservationForm
        record={(input) => api().recordObservation({ ...input, walkId: walkId || null })}
        meeting={meeting}
        before={
          <div className="field">
            <label htmlFor={walkFieldId}>{t('staff.walk')}</label>
            <p className="hint" id={`${walkFieldId}-hint`}>
              {t('staff.walkHint')}
            </p>
            <select id={walkFieldId} value={walkId} onChange={(e) => setWalkId(e.target.value)} aria-describedby={`${walkFieldId}-hint`}>
              <option value="">{t('staff.noWalk')}</option>
              {(walks.data ?? []).map((w) => (
                <option key={w.id} value={w.id}>
                  {t('staff.walkOption', { title: w.title, date: formatShortDate(w.startsAt, lang) })}
                </option>
              ))}
            </select>
            {walks.state === 'failed' && <ProblemAlert problem={walks.problem} focus={false} />}
          </div>
        }
      />
    </Page>
  );
}
