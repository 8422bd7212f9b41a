// The areas whose data a user sees: the whole country, or the areas of their agency / office working area.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../contracts/auth';
import { useRegionLabels } from '../lib/api/use-region';
import { splitAreaLabel } from '../lib/regions';

export function ScopeAreas({ scope }: { scope: Me['scope'] }) {
  const { t } = useTranslation();
  const codes = scope === 'all' ? [] : scope;
  const labels = useRegionLabels(codes);
  if (scope === 'all') {
    return (
      <Badge variant="light" tt="none">
        {t('allAreas')}
      </Badge>
    );
  }
  if (codes.length === 0) {
    return <Text c="dimmed">{t('none')}</Text>;
  }
  return (
    <Group gap={6}>
      {codes.map((code) => {
        const label = labels.get(code);
        return (
          <Badge key={code} variant="light" title={label} tt="none">
            {label ? splitAreaLabel(label)[0] : code}
          </Badge>
        );
      })}
    </Group>
  );
}
