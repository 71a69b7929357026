import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, toProblem, type Problem } from '../../shared/api';
import { fieldErrors, ProblemAlert } from '../../shared/ProblemAlert';

/**
 * The private question link with two ways to keep it: copy it with one tap, or e-mail it to oneself. Where the
 * clipboard is missing or refused, the link is selected and the asker is told to copy it, never left guessing.
 * The e-mail address is sent once and not kept by the app or the API.
 */
export function SaveQuestionLink({ url, token, label }: { url: string; token: string; label: string }) {
  const { t } = useTranslation('questions');
  const linkId = useId();
  const linkRef = useRef<HTMLElement>(null);
  const [copyStatus, setCopyStatus] = useState<{ text: string; n: number }>({ text: '', n: 0 });

  const say = (text: string) => setCopyStatus((s) => ({ text, n: s.n + 1 }));
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      say(t('save.copied'));
    } catch {
      selectContents(linkRef.current);
      say(t('save.selectAndCopy'));
    }
  };

  return (
    <div className="save-link">
      <p className="hint">
        {label} <code className="secret-link" id={linkId} ref={linkRef}>{url}</code>
      </p>
      <p className="actions">
        <button type="button" className="secondary" onClick={() => void copy()} aria-describedby={linkId}>{t('save.copy')}</button>
      </p>
      <p className="hint" aria-live="polite" role="status">
        <span key={copyStatus.n}>{copyStatus.text}</span>
      </p>
      <EmailLink token={token} />
    </div>
  );
}

function EmailLink({ token }: { token: string }) {
  const { t } = useTranslation('questions');
  const ids = { email: useId(), hint: useId(), error: useId(), heading: useId() };
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const attempt = useRef<{ key: string; email: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (attempt.current?.email !== address) attempt.current = { key: newIdempotencyKey(), email: address };
    setBusy(true);
    setProblem(null);
    setSentTo(null);
    try {
      await api().emailQuestionReceipt(attempt.current.key, { questionToken: token, email: address });
      attempt.current = null;
      setSentTo(address);
      setEmail('');
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const errors = fieldErrors(problem, 'email');
  const describedBy = errors ? `${ids.hint} ${ids.error}` : ids.hint;
  return (
    <form className="email-link" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('save.emailTitle')}</h3>
      {problem && !errors && <ProblemAlert problem={problem} fieldLabels={{ email: t('save.email') }} />}
      <div className="field">
        <label htmlFor={ids.email}>{t('save.email')}</label>
        <p className="hint" id={ids.hint}>{t('save.emailHint')}</p>
        <input id={ids.email} type="email" inputMode="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)}
          aria-invalid={errors ? true : undefined} aria-describedby={describedBy} />
        {errors && <p className="field-error" id={ids.error} role="alert">{errors.join(' ')}</p>}
      </div>
      <button type="submit" disabled={busy}>{busy ? t('save.sending') : t('save.send')}</button>
      <p className="hint" aria-live="polite" role="status">{sentTo ? t('save.sent', { email: sentTo }) : ''}</p>
    </form>
  );
}

/** Selects the element's text, so that the asker can copy it by hand. */
function selectContents(element: HTMLElement | null) {
  const selection = window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
