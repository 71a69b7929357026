import type { PersonalDataFlag } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { highlightSegments } from './highlight';

/** A question's text with each confidentiality finding marked, and a list saying what each one looks like. */
export function FlaggedText({ text, flags, id }: { text: string; flags: readonly PersonalDataFlag[]; id?: string }) {
  const { t } = useTranslation('questions');
  return (
    <>
      <p className="question-text" id={id}>
        {flags.length === 0 ? text : highlightSegments(text, flags).map((segment, index) =>
          segment.flag ? (
            <mark key={index} className="flagged">
              {segment.text}
              <span className="visually-hidden"> ({t(`flag.${segment.flag.kind}`)})</span>
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </p>
      {flags.length > 0 && (
        <div className="notice warn flags">
          <p>{t('moderation.flagsTitle')}</p>
          <ul>
            {flags.map((flag, index) => (
              <li key={index}>
                {t('moderation.flag', { kind: t(`flag.${flag.kind}`), text: text.slice(flag.start, flag.start + flag.length) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
