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
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useTeams } from '../api/use-teams';

export function TeamsPage() {
  const { t } = useTranslation('teams');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const format = useFormat();
  const list = useListState(['level', 'region', 'archived'] as const);
  const levels = useCodeOptions('team-levels');
  const levelLabel = useCodeLabel('team-levels');
  const teams = useTeams({
    q: list.q,
    level: list.filters.level,
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
          can(me, 'teams.manage') && (
            <Button
              component={Link}
              to="/admin/teams/new"
              leftSection={<IconPlus size={16} />}
              data-testid="team-create"
            >
              {t('add')}
            </Button>
          )
        }
      />
      <FilterPanel
        activeCount={[list.filters.level, list.filters.region, list.filters.archived].filter(Boolean).length}
        search={
          <SearchInput
            value={list.q}
            onChange={list.setQ}
            placeholder={t('searchPlaceholder')}
            data-testid="teams-search"
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
          placeholder={t('fields.level')}
          aria-label={t('fields.level')}
          data={levels.options}
          value={list.filters.level || null}
          onChange={(value) => list.setFilter('level', value)}
          clearable
          w={{ base: '100%', sm: 200 }}
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
        rows={teams.data?.items}
        isPending={teams.isPending}
        error={teams.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('empty')}
        rowKey={(team) => team.id}
        rowHref={(team) => `/admin/teams/${team.id}`}
        rowTitle={(team) => team.name}
        rowBadge={(team) => <ArchivedBadge archivedAt={team.archivedAt} />}
        testId="teams-list"
        rowTestId="team-row"
        columns={[
          { key: 'level', header: t('fields.level'), render: (team) => levelLabel(team.level) },
          { key: 'region', header: t('fields.region'), render: (team) => areaShortName(team.region) },
          {
            key: 'decree',
            header: t('fields.decree'),
            render: (team) => [team.decreeNumber, format.date(team.decreeDate)].filter(Boolean).join(' · '),
          },
          { key: 'members', header: t('fields.memberCount'), render: (team) => format.number(team.memberCount) },
        ]}
      />
      <ListFooter total={teams.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
