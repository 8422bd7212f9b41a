// The register of foreigners: one search box (a name despite typos, a document or permit number), filters by area,
// nationality, permit type, status and sponsor. Searching orders by relevance and says what matched.
import { Alert, Button, Group, Select, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type PermitType,
  type PersonListItem,
  permitTypeCodes,
  personStatusCodes,
} from '../../../../contracts/persons';
import { AreaPicker } from '../../../components/area-picker';
import { DataList } from '../../../components/data-list';
import { FilterPanel } from '../../../components/filter-panel';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { PersonStatusBadge } from '../../../components/person-status-badge';
import { SearchInput } from '../../../components/search-input';
import { useCodeLabel, useCodeOptions } from '../../../lib/api/use-code-table';
import { API_BASE, toQueryString } from '../../../lib/api-client';
import { can } from '../../../lib/permissions';
import { personDisplayName } from '../../../lib/person-name';
import { areaShortName } from '../../../lib/regions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { usePersons } from '../api/use-persons';
import { CountrySelect } from '../components/country-select';
import { SponsorSelect } from '../components/sponsor-select';
import { formatPartialDate } from '../utils/partial-date';

const isPermitType = (value: string): value is PermitType => (permitTypeCodes as readonly string[]).includes(value);
const isStatus = (value: string): value is (typeof personStatusCodes)[number] =>
  (personStatusCodes as readonly string[]).includes(value);

const isSex = (value: string | null): value is 'M' | 'F' | 'X' => value === 'M' || value === 'F' || value === 'X';

/** A cell with a second, quieter line (the date under the number). */
function TwoLines({ first, second }: { first: string; second: string | null }) {
  return (
    <>
      <Text size="sm" span style={{ display: 'block' }}>
        {first}
      </Text>
      {second && (
        <Text size="xs" c="dimmed" span style={{ display: 'block' }}>
          {second}
        </Text>
      )}
    </>
  );
}

function MatchNote({ match }: { match: NonNullable<PersonListItem['match']> }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  return (
    <Text size="xs" c="dimmed" data-testid="register-match">
      {match.via === 'name'
        ? t('list.matchName', { text: match.text, score: format.number(Math.round(match.score * 100)) })
        : t(`list.match.${match.via}`, { text: match.text })}
    </Text>
  );
}

export function RegisterPage() {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const format = useFormat();
  // On a phone the status is the card's badge; on a desk it has its own column, so names keep their width.
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const list = useListState(['region', 'nationality', 'permitType', 'status', 'sponsor'] as const);
  const country = useCodeLabel('countries');
  const permitTypes = useCodeOptions('permit-types');
  const { filters } = list;
  const persons = usePersons({
    q: list.q,
    region: filters.region,
    nationality: filters.nationality,
    permitType: isPermitType(filters.permitType) ? filters.permitType : '',
    status: isStatus(filters.status) ? filters.status : '',
    sponsorId: filters.sponsor,
    limit: list.limit,
    offset: list.offset,
  });
  // The export takes the list's search and filters, not its page.
  const exportFilters = {
    q: list.q,
    region: filters.region,
    nationality: filters.nationality,
    permitType: filters.permitType,
    status: filters.status,
    sponsorId: filters.sponsor,
  };
  const activeCount = [filters.region, filters.nationality, filters.permitType, filters.status, filters.sponsor].filter(
    Boolean,
  ).length;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Group gap="xs">
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                variant="default"
                href={`${API_BASE}/persons/export${toQueryString({ ...exportFilters, format })}`}
                leftSection={<IconDownload size={16} />}
                data-testid={`register-export-${format}`}
              >
                {t(`export.${format}`)}
              </Button>
            ))}
            {can(me, 'persons.write') && (
              <Button
                component={Link}
                to="/register/import"
                variant="default"
                leftSection={<IconFileImport size={16} />}
                data-testid="register-import"
              >
                {t('import')}
              </Button>
            )}
            {can(me, 'persons.write') && (
              <Button
                component={Link}
                to="/register/new"
                leftSection={<IconPlus size={16} />}
                data-testid="person-create"
              >
                {t('add')}
              </Button>
            )}
          </Group>
        }
      />
      <FilterPanel
        activeCount={activeCount}
        search={
          <SearchInput
            value={list.q}
            onChange={list.setQ}
            placeholder={t('searchPlaceholder')}
            data-testid="register-search"
          />
        }
        footer={
          list.q ? (
            <Text size="xs" c="dimmed">
              {t('list.relevance')}
            </Text>
          ) : null
        }
      >
        <AreaPicker
          placeholder={t('filters.region')}
          value={filters.region || null}
          onChange={(code) => list.setFilter('region', code)}
          clearable
          w={{ base: '100%', sm: 260 }}
          data-testid="register-filter-region"
        />
        <CountrySelect
          placeholder={t('filters.nationality')}
          aria-label={t('filters.nationality')}
          value={filters.nationality}
          onChange={(code) => list.setFilter('nationality', code || null)}
          w={{ base: '100%', sm: 200 }}
          data-testid="register-filter-nationality"
        />
        <Select
          placeholder={t('filters.permitType')}
          aria-label={t('filters.permitType')}
          data={permitTypes.options}
          value={filters.permitType || null}
          onChange={(value) => list.setFilter('permitType', value)}
          clearable
          w={{ base: '100%', sm: 200 }}
          data-testid="register-filter-permit-type"
        />
        <Select
          placeholder={t('filters.status')}
          aria-label={t('filters.status')}
          data={personStatusCodes.map((code) => ({ value: code, label: tc(`personStatus.${code}`) }))}
          value={filters.status || null}
          onChange={(value) => list.setFilter('status', value)}
          clearable
          w={{ base: '100%', sm: 180 }}
          data-testid="register-filter-status"
        />
        <SponsorSelect
          placeholder={t('filters.sponsor')}
          aria-label={t('filters.sponsor')}
          value={filters.sponsor || null}
          onChange={(value) => list.setFilter('sponsor', value)}
          clearable
          w={{ base: '100%', sm: 240 }}
          data-testid="register-filter-sponsor"
        />
      </FilterPanel>
      {list.q && persons.data?.capped && (
        <Alert color="yellow" variant="light" mb="sm" data-testid="register-capped">
          {t('list.capped', { total: format.number(persons.data.total) })}
        </Alert>
      )}
      <DataList
        rows={persons.data?.items}
        isPending={persons.isPending}
        error={persons.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('empty')}
        rowKey={(person) => person.id}
        rowHref={(person) => `/register/${person.id}`}
        rowTitle={(person) => personDisplayName(person)}
        rowBadge={isPhone ? (person) => <PersonStatusBadge status={person.status} size="sm" /> : undefined}
        testId="register-list"
        rowTestId="register-row"
        columns={[
          ...(isPhone
            ? []
            : [
                {
                  key: 'status',
                  header: t('list.columns.status'),
                  width: 250,
                  render: (person: PersonListItem) => <PersonStatusBadge status={person.status} size="sm" />,
                },
              ]),
          ...(list.q
            ? [
                {
                  key: 'match',
                  header: t('list.columns.match'),
                  render: (person: PersonListItem) => (person.match ? <MatchNote match={person.match} /> : null),
                },
              ]
            : []),
          {
            key: 'nationality',
            header: t('list.columns.person'),
            render: (person) => (
              <TwoLines
                first={country(person.nationality)}
                second={[
                  formatPartialDate(person.birthDate, format.locale),
                  isSex(person.sex) ? t(`sexShort.${person.sex}`) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ),
          },
          {
            key: 'document',
            header: t('list.columns.document'),
            render: (person) =>
              person.document ? (
                <TwoLines
                  first={`${person.document.number} (${person.document.issuingState})`}
                  second={
                    person.document.expiryDate
                      ? t('list.until', { date: format.date(person.document.expiryDate) })
                      : null
                  }
                />
              ) : null,
          },
          {
            key: 'permit',
            header: t('list.columns.permit'),
            render: (person) =>
              person.permit ? (
                <TwoLines
                  first={person.permit.type}
                  second={
                    person.permit.validUntil ? t('list.until', { date: format.date(person.permit.validUntil) }) : null
                  }
                />
              ) : null,
          },
          {
            key: 'area',
            header: t('list.columns.area'),
            render: (person) =>
              person.region ? (
                <Text size="sm" title={person.region.label} span>
                  {areaShortName(person.region)}
                </Text>
              ) : null,
          },
          {
            key: 'sponsor',
            header: t('list.columns.sponsor'),
            render: (person) => person.sponsor?.name ?? null,
          },
        ]}
      />
      <ListFooter total={persons.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
