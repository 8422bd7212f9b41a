// Where a fact came from and when: the agency (or import, or stay report), who recorded it, the reference.
import { Group, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FactSource } from '../../../../contracts/persons';
import { useFormat } from '../../../lib/use-format';

export function useSourceLabel() {
  const { t } = useTranslation('persons');
  return (source: FactSource): string => {
    if (source.kind === 'import') {
      return source.agency ? t('source.importBy', { agency: source.agency.name }) : t('source.kind.import');
    }
    if (source.kind === 'stay_report') {
      return t('source.kind.stay_report');
    }
    return source.agency?.name ?? source.user?.name ?? t('source.unknown');
  };
}

export function SourceLine({ source }: { source: FactSource }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const label = useSourceLabel();
  const parts = [
    label(source),
    source.user && source.kind !== 'stay_report' ? t('source.by', { name: source.user.name }) : null,
    format.dateTime(source.recordedAt),
  ].filter(Boolean);
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" data-testid="fact-source">
      <Tooltip label={t(`source.kind.${source.kind}`)} withinPortal>
        <IconInfoCircle size={14} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} />
      </Tooltip>
      <Text size="xs" c="dimmed">
        {t('source.line', { text: parts.join(' · ') })}
        {source.reference ? ` · ${t('source.ref', { reference: source.reference })}` : ''}
      </Text>
    </Group>
  );
}
