// Step 2: what each column of the file holds. The recognised field is preselected and marked; any column can be set
// to another field or left out. A field can fill only one column.
import { Badge, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ImportField, importFieldCodes, type RegisterImport } from '../../../../contracts/register-import';

const IGNORED = '';

const isField = (value: string | null): value is ImportField =>
  value !== null && (importFieldCodes as readonly string[]).includes(value);

export function MappingTable({
  columns,
  mapping,
  onChange,
}: {
  columns: RegisterImport['columns'];
  mapping: (ImportField | null)[];
  onChange: (mapping: (ImportField | null)[]) => void;
}) {
  const { t } = useTranslation('registerImport');
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped withTableBorder data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mapping.column')}</Table.Th>
            <Table.Th>{t('mapping.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((column, index) => {
            const field = mapping[index] ?? null;
            const usedElsewhere = new Set(mapping.filter((f, i) => f !== null && i !== index));
            return (
              <Table.Tr key={column.index} data-testid="import-mapping-row">
                <Table.Td>
                  {column.header || `#${column.index + 1}`}
                  {column.detected && field === column.detected && (
                    <Badge ml="xs" size="xs" variant="light" color="teal">
                      {t('mapping.detected')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('mapping.field')}
                    data={[
                      { value: IGNORED, label: t('mapping.ignored') },
                      ...importFieldCodes.map((code) => ({
                        value: code,
                        label: t(`fields.${code}`),
                        disabled: usedElsewhere.has(code),
                      })),
                    ]}
                    value={field ?? IGNORED}
                    onChange={(value) => {
                      const next = [...mapping];
                      next[index] = isField(value) ? value : null;
                      onChange(next);
                    }}
                    allowDeselect={false}
                    size="xs"
                    w={280}
                    data-testid={`import-field-${column.index}`}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
