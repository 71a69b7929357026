import type { EventKind, EventPlan } from '@trygghet/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api, toProblem, type Problem } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { StatusBadge } from './StatusBadge';

const pageSize = 50;

/** Every dialogue and walk as staff plan them, drafts included, with a way into the editor. */
export function EventPlans() {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('typ') ?? '') as EventKind | '';
  const drafts = params.get('utkast') ?? '';
  const ids = { kind: useId(), drafts: useId() };
  const plans = useLoad(
    (signal) => api().listEventPlans(kind || undefined, drafts === '' ? undefined : drafts === 'ja', pageSize, undefined, signal),
    [kind, drafts],
  );
  const [extra, setExtra] = useState<{ items: EventPlan[]; cursor: string | null; key: string }>({ items: [], cursor: null, key: '' });
  const [moreProblem, setMoreProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const key = `${kind}|${drafts}`;
  const shown = [...(plans.data?.items ?? []), ...(extra.key === key ? extra.items : [])];
  const cursor = extra.key === key && extra.cursor !== null ? extra.cursor : (plans.data?.nextCursor ?? null);

  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    setMoreProblem(null);
    try {
      const page = await api().listEventPlans(kind || undefined, drafts === '' ? undefined : drafts === 'ja', pageSize, cursor);
      setExtra((prev) => ({ key, items: [...(prev.key === key ? prev.items : []), ...page.items], cursor: page.nextCursor ?? '' }));
    } catch (error) {
      setMoreProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={t('plans.title')}
      lead={t('plans.lead')}
      actions={
        <Link className="button" to="/personal/evenemang/ny">
          {t('plans.newEvent')}
        </Link>
      }
    >
      <form className="filters" aria-label={t('observations.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.kind}>{t('plans.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => update('typ', e.target.value)}>
            <option value="">{t('plans.allKinds')}</option>
            <option value="dialogue">{t('common:kindPlural.dialogue')}</option>
            <option value="walk">{t('common:kindPlural.walk')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.drafts}>{t('plans.show')}</label>
          <select id={ids.drafts} value={drafts} onChange={(e) => update('utkast', e.target.value)}>
            <option value="">{t('plans.all')}</option>
            <option value="ja">{t('plans.onlyDrafts')}</option>
            <option value="nej">{t('plans.noDrafts')}</option>
          </select>
        </div>
      </form>
      <section aria-busy={plans.state === 'loading'} aria-labelledby="plans-count">
        {plans.state === 'failed' && <ProblemAlert problem={plans.problem} focus={false} />}
        {plans.state === 'loading' && !plans.data && <Loading />}
        <h2 id="plans-count" aria-live="polite">
          {plans.data ? t('plans.count', { count: shown.length }) : ''}
        </h2>
        {plans.data && shown.length === 0 && <p>{t('plans.none')}</p>}
        <ul className="cards">
          {shown.map((plan) => (
            <li key={plan.id}>
              <article className="card" aria-labelledby={`plan-${plan.id}`}>
                <p className="card-kicker">
                  {t(`common:kind.${plan.kind}`)} · {plan.areaName}
                </p>
                <h3 id={`plan-${plan.id}`}>
                  <Link to={`/personal/evenemang/${plan.id}`}>{plan.title}</Link>
                </h3>
                <p>{formatDateTime(plan.startsAt, lang)}</p>
                <p>
                  <StatusBadge status={plan.status} /> <span className="badge">{t(`common:format.${plan.format}`)}</span>
                </p>
              </article>
            </li>
          ))}
        </ul>
        {moreProblem && <ProblemAlert problem={moreProblem} />}
        {cursor && (
          <button type="button" className="secondary" onClick={() => void more()} disabled={busy}>
            {t('plans.more')}
          </button>
        )}
      </section>
    </Page>
  );
}
