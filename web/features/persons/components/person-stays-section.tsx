// A person's movement across accommodations: every reported stay, newest first (texts in the stays namespace).
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/use-format';
import { usePersonStays } from '../api/use-person-stays';
import { SectionCard } from './section-card';

export function PersonStaysSection({ personId }: { personId: string }) {
  const { t } = useTranslation('stays');
  const format = useFormat();
  const stays = usePersonStays(personId, true);
  return (
    <SectionCard title={t('person.title')} testId="section-stays">
      <Stack gap="xs">
        <ErrorAlert error={stays.error} />
        {stays.data?.items.length === 0 && <Text c="dimmed">{t('person.none')}</Text>}
        {stays.data?.items.map((s) => (
          <Stack key={s.id} gap={0} data-testid="person-stay">
            <Group gap={6}>
              <Text fw={600} size="sm">
                {s.accommodation.name}
              </Text>
              <Badge variant="light" size="sm">
                {t(`status.${s.status}`)}
              </Badge>
              {s.isLate && (
                <Badge color="orange" size="sm">
                  {t('late')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {s.villageLabel} · {format.dateTime(s.arrivedAt)} →{' '}
              {s.checkedOutAt ? format.dateTime(s.checkedOutAt) : format.date(s.expectedCheckOut)}
            </Text>
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
}
