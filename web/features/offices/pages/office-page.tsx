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
import { useArchiveOffice } from '../api/use-archive-office';
import { useOffice } from '../api/use-office';
import { useUnarchiveOffice } from '../api/use-unarchive-office';
import { useUpdateOffice } from '../api/use-update-office';
import { OfficeForm } from '../components/office-form';

export function OfficePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('offices');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const office = useOffice(id);
  const update = useUpdateOffice(id);
  const archive = useArchiveOffice(id);
  const unarchive = useUnarchiveOffice(id);
  const canManage = can(me, 'offices.manage');
  const back = { to: '/admin/offices', label: t('back') };

  if (office.isPending) {
    return <PageLoader />;
  }
  if (office.error) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        <ErrorAlert error={office.error} />
      </>
    );
  }
  const item = office.data;
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
          <OfficeForm
            key={`${item.id}-${item.updatedAt}`}
            office={item}
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
    </>
  );
}
