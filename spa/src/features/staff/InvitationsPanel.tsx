import type { Actor, RegistrationSummary } from '@trygghet/client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDate, formatShortDate } from '../../shared/format';
import { Loading } from '../../shared/Page';
import { useAction } from '../../shared/useAction';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { byName } from '../../shared/collation';
import { useLoad } from '../../shared/useLoad';

async function allActors(signal: AbortSignal): Promise<Actor[]> {
  const actors: Actor[] = [];
  let cursor: string | undefined;
  do {
    const page = await api().listActors(undefined, 100, cursor, signal);
    actors.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && actors.length < 1000);
  return actors.sort(byName((a) => a.organisation));
}

/** The actors invited to an event with their answers, and inviting more (each gets an e-mail with its RSVP link). */
export function InvitationsPanel({ eventId, onInvited }: { eventId: string; onInvited: () => void }) {
  const { t } = useTranslation('staff');
  const lang = currentLanguage();
  const invitations = useLoad((signal) => api().listInvitations(eventId, signal), [eventId]);
  const actors = useLoad(allActors, []);
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, problem, run } = useAction();
  const [sent, setSent] = useState<number | null>(null);
  const [nothingChosen, setNothingChosen] = useState(false);

  const invited = new Set((invitations.data ?? []).map((i) => i.actorId));
  const candidates = (actors.data ?? []).filter((a) => !invited.has(a.id));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) {
      setNothingChosen(true);
      return;
    }
    setNothingChosen(false);
    void run(async () => {
      const created = await api().inviteActors(eventId, { actorIds: chosen });
      setSent(created.length);
      setChosen([]);
      invitations.reload();
      onInvited();
    });
  };

  return (
    <section className="panel" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('invitations.heading')}</h2>
      {invitations.state === 'failed' && <ProblemAlert problem={invitations.problem} focus={false} />}
      {invitations.state === 'loading' && !invitations.data && <Loading />}
      {invitations.data && invitations.data.length === 0 && <p>{t('invitations.none')}</p>}
      {invitations.data && invitations.data.length > 0 && (
        // Focusable, so keyboard users can scroll the table sideways on a narrow screen.
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('invitations.heading')}>
          <table>
            <caption className="visually-hidden">{t('invitations.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.organisation')}</th>
                <th scope="col">{t('invitations.kind')}</th>
                <th scope="col">{t('invitations.answer')}</th>
                <th scope="col">{t('invitations.invitedAt')}</th>
                <th scope="col">{t('invitations.note')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.organisation}</th>
                  <td>{t(`actorKind.${i.actorKind}`, { defaultValue: i.actorKind })}</td>
                  <td>
                    <span className="badge">{t(`invitations.status.${i.status}`)}</span>
                  </td>
                  <td>{formatShortDate(i.invitedAt, lang)}</td>
                  <td>{i.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" aria-live="polite">
        {sent !== null ? t('invitations.sent', { count: sent }) : ''}
      </p>
      {actors.state === 'failed' && <ProblemAlert problem={actors.problem} focus={false} />}
      {actors.data && invitations.data && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h3>{t('invitations.invite')}</h3>
          {problem && <ProblemAlert problem={problem} />}
          {candidates.length === 0 ? (
            <p>{t('invitations.allInvited')}</p>
          ) : (
            <>
              <fieldset disabled={busy} aria-describedby={nothingChosen ? 'invite-error' : undefined}>
                <legend>{t('invitations.choose')}</legend>
                {candidates.map((actor) => (
                  <label key={actor.id} className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(actor.id)}
                      onChange={(e) => setChosen((c) => (e.target.checked ? [...c, actor.id] : c.filter((x) => x !== actor.id)))}
                    />
                    {actor.organisation} ({t(`actorKind.${actor.kind}`)})
                  </label>
                ))}
                {nothingChosen && (
                  <p className="field-error" id="invite-error">
                    {t('invitations.chooseFirst')}
                  </p>
                )}
              </fieldset>
              <button type="submit" disabled={busy}>
                {busy ? t('invitations.submitting') : t('invitations.submit')}
              </button>
            </>
          )}
        </form>
      )}
    </section>
  );
}

/**
 * Registrations on site and remote: places, confirmed, waiting, cancelled and attendance. A new `refresh` reads the
 * counts again (keeping the old ones shown meanwhile); `children` follow the table.
 */
export function RegistrationSummaryPanel({ eventId, refresh = 0, children }: { eventId: string; refresh?: number; children?: ReactNode }) {
  const { t } = useTranslation('staff');
  const summary = useLoad((signal) => api().getRegistrationSummary(eventId, signal), [eventId, refresh]);
  const rows: ('onSite' | 'remote')[] = ['onSite', 'remote'];
  const cell = (data: RegistrationSummary, mode: 'onSite' | 'remote') => data[mode];
  return (
    <section className="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('summary.heading')}</h2>
      {summary.state === 'failed' && <ProblemAlert problem={summary.problem} focus={false} />}
      {summary.state === 'loading' && !summary.data && <Loading />}
      {summary.data && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('summary.heading')}>
          <table>
            <caption className="visually-hidden">{t('summary.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('summary.mode')}</th>
                <th scope="col">{t('summary.capacity')}</th>
                <th scope="col">{t('summary.confirmed')}</th>
                <th scope="col">{t('summary.waitlisted')}</th>
                <th scope="col">{t('summary.cancelled')}</th>
                <th scope="col">{t('summary.attended')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((mode) => {
                const counts = cell(summary.data!, mode);
                return (
                  <tr key={mode}>
                    <th scope="row">{t(`summary.${mode}`)}</th>
                    <td>{counts.capacity ?? t('summary.unlimited')}</td>
                    <td>{counts.confirmed}</td>
                    <td>{counts.waitlisted}</td>
                    <td>{counts.cancelled}</td>
                    <td>{counts.attended}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {summary.data && <p>{t('summary.retention', { date: formatDate(summary.data.personalDataErasedAfter, currentLanguage()) })}</p>}
      {children}
    </section>
  );
}
