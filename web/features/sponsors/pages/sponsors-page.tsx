// Sponsors (penjamin): companies and persons responsible for foreigners, with how many each sponsors.
import { Badge, Button, Select, Switch } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SponsorKind } from '../../../../contracts/sponsors';
import { AreaPicker } from '../../../components/area-picker';
import { DataList } from '../../../components/data-list';
import { FilterPanel } from '../../../components/filter-panel';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { ArchivedBadge } from '../../../components/status-badge';
import { can } from '../../../lib/permissions';
import { areaShortName } from '../../../lib/regions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useSponsors } from '../api/use-sponsors';

const isKind = (value: string): value is SponsorKind => value === 'company' || value === 'person';

export function SponsorsPage() {
  const { t } = useTranslation('sponsors');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const format = useFormat();
  const list = useListState(['kind', 'region', 'archived'] as const);
  const sponsors = useSponsors({
    q: list.q,
    kind: isKind(list.filters.kind) ? list.filters.kind : '',
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
          can(me, 'sponsors.write') && (
            <Button
              component={Link}
              to="/register/sponsors/new"
              leftSection={<IconPlus size={16} />}
              data-testid="sponsor-create"
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
            data-testid="sponsors-search"
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
          placeholder={t('fields.kind')}
          aria-label={t('fields.kind')}
          data={[
            { value: 'company', label: t('kind.company') },
            { value: 'person', label: t('kind.person') },
          ]}
          value={list.filters.kind || null}
          onChange={(value) => list.setFilter('kind', value)}
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
        rows={sponsors.data?.items}
        isPending={sponsors.isPending}
        error={sponsors.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('empty')}
        rowKey={(sponsor) => sponsor.id}
        rowHref={(sponsor) => `/register/sponsors/${sponsor.id}`}
        rowTitle={(sponsor) => sponsor.name}
        rowBadge={(sponsor) => <ArchivedBadge archivedAt={sponsor.archivedAt} />}
        testId="sponsors-list"
        rowTestId="sponsor-row"
        columns={[
          {
            key: 'kind',
            header: t('fields.kind'),
            render: (sponsor) => (
              <Badge variant="light" color={sponsor.kind === 'company' ? 'pora' : 'teal'} tt="none">
                {t(`kind.${sponsor.kind}`)}
              </Badge>
            ),
          },
          {
            key: 'registrationNo',
            header: t('fields.registration'),
            render: (sponsor) => sponsor.registrationNo ?? '',
          },
          {
            key: 'region',
            header: t('fields.region'),
            render: (sponsor) => (sponsor.region ? areaShortName(sponsor.region) : ''),
          },
          {
            key: 'contact',
            header: t('fields.contact'),
            render: (sponsor) => [sponsor.contactPerson, sponsor.phone, sponsor.email].filter(Boolean).join(' · '),
          },
          {
            key: 'persons',
            header: t('fields.personCount'),
            render: (sponsor) => format.number(sponsor.personCount),
          },
        ]}
      />
      <ListFooter total={sponsors.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
