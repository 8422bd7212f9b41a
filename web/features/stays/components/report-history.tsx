// The operator's reports, newest first, each with its receipt number.
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/use-format';
import { useStayReports } from '../api/use-stay-reports';

export function ReportHistory() {
  const { t } = useTranslation('stays');
  const format = useFormat();
  const reports = useStayReports(30);
  return (
    <Stack gap="xs">
      <ErrorAlert error={reports.error} />
      {reports.data?.items.length === 0 && <Text c="dimmed">{t('history.none')}</Text>}
      <Table.ScrollContainer minWidth={360}>
        <Table striped>
          <Table.Tbody>
            {reports.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light">{t(`kind.${r.kind}`)}</Badge>
                    {r.isLate && <Badge color="orange">{t('late')}</Badge>}
                  </Group>
                  <Text size="sm">{r.guestName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{format.dateTime(r.reportedAt)}</Text>
                  <Text size="xs" ff="monospace">
                    {r.receiptNumber}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
