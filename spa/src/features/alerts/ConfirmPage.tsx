import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { AlertSubscriptionView } from '@trygghet/client';
import { api } from '../../shared/api';
import { Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { Summary } from './Summary';
import './alerts.css';

/**
 * The link of the confirmation e-mail (/bevaka/bekrafta#<token>): one button confirms. Nothing happens on opening the
 * page, so a mail app's link preview cannot subscribe anyone.
 */
export function ConfirmPage() {
  const { t } = useTranslation('alerts');
  const { hash } = useLocation();
  const token = decodeURIComponent(hash.replace(/^#/, ''));
  const { busy, problem, run } = useAction();
  const [confirmed, setConfirmed] = useState<AlertSubscriptionView | null>(null);
  const done = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (confirmed) done.current?.focus();
  }, [confirmed]);

  const confirm = async () => {
    await run(async () => setConfirmed(await api().confirmAlertSubscription(token)));
  };
  const invalid = !token || (problem !== null && [400, 404].includes(problem.status));

  return (
    <Page title={t('confirm.title')}>
      {confirmed ? (
        <>
          <div className="notice">
            <p ref={done} tabIndex={-1}>
              {t('confirm.done')}
            </p>
          </div>
          <Summary subscription={confirmed} />
          <p>
            <Link to={{ pathname: '/bevaka/hantera', hash: token }}>{t('confirm.manage')}</Link>
          </p>
        </>
      ) : invalid ? (
        <div className="notice warn" role="alert">
          <p>{t('invalid')}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t('confirm.lead')}</p>
          {problem && <ProblemAlert problem={problem} />}
          <p className="actions">
            <button type="button" onClick={() => void confirm()} disabled={busy}>
              {busy ? t('confirm.confirming') : t('confirm.button')}
            </button>
          </p>
        </>
      )}
    </Page>
  );
}
