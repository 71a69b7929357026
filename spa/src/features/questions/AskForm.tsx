import type { ActorKind, AskReceipt, PersonalDataKind, PublicEvent, QuestionRequest } from '@trygghet/client';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newIdempotencyKey, toProblem, type Problem } from '../../shared/api';
import { fieldErrors, ProblemAlert } from '../../shared/ProblemAlert';
import { SaveQuestionLink } from './SaveQuestionLink';

export const actorKinds: ActorKind[] = ['police', 'politician', 'administration', 'propertyOwner', 'publicTransport', 'school', 'association', 'other'];

/**
 * Asking a question: optional name and addressee, the text. One Idempotency-Key per question: a retry of the same
 * question reuses it (the API answers once), a changed question gets a new one.
 */
export function AskForm({ dialogue }: { dialogue: PublicEvent }) {
  const { t } = useTranslation('questions');
  const ids = { name: useId(), text: useId(), textHint: useId(), textError: useId(), nameError: useId(), to: useId() };
  const [displayName, setDisplayName] = useState('');
  const [text, setText] = useState('');
  const [to, setTo] = useState<ActorKind | ''>('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [receipt, setReceipt] = useState<AskReceipt | null>(null);
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: QuestionRequest = { text: text.trim(), displayName: displayName.trim() || null, addresseeKind: to || undefined };
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { key: newIdempotencyKey(), body: json };
    setBusy(true);
    setProblem(null);
    try {
      setReceipt(await api().askQuestion(dialogue.id, attempt.current.key, body));
      attempt.current = null;
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <Receipt receipt={receipt} onAnother={() => {
        setReceipt(null);
        setText('');
      }} />
    );
  }

  const textErrors = fieldErrors(problem, 'text');
  const nameErrors = fieldErrors(problem, 'displayName');
  return (
    <form className="ask-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids.text}-heading`}>
      <h2 id={`${ids.text}-heading`}>{t('ask.title')}</h2>
      <p className="hint">{t('ask.lead')}</p>
      {problem && <ProblemAlert problem={problem} fieldLabels={{ text: t('ask.text'), displayName: t('ask.name') }} />}
      <div className="field">
        <label htmlFor={ids.text}>{t('ask.text')}</label>
        <p className="hint" id={ids.textHint}>{t('ask.textHint')}</p>
        <textarea id={ids.text} value={text} rows={4} maxLength={1000} required onChange={(e) => setText(e.target.value)}
          aria-invalid={textErrors ? true : undefined} aria-describedby={textErrors ? `${ids.textHint} ${ids.textError}` : ids.textHint} />
        <p className="hint" aria-live="polite">{t('ask.count', { count: text.length })}</p>
        {textErrors && <p className="field-error" id={ids.textError}>{textErrors.join(' ')}</p>}
      </div>
      <div className="field">
        <label htmlFor={ids.name}>{t('ask.name')}</label>
        <input id={ids.name} value={displayName} maxLength={60} autoComplete="nickname" onChange={(e) => setDisplayName(e.target.value)}
          aria-invalid={nameErrors ? true : undefined} aria-describedby={nameErrors ? ids.nameError : undefined} />
        {nameErrors && <p className="field-error" id={ids.nameError}>{nameErrors.join(' ')}</p>}
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('ask.to')}</label>
        <select id={ids.to} value={to} onChange={(e) => setTo(e.target.value as ActorKind | '')}>
          <option value="">{t('ask.toAnyone')}</option>
          {actorKinds.map((kind) => (
            <option key={kind} value={kind}>{t(`actorKind.${kind}`)}</option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy}>{busy ? t('ask.sending') : t('ask.submit')}</button>
    </form>
  );
}

function Receipt({ receipt, onAnother }: { receipt: AskReceipt; onAnother: () => void }) {
  const { t } = useTranslation('questions');
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const path = `/fraga#${receipt.questionToken}`;
  useEffect(() => ref.current?.focus(), []);
  // A region, not a live region: it holds a form, and its own live regions say what the copy and e-mail buttons did.
  return (
    <div className="notice receipt" role="region" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h2 id={headingId}>{t('receipt.title')}</h2>
      <div role="status">
        <p>{receipt.status === 'published' ? t('receipt.published') : t('receipt.pending')}</p>
        {receipt.heldFor.length > 0 && (
          <p>{t('receipt.heldFor', { what: receipt.heldFor.map((k: PersonalDataKind) => t(`common:personalData.${k}`)).join(', ') })}</p>
        )}
      </div>
      <p>{t('receipt.link')}</p>
      <p>
        <Link to={path}>{t('receipt.follow')}</Link>
      </p>
      <SaveQuestionLink url={receipt.questionUrl} token={receipt.questionToken} label={t('receipt.save')} />
      <button type="button" className="secondary" onClick={onAnother}>{t('receipt.another')}</button>
    </div>
  );
}
