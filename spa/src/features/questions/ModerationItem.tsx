import type { ModeratedQuestion } from '@trygghet/client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { api, toProblem, type Problem } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { fieldErrors, ProblemAlert } from '../../shared/ProblemAlert';
import { Answers } from './Answers';
import { FindingsList, HighlightedText } from '../../shared/FlaggedText';
import { inField } from '../../shared/highlight';
import { addresseeLabel } from './QuestionCard';

/**
 * One question as a moderator works on it: the text and the display name with what the filter found marked in each,
 * and the actions its status allows. Every action answers with the question as it is now, which replaces the shown one.
 */
export function ModerationItem({ question, others, canAnswer, onChange }: {
  question: ModeratedQuestion;
  /** Questions this one may be merged into (pending or published, not itself). */
  others: readonly ModeratedQuestion[];
  canAnswer: boolean;
  onChange: (question: ModeratedQuestion) => void;
}) {
  const { t } = useTranslation('questions');
  const lang = currentLanguage();
  const ids = { text: useId(), ack: useId(), reason: useId(), reasonError: useId(), into: useId(), redact: useId(), redactError: useId(), removeName: useId(), removeNameHint: useId(), answer: useId(), answerError: useId() };
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [reason, setReason] = useState('');
  const [into, setInto] = useState('');
  const [redacted, setRedacted] = useState<string | null>(null);
  const [removeName, setRemoveName] = useState(false);
  const [answer, setAnswer] = useState('');
  // Which form the last problem belongs to, so its field messages show next to that form's field only.
  const [form, setForm] = useState<'reject' | 'redact' | 'answer' | null>(null);

  const run = async (action: () => Promise<ModeratedQuestion>, after?: () => void, from: typeof form = null) => {
    setBusy(true);
    setProblem(null);
    setForm(from);
    try {
      onChange(await action());
      after?.();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const client = api();
  const id = question.id;
  const status = question.status;
  const flagged = question.flags.length > 0;
  const submit = (action: () => Promise<ModeratedQuestion>, after?: () => void, from: typeof form = null) => (event: FormEvent) => {
    event.preventDefault();
    void run(action, after, from);
  };
  const reasonErrors = form === 'reject' ? fieldErrors(problem, 'reason') : undefined;
  const textErrors = form === 'redact' ? fieldErrors(problem, 'text') : undefined;
  const answerErrors = form === 'answer' ? fieldErrors(problem, 'text') : undefined;

  return (
    <article className={`card moderation-item${flagged ? ' has-flags' : ''}`} aria-labelledby={ids.text}>
      <div className="question-meta">
        {flagged && <span className="badge flagged-badge">{t('moderation.flagged')}</span>}
        {question.pinned && <span className="badge pinned">{t('list.pinned')}</span>}
        {question.redacted && <span className="badge">{t('moderation.redacted')}</span>}
        <span>
          {question.displayName ? (
            <>
              {t('moderation.from')} <HighlightedText text={question.displayName} findings={inField(question.flags, 'displayName')} />
            </>
          ) : (
            t('list.anonymous')
          )}
          {' · '}
          {formatDateTime(question.askedAt, lang)}
          {status === 'published' && ` · ${t('list.votes', { count: question.votes })}`}
        </span>
      </div>
      <p className="question-text" id={ids.text}>
        <HighlightedText text={question.text} findings={inField(question.flags, 'text')} />
      </p>
      <FindingsList title={t('moderation.flagsTitle')} findings={question.flags} texts={{ text: question.text, displayName: question.displayName }} showField />
      {question.originalText && (
        <p className="hint">{t('moderation.original', { text: question.originalText })}</p>
      )}
      {question.addressee && <p className="hint">{t('list.to', { to: addresseeLabel(question.addressee, t) })}</p>}
      {question.rejectReason && <p className="hint">{t('moderation.rejectedFor', { reason: question.rejectReason })}</p>}
      <Answers answers={question.answers} />
      {problem && <ProblemAlert problem={problem} fieldLabels={{ reason: t('moderation.reason'), text: t('moderation.text'), into: t('moderation.into') }} />}

      {['pending', 'hidden', 'rejected'].includes(status) && (
        <form className="action-row" onSubmit={submit(() => client.approveQuestion(id, { acknowledgeFlags: acknowledged }))}>
          {flagged && (
            <label className="choice" htmlFor={ids.ack}>
              <input id={ids.ack} type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
              {t('moderation.acknowledge')}
            </label>
          )}
          <button type="submit" disabled={busy || (flagged && !acknowledged)}>{t('moderation.approve')}</button>
        </form>
      )}

      <div className="action-row">
        {status === 'published' && (
          <button type="button" className="secondary" disabled={busy}
            onClick={() => void run(() => (question.pinned ? client.unpinQuestion(id) : client.pinQuestion(id)))}>
            {question.pinned ? t('moderation.unpin') : t('moderation.pin')}
          </button>
        )}
        {(status === 'pending' || status === 'published') && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void run(() => client.hideQuestion(id))}>
            {t('moderation.hide')}
          </button>
        )}
        {status === 'published' && canAnswer && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void run(() => client.answerQuestion(id, { live: true }))}>
            {t('moderation.answeredLive')}
          </button>
        )}
      </div>

      {(status === 'pending' || status === 'hidden') && (
        <details>
          <summary>{t('moderation.reject')}</summary>
          <form onSubmit={submit(() => client.rejectQuestion(id, { reason }), () => setReason(''), 'reject')}>
            <div className="field">
              <label htmlFor={ids.reason}>{t('moderation.reason')}</label>
              <textarea id={ids.reason} rows={2} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)}
                aria-invalid={reasonErrors ? true : undefined} aria-describedby={reasonErrors ? ids.reasonError : undefined} />
              {reasonErrors && <p className="field-error" id={ids.reasonError}>{reasonErrors.join(' ')}</p>}
            </div>
            <button type="submit" className="danger" disabled={busy}>{t('moderation.rejectSubmit')}</button>
          </form>
        </details>
      )}

      {status !== 'merged' && status !== 'rejected' && others.length > 0 && (
        <details>
          <summary>{t('moderation.merge')}</summary>
          <form onSubmit={submit(() => client.mergeQuestion(id, { into }))}>
            <div className="field">
              <label htmlFor={ids.into}>{t('moderation.into')}</label>
              <select id={ids.into} value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="">{t('moderation.choose')}</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>{truncate(other.text)}</option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={busy || !into}>{t('moderation.mergeSubmit')}</button>
          </form>
        </details>
      )}

      {status !== 'merged' && (
        <details onToggle={(e) => { if ((e.target as HTMLDetailsElement).open && redacted === null) setRedacted(question.text); }}>
          <summary>{question.displayName ? t('moderation.redactWithName') : t('moderation.redact')}</summary>
          <form onSubmit={submit(
            () => client.redactQuestion(id, `"${question.version}"`, { text: redacted ?? question.text, removeDisplayName: removeName && !!question.displayName }),
            () => { setRedacted(null); setRemoveName(false); },
            'redact',
          )}>
            <div className="field">
              <label htmlFor={ids.redact}>{t('moderation.text')}</label>
              <textarea id={ids.redact} rows={3} value={redacted ?? question.text} maxLength={1000} onChange={(e) => setRedacted(e.target.value)}
                aria-invalid={textErrors ? true : undefined} aria-describedby={textErrors ? ids.redactError : undefined} />
              {textErrors && <p className="field-error" id={ids.redactError}>{textErrors.join(' ')}</p>}
            </div>
            {question.displayName && (
              <div className="field">
                <label className="choice" htmlFor={ids.removeName}>
                  <input id={ids.removeName} type="checkbox" checked={removeName} onChange={(e) => setRemoveName(e.target.checked)}
                    aria-describedby={ids.removeNameHint} />
                  {t('moderation.removeName')}
                </label>
                <p className="hint" id={ids.removeNameHint}>{t('moderation.removeNameHint', { name: question.displayName })}</p>
              </div>
            )}
            <button type="submit" disabled={busy}>{t('moderation.redactSubmit')}</button>
          </form>
        </details>
      )}

      {status === 'published' && canAnswer && (
        <details>
          <summary>{t('moderation.answer')}</summary>
          <form onSubmit={submit(() => client.answerQuestion(id, { text: answer, live: false }), () => setAnswer(''), 'answer')}>
            <div className="field">
              <label htmlFor={ids.answer}>{t('moderation.answerText')}</label>
              <textarea id={ids.answer} rows={3} value={answer} maxLength={4000} onChange={(e) => setAnswer(e.target.value)}
                aria-invalid={answerErrors ? true : undefined} aria-describedby={answerErrors ? ids.answerError : undefined} />
              {answerErrors && <p className="field-error" id={ids.answerError}>{answerErrors.join(' ')}</p>}
            </div>
            <button type="submit" disabled={busy}>{t('moderation.answerSubmit')}</button>
          </form>
        </details>
      )}
    </article>
  );
}

function truncate(text: string) {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
