import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './alerts.css';

/** "Bevaka området": on an area's page, the way to its e-mail alerts. */
export function WatchArea({ slug }: { slug: string }) {
  const { t } = useTranslation('alerts');
  return (
    <p className="watch-area">
      <Link className="button" to={`/bevaka?omrade=${encodeURIComponent(slug)}`}>
        {t('watch')}
      </Link>{' '}
      <span className="hint">{t('watchLead')}</span>
    </p>
  );
}
