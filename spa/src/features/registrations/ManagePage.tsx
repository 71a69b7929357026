import type { ManagedRegistration, MeetingLink, RegistrationMode } from '@trygghet/client';
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api, toProblem, type Problem } from '../../shared/api';
import { formatDate, formatDateTime, formatTime } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert, fieldErrors } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { ParticipantObservations } from '../observations/ParticipantObservations';
import { eventPath } from '../events/upcoming';
import { modesFor, tokenFromHash } from './registration';
import './registrations.css';

/**
 * The registrant's own page, opened from the link in their e-mail: `/anmalan#<token>`. The token
 * stays after '#' and travels only in the X-Registration-Token header, never in a URL the server sees.
 */
export function ManagePage() {
  const { t } = useTranslation('registrations');
  const token = tokenFromHash(useLocation().hash);
  const registration = useLoad<ManagedRegistration | null>((signal) => (token ? api().getMyRegistration(token, signal) : Promise.resolve(null)), [token]);

  if (!token) {
    return (
      <Page title={t('manage.title')}>
        <p>{t('manage.noToken')}</p>
      </Page>
    );
  }
  if (!registration.data) {
    if (registration.state === 'failed') {
      const badLink = [400, 401, 403, 404].includes(registration.problem.status);
      return (
        <Page title={t('manage.title')}>
          {badLink ? <p className="notice warn">{t('manage.badLink')}</p> : <ProblemAlert problem={registration.problem} focus={false} />}
          <p>
            <Link to="/">{t('events:event.back')}</Link>
          </p>
        </Page>
      );
    }
    return <Loading />;
  }
  return <ManageRegistration token={token} registration={registration.data} onChange={registration.set} reload={registration.reload} />;
}

type Action = 'mode' | 'cancel' | 'erase' | 'join';

function ManageRegistration({ token, registration: r, onChange, reload }: { token: string; registration: ManagedRegistration; onChange: (r: ManagedRegistration) => void; reload: () => void }) {
  const { t } = useTranslation('registrations');
  const lang = currentLanguage();
  const [busy, setBusy] = useState<Action | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirming, setConfirming] = useState<'cancel' | 'erase' | null>(null);
  const [message, setMessage] = useState('');
  const [meeting, setMeeting] = useState<MeetingLink | null>(null);
  const [opensAt, setOpensAt] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const emailId = useId();
  const event = r.event;
  const otherModes = modesFor(event.format).filter((m) => m !== r.mode);

  const run = async <T,>(action: Action, call: () => Promise<T>, done: (value: T) => void) => {
    setBusy(action);
    setProblem(null);
    setMessage('');
    try {
      done(await call());
    } catch (error) {
      const p = toProblem(error);
      if (action === 'join' && typeof p.extensions.opensAt === 'string') setOpensAt(p.extensions.opensAt);
      else setProblem(p);
    } finally {
      setBusy(null);
    }
  };

  // run() catches what the API answers and shows it, so the buttons start it and need not wait.
  const switchMode = (mode: RegistrationMode) =>
    void run('mode', () => api().changeMyMode(token, { mode, email: mode === 'remote' && !r.email ? email.trim() || null : null }), (next) => {
      onChange(next);
      setMeeting(null);
      setMessage(t(`manage.modeChanged.${next.mode}`));
    });
  const cancel = () =>
    void run('cancel', () => api().cancelMyRegistration(token), (next) => {
      setConfirming(null);
      onChange(next);
      setMessage(t('manage.cancelled'));
    });
  const erase = () =>
    void run('erase', () => api().eraseMyPersonalData(token), () => {
      setConfirming(null);
      setMessage(t('manage.eraseDone'));
      reload();
    });
  const join = () => void run('join', () => api().joinMeeting(token), setMeeting);

  const slot = r.meeting;
  const opens = opensAt ?? slot?.opensAt;

  return (
    <Page title={t('manage.title')} lead={event.title}>
      <div className="manage">
        <p className="visually-hidden" aria-live="polite">{message}</p>
        {message && <p className="notice">{message}</p>}
        {problem && <ProblemAlert problem={problem} fieldLabels={{ email: t('manage.modeEmail') }} />}
        {event.status === 'cancelled' && <p className="notice warn">{t('manage.eventCancelled', { reason: event.cancelReason ?? '' })}</p>}

        <dl className="facts">
          <dt>{t('manage.event')}</dt>
          <dd>
            <Link to={eventPath(event)}>{event.title}</Link>
            <br />
            <time dateTime={event.startsAt}>
              {t('common:timeRange', { date: formatDate(event.startsAt, lang), start: formatTime(event.startsAt, lang), end: formatTime(event.endsAt, lang) })}
            </time>
            <br />
            {[event.venueName, event.venueAddress, event.areaName].filter(Boolean).join(', ')}
          </dd>
          <dt>{t('manage.status')}</dt>
          <dd>
            <strong>{t(`manage.statuses.${r.status}`)}</strong>
            {r.status === 'waitlisted' && r.waitlistPosition != null && ` (${t('manage.position', { position: r.waitlistPosition })})`}
          </dd>
          <dt>{t('manage.mode')}</dt>
          <dd>{t(`common:format.${r.mode}`)}</dd>
          <dt>{t('manage.code')}</dt>
          <dd className="code">{r.checkInCode}</dd>
          <dt>{t('manage.registeredAt')}</dt>
          <dd>{formatDateTime(r.registeredAt, lang)}</dd>
        </dl>

        {slot && (
          <section aria-labelledby="meeting-heading">
            <h2 id="meeting-heading">{t('manage.meeting')}</h2>
            <div aria-live="polite">
              {meeting ? (
                <>
                  <p>
                    <a className="meeting-link" href={meeting.url} target="_blank" rel="noreferrer">
                      {t('manage.meetingJoin')}
                    </a>
                  </p>
                  <p className="hint">{meeting.url}</p>
                  <p>{t('manage.meetingOpen', { time: formatTime(meeting.closesAt, lang) })}</p>
                </>
              ) : slot.open && !opensAt ? (
                <button type="button" onClick={join} disabled={busy !== null}>
                  {t('manage.meetingShow')}
                </button>
              ) : (
                opens && <p>{t('manage.meetingOpensAt', { time: formatDateTime(opens, lang) })}</p>
              )}
            </div>
          </section>
        )}

        {r.canChange ? (
          <section aria-labelledby="change-heading">
            <h2 id="change-heading">{t('manage.changeMode')}</h2>
            {otherModes.map((mode) => (
              <div key={mode}>
                {mode === 'remote' && !r.email && (
                  <div className="field">
                    <label htmlFor={emailId}>{t('manage.modeEmail')}</label>
                    <input id={emailId} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)}
                      aria-invalid={!!fieldErrors(problem, 'email')} aria-describedby={fieldErrors(problem, 'email') ? `${emailId}-error` : undefined} />
                    {fieldErrors(problem, 'email') && <p className="field-error" id={`${emailId}-error`}>{fieldErrors(problem, 'email')!.join(' ')}</p>}
                  </div>
                )}
                <button type="button" className="secondary" onClick={() => switchMode(mode)} disabled={busy !== null}>
                  {t(`manage.switchTo.${mode}`)}
                </button>
              </div>
            ))}
            <div className="actions-row">
              <button type="button" className="secondary" onClick={() => setConfirming('cancel')} disabled={busy !== null} aria-expanded={confirming === 'cancel'}>
                {t('manage.cancel')}
              </button>
            </div>
            {confirming === 'cancel' && (
              <Confirm text={t('manage.cancelConfirm')} yes={t('manage.cancelYes')} busy={busy === 'cancel'} onYes={cancel} onNo={() => setConfirming(null)} />
            )}
          </section>
        ) : (
          r.status !== 'cancelled' && <p>{t('manage.locked')}</p>
        )}

        {event.kind === 'walk' && (
          <Suspense fallback={<Loading />}>
            <ParticipantObservations token={token} registration={r} />
          </Suspense>
        )}

        <section aria-labelledby="data-heading">
          <h2 id="data-heading">{t('manage.data')}</h2>
          {r.personalDataErased ? (
            <p>{t('manage.erased')}</p>
          ) : (
            <>
              <dl className="facts">
                <dt>{t('manage.email')}</dt>
                <dd>{r.email || t('manage.none')}</dd>
                <dt>{t('manage.name')}</dt>
                <dd>{r.name || t('manage.none')}</dd>
                <dt>{t('manage.needs')}</dt>
                <dd>{r.accessibilityNeeds || t('manage.none')}</dd>
              </dl>
              <div className="actions-row">
                <button type="button" className="secondary" onClick={() => setConfirming('erase')} disabled={busy !== null} aria-expanded={confirming === 'erase'}>
                  {t('manage.erase')}
                </button>
              </div>
              {confirming === 'erase' && (
                <Confirm text={t('manage.eraseConfirm')} yes={t('manage.eraseYes')} busy={busy === 'erase'} onYes={erase} onNo={() => setConfirming(null)} />
              )}
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

/** A confirm step in the page (not a dialog): the question gets focus, "yes" acts, "cancel" goes back. */
function Confirm({ text, yes, busy, onYes, onNo }: { text: string; yes: string; busy: boolean; onYes: () => void; onNo: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text" tabIndex={-1} ref={ref}>
        {text}
      </p>
      <div className="actions-row">
        <button type="button" className="danger" onClick={onYes} disabled={busy}>
          {yes}
        </button>
        <button type="button" className="secondary" onClick={onNo} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
