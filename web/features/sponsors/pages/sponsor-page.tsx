// A sponsor's page: the foreigners it is responsible for, each with their status (filterable), then its details,
// editable with sponsors.write, and archiving.
import { Alert, Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type PersonStatusCode, personStatusCodes } from '../../../../contracts/persons';
import { ArchiveButton, ArchivedNotice } from '../../../components/archive-section';
import { DataList } from '../../../components/data-list';
import { ErrorAlert } from '../../../components/error-alert';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { PersonStatusBadge } from '../../../components/person-status-badge';
import { ArchivedBadge } from '../../../components/status-badge';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { can } from '../../../lib/permissions';
import { personDisplayName } from '../../../lib/person-name';
import { areaShortName } from '../../../lib/regions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useArchiveSponsor } from '../api/use-archive-sponsor';
import { useSponsor } from '../api/use-sponsor';
import { useSponsorPersons } from '../api/use-sponsor-persons';
import { useUnarchiveSponsor } from '../api/use-unarchive-sponsor';
import { useUpdateSponsor } from '../api/use-update-sponsor';
import { SponsorForm } from '../components/sponsor-form';

const isStatus = (value: string): value is PersonStatusCode => (personStatusCodes as readonly string[]).includes(value);

function SponsorPersons({ sponsorId }: { sponsorId: string }) {
  const { t } = useTranslation('sponsors');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const format = useFormat();
  const country = useCodeLabel('countries');
  const list = useListState(['status'] as const);
  const canRead = can(me, 'persons.read');
  const persons = useSponsorPersons(
    sponsorId,
    {
      status: isStatus(list.filters.status) ? list.filters.status : '',
      limit: list.limit,
      offset: list.offset,
    },
    canRead,
  );
  if (!canRead) {
    return null;
  }
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" data-testid="sponsor-persons">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="lg">
          {t('persons.title')}
        </Title>
        <Select
          placeholder={t('persons.status')}
          aria-label={t('persons.status')}
          data={personStatusCodes.map((code) => ({ value: code, label: tc(`personStatus.${code}`) }))}
          value={list.filters.status || null}
          onChange={(value) => list.setFilter('status', value)}
          clearable
          w={{ base: '100%', sm: 220 }}
          data-testid="sponsor-persons-status"
        />
      </Group>
      <DataList
        rows={persons.data?.items}
        isPending={persons.isPending}
        error={persons.error}
        emptyText={list.hasFilters ? tc('list.noResults') : t('persons.empty')}
        rowKey={(person) => person.id}
        rowHref={(person) => `/register/${person.id}`}
        rowTitle={(person) => personDisplayName(person)}
        rowBadge={(person) => <PersonStatusBadge status={person.status} size="sm" />}
        testId="sponsor-persons-list"
        rowTestId="sponsor-person-row"
        columns={[
          { key: 'nationality', header: t('persons.nationality'), render: (person) => country(person.nationality) },
          {
            key: 'permit',
            header: t('persons.permit'),
            render: (person) =>
              person.permit
                ? [
                    person.permit.type,
                    person.permit.validUntil
                      ? t('persons.until', { date: format.date(person.permit.validUntil) })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : '',
          },
          {
            key: 'document',
            header: t('persons.document'),
            render: (person) => (person.document ? `${person.document.number} (${person.document.issuingState})` : ''),
          },
          {
            key: 'area',
            header: t('persons.area'),
            render: (person) => (person.region ? areaShortName(person.region) : ''),
          },
        ]}
      />
      <ListFooter total={persons.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </Paper>
  );
}

export function SponsorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('sponsors');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const sponsor = useSponsor(id);
  const update = useUpdateSponsor(id);
  const archive = useArchiveSponsor(id);
  const unarchive = useUnarchiveSponsor(id);
  const canManage = can(me, 'sponsors.write');
  const back = { to: '/register/sponsors', label: t('back') };

  if (sponsor.isPending) {
    return <PageLoader />;
  }
  if (sponsor.error) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        <ErrorAlert error={sponsor.error} />
      </>
    );
  }
  const item = sponsor.data;
  const readOnly = !canManage || item.archivedAt !== null;
  return (
    <>
      <PageHeader
        title={item.name}
        description={[item.registrationNo, item.region?.label].filter(Boolean).join(' · ') || undefined}
        back={back}
        badge={
          <Group gap={6}>
            <Badge variant="light" color={item.kind === 'company' ? 'pora' : 'teal'} tt="none">
              {t(`kind.${item.kind}`)}
            </Badge>
            <ArchivedBadge archivedAt={item.archivedAt} />
          </Group>
        }
      />
      <Stack gap="md" maw={1100}>
        <ArchivedNotice
          archivedAt={item.archivedAt}
          unarchive={unarchive}
          message={t('unarchiveMessage')}
          canManage={canManage}
        />
        <SponsorPersons sponsorId={item.id} />
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <Title order={2} fz="lg" mb="sm">
            {t('details')}
          </Title>
          {!canManage && (
            <Alert color="gray" mb="sm">
              {t('readOnly')}
            </Alert>
          )}
          <SponsorForm
            key={`${item.id}-${item.updatedAt}`}
            sponsor={item}
            readOnly={readOnly}
            submitLabel={tc('actions.saveChanges')}
            onSubmit={async (values) => {
              await update.mutateAsync(values);
              notifications.show({ color: 'green', message: tc('notify.saved') });
            }}
          />
          <Text size="xs" c="dimmed" mt="sm">
            {t('personCount', { count: item.personCount })}
          </Text>
        </Paper>
        {canManage && !item.archivedAt && (
          <Group>
            <ArchiveButton archive={archive} message={t('archiveMessage')} />
          </Group>
        )}
      </Stack>
    </>
  );
}
