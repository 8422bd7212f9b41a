import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccommodationStatus } from '../../../../contracts/accommodations';

const colors: Record<AccommodationStatus, string> = {
  pending: 'yellow',
  verified: 'green',
  rejected: 'gray',
  suspended: 'red',
};

export function AccommodationStatusBadge({ status }: { status: AccommodationStatus }) {
  const { t } = useTranslation('accommodations');
  return (
    <Badge color={colors[status]} variant="light" data-testid="accommodation-status">
      {t(`statusLabel.${status}`)}
    </Badge>
  );
}
