import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../i18n';

/**
 * A page's heading and document title. The heading is what focus moves to after a route change
 * (see app/Layout), so screen-reader users hear where they arrived.
 */
export function Page({
  title,
  titleLanguage,
  lead,
  children,
  actions,
}: {
  title: string;
  /** The title's language when it is not the page's (an event's content in a language of its own). */
  titleLanguage?: string;
  lead?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('appName')}`;
  }, [title, t]);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1} lang={titleLanguage} dir={titleLanguage ? directionOf(titleLanguage) : undefined}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </>
  );
}

/** The status line while a page loads; announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}
