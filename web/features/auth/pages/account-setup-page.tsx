// The steps an account must finish before anything else: a new password (after a one-time password) and, for roles
// that require it, two-step sign-in. The server refuses every other request until both are done.
import { Anchor, Group, Stack, Stepper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ChangePasswordForm } from '../../../components/account/change-password-form';
import { TotpEnrolment } from '../../../components/account/totp-enrolment';
import { useLogout } from '../../../lib/api/use-logout';
import { meQueryKey, needsAccountSetup } from '../../../lib/api/use-me';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { AuthFrame } from '../components/auth-frame';

export function AccountSetupPage() {
  const { t } = useTranslation('auth');
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const navigate = useNavigate();
  // Steps are fixed when the page opens, so the stepper does not jump while /me refreshes.
  const [steps] = useState(() => ({ password: me.mustChangePassword, totp: me.totpEnrolmentRequired }));
  const [finishing, setFinishing] = useState(false);

  if (!needsAccountSetup(me) && !finishing) {
    return <Navigate to="/" replace />;
  }

  const active = me.mustChangePassword ? 0 : steps.password ? 1 : 0;

  const finishTotp = () => {
    setFinishing(false);
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };

  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });

  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.subtitle', { name: me.name })} width={520}>
      <Stack gap="lg">
        {steps.password && steps.totp && (
          <Stepper active={active} size="xs" allowNextStepsSelect={false}>
            <Stepper.Step label={t('setup.stepPassword')} />
            <Stepper.Step label={t('setup.stepTotp')} />
          </Stepper>
        )}
        {me.mustChangePassword ? (
          <Stack gap="sm">
            <Text fw={600}>{t('setup.passwordTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('setup.passwordText')}
            </Text>
            <ChangePasswordForm
              currentLabel={t('setup.currentPassword')}
              submitLabel={steps.totp ? t('setup.passwordNext') : t('setup.passwordDone')}
              onChanged={() => undefined}
            />
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text fw={600}>{t('setup.totpTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('setup.totpText')}
            </Text>
            <TotpEnrolment email={me.email} onDone={finishTotp} onConfirmed={() => setFinishing(true)} />
          </Stack>
        )}
        <Group justify="center">
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={signOut}>
            {t('setup.signOut')}
          </Anchor>
        </Group>
      </Stack>
    </AuthFrame>
  );
}
