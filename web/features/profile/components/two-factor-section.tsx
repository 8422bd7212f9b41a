// Two-step sign-in on the profile: switch it on, replace the recovery codes, or switch it off (when the role allows).
import { Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh, IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contracts/auth';
import { RecoveryCodes } from '../../../components/account/recovery-codes';
import { TotpEnrolment } from '../../../components/account/totp-enrolment';
import { useCodeTable } from '../../../lib/api/use-code-table';
import { meQueryKey } from '../../../lib/api/use-me';
import { useDisableTotp } from '../api/use-disable-totp';
import { useRegenerateRecoveryCodes } from '../api/use-regenerate-recovery-codes';
import { PasswordConfirmModal } from './password-confirm-modal';

export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation('profile');
  const queryClient = useQueryClient();
  const roles = useCodeTable('roles');
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const [enrolling, setEnrolling] = useState(false);
  const [disableOpened, disableModal] = useDisclosure(false);
  const [regenerateOpened, regenerateModal] = useDisclosure(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const required = (roles.data?.items ?? []).some(
    (role) => me.roles.includes(role.code as Me['roles'][number]) && role.requiresTotp === true,
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} fz="lg">
          {t('totp.title')}
        </Title>
        {me.totpEnabled ? (
          <Badge color="green" variant="light" leftSection={<IconShieldCheck size={12} />}>
            {t('totp.on')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('totp.off')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('totp.text')}
      </Text>
      {me.totpEnabled ? (
        <>
          {required && <Alert color="blue">{t('totp.required')}</Alert>}
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconRefresh size={16} />}
              onClick={regenerateModal.open}
              data-testid="totp-regenerate"
            >
              {t('totp.regenerate')}
            </Button>
            {!required && (
              <Button
                variant="outline"
                color="red"
                leftSection={<IconShieldOff size={16} />}
                onClick={disableModal.open}
                data-testid="totp-disable"
              >
                {t('totp.disable')}
              </Button>
            )}
          </Group>
        </>
      ) : enrolling ? (
        <TotpEnrolment
          email={me.email}
          onDone={() => {
            setEnrolling(false);
            void queryClient.invalidateQueries({ queryKey: meQueryKey });
          }}
        />
      ) : (
        <Group>
          <Button
            leftSection={<IconShieldCheck size={16} />}
            onClick={() => setEnrolling(true)}
            data-testid="totp-enable"
          >
            {t('totp.enable')}
          </Button>
        </Group>
      )}

      <PasswordConfirmModal
        opened={disableOpened}
        onClose={disableModal.close}
        title={t('totp.disableTitle')}
        description={t('totp.disableText')}
        confirmLabel={t('totp.disable')}
        color="red"
        onConfirm={async (password) => {
          await disable.mutateAsync(password);
          disableModal.close();
          notifications.show({ color: 'green', message: t('totp.disabled') });
        }}
      />
      <PasswordConfirmModal
        opened={regenerateOpened}
        onClose={regenerateModal.close}
        title={t('totp.regenerateTitle')}
        description={t('totp.regenerateText')}
        confirmLabel={t('totp.regenerate')}
        onConfirm={async (password) => {
          const result = await regenerate.mutateAsync(password);
          regenerateModal.close();
          setCodes(result.recoveryCodes);
        }}
      />
      <Modal
        opened={codes !== null}
        onClose={() => setCodes(null)}
        title={<Text fw={600}>{t('totp.newCodes')}</Text>}
        closeOnClickOutside={false}
      >
        {codes && (
          <Stack gap="md">
            <RecoveryCodes codes={codes} email={me.email} />
            <Button onClick={() => setCodes(null)}>{t('totp.codesSaved')}</Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
