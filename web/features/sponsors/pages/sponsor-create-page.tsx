import { Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useCreateSponsor } from '../api/use-create-sponsor';
import { SponsorForm } from '../components/sponsor-form';

export function SponsorCreatePage() {
  const { t } = useTranslation('sponsors');
  const { t: tc } = useTranslation();
  const create = useCreateSponsor();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('newTitle')}
        description={t('newDescription')}
        back={{ to: '/register/sponsors', label: t('back') }}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={860}>
        <SponsorForm
          submitLabel={t('create')}
          onCancel={() => void navigate('/register/sponsors')}
          onSubmit={async (values) => {
            const sponsor = await create.mutateAsync(values);
            notifications.show({ color: 'green', message: tc('notify.created') });
            void navigate(`/register/sponsors/${sponsor.id}`, { replace: true });
          }}
        />
      </Paper>
    </>
  );
}
