import { Badge, Button, Group, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AgencySelect } from '../../../components/agency-select';
import { DataList } from '../../../components/data-list';
import { FilterPanel } from '../../../components/filter-panel';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useCodeLabel, useCodeOptions } from '../../../lib/api/use-code-table';
import { can } from '../../../lib/permissions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useUsers } from '../api/use-users';
import { UserStatusBadge } from '../components/user-status-badge';

export function UsersPage() {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const format = useFormat();
  const list = useListState(['agencyId', 'role', 'status'] as const);
  const roles = useCodeOptions('roles');
  const roleLabel = useCodeLabel('roles');
  const users = useUsers({
    q: list.q,
    agencyId: list.filters.agencyId,
    role: list.filters.role,
    status: list.filters.status,
    limit: list.limit,
    offset: list.offset,
  });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          can(me, 'users.manage') && (
            <Button
              component={Link}
              to="/admin/users/new"
              leftSection={<IconPlus size={16} />}
              data-testid="user-create"
            >
              {t('add')}
            </Button>
          )
        }
      />
      <FilterPanel
        activeCount={[list.filters.agencyId, list.filters.role, list.filters.status].filter(Boolean).length}
        search={
          <SearchInput
            value={list.q}
            onChange={list.setQ}
            placeholder={t('searchPlaceholder')}
            data-testid="users-search"
          />
        }
      >
        <AgencySelect
          placeholder={t('fields.agency')}
          aria-label={t('fields.agency')}
          value={list.filters.agencyId || null}
          onChange={(value) => list.setFilter('agencyId', value)}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          placeholder={t('fields.role')}
          aria-label={t('fields.role')}
          data={roles.options}
          value={list.filters.role || null}
          onChange={(value) => list.setFilter('role', value)}
          clearable
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          placeholder={t('fields.status')}
          aria-label={t('fields.status')}
          data={[
            { value: 'active', label: t('status.active') },
            { value: 'disabled', label: t('status.disabled') },
            { value: 'archived', label: t('status.archived') },
          ]}
          value={list.filters.status || null}
          onChange={(value) => list.setFilter('status', value)}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
      </FilterPanel>
      <DataList
        rows={users.data?.items}
        isPending={users.isPending}
        error={users.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('empty')}
        rowKey={(user) => user.id}
        rowHref={(user) => `/admin/users/${user.id}`}
        rowTitle={(user) => user.name}
        rowBadge={(user) => (user.status === 'active' ? null : <UserStatusBadge status={user.status} />)}
        testId="users-list"
        rowTestId="user-row"
        columns={[
          { key: 'email', header: t('fields.email'), render: (user) => user.email },
          { key: 'agency', header: t('fields.agency'), render: (user) => user.agency.name },
          {
            key: 'roles',
            header: t('fields.roles'),
            render: (user) => (
              <Group gap={4}>
                {user.roles.map((role) => (
                  <Badge key={role} variant="light" size="sm" tt="none" maw="100%">
                    {roleLabel(role)}
                  </Badge>
                ))}
              </Group>
            ),
          },
          {
            key: 'lastLogin',
            header: t('fields.lastLogin'),
            render: (user) => (user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('never')),
          },
        ]}
      />
      <ListFooter total={users.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
