import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { Page } from '../../shared/Page';
import { ProblemAlert, fieldErrors } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { AlertChoices, type Choices } from './AlertChoices';
import './alerts.css';

/**
 * /bevaka?omrade=<slug>: subscribe to e-mail alerts without an account. The area page and the widget link here with
 * their area chosen. The answer is the same whether or not the address was subscribed: the e-mail says what happens.
 */
export function SubscribePage() {
  const { t } = useTranslation('alerts');
  const [params] = useSearchParams();
  const id = useId();
  const [email, setEmail] = useState('');
  const [choices, setChoices] = useState<Choices>({ areas: params.getAll('omrade'), frequency: 'immediate' });
  const [language, setLanguage] = useState(currentLanguage());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const done = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (sentTo) done.current?.focus();
  }, [sentTo]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    if (await run(() => api().subscribeToAlerts({ email: address, areas: choices.areas, frequency: choices.frequency, language }))) setSentTo(address);
  };
  const emailErrors = fieldErrors(problem, 'email');

  return (
    <Page title={t('subscribe.title')} lead={t('subscribe.lead')}>
      {sentTo ? (
        <div className="notice">
          <p ref={done} tabIndex={-1}>
            {t('subscribe.sent', { email: sentTo })}
          </p>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          {problem && <ProblemAlert problem={problem} fieldLabels={{ email: t('subscribe.email'), areas: t('subscribe.areas') }} />}
          <p className="field">
            <label htmlFor={`${id}-email`}>{t('subscribe.email')}</label>
            <span className="hint" id={`${id}-email-hint`}>
              {t('subscribe.emailHint')}
            </span>
            <input id={`${id}-email`} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)}
              aria-invalid={!!emailErrors} aria-describedby={emailErrors ? `${id}-email-hint ${id}-email-error` : `${id}-email-hint`} />
            {emailErrors && <span className="field-error" id={`${id}-email-error`}>{emailErrors.join(' ')}</span>}
          </p>
          <AlertChoices value={choices} onChange={setChoices} problem={problem} />
          <fieldset>
            <legend>{t('subscribe.language')}</legend>
            {(['sv', 'en'] as const).map((l) => (
              <p key={l} className="choice">
                <input type="radio" name={`${id}-language`} id={`${id}-${l}`} checked={language === l} onChange={() => setLanguage(l)} />
                <label htmlFor={`${id}-${l}`}>{t(`subscribe.${l}`)}</label>
              </p>
            ))}
          </fieldset>
          <p className="hint">{t('subscribe.privacy')}</p>
          <p className="actions">
            <button type="submit" disabled={busy}>
              {busy ? t('subscribe.sending') : t('subscribe.submit')}
            </button>
          </p>
        </form>
      )}
    </Page>
  );
}
