// The office's compliance list: every accommodation in its scope with reports per month, late rate, check-outs not
// reported and the last report; filters by area, kind and state, sortable.
import { Badge, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accommodationStatusCodes } from '../../../../contracts/accommodations';
import { complianceFilterCodes, complianceSortCodes } from '../../../../contracts/compliance';
import { AreaPicker } from '../../../components/area-picker';
import { DataList } from '../../../components/data-list';
import { FilterPanel } from '../../../components/filter-panel';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useCodeLabel, useCodeOptions } from '../../../lib/api/use-code-table';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useComplianceProperties } from '../api/use-compliance';
import { ComplianceTabs } from '../components/compliance-tabs';

export const percent = (rate: number | null, locale: string) =>
  rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);

/** A calendar month of the statistics ("2026-11") as the reader writes it ("Nov 2026"); never shifted by a zone. */
export const monthLabel = (month: string, locale: string) => {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match
    ? new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
      )
    : month;
};

export function CompliancePage() {
  const { t } = useTranslation('compliance');
  const { t: tc } = useTranslation();
  const { t: ta } = useTranslation('accommodations');
  const format = useFormat();
  const list = useListState(['area', 'kind', 'status', 'compliance', 'sort', 'order'] as const);
  const kinds = useCodeOptions('accommodation-kinds');
  const kindLabel = useCodeLabel('accommodation-kinds');
  const properties = useComplianceProperties({
    q: list.q,
    area: list.filters.area,
    kind: list.filters.kind,
    status: list.filters.status,
    compliance: list.filters.compliance,
    sort: list.filters.sort,
    order: list.filters.order,
    limit: list.limit,
    offset: list.offset,
  });

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ComplianceTabs current="properties" />
      <FilterPanel
        activeCount={
          [list.filters.area, list.filters.kind, list.filters.status, list.filters.compliance].filter(Boolean).length
        }
        search={
          <SearchInput
            value={list.q}
            onChange={list.setQ}
            placeholder={t('filters.search')}
            data-testid="compliance-search"
          />
        }
      >
        <AreaPicker
          placeholder={t('filters.area')}
          value={list.filters.area || null}
          onChange={(code) => list.setFilter('area', code)}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          placeholder={t('filters.kind')}
          aria-label={t('filters.kind')}
          data={kinds.options}
          value={list.filters.kind || null}
          onChange={(value) => list.setFilter('kind', value)}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          placeholder={t('filters.status')}
          aria-label={t('filters.status')}
          data={accommodationStatusCodes.map((code) => ({ value: code, label: ta(`statusLabel.${code}`) }))}
          value={list.filters.status || null}
          onChange={(value) => list.setFilter('status', value)}
          clearable
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          placeholder={t('filters.compliance')}
          aria-label={t('filters.compliance')}
          data={complianceFilterCodes.map((code) => ({ value: code, label: t(`complianceFilter.${code}`) }))}
          value={list.filters.compliance || null}
          onChange={(value) => list.setFilter('compliance', value)}
          clearable
          w={{ base: '100%', sm: 260 }}
          data-testid="compliance-filter-state"
        />
        <Select
          aria-label={t('filters.sort')}
          data={complianceSortCodes.map((code) => ({ value: code, label: t(`sort.${code}`) }))}
          value={list.filters.sort || 'missingCheckOuts'}
          onChange={(value) => list.setFilter('sort', value)}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          aria-label={t('filters.sort')}
          data={(['desc', 'asc'] as const).map((code) => ({ value: code, label: t(`order.${code}`) }))}
          value={list.filters.order || 'desc'}
          onChange={(value) => list.setFilter('order', value)}
          w={{ base: '100%', sm: 140 }}
        />
      </FilterPanel>
      <DataList
        rows={properties.data?.items}
        isPending={properties.isPending}
        error={properties.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('empty')}
        rowKey={(item) => item.id}
        rowHref={(item) => `/compliance/properties/${item.id}`}
        rowTitle={(item) => item.name}
        rowBadge={(item) =>
          item.missingCheckOuts > 0 ? (
            <Badge color={item.openItems > 0 ? 'red' : 'orange'}>{item.missingCheckOuts}</Badge>
          ) : null
        }
        testId="compliance-list"
        rowTestId="compliance-row"
        columns={[
          { key: 'kind', header: t('filters.kind'), render: (item) => kindLabel(item.kind) },
          {
            key: 'area',
            header: t('fields.area'),
            render: (item) => item.village.label.split(', ').slice(0, 2).join(', '),
          },
          {
            key: 'months',
            header: t('fields.reportsPerMonth'),
            render: (item) => (
              <Group gap={6} wrap="nowrap">
                {item.reportsPerMonth.map((m) => (
                  <Text
                    key={m.month}
                    size="xs"
                    c={m.reports === 0 ? 'dimmed' : undefined}
                    title={monthLabel(m.month, format.locale)}
                  >
                    {m.reports}
                  </Text>
                ))}
              </Group>
            ),
          },
          {
            key: 'late',
            header: t('fields.lateRate'),
            render: (item) => percent(item.lateRate, format.locale),
          },
          {
            key: 'missing',
            header: t('fields.missingCheckOuts'),
            render: (item) => `${item.missingCheckOuts}${item.openItems > 0 ? ` (${item.openItems})` : ''}`,
          },
          {
            key: 'last',
            header: t('fields.lastReport'),
            render: (item) => (item.lastReportAt ? format.dateTime(item.lastReportAt) : t('none')),
          },
        ]}
      />
      <ListFooter total={properties.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
