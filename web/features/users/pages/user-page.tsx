import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ArchiveButton, ArchivedNotice } from '../../../components/archive-section';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { can } from '../../../lib/permissions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useFormat } from '../../../lib/use-format';
import { useArchiveUser } from '../api/use-archive-user';
import { useResetUserPassword } from '../api/use-reset-user-password';
import { useResetUserTotp } from '../api/use-reset-user-totp';
import { useUnarchiveUser } from '../api/use-unarchive-user';
import { useUpdateUser } from '../api/use-update-user';
import { useUser } from '../api/use-user';
import { OneTimePasswordModal } from '../components/one-time-password-modal';
import { UserEditForm } from '../components/user-edit-form';
import { UserStatusBadge } from '../components/user-status-badge';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

export function UserPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const format = useFormat();
  const user = useUser(id);
  const update = useUpdateUser(id);
  const archive = useArchiveUser(id);
  const unarchive = useUnarchiveUser(id);
  const resetPassword = useResetUserPassword(id);
  const resetTotp = useResetUserTotp(id);
  const [passwordDialog, passwordDialogControl] = useDisclosure(false);
  const [totpDialog, totpDialogControl] = useDisclosure(false);
  const [newPassword, setNewPassword] = useState<{ email: string; password: string } | null>(null);
  const back = { to: '/admin/users', label: t('back') };

  if (user.isPending) {
    return <PageLoader />;
  }
  if (user.error) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        <ErrorAlert error={user.error} />
      </>
    );
  }
  const item = user.data;
  const isSelf = item.id === me.id;
  const canManage = can(me, 'users.manage') && !isSelf;
  const archived = item.status === 'archived';

  return (
    <>
      <PageHeader
        title={item.name}
        description={item.email}
        back={back}
        badge={<UserStatusBadge status={item.status} />}
      />
      <Stack gap="md" maw={860}>
        {isSelf && <Alert color="blue">{t('self')}</Alert>}
        <ArchivedNotice
          archivedAt={archived ? item.updatedAt : null}
          unarchive={unarchive}
          message={t('unarchiveMessage')}
          canManage={canManage}
        />
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Fact label={t('fields.totp')} value={item.totpEnabled ? t('totpOn') : t('totpOff')} />
            <Fact
              label={t('fields.password')}
              value={item.mustChangePassword ? t('passwordTemporary') : t('passwordSet')}
            />
            <Fact
              label={t('fields.lastLogin')}
              value={item.lastLoginAt ? format.dateTime(item.lastLoginAt) : t('never')}
            />
            <Fact label={tc('fields.createdAt')} value={format.dateTime(item.createdAt)} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <UserEditForm
            key={`${item.id}-${item.updatedAt}`}
            user={item}
            readOnly={!canManage || archived}
            onSubmit={async (values) => {
              await update.mutateAsync(values);
              notifications.show({ color: 'green', message: tc('notify.saved') });
            }}
          />
        </Paper>
        {canManage && !archived && (
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
            <Title order={2} fz="md" mb="xs">
              {t('access.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('access.text')}
            </Text>
            <Group gap="xs">
              <Button
                variant="light"
                leftSection={<IconKey size={16} />}
                onClick={passwordDialogControl.open}
                data-testid="user-reset-password"
              >
                {t('access.resetPassword')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconShieldOff size={16} />}
                onClick={totpDialogControl.open}
                disabled={!item.totpEnabled}
                data-testid="user-reset-totp"
              >
                {t('access.resetTotp')}
              </Button>
              <ArchiveButton archive={archive} message={t('archiveMessage')} />
            </Group>
          </Paper>
        )}
      </Stack>

      <ConfirmDialog
        opened={passwordDialog}
        onClose={() => {
          resetPassword.reset();
          passwordDialogControl.close();
        }}
        title={t('access.resetPasswordTitle')}
        message={t('access.resetPasswordMessage', { name: item.name })}
        confirmLabel={t('access.resetPassword')}
        loading={resetPassword.isPending}
        error={resetPassword.error}
        onConfirm={() =>
          resetPassword.mutate(undefined, {
            onSuccess: (result) => {
              passwordDialogControl.close();
              setNewPassword({ email: result.user.email, password: result.oneTimePassword });
            },
          })
        }
      />
      <ConfirmDialog
        opened={totpDialog}
        onClose={() => {
          resetTotp.reset();
          totpDialogControl.close();
        }}
        title={t('access.resetTotpTitle')}
        message={t('access.resetTotpMessage', { name: item.name })}
        confirmLabel={t('access.resetTotp')}
        loading={resetTotp.isPending}
        error={resetTotp.error}
        onConfirm={() =>
          resetTotp.mutate(undefined, {
            onSuccess: () => {
              totpDialogControl.close();
              notifications.show({ color: 'green', message: t('access.totpReset') });
            },
          })
        }
      />
      <OneTimePasswordModal title={t('otp.resetTitle')} result={newPassword} onClose={() => setNewPassword(null)} />
    </>
  );
}
