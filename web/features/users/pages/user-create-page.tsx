import { Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UserCreated } from '../../../../contracts/users';
import { PageHeader } from '../../../components/page-header';
import { useCreateUser } from '../api/use-create-user';
import { OneTimePasswordModal } from '../components/one-time-password-modal';
import { UserCreateForm } from '../components/user-create-form';

export function UserCreatePage() {
  const { t } = useTranslation('users');
  const create = useCreateUser();
  const navigate = useNavigate();
  const [created, setCreated] = useState<UserCreated | null>(null);
  return (
    <>
      <PageHeader
        title={t('newTitle')}
        description={t('newDescription')}
        back={{ to: '/admin/users', label: t('back') }}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={860}>
        <UserCreateForm
          onCancel={() => void navigate('/admin/users')}
          onSubmit={async (values) => setCreated(await create.mutateAsync(values))}
        />
      </Paper>
      <OneTimePasswordModal
        title={t('otp.createdTitle')}
        result={created ? { email: created.user.email, password: created.oneTimePassword } : null}
        onClose={() => created && void navigate(`/admin/users/${created.user.id}`, { replace: true })}
      />
    </>
  );
}
