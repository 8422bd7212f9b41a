// List filters: in a row on wide screens; on a phone only the search box shows, the rest behind a "Filter" button.
import { Badge, Button, Collapse, Group, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FilterPanel({
  search,
  children,
  footer,
  activeCount,
}: {
  search?: ReactNode;
  /** the filters besides the search box */
  children: ReactNode;
  /** shown under the filters (e.g. "show archived") */
  footer?: ReactNode;
  /** how many filters are set, shown on the phone's button */
  activeCount: number;
}) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [opened, { toggle }] = useDisclosure(activeCount > 0);

  if (!isPhone) {
    return (
      <Stack gap="sm" mb="md">
        <Group gap="sm" align="flex-end">
          {search}
          {children}
        </Group>
        {footer}
      </Stack>
    );
  }
  return (
    <Stack gap="xs" mb="md">
      <Group gap="xs" wrap="nowrap" align="flex-end">
        {search}
        <Button
          variant="default"
          onClick={toggle}
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          rightSection={
            activeCount > 0 ? (
              <Badge size="sm" circle>
                {activeCount}
              </Badge>
            ) : null
          }
          aria-expanded={opened}
          fullWidth={!search}
          data-testid="filters-toggle"
        >
          {t('list.filters')}
        </Button>
      </Group>
      <Collapse expanded={opened}>
        <Stack gap="xs">
          {children}
          {footer}
        </Stack>
      </Collapse>
    </Stack>
  );
}
