// Where an overdue stay stands: overdue, reminded, or handed to the office.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverdueStay } from '../../../../contracts/compliance';

export function StageBadge({ stay }: { stay: Pick<OverdueStay, 'remindedAt' | 'escalatedAt'> }) {
  const { t } = useTranslation('compliance');
  if (stay.escalatedAt) {
    return <Badge color="red">{t('stage.escalated')}</Badge>;
  }
  if (stay.remindedAt) {
    return <Badge color="orange">{t('stage.reminded')}</Badge>;
  }
  return <Badge color="yellow">{t('stage.overdue')}</Badge>;
}
