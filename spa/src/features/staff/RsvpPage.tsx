import type { RsvpAnswer, RsvpView } from '@trygghet/client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDate, formatTime } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { useAction } from '../../shared/useAction';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import './staff.css';

/**
 * `/svar#<token>`: what an invited actor sees through the link in their invitation, and their answer.
 * The token stays after '#', so it never reaches a server log; it travels to the API in a header.
 */
export function RsvpPage() {
  const { t } = useTranslation('staff');
  const token = decodeURIComponent(useLocation().hash.replace(/^#/, ''));
  const view = useLoad((signal) => (token ? api().getRsvp(token, signal) : Promise.resolve(null)), [token]);

  return (
    <Page title={t('rsvp.title')} lead={t('rsvp.lead')}>
      {!token && <p className="problem">{t('rsvp.noToken')}</p>}
      {view.state === 'failed' && <ProblemAlert problem={view.problem} />}
      {view.state === 'loading' && <Loading />}
      {view.data && <RsvpForm token={token} initial={view.data} />}
    </Page>
  );
}

function RsvpForm({ token, initial }: { token: string; initial: RsvpView }) {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  const ids = { note: useId(), noteHint: useId() };
  const [view, setView] = useState(initial);
  const [answer, setAnswer] = useState<RsvpAnswer>(initial.status === 'declined' ? 'decline' : 'accept');
  const [note, setNote] = useState(initial.note ?? '');
  const { busy, problem, run } = useAction();
  const [thanks, setThanks] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const next = await api().answerRsvp(token, { answer, note: note.trim() || null });
      setView(next);
      setThanks(t('rsvp.thanks', { answer: t(`invitations.status.${next.status}`) }));
    });
  };

  return (
    <>
      <dl className="facts">
        <dt>{t('rsvp.organisation')}</dt>
        <dd>{view.organisation}</dd>
        <dt>{t('rsvp.event')}</dt>
        <dd>
          {t(`common:kind.${view.eventKind}`)}: {view.eventTitle}
        </dd>
        <dt>{t('rsvp.when')}</dt>
        <dd>
          {t('common:timeRange', { date: formatDate(view.startsAt, lang), start: formatTime(view.startsAt, lang), end: formatTime(view.endsAt, lang) })}
        </dd>
        <dt>{t('rsvp.area')}</dt>
        <dd>{view.areaName}</dd>
        <dt>{t('rsvp.current')}</dt>
        <dd>
          <span className="badge">{t(`invitations.status.${view.status}`)}</span>
        </dd>
      </dl>
      <div role="status" aria-live="polite">
        {thanks && <p className="notice">{thanks}</p>}
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate className="panel">
        {problem && <ProblemAlert problem={problem} fieldLabels={{ answer: t('rsvp.answer'), note: t('rsvp.note') }} />}
        <fieldset disabled={busy}>
          <legend>{t('rsvp.answer')}</legend>
          <label className="choice">
            <input type="radio" name="answer" value="accept" checked={answer === 'accept'} onChange={() => setAnswer('accept')} />
            {t('rsvp.accept')}
          </label>
          <label className="choice">
            <input type="radio" name="answer" value="decline" checked={answer === 'decline'} onChange={() => setAnswer('decline')} />
            {t('rsvp.decline')}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.note}>{t('rsvp.note')}</label>
          <textarea id={ids.note} rows={3} value={note} disabled={busy} onChange={(e) => setNote(e.target.value)} aria-describedby={ids.noteHint} />
          <p className="hint" id={ids.noteHint}>
            {t('rsvp.noteHint')}
          </p>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('rsvp.submitting') : t('rsvp.submit')}
        </button>
      </form>
    </>
  );
}
