import { Alert, Group, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ArchiveButton, ArchivedNotice } from '../../../components/archive-section';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ArchivedBadge } from '../../../components/status-badge';
import { can } from '../../../lib/permissions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useAgency } from '../api/use-agency';
import { useArchiveAgency } from '../api/use-archive-agency';
import { useUnarchiveAgency } from '../api/use-unarchive-agency';
import { useUpdateAgency } from '../api/use-update-agency';
import { AgencyForm } from '../components/agency-form';

export function AgencyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('agencies');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const agency = useAgency(id);
  const update = useUpdateAgency(id);
  const archive = useArchiveAgency(id);
  const unarchive = useUnarchiveAgency(id);
  const canManage = can(me, 'agencies.manage');
  const back = { to: '/admin/agencies', label: t('back') };

  if (agency.isPending) {
    return <PageLoader />;
  }
  if (agency.error) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        <ErrorAlert error={agency.error} />
      </>
    );
  }
  const item = agency.data;
  const readOnly = !canManage || item.archivedAt !== null;
  return (
    <>
      <PageHeader title={item.name} back={back} badge={<ArchivedBadge archivedAt={item.archivedAt} />} />
      <Stack gap="md" maw={860}>
        {!canManage && <Alert color="gray">{t('readOnly')}</Alert>}
        <ArchivedNotice
          archivedAt={item.archivedAt}
          unarchive={unarchive}
          message={t('unarchiveMessage')}
          canManage={canManage}
        />
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <AgencyForm
            key={`${item.id}-${item.updatedAt}`}
            agency={item}
            readOnly={readOnly}
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
    </>
  );
}
