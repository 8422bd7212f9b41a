import { Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useCreateAgency } from '../api/use-create-agency';
import { AgencyForm } from '../components/agency-form';

export function AgencyCreatePage() {
  const { t } = useTranslation('agencies');
  const { t: tc } = useTranslation();
  const create = useCreateAgency();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('newTitle')}
        description={t('newDescription')}
        back={{ to: '/admin/agencies', label: t('back') }}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={860}>
        <AgencyForm
          submitLabel={t('create')}
          onCancel={() => void navigate('/admin/agencies')}
          onSubmit={async (values) => {
            const agency = await create.mutateAsync(values);
            notifications.show({ color: 'green', message: tc('notify.created') });
            void navigate(`/admin/agencies/${agency.id}`, { replace: true });
          }}
        />
      </Paper>
    </>
  );
}
