import type { Availability, PublicEvent, RegistrationReceipt } from '@trygghet/client';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newIdempotencyKey, toProblem, type Problem } from '../../shared/api';
import { ProblemAlert, fieldErrors } from '../../shared/ProblemAlert';
import { emptyDraft, isFull, modesFor, register, type RegistrationDraft } from './registration';
import './registrations.css';

/** Registration on the event page: the form, or why it is closed, and the receipt afterwards. */
export function RegistrationSection({ event, availability, onRegistered }: { event: PublicEvent; availability: Availability | null; onRegistered?: () => void }) {
  const { t } = useTranslation('registrations');
  const [receipt, setReceipt] = useState<{ receipt: RegistrationReceipt; email: boolean } | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (receipt) {
    return (
      <section className="registration" aria-labelledby="receipt-heading">
        <Receipt receipt={receipt.receipt} emailGiven={receipt.email} />
        <p>
          <button type="button" className="secondary" onClick={() => { setReceipt(null); setFormKey((k) => k + 1); }}>
            {t('receipt.another')}
          </button>
        </p>
      </section>
    );
  }
  if (!event.attendable) return null;

  const open = availability?.open ?? false;
  return (
    <section className="registration" aria-labelledby="register-heading">
      <h2 id="register-heading">{t('register.title')}</h2>
      {open ? (
        <RegistrationForm
          key={formKey}
          event={event}
          availability={availability ?? undefined}
          onDone={(r, email) => {
            setReceipt({ receipt: r, email });
            onRegistered?.();
          }}
        />
      ) : (
        <p>{availability?.closedReason ? t(`register.closedReason.${availability.closedReason}`) : t('register.closed')}</p>
      )}
    </section>
  );
}

export function RegistrationForm({ event, availability, onDone }: { event: PublicEvent; availability?: Availability; onDone: (receipt: RegistrationReceipt, emailGiven: boolean) => void }) {
  const { t } = useTranslation('registrations');
  const modes = modesFor(event.format);
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyDraft(event.format));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a retry of the same answers reuses it, so nobody is registered twice.
  const key = useRef<string | null>(null);
  const ids = { mode: useId(), name: useId(), email: useId(), needs: useId(), consent: useId() };

  const change = <K extends keyof RegistrationDraft>(field: K, value: RegistrationDraft[K]) => {
    key.current = null;
    setDraft((d) => ({ ...d, [field]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    key.current ??= newIdempotencyKey();
    setBusy(true);
    setProblem(null);
    try {
      const receipt = await register(api(), event.kind, event.id, key.current, draft);
      onDone(receipt, draft.email.trim() !== '');
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const labels = {
    mode: t('register.mode'),
    name: t('register.name'),
    email: t('register.email'),
    accessibilityNeeds: t('register.needs'),
    consentVersion: t('register.consent'),
  };
  const remote = draft.mode === 'remote';

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={`${ids.mode}-lead`}>
      <p id={`${ids.mode}-lead`}>{t('register.lead')}</p>
      {problem && <ProblemAlert problem={problem} fieldLabels={labels} />}

      {modes.length > 1 ? (
        <fieldset aria-describedby={describe(ids.mode, problem, 'mode', false)}>
          <legend>{t('register.mode')}</legend>
          {modes.map((mode) => (
            <label key={mode} className="choice">
              <input type="radio" name="mode" value={mode} checked={draft.mode === mode} onChange={() => change('mode', mode)} />
              {t(`register.modes.${mode}`)}
              {isFull(availability, mode) && <span className="hint"> – {t('register.modeFull')}</span>}
            </label>
          ))}
          <FieldError id={ids.mode} problem={problem} field="mode" />
        </fieldset>
      ) : (
        <p>
          {t(`register.modeOnly.${modes[0]!}`)}
          {isFull(availability, modes[0]!) && ` ${t('register.modeFull')}.`}
        </p>
      )}

      <div className="field">
        <label htmlFor={ids.name}>{t('register.name')}</label>
        <input id={ids.name} name="name" autoComplete="name" value={draft.name} onChange={(e) => change('name', e.target.value)}
          aria-invalid={!!fieldErrors(problem, 'name')} aria-describedby={describe(ids.name, problem, 'name', true)} />
        <p className="hint" id={`${ids.name}-hint`}>{t('register.nameHint')}</p>
        <FieldError id={ids.name} problem={problem} field="name" />
      </div>

      <div className="field">
        <label htmlFor={ids.email}>{remote ? t('register.email') : t('register.emailOptional')}</label>
        <input id={ids.email} name="email" type="email" autoComplete="email" inputMode="email" value={draft.email}
          onChange={(e) => change('email', e.target.value)} aria-required={remote}
          aria-invalid={!!fieldErrors(problem, 'email')} aria-describedby={describe(ids.email, problem, 'email', true)} />
        <p className="hint" id={`${ids.email}-hint`}>{remote ? t('register.emailRemoteHint') : t('register.emailHint')}</p>
        <FieldError id={ids.email} problem={problem} field="email" />
      </div>

      <div className="field">
        <label htmlFor={ids.needs}>{t('register.needs')}</label>
        <textarea id={ids.needs} name="accessibilityNeeds" value={draft.needs} onChange={(e) => change('needs', e.target.value)}
          aria-invalid={!!fieldErrors(problem, 'accessibilityNeeds')} aria-describedby={describe(ids.needs, problem, 'accessibilityNeeds', true)} />
        <p className="hint" id={`${ids.needs}-hint`}>{t('register.needsHint')}</p>
        <FieldError id={ids.needs} problem={problem} field="accessibilityNeeds" />
      </div>

      <p className="hint" id={`${ids.consent}-hint`}>{t('register.privacy')}</p>
      <div className="field">
        <label className="choice">
          <input type="checkbox" id={ids.consent} name="consent" checked={draft.consent} onChange={(e) => change('consent', e.target.checked)}
            aria-invalid={!!fieldErrors(problem, 'consentVersion')} aria-describedby={describe(ids.consent, problem, 'consentVersion', true)} />
          {t('register.consent')}
        </label>
        <FieldError id={ids.consent} problem={problem} field="consentVersion" />
      </div>

      <button type="submit" disabled={busy}>
        {busy ? t('register.sending') : t('register.submit')}
      </button>
    </form>
  );
}

function describe(id: string, problem: Problem | null, field: string, hint: boolean): string | undefined {
  const parts = [hint ? `${id}-hint` : null, fieldErrors(problem, field) ? `${id}-error` : null].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function FieldError({ id, problem, field }: { id: string; problem: Problem | null; field: string }) {
  const messages = fieldErrors(problem, field);
  if (!messages) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {messages.join(' ')}
    </p>
  );
}

/** What the API answered: place or queue, the check-in code, and the way to the manage page. */
export function Receipt({ receipt, emailGiven }: { receipt: RegistrationReceipt; emailGiven: boolean }) {
  const { t } = useTranslation('registrations');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="receipt" role="status">
      <h2 id="receipt-heading" tabIndex={-1} ref={heading}>
        {t(`receipt.${receipt.status}`)}
      </h2>
      {receipt.status === 'waitlisted' && receipt.waitlistPosition != null && <p>{t('receipt.waitlistPosition', { position: receipt.waitlistPosition })}</p>}
      <dl className="facts">
        <dt>{t('receipt.mode')}</dt>
        <dd>{t(`common:format.${receipt.mode}`)}</dd>
        <dt>{t('receipt.code')}</dt>
        <dd>
          <span className="code">{receipt.checkInCode}</span>
          <span className="hint block">{t('receipt.codeHint')}</span>
        </dd>
      </dl>
      <p>{emailGiven ? t('receipt.emailSent') : t('receipt.noEmail')}</p>
      <p>
        <Link to={{ pathname: '/anmalan', hash: receipt.manageToken }}>{t('receipt.manage')}</Link>
      </p>
    </div>
  );
}
