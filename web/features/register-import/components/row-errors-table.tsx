// The rejected rows of a dry run or a commit: row number as the spreadsheet shows it, the column's header, and the
// problem in words (the code translated; the server's note adds which earlier row, which limit…).
import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegisterImport } from '../../../../contracts/register-import';
import { useFormat } from '../../../lib/use-format';

export function RowErrorsTable({ item }: { item: RegisterImport }) {
  const { t, i18n } = useTranslation('registerImport');
  const format = useFormat();
  if (item.errors.length === 0) {
    return null;
  }
  return (
    <>
      <Title order={2} size="h4" mt="lg" mb="xs">
        {t('check.errorsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table striped withTableBorder data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('check.row')}</Table.Th>
              <Table.Th>{t('check.column')}</Table.Th>
              <Table.Th>{t('check.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.errors.map((e) => (
              <Table.Tr key={`${e.row}-${e.field ?? ''}-${e.code}`} data-testid="import-error-row">
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column ?? '—'}</Table.Td>
                <Table.Td>
                  {i18n.language === 'id' ? e.message : t(`errorCodes.${e.code}`)}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {e.code}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {item.errorCount > item.errors.length && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('check.moreErrors', { shown: format.number(item.errors.length), total: format.number(item.errorCount) })}
        </Text>
      )}
    </>
  );
}
