import type { TextFinding } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { foundText, highlightSegments } from './highlight';

/**
 * One field's text with each confidentiality finding marked. A screen reader hears the kind after the marked part,
 * since the mark's colour alone says nothing. Give it only the findings of this field.
 */
export function HighlightedText({ text, findings }: { text: string; findings: readonly TextFinding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, findings).map((segment, index) =>
        segment.finding ? (
          <mark key={index} className="flagged">
            {segment.text}
            <span className="visually-hidden"> ({t(`personalData.${segment.finding.kind}`)})</span>
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}

/**
 * What the filter found, in words: the kind and the text quoted, and with `showField` which field it is in (a
 * question's text or its display name). `texts` holds each field's current text, by the findings' field names.
 */
export function FindingsList({ title, findings, texts, showField = false }: {
  title: string;
  findings: readonly TextFinding[];
  texts: Record<string, string | null | undefined>;
  showField?: boolean;
}) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <div className="notice warn flags">
      <p>{title}</p>
      <ul>
        {findings.map((finding, index) => {
          const values = { kind: t(`personalData.${finding.kind}`), text: foundText(texts[finding.field] ?? '', finding) };
          return (
            <li key={index}>
              {showField
                ? t('findings.itemIn', { ...values, field: t(`findings.field.${finding.field}`, { defaultValue: finding.field }) })
                : t('findings.item', values)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** One field's text with its findings marked, and listed below under `title`: e.g. an observation's description. */
export function FlaggedText({ text, findings, id, title, className }: {
  text: string;
  findings: readonly TextFinding[];
  id?: string;
  title: string;
  className?: string;
}) {
  return (
    <>
      <p className={['flagged-text', className].filter(Boolean).join(' ')} id={id}>
        <HighlightedText text={text} findings={findings} />
      </p>
      <FindingsList title={title} findings={findings} texts={Object.fromEntries(findings.map((f) => [f.field, text]))} />
    </>
  );
}

/** Words for findings quoted from a text: "telefonnummer (”070-123 45 67”), e-postadress (”a@b.se”)". */
export function useFindingWords(): (found: readonly { finding: TextFinding; text: string }[]) => string {
  const { t } = useTranslation();
  return (found) => found.map(({ finding, text }) => t('findings.found', { kind: t(`personalData.${finding.kind}`), text })).join(', ');
}
