import { useTranslation } from 'react-i18next';
import type { AlertSubscriptionView } from '@trygghet/client';

/** The address and state of a subscription. */
export function Summary({ subscription }: { subscription: AlertSubscriptionView }) {
  const { t } = useTranslation('alerts');
  return (
    <dl className="facts">
      <dt>{t('manage.address')}</dt>
      <dd>{subscription.email}</dd>
      <dt>{t('subscribe.areas')}</dt>
      <dd>{subscription.wholeDistrict ? t('subscribe.whole') : subscription.areas.map((a) => a.name).join(', ')}</dd>
      <dt>{t('subscribe.frequency')}</dt>
      <dd>{t(`subscribe.${subscription.frequency}`)}</dd>
      <dt>{t('manage.status')}</dt>
      <dd data-testid="alert-status">{subscription.confirmed ? t('manage.confirmed') : t('manage.unconfirmed')}</dd>
    </dl>
  );
}
