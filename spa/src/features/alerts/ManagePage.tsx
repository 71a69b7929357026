import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { AlertSubscriptionView } from '@trygghet/client';
import { api } from '../../shared/api';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { useLoad } from '../../shared/useLoad';
import { AlertChoices, type Choices } from './AlertChoices';
import { Summary } from './Summary';
import './alerts.css';

const district = 'hagersten-alvsjo';

/** /bevaka/hantera#<token>: the link in every alert e-mail. Change areas and frequency, or unsubscribe (erases the address). */
export function ManagePage() {
  const { t } = useTranslation('alerts');
  const { hash } = useLocation();
  const token = decodeURIComponent(hash.replace(/^#/, ''));
  const loaded = useLoad((signal) => (token ? api().getMyAlertSubscription(token, signal) : Promise.reject(new Error('no token'))), [token]);
  const [changed, setSubscription] = useState<AlertSubscriptionView | null>(null);
  const [chosen, setChoices] = useState<Choices | null>(null);
  const subscription = changed ?? loaded.data ?? null;
  const choices = chosen ?? (subscription ? choicesOf(subscription) : null);
  const [saved, setSaved] = useState(false);
  const [ended, setEnded] = useState(false);
  const save = useAction();
  const end = useAction();
  const done = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (ended) done.current?.focus();
  }, [ended]);

  if (ended) {
    return (
      <Page title={t('manage.title')}>
        <div className="notice">
          <p ref={done} tabIndex={-1}>
            {t('manage.unsubscribed')}
          </p>
        </div>
        <p>
          <Link to="/omraden">{t('areasLink')}</Link>
        </p>
      </Page>
    );
  }
  if (!token || (loaded.state === 'failed' && [400, 404].includes(loaded.problem.status))) {
    return (
      <Page title={t('manage.title')}>
        <div className="notice warn" role="alert">
          <p>{t('invalid')}</p>
        </div>
      </Page>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <Page title={t('manage.title')}>
        <ProblemAlert problem={loaded.problem} />
      </Page>
    );
  }
  if (!subscription || !choices) return <Loading />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (await save.run(async () => setSubscription(await api().changeMyAlertSubscription(token, { areas: choices.areas, frequency: choices.frequency })))) setSaved(true);
  };
  const unsubscribe = async () => {
    if (await end.run(() => api().unsubscribeFromAlerts(token))) setEnded(true);
  };

  return (
    <Page title={t('manage.title')} lead={t('manage.lead')}>
      <Summary subscription={subscription} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {save.problem && <ProblemAlert problem={save.problem} fieldLabels={{ areas: t('subscribe.areas') }} />}
        <AlertChoices value={choices} onChange={(next) => { setSaved(false); setChoices(next); }} problem={save.problem} />
        <p className="actions">
          <button type="submit" disabled={save.busy}>
            {save.busy ? t('manage.saving') : t('manage.save')}
          </button>
        </p>
        {saved && (
          <p className="notice" role="status">
            {t('manage.saved')}
          </p>
        )}
      </form>
      <section aria-labelledby="unsubscribe-heading">
        <h2 id="unsubscribe-heading">{t('manage.unsubscribeHeading')}</h2>
        <p>{t('manage.unsubscribeLead')}</p>
        {end.problem && <ProblemAlert problem={end.problem} />}
        <p className="actions">
          <button type="button" className="danger" onClick={() => void unsubscribe()} disabled={end.busy}>
            {end.busy ? t('manage.unsubscribing') : t('manage.unsubscribe')}
          </button>
        </p>
      </section>
    </Page>
  );
}

function choicesOf(subscription: AlertSubscriptionView): Choices {
  return { areas: subscription.wholeDistrict ? [district] : subscription.areas.map((a) => a.slug), frequency: subscription.frequency };
}
