import type { TrygghetClient } from '@trygghet/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { can, useSession } from './access';
import { useWaitingReports } from './reviewQueue';

interface Counts {
  held: number;
  drafts: number;
  upcoming: number;
  overdue: number;
  flagged: number;
}

async function loadCounts(client: TrygghetClient, signal: AbortSignal): Promise<Counts> {
  const now = new Date().toISOString();
  const [held, drafts, plans, overdue, signals] = await Promise.all([
    client.listHeldObservations(100, undefined, signal),
    client.listEventPlans(undefined, true, 100, undefined, signal),
    client.listEventPlans(undefined, false, 100, undefined, signal),
    client.listObservations(undefined, undefined, undefined, undefined, true, 100, undefined, signal),
    client.getSignals(signal),
  ]);
  return {
    held: held.items.length + (held.nextCursor ? 1 : 0),
    drafts: drafts.items.length,
    upcoming: plans.items.filter((p) => (p.status === 'published' || p.status === 'rescheduled') && p.endsAt > now).length,
    overdue: overdue.items.length,
    flagged: signals.filter((s) => s.flagged).length,
  };
}

/** The staff's starting point: what needs doing now, by role. */
export function StaffHome() {
  const { t } = useTranslation('staff');
  const role = useSession()?.role;
  if (can(role, 'events')) return <PlannerHome />;
  if (can(role, 'moderation')) return <ModeratorHome />;
  return (
    <Page title={t('home.title')} lead={t('home.actorLead')}>
      <p>
        <Link to="/personal/iakttagelser">{t('home.toAssigned')}</Link>
      </p>
    </Page>
  );
}

function PlannerHome() {
  const { t } = useTranslation('staff');
  const counts = useLoad((signal) => loadCounts(api(), signal), []);
  const items: { key: keyof Counts; to: string; link: string }[] = [
    { key: 'held', to: '/personal/granska', link: 'home.toReview' },
    { key: 'drafts', to: '/personal/evenemang', link: 'home.toEvents' },
    { key: 'upcoming', to: '/personal/evenemang', link: 'home.toEvents' },
    { key: 'overdue', to: '/personal/iakttagelser?sen=1', link: 'home.toObservations' },
    { key: 'flagged', to: '/personal/signaler', link: 'home.toSignals' },
  ];
  return (
    <Page
      title={t('home.title')}
      lead={t('home.lead')}
      actions={
        <Link className="button" to="/personal/evenemang/ny">
          {t('home.newEvent')}
        </Link>
      }
    >
      <section aria-labelledby="now-heading">
        <h2 id="now-heading">{t('home.now')}</h2>
        {counts.state === 'failed' && <ProblemAlert problem={counts.problem} focus={false} />}
        {counts.state === 'loading' && <Loading />}
        {counts.data && (
          <ul className="counts">
            {items.map((item) => (
              <li key={item.key}>
                <span className="number">{counts.data![item.key] >= 100 ? '100+' : counts.data![item.key]}</span>
                <span>{t(`home.${item.key}`)}</span>
                <br />
                <Link to={item.to}>{t(item.link)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

/** Moderators may not read event plans, so their dialogues come from the public listing. */
function ModeratorHome() {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  // The start of the listing is fixed when the page opens, as the load below runs once.
  const [from] = useState(() => new Date(Date.now() - 14 * 86400_000).toISOString());
  const waiting = useWaitingReports(true);
  const dialogues = useLoad((signal) => api().listDialogues(undefined, from, undefined, undefined, 50, undefined, undefined, signal), []);
  return (
    <Page title={t('home.title')} lead={t('home.moderatorLead')}>
      <p>
        {waiting && waiting.count > 0 && <>{t('home.heldCount', { count: waiting.count })} </>}
        <Link to="/personal/granska">{t('home.toReview')}</Link>
      </p>
      <section aria-labelledby="moderation-heading">
        <h2 id="moderation-heading">{t('home.moderationHeading')}</h2>
        {dialogues.state === 'failed' && <ProblemAlert problem={dialogues.problem} focus={false} />}
        {dialogues.state === 'loading' && <Loading />}
        {dialogues.data && dialogues.data.items.length === 0 && <p>{t('home.noDialogues')}</p>}
        {dialogues.data && (
          <ul>
            {dialogues.data.items.map((d) => (
              <li key={d.id}>
                <Link to={`/personal/evenemang/${d.id}/fragor`}>
                  {t('home.moderate')}: {d.title}
                </Link>{' '}
                ({formatDateTime(d.startsAt, lang)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
