// Under a field the MRZ filled: "from the MRZ" while it agrees, the MRZ's value when the officer has changed it
// (the API will refuse the mismatch), and a failed check digit in red.
import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconScan, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function MrzHint({
  value,
  mrz,
  checkFailed = false,
  fallback,
}: {
  value: string;
  /** the MRZ's value; undefined when the form was not filled from an MRZ */
  mrz: string | null | undefined;
  checkFailed?: boolean;
  /** the field's usual description */
  fallback?: ReactNode;
}) {
  const { t } = useTranslation('persons');
  if (mrz === undefined || mrz === null || mrz === '') {
    return fallback ?? null;
  }
  if (checkFailed) {
    return (
      <Group gap={4} wrap="nowrap" component="span">
        <IconX size={12} color="var(--mantine-color-red-8)" />
        <Text span size="xs" c="red.8">
          {t('mrz.hintCheckFailed')}
        </Text>
      </Group>
    );
  }
  if (value.trim().toUpperCase() !== mrz.toUpperCase()) {
    return (
      <Group gap={4} wrap="nowrap" component="span">
        <IconAlertTriangle size={12} color="var(--mantine-color-orange-8)" />
        <Text span size="xs" c="orange.8">
          {t('mrz.hintDiffers', { value: mrz })}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <IconScan size={12} />
      <Text span size="xs">
        {t('mrz.hintFromMrz')}
      </Text>
    </Group>
  );
}
