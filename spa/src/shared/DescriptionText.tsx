import { useTranslation } from 'react-i18next';

/**
 * An observation's description as the public sees it: the text, or while a moderator reviews it (the API sends null
 * and `descriptionHeld`), a calm sentence in its place. Inline, so it fits a paragraph or a list item.
 */
export function DescriptionText({ description, held = false }: { description?: string | null; held?: boolean }) {
  const { t } = useTranslation();
  if (held || description == null) return <span className="held-description">{t('descriptionHeld')}</span>;
  return <>{description}</>;
}
