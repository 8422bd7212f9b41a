// The office's items: stays past their expected check-out for longer than the grace period after a reminder
// (resolved by themselves once the property reports a check-out, an extension or a cancellation).
import { Anchor, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AreaPicker } from '../../../components/area-picker';
import { DataList } from '../../../components/data-list';
import { FilterPanel } from '../../../components/filter-panel';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useComplianceItems } from '../api/use-compliance';
import { ComplianceTabs } from '../components/compliance-tabs';

export function ComplianceItemsPage() {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  const list = useListState(['area', 'status'] as const);
  const status = list.filters.status === 'resolved' ? 'resolved' : 'open';
  const items = useComplianceItems({ area: list.filters.area, status, limit: list.limit, offset: list.offset });

  return (
    <>
      <PageHeader title={t('title')} description={t('items.description')} />
      <ComplianceTabs current="items" />
      <FilterPanel activeCount={list.filters.area ? 1 : 0}>
        <SegmentedControl
          value={status}
          onChange={(value) => list.setFilter('status', value === 'open' ? null : value)}
          data={[
            { value: 'open', label: t('items.open') },
            { value: 'resolved', label: t('items.resolved') },
          ]}
        />
        <AreaPicker
          placeholder={t('filters.area')}
          value={list.filters.area || null}
          onChange={(code) => list.setFilter('area', code)}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
      </FilterPanel>
      <DataList
        rows={items.data?.items}
        isPending={items.isPending}
        error={items.error}
        emptyText={status === 'open' ? t('items.empty') : t('items.emptyResolved')}
        rowKey={(item) => item.stayId}
        rowTitle={(item) => (
          <Anchor component={Link} to={`/compliance/properties/${item.accommodationId}`}>
            {item.accommodationName}
          </Anchor>
        )}
        titleHeader={t('fields.property')}
        testId="compliance-items"
        rowTestId="compliance-item"
        columns={[
          {
            key: 'area',
            header: t('fields.area'),
            render: (item) => item.village.label.split(', ').slice(0, 2).join(', '),
          },
          { key: 'nationality', header: t('fields.nationality'), render: (item) => item.nationality },
          { key: 'group', header: t('fields.groupSize'), render: (item) => item.groupSize },
          {
            key: 'expected',
            header: t('fields.expectedCheckOut'),
            render: (item) => format.date(item.expectedCheckOut),
          },
          { key: 'days', header: t('fields.daysOverdue'), render: (item) => item.daysOverdue },
          ...(status === 'resolved'
            ? [
                {
                  key: 'resolution',
                  header: t('fields.resolution'),
                  render: (item: { resolution: 'checked_out' | 'cancelled' | 'date_changed' | null }) =>
                    item.resolution ? t(`resolution.${item.resolution}`) : '',
                },
              ]
            : []),
        ]}
      />
      <ListFooter total={items.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
