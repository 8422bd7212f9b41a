import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ArchivedBadge({ archivedAt }: { archivedAt: string | null }) {
  const { t } = useTranslation();
  if (!archivedAt) {
    return null;
  }
  return (
    <Badge color="gray" variant="light">
      {t('status.archived')}
    </Badge>
  );
}
