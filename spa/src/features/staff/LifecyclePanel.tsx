import type { EventPlan } from '@trygghet/client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { isoToStockholmLocal, stockholmLocalToIso } from '../../shared/format';
import { useAction } from '../../shared/useAction';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { TextField } from './fields';

type Changed = (plan: EventPlan, message: string) => void;

/** Runs one lifecycle action and reports the changed plan. */
function useLifecycleAction(onChanged: Changed) {
  const { busy, problem, run: runAction } = useAction();
  const run = (action: () => Promise<EventPlan>, message: string) => runAction(async () => onChanged(await action(), message));
  return { busy, problem, run };
}

/** What can happen to an event once it is out: a new time or cancelling it, and closing it with feedback once held. */
export function LifecyclePanel({ plan, onChanged }: { plan: EventPlan; onChanged: Changed }) {
  const { t } = useTranslation('staff');
  return (
    <section className="panel" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">{t('lifecycle.heading')}</h2>
      {plan.status === 'held' ? (
        <CloseForm plan={plan} onChanged={onChanged} />
      ) : (
        <>
          <RescheduleForm plan={plan} onChanged={onChanged} />
          <CancelForm plan={plan} onChanged={onChanged} />
        </>
      )}
    </section>
  );
}

function RescheduleForm({ plan, onChanged }: { plan: EventPlan; onChanged: Changed }) {
  const { t } = useTranslation('staff');
  const { busy, problem, run } = useLifecycleAction(onChanged);
  const [startsAt, setStartsAt] = useState(isoToStockholmLocal(plan.startsAt));
  const [endsAt, setEndsAt] = useState(isoToStockholmLocal(plan.endsAt));
  const [deadline, setDeadline] = useState(plan.registrationDeadline ? isoToStockholmLocal(plan.registrationDeadline) : '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        api().rescheduleEvent(plan.id, {
          startsAt: stockholmLocalToIso(startsAt),
          endsAt: stockholmLocalToIso(endsAt),
          registrationDeadline: deadline ? stockholmLocalToIso(deadline) : null,
        }),
      t('lifecycle.rescheduled'),
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reschedule-heading">
      <h3 id="reschedule-heading">{t('lifecycle.reschedule')}</h3>
      {problem && <ProblemAlert problem={problem} />}
      <fieldset disabled={busy}>
        <legend className="visually-hidden">{t('lifecycle.reschedule')}</legend>
        <div className="form-grid">
          <TextField name="startsAt" type="datetime-local" label={t('editor.startsAt')} hint={t('editor.timeHint')} value={startsAt} problem={problem} onChange={setStartsAt} />
          <TextField name="endsAt" type="datetime-local" label={t('editor.endsAt')} hint={t('editor.timeHint')} value={endsAt} problem={problem} onChange={setEndsAt} />
          <TextField name="registrationDeadline" type="datetime-local" label={t('editor.deadline')} hint={t('editor.deadlineHint')} value={deadline} problem={problem} onChange={setDeadline} />
        </div>
        <button type="submit">{busy ? t('lifecycle.working') : t('lifecycle.rescheduleSubmit')}</button>
      </fieldset>
    </form>
  );
}

function CancelForm({ plan, onChanged }: { plan: EventPlan; onChanged: Changed }) {
  const { t } = useTranslation('staff');
  const { busy, problem, run } = useLifecycleAction(onChanged);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api().cancelEvent(plan.id, { reason: reason.trim() }), t('lifecycle.cancelled'));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="cancel-heading">
      <h3 id="cancel-heading">{t('lifecycle.cancel')}</h3>
      {problem && <ProblemAlert problem={problem} fieldLabels={{ reason: t('lifecycle.cancelReason') }} />}
      <fieldset disabled={busy}>
        <legend className="visually-hidden">{t('lifecycle.cancel')}</legend>
        <TextField name="reason" multiline rows={2} label={t('lifecycle.cancelReason')} value={reason} problem={problem} onChange={setReason} />
        <button type="submit" className="danger">
          {busy ? t('lifecycle.working') : t('lifecycle.cancelSubmit')}
        </button>
      </fieldset>
    </form>
  );
}

function CloseForm({ plan, onChanged }: { plan: EventPlan; onChanged: Changed }) {
  const { t } = useTranslation('staff');
  const { busy, problem, run } = useLifecycleAction(onChanged);
  const [closing, setClosing] = useState({ minutes: '', participantsOnSite: '', participantsRemote: '', raised: '', actions: '' });
  const set = (key: keyof typeof closing) => (value: string) => setClosing((c) => ({ ...c, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        api().closeEvent(plan.id, {
          minutes: closing.minutes.trim(),
          participantsOnSite: Number(closing.participantsOnSite || 0),
          participantsRemote: Number(closing.participantsRemote || 0),
          raised: closing.raised.trim(),
          actions: closing.actions.trim(),
        }),
      t('lifecycle.closed'),
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="close-heading">
      <h3 id="close-heading">{t('lifecycle.close')}</h3>
      <p>{t('lifecycle.closeLead')}</p>
      {problem && <ProblemAlert problem={problem} />}
      <fieldset disabled={busy}>
        <legend className="visually-hidden">{t('lifecycle.close')}</legend>
        <TextField name="minutes" multiline label={t('lifecycle.minutes')} value={closing.minutes} problem={problem} onChange={set('minutes')} />
        <div className="form-grid">
          <TextField name="participantsOnSite" type="number" min={0} label={t('lifecycle.participantsOnSite')} value={closing.participantsOnSite} problem={problem} onChange={set('participantsOnSite')} />
          <TextField name="participantsRemote" type="number" min={0} label={t('lifecycle.participantsRemote')} value={closing.participantsRemote} problem={problem} onChange={set('participantsRemote')} />
        </div>
        <TextField name="raised" multiline label={t('lifecycle.raised')} value={closing.raised} problem={problem} onChange={set('raised')} />
        <TextField name="actions" multiline label={t('lifecycle.actions')} value={closing.actions} problem={problem} onChange={set('actions')} />
        <button type="submit">{busy ? t('lifecycle.working') : t('lifecycle.closeSubmit')}</button>
      </fieldset>
    </form>
  );
}
