import type { Answer } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';

/** The answers to a question, each with the organisation that gave it. */
export function Answers({ answers }: { answers: readonly Answer[] }) {
  const { t } = useTranslation('questions');
  if (answers.length === 0) return null;
  const lang = currentLanguage();
  return (
    <ul className="answers" aria-label={t('answers.label')}>
      {answers.map((answer) => (
        <li key={answer.id} className="answer">
          <p className="answer-by">
            {t('answers.by', { author: answer.author })}{' '}
            <span className="answer-time">{formatDateTime(answer.answeredAt, lang)}</span>
          </p>
          {answer.text ? <p className="question-text">{answer.text}</p> : null}
          {answer.live && <p className="hint">{t('answers.live')}</p>}
        </li>
      ))}
    </ul>
  );
}
