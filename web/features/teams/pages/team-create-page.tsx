import { Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useCreateTeam } from '../api/use-create-team';
import { TeamForm } from '../components/team-form';

export function TeamCreatePage() {
  const { t } = useTranslation('teams');
  const { t: tc } = useTranslation();
  const create = useCreateTeam();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('newTitle')}
        description={t('newDescription')}
        back={{ to: '/admin/teams', label: t('back') }}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={860}>
        <TeamForm
          submitLabel={t('create')}
          onCancel={() => void navigate('/admin/teams')}
          onSubmit={async (values) => {
            const team = await create.mutateAsync(values);
            notifications.show({ color: 'green', message: tc('notify.created') });
            void navigate(`/admin/teams/${team.id}`, { replace: true });
          }}
        />
      </Paper>
    </>
  );
}
