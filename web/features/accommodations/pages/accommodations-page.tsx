// The office's list of accommodations in its scope: pending registrations first, filters by status, kind and area.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accommodationStatusCodes } from '../../../../contracts/accommodations';
import { AreaPicker } from '../../../components/area-picker';
import { DataList } from '../../../components/data-list';
import { FilterPanel } from '../../../components/filter-panel';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useCodeLabel, useCodeOptions } from '../../../lib/api/use-code-table';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useAccommodations } from '../api/use-accommodations';
import { AccommodationStatusBadge } from '../components/accommodation-status-badge';

export function AccommodationsPage() {
  const { t } = useTranslation('accommodations');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const list = useListState(['status', 'kind', 'area'] as const);
  const kinds = useCodeOptions('accommodation-kinds');
  const kindLabel = useCodeLabel('accommodation-kinds');
  const accommodations = useAccommodations({
    q: list.q,
    status: list.filters.status,
    kind: list.filters.kind,
    area: list.filters.area,
    limit: list.limit,
    offset: list.offset,
  });

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} />
      <FilterPanel
        activeCount={[list.filters.status, list.filters.kind, list.filters.area].filter(Boolean).length}
        search={
          <SearchInput
            value={list.q}
            onChange={list.setQ}
            placeholder={t('list.searchPlaceholder')}
            data-testid="accommodations-search"
          />
        }
      >
        <Select
          placeholder={t('list.filterStatus')}
          aria-label={t('list.filterStatus')}
          data={accommodationStatusCodes.map((code) => ({ value: code, label: t(`statusLabel.${code}`) }))}
          value={list.filters.status || null}
          onChange={(value) => list.setFilter('status', value)}
          clearable
          w={{ base: '100%', sm: 220 }}
          data-testid="accommodations-filter-status"
        />
        <Select
          placeholder={t('list.filterKind')}
          aria-label={t('list.filterKind')}
          data={kinds.options}
          value={list.filters.kind || null}
          onChange={(value) => list.setFilter('kind', value)}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
        <AreaPicker
          placeholder={t('list.filterArea')}
          value={list.filters.area || null}
          onChange={(code) => list.setFilter('area', code)}
          clearable
          w={{ base: '100%', sm: 280 }}
        />
      </FilterPanel>
      <DataList
        rows={accommodations.data?.items}
        isPending={accommodations.isPending}
        error={accommodations.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('list.empty')}
        rowKey={(item) => item.id}
        rowHref={(item) => `/accommodations/${item.id}`}
        rowTitle={(item) => item.name}
        rowBadge={(item) => <AccommodationStatusBadge status={item.status} />}
        testId="accommodations-list"
        rowTestId="accommodation-row"
        columns={[
          { key: 'kind', header: t('fields.kind'), render: (item) => kindLabel(item.kind) },
          {
            key: 'area',
            header: t('fields.area'),
            render: (item) => item.village.label.split(', ').slice(0, 3).join(', '),
          },
          { key: 'nib', header: 'NIB', render: (item) => item.nib },
          { key: 'registered', header: t('fields.registeredAt'), render: (item) => format.date(item.createdAt) },
        ]}
      />
      <ListFooter total={accommodations.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
