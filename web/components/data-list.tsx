// A list that reads well on a desk and on a phone: a table on wide screens, one card per row on narrow ones.
// Each row links to its page through its first column, so keyboard and screen reader users reach it too.
import { Anchor, Card, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from './error-alert';

export type Column<T> = {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** left out of the phone card (e.g. already part of the title) */
  hideOnMobile?: boolean;
  width?: number | string;
};

export function DataList<T>({
  rows,
  columns,
  rowKey,
  rowHref,
  rowTitle,
  rowBadge,
  isPending,
  error,
  emptyText,
  testId,
  rowTestId,
  titleHeader,
}: {
  rows: readonly T[] | undefined;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowHref?: (row: T) => string;
  /** the name shown as the link / card title */
  rowTitle: (row: T) => ReactNode;
  rowBadge?: (row: T) => ReactNode;
  isPending: boolean;
  error: unknown;
  emptyText: string;
  testId?: string;
  rowTestId?: string;
  /** header of the title column (default: "Nama") */
  titleHeader?: string;
}) {
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { t } = useTranslation();

  if (error) {
    return <ErrorAlert error={error} />;
  }
  if (isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('list.loading')} />
      </Center>
    );
  }
  if (!rows || rows.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="xl" data-testid={testId ? `${testId}-empty` : undefined}>
        {emptyText}
      </Text>
    );
  }

  const title = (row: T) =>
    rowHref ? (
      <Anchor
        component={Link}
        to={rowHref(row)}
        fw={600}
        size={isPhone ? 'md' : 'sm'}
        c="var(--mantine-color-text)"
        underline="hover"
      >
        {rowTitle(row)}
      </Anchor>
    ) : (
      <Text fw={600} size={isPhone ? 'md' : 'sm'} span>
        {rowTitle(row)}
      </Text>
    );

  if (isPhone) {
    return (
      <Stack gap="xs" data-testid={testId}>
        {rows.map((row) => (
          <Card key={rowKey(row)} withBorder padding="sm" radius="md" data-testid={rowTestId}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>{title(row)}</div>
              {rowBadge?.(row)}
            </Group>
            <Stack gap={2} mt={4}>
              {columns
                .filter((column) => !column.hideOnMobile)
                .map((column) => {
                  const content = column.render(row);
                  if (content === null || content === undefined || content === '') {
                    return null;
                  }
                  return (
                    <Group key={column.key} gap={6} wrap="nowrap" align="flex-start">
                      <Text size="xs" c="dimmed" w={96} style={{ flexShrink: 0 }}>
                        {column.header}
                      </Text>
                      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                        {content}
                      </Text>
                    </Group>
                  );
                })}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{titleHeader ?? t('fields.name')}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.key} w={column.width}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-testid={rowTestId}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {title(row)}
                  {rowBadge?.(row)}
                </Group>
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column.key}>{column.render(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
