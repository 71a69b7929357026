import type { MyQuestion } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { Answers } from './Answers';
import { SaveQuestionLink } from './SaveQuestionLink';
import './questions.css';

/** The asker's private page (/fraga#<token>): where the question is, why it was rejected, and its answers. */
export function MyQuestionPage() {
  const { t } = useTranslation('questions');
  const { hash } = useLocation();
  const token = decodeURIComponent(hash.replace(/^#/, ''));
  const question = useLoad(async (signal) => (token ? api().getMyQuestion(token, signal) : null), [token]);
  // The dialogue's public page, for a link back to the live questions (a draft or removed dialogue has none).
  const eventId = question.data?.eventId;
  const dialogue = useLoad(async (signal) => (eventId ? api().getDialogue(eventId, undefined, signal).catch(() => null) : null), [eventId]);

  const invalid = !token || (question.state === 'failed' && [400, 404].includes(question.problem.status));
  if (invalid) {
    return (
      <Page title={t('mine.title')}>
        <div className="notice warn">
          <p>{t('mine.invalid')}</p>
        </div>
        <p>
          <Link to="/">{t('mine.home')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('mine.title')}>
      {question.state === 'failed' && <ProblemAlert problem={question.problem} />}
      {!question.data && question.state === 'loading' && <Loading />}
      {question.data && <Question question={question.data} slug={dialogue.data?.slug} reload={question.reload} busy={question.state === 'loading'} />}
      {question.data && (
        <section className="notice" aria-labelledby="save-link-heading">
          <h2 id="save-link-heading">{t('save.keepTitle')}</h2>
          <SaveQuestionLink url={`${window.location.origin}/fraga#${token}`} token={token} label={t('save.mine')} />
        </section>
      )}
    </Page>
  );
}

function Question({ question, slug, reload, busy }: { question: MyQuestion; slug: string | undefined; reload: () => void; busy: boolean }) {
  const { t } = useTranslation('questions');
  const lang = currentLanguage();
  return (
    <>
      <p className="lead">{t('mine.lead', { title: question.eventTitle })}</p>
      <dl className="facts">
        <dt>{t('mine.status')}</dt>
        <dd>
          <span className={`badge status-${question.status}`}>{t(`status.${question.status}`)}</span>
          <span className="hint"> {t(`mine.explain.${question.status}`)}</span>
        </dd>
        <dt>{t('mine.asked')}</dt>
        <dd>{formatDateTime(question.askedAt, lang)}</dd>
        <dt>{t('mine.votes')}</dt>
        <dd>{question.votes}</dd>
      </dl>
      <h2>{t('mine.yourQuestion')}</h2>
      <blockquote className="question-text">{question.text}</blockquote>
      {question.status === 'rejected' && question.rejectReason && (
        <div className="notice warn">
          <h2>{t('mine.reason')}</h2>
          <p className="question-text">{question.rejectReason}</p>
        </div>
      )}
      {question.status === 'merged' && <p>{t('mine.merged')}</p>}
      <h2>{t('mine.answers')}</h2>
      {question.answers.length === 0 ? <p>{t('mine.noAnswers')}</p> : <Answers answers={question.answers} />}
      <p className="actions">
        <button type="button" className="secondary" onClick={reload} disabled={busy}>{t('mine.refresh')}</button>
        {slug && <Link className="button secondary" to={`/dialoger/${slug}/fragor`}>{t('mine.allQuestions')}</Link>}
      </p>
    </>
  );
}
