// What a dry run found or a commit did, as four numbers.
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportCounts } from '../../../../contracts/register-import';
import { useFormat } from '../../../lib/use-format';

const keys = ['newPersons', 'updatedPersons', 'unchangedRows', 'rejectedRows'] as const;

export function CountsGrid({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation('registerImport');
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="import-counts">
      {keys.map((key) => (
        <Paper key={key} withBorder p="sm" radius="md">
          <Text size="xl" fw={700} c={key === 'rejectedRows' && counts[key] > 0 ? 'red' : undefined}>
            {format.number(counts[key])}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`check.${key}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
