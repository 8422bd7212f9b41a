import { Button, Select, Switch } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AreaPicker } from '../../../components/area-picker';
import { DataList } from '../../../components/data-list';
import { FilterPanel } from '../../../components/filter-panel';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { ArchivedBadge } from '../../../components/status-badge';
import { useCodeLabel, useCodeOptions } from '../../../lib/api/use-code-table';
import { can } from '../../../lib/permissions';
import { areaShortName } from '../../../lib/regions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useListState } from '../../../lib/use-list-state';
import { useAgencies } from '../api/use-agencies';

export function AgenciesPage() {
  const { t } = useTranslation('agencies');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const list = useListState(['kind', 'region', 'archived'] as const);
  const kinds = useCodeOptions('agency-kinds');
  const kindLabel = useCodeLabel('agency-kinds');
  const agencies = useAgencies({
    q: list.q,
    kind: list.filters.kind,
    region: list.filters.region,
    includeArchived: list.filters.archived === '1',
    limit: list.limit,
    offset: list.offset,
  });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          can(me, 'agencies.manage') && (
            <Button
              component={Link}
              to="/admin/agencies/new"
              leftSection={<IconPlus size={16} />}
              data-testid="agency-create"
            >
              {t('add')}
            </Button>
          )
        }
      />
      <FilterPanel
        activeCount={[list.filters.kind, list.filters.region, list.filters.archived].filter(Boolean).length}
        search={
          <SearchInput
            value={list.q}
            onChange={list.setQ}
            placeholder={t('searchPlaceholder')}
            data-testid="agencies-search"
          />
        }
        footer={
          <Switch
            label={t('showArchived')}
            checked={list.filters.archived === '1'}
            onChange={(event) => list.setFilter('archived', event.currentTarget.checked ? '1' : null)}
          />
        }
      >
        <Select
          placeholder={t('filterKind')}
          aria-label={t('filterKind')}
          data={kinds.options}
          value={list.filters.kind || null}
          onChange={(value) => list.setFilter('kind', value)}
          clearable
          searchable
          w={{ base: '100%', sm: 240 }}
        />
        <AreaPicker
          placeholder={t('filterRegion')}
          value={list.filters.region || null}
          onChange={(code) => list.setFilter('region', code)}
          clearable
          w={{ base: '100%', sm: 280 }}
        />
      </FilterPanel>
      <DataList
        rows={agencies.data?.items}
        isPending={agencies.isPending}
        error={agencies.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('empty')}
        rowKey={(agency) => agency.id}
        rowHref={(agency) => `/admin/agencies/${agency.id}`}
        rowTitle={(agency) => agency.name}
        rowBadge={(agency) => <ArchivedBadge archivedAt={agency.archivedAt} />}
        testId="agencies-list"
        rowTestId="agency-row"
        columns={[
          { key: 'kind', header: t('fields.kind'), render: (agency) => kindLabel(agency.kind) },
          { key: 'region', header: t('fields.region'), render: (agency) => areaShortName(agency.region) },
          {
            key: 'contact',
            header: t('fields.contact'),
            render: (agency) => [agency.phone, agency.email].filter(Boolean).join(' · '),
          },
        ]}
      />
      <ListFooter total={agencies.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
