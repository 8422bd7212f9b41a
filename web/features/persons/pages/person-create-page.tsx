import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useCreatePerson } from '../api/use-create-person';
import { PersonCreateForm } from '../components/person-create-form';

export function PersonCreatePage() {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const create = useCreatePerson();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('newTitle')}
        description={t('newDescription')}
        back={{ to: '/register', label: t('back') }}
      />
      <PersonCreateForm
        onCancel={() => void navigate('/register')}
        onSubmit={async (body) => {
          const person = await create.mutateAsync(body);
          notifications.show({ color: 'green', message: tc('notify.created') });
          void navigate(`/register/${person.id}`, { replace: true });
          return person;
        }}
      />
    </>
  );
}
