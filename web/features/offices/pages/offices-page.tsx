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
import { useOffices } from '../api/use-offices';

export function OfficesPage() {
  const { t } = useTranslation('offices');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const list = useListState(['officeClass', 'region', 'archived'] as const);
  const classes = useCodeOptions('office-classes');
  const classLabel = useCodeLabel('office-classes');
  const offices = useOffices({
    q: list.q,
    officeClass: list.filters.officeClass,
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
          can(me, 'offices.manage') && (
            <Button
              component={Link}
              to="/admin/offices/new"
              leftSection={<IconPlus size={16} />}
              data-testid="office-create"
            >
              {t('add')}
            </Button>
          )
        }
      />
      <FilterPanel
        activeCount={[list.filters.officeClass, list.filters.region, list.filters.archived].filter(Boolean).length}
        search={
          <SearchInput
            value={list.q}
            onChange={list.setQ}
            placeholder={t('searchPlaceholder')}
            data-testid="offices-search"
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
          placeholder={t('fields.officeClass')}
          aria-label={t('fields.officeClass')}
          data={classes.options}
          value={list.filters.officeClass || null}
          onChange={(value) => list.setFilter('officeClass', value)}
          clearable
          w={{ base: '100%', sm: 220 }}
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
        rows={offices.data?.items}
        isPending={offices.isPending}
        error={offices.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('empty')}
        rowKey={(office) => office.id}
        rowHref={(office) => `/admin/offices/${office.id}`}
        rowTitle={(office) => office.name}
        rowBadge={(office) => <ArchivedBadge archivedAt={office.archivedAt} />}
        testId="offices-list"
        rowTestId="office-row"
        columns={[
          { key: 'class', header: t('fields.officeClass'), render: (office) => classLabel(office.officeClass) },
          {
            key: 'area',
            header: t('fields.workingArea'),
            render: (office) => office.workingArea.map(areaShortName).join(', '),
          },
          { key: 'phone', header: t('fields.phone'), render: (office) => office.phone ?? '' },
        ]}
      />
      <ListFooter total={offices.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
