import type { EventStatus } from '@trygghet/client';
import { useTranslation } from 'react-i18next';

/** An event's status in words (never by colour alone). */
export function StatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation('staff');
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
