import type { SurveyAnswerRequest, SurveyForm, SurveyQuestion, SurveyReceipt } from '@trygghet/client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { useLoad } from '../../shared/useLoad';
import './surveys.css';

/**
 * `/enkat#<token>`: the survey a participant gets by e-mail after a dialogue or walk. The token stays after '#', so it
 * never reaches a server log; it travels to the API in a header. One answer per link.
 */
export function SurveyPage() {
  const { t } = useTranslation('surveys');
  const token = decodeURIComponent(useLocation().hash.replace(/^#/, ''));
  const form = useLoad((signal) => (token ? api().getSurveyForm(token, signal) : Promise.resolve(null)), [token]);

  return (
    <Page title={t('form.title')}>
      {!token && <p className="problem">{t('form.noToken')}</p>}
      {form.state === 'failed' && <ProblemAlert problem={form.problem} />}
      {form.state === 'loading' && <Loading />}
      {form.data && <SurveyAnswerForm token={token} form={form.data} />}
    </Page>
  );
}

type Answers = { safety?: number; useful?: string; comeAgain?: string; priority: string };

function SurveyAnswerForm({ token, form }: { token: string; form: SurveyForm }) {
  const { t } = useTranslation('surveys');
  const lang = currentLanguage();
  const [answers, setAnswers] = useState<Answers>({ priority: '' });
  const [receipt, setReceipt] = useState<SurveyReceipt | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const resultsPath = `/${form.eventKind === 'walk' ? 'vandringar' : 'dialoger'}/${form.eventId}`;
  const lead = <p className="lead">{t('form.lead', { kind: t(`form.kind.${form.eventKind}`), title: form.eventTitle })}</p>;

  if (receipt || form.answeredAt) {
    return (
      <>
        <div role="status" aria-live="polite" className="notice survey-thanks">
          <p>{receipt ? t(receipt.priorityHeld ? 'form.thanksHeld' : 'form.thanks') : t('form.answered')}</p>
        </div>
        <p>
          <Link to={resultsPath}>{t('form.results')}</Link>
        </p>
      </>
    );
  }
  if (form.expired) {
    return (
      <>
        {lead}
        <p className="problem">{t('form.expired', { date: formatDate(form.expiresAt, lang) })}</p>
      </>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const unanswered = form.questions.find((q) => q.required && answers[q.id] === undefined);
    if (unanswered) {
      setMissing(t('form.missing', { question: unanswered.text }));
      document.getElementById(`survey-${unanswered.id}`)?.querySelector('input')?.focus();
      return;
    }
    setMissing(null);
    const body: SurveyAnswerRequest = {
      safety: answers.safety!,
      useful: answers.useful as SurveyAnswerRequest['useful'],
      comeAgain: answers.comeAgain as SurveyAnswerRequest['comeAgain'],
      priority: answers.priority.trim() || null,
    };
    void run(async () => setReceipt(await api().answerSurvey(token, body)));
  };

  return (
    <>
      {lead}
      <p>{t('form.expires', { date: formatDate(form.expiresAt, lang) })}</p>
      <form onSubmit={submit} noValidate className="panel survey-form">
        {missing && (
          <p className="problem" role="alert">
            {missing}
          </p>
        )}
        {problem && <ProblemAlert problem={problem} fieldLabels={Object.fromEntries(form.questions.map((q) => [q.id, q.text]))} />}
        {form.questions.map((q) =>
          q.kind === 'text' ? (
            <TextQuestion key={q.id} question={q} value={answers.priority} disabled={busy} onChange={(priority) => setAnswers({ ...answers, priority })} />
          ) : (
            <ChoiceQuestion
              key={q.id}
              question={q}
              value={answers[q.id]?.toString()}
              disabled={busy}
              onChange={(value) => setAnswers({ ...answers, [q.id]: q.kind === 'scale' ? Number(value) : value })}
            />
          ),
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('form.submitting') : t('form.submit')}
        </button>
      </form>
    </>
  );
}

function ChoiceQuestion({ question, value, disabled, onChange }: { question: SurveyQuestion; value?: string; disabled: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation('surveys');
  return (
    <fieldset id={`survey-${question.id}`} disabled={disabled} className={`survey-question survey-${question.kind}`}>
      <legend>
        {question.text} <span className="hint">({t(question.required ? 'form.required' : 'form.optional')})</span>
      </legend>
      {question.choices.map((c) => (
        <label className="choice" key={c.value}>
          <input type="radio" name={question.id} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

function TextQuestion({ question, value, disabled, onChange }: { question: SurveyQuestion; value: string; disabled: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation('surveys');
  const ids = { field: useId(), hint: useId() };
  const max = question.maxLength ?? 500;
  return (
    <div className="field" id={`survey-${question.id}`}>
      <label htmlFor={ids.field}>
        {question.text} <span className="hint">({t('form.optional')})</span>
      </label>
      <textarea id={ids.field} rows={4} maxLength={max} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} aria-describedby={ids.hint} />
      <p className="hint" id={ids.hint}>
        {t('form.priorityHint', { max })} {t('form.remaining', { n: max - value.length })}
      </p>
    </div>
  );
}
