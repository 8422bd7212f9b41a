import { Alert, Group, Paper, Stack, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ArchiveButton, ArchivedNotice } from '../../../components/archive-section';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ArchivedBadge } from '../../../components/status-badge';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { can } from '../../../lib/permissions';
import { areaShortName } from '../../../lib/regions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useArchiveTeam } from '../api/use-archive-team';
import { useTeam } from '../api/use-team';
import { useUnarchiveTeam } from '../api/use-unarchive-team';
import { useUpdateTeam } from '../api/use-update-team';
import { TeamForm } from '../components/team-form';
import { TeamMembers } from '../components/team-members';

export function TeamPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('teams');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const levelLabel = useCodeLabel('team-levels');
  const [params, setParams] = useSearchParams();
  const team = useTeam(id);
  const update = useUpdateTeam(id);
  const archive = useArchiveTeam(id);
  const unarchive = useUnarchiveTeam(id);
  const canManage = can(me, 'teams.manage');
  const back = { to: '/admin/teams', label: t('back') };
  const tab = params.get('tab') === 'details' ? 'details' : 'members';

  if (team.isPending) {
    return <PageLoader />;
  }
  if (team.error) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        <ErrorAlert error={team.error} />
      </>
    );
  }
  const item = team.data;
  return (
    <>
      <PageHeader
        title={item.name}
        description={`${levelLabel(item.level)} · ${areaShortName(item.region)}`}
        back={back}
        badge={<ArchivedBadge archivedAt={item.archivedAt} />}
      />
      <Stack gap="md" maw={1000}>
        <ArchivedNotice
          archivedAt={item.archivedAt}
          unarchive={unarchive}
          message={t('unarchiveMessage')}
          canManage={canManage}
        />
        <Tabs
          value={tab}
          onChange={(value) => setParams(value === 'details' ? { tab: 'details' } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="members" data-testid="team-tab-members">
              {t('tabs.members')}
            </Tabs.Tab>
            <Tabs.Tab value="details" data-testid="team-tab-details">
              {t('tabs.details')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="members" pt="md">
            <TeamMembers team={item} canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="details" pt="md">
            <Stack gap="md">
              {!canManage && <Alert color="gray">{t('readOnly')}</Alert>}
              <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
                <TeamForm
                  key={`${item.id}-${item.updatedAt}`}
                  team={item}
                  readOnly={!canManage || item.archivedAt !== null}
                  submitLabel={tc('actions.saveChanges')}
                  onSubmit={async (values) => {
                    await update.mutateAsync(values);
                    notifications.show({ color: 'green', message: tc('notify.saved') });
                  }}
                />
              </Paper>
              {canManage && !item.archivedAt && (
                <Group>
                  <ArchiveButton archive={archive} message={t('archiveMessage')} />
                </Group>
              )}
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
