import { Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useCreateOffice } from '../api/use-create-office';
import { OfficeForm } from '../components/office-form';

export function OfficeCreatePage() {
  const { t } = useTranslation('offices');
  const { t: tc } = useTranslation();
  const create = useCreateOffice();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('newTitle')}
        description={t('newDescription')}
        back={{ to: '/admin/offices', label: t('back') }}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={860}>
        <OfficeForm
          submitLabel={t('create')}
          onCancel={() => void navigate('/admin/offices')}
          onSubmit={async (values) => {
            const office = await create.mutateAsync(values);
            notifications.show({ color: 'green', message: tc('notify.created') });
            void navigate(`/admin/offices/${office.id}`, { replace: true });
          }}
        />
      </Paper>
    </>
  );
}
