// The two office views of compliance: per accommodation, and the items that need the office's action.
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function ComplianceTabs({ current }: { current: 'properties' | 'items' }) {
  const { t } = useTranslation('compliance');
  const navigate = useNavigate();
  return (
    <SegmentedControl
      mb="md"
      value={current}
      onChange={(value) => void navigate(value === 'items' ? '/compliance/items' : '/compliance')}
      data={[
        { value: 'properties', label: t('tabs.properties') },
        { value: 'items', label: t('tabs.items') },
      ]}
      data-testid="compliance-tabs"
    />
  );
}
