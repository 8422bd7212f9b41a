// Who opened this record ("dilihat oleh"), from the audit log: when, who, for which agency and purpose.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../contracts/persons';
import { useFormat } from '../../../lib/use-format';

export function ViewersSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  return (
    <Stack gap={6} data-testid="person-viewers">
      <Text size="sm" c="dimmed">
        {t('viewers.count', { count: person.viewCount })}
      </Text>
      {person.viewers.map((viewer, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: views have no id of their own
        <div key={`${viewer.at}-${index}`} data-testid="person-viewer">
          <Text size="sm">
            {[viewer.actorName ?? t('viewers.unknown'), viewer.agency?.name].filter(Boolean).join(' · ')}
          </Text>
          <Text size="xs" c="dimmed">
            {format.dateTime(viewer.at)}
            {viewer.purpose ? ` · ${t('viewers.purpose', { purpose: viewer.purpose })}` : ''}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
