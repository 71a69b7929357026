import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../../shared/api';
import { Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';

/**
 * The link in every e-mail about a followed report (/iakttagelser/sluta-folja#<token>): one button that
 * erases the address at once. Nothing happens on opening the page, so a mail app's link preview
 * cannot stop anyone's e-mails.
 */
export function StopFollowingPage() {
  const { t } = useTranslation('observations');
  const { hash } = useLocation();
  const token = decodeURIComponent(hash.replace(/^#/, ''));
  const { busy, problem, run } = useAction();
  const [stopped, setStopped] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);

  // Focus goes to the confirmation once it is on the page (not before React has put it there).
  useEffect(() => {
    if (stopped) done.current?.focus();
  }, [stopped]);

  const stop = async () => {
    if (await run(() => api().stopFollowingObservation(token))) setStopped(true);
  };
  const invalid = !token || (problem !== null && [400, 404].includes(problem.status));

  return (
    <Page title={t('follow.title')}>
      {stopped ? (
        <div className="notice">
          <p ref={done} tabIndex={-1}>
            {t('follow.done')}
          </p>
        </div>
      ) : invalid ? (
        <div className="notice warn" role="alert">
          <p>{t('follow.invalid')}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t('follow.lead')}</p>
          <p>{t('follow.what')}</p>
          {problem && <ProblemAlert problem={problem} />}
          <p className="actions">
            <button type="button" onClick={() => void stop()} disabled={busy}>
              {busy ? t('follow.stopping') : t('follow.stop')}
            </button>
          </p>
        </>
      )}
      <p>
        <Link to="/omraden">{t('follow.areas')}</Link>
      </p>
    </Page>
  );
}
