import type { PublicQuestion } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { Answers } from './Answers';

/** One published question in the live list: text, who asked, votes, the vote button and the answers. */
export function QuestionCard({ question, voted, canVote, busy, onVote }: {
  question: PublicQuestion;
  voted: boolean;
  canVote: boolean;
  busy: boolean;
  onVote: () => void;
}) {
  const { t } = useTranslation('questions');
  const lang = currentLanguage();
  const headingId = `q-${question.id}`;
  return (
    <article className="question card" aria-labelledby={headingId}>
      <div className="question-meta">
        {question.pinned && <span className="badge pinned">{t('list.pinned')}</span>}
        {question.answered && <span className="badge answered">{t('list.answered')}</span>}
        <span>
          {question.displayName ? t('list.askedBy', { name: question.displayName }) : t('list.anonymous')}
          {' · '}
          {formatDateTime(question.publishedAt ?? question.askedAt, lang)}
        </span>
      </div>
      <p id={headingId} className="question-text">
        {question.text}
      </p>
      {question.addressee && <p className="hint">{t('list.to', { to: addresseeLabel(question.addressee, t) })}</p>}
      <div className="votes">
        <span className="vote-count">{t('list.votes', { count: question.votes })}</span>
        {canVote && (
          <button type="button" className="secondary" aria-pressed={voted} disabled={busy} onClick={voted ? undefined : onVote}
            aria-describedby={headingId}>
            {t('list.voteButton')}
          </button>
        )}
        {canVote && voted && <span className="hint">{t('list.voted')}</span>}
      </div>
      <Answers answers={question.answers} />
    </article>
  );
}

export function addresseeLabel(addressee: NonNullable<PublicQuestion['addressee']>, t: (key: string) => string): string {
  if (addressee.organisation) return addressee.organisation;
  return addressee.kind ? t(`actorKind.${addressee.kind}`) : '';
}
